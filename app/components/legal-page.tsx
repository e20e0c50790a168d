import { useTranslation } from "react-i18next";

type Section = { heading: string; paragraphs: string[] };

/** A static page whose whole text lives in the `legal` namespace (so it is translated). */
export function LegalPage({ page }: { page: "privacy" | "accessibility" | "terms" }) {
  const { t } = useTranslation("legal");
  const sections = t(`${page}.sections`, { returnObjects: true }) as Section[] | string;
  return (
    <article className="prose-page max-w-3xl">
      <h1>{t(`${page}.title`)}</h1>
      <p className="mb-6 text-slate-700">{t(`${page}.updated`)}</p>
      {Array.isArray(sections)
        ? sections.map((section) => (
            <section key={section.heading}>
              <h2>{section.heading}</h2>
              {section.paragraphs.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </section>
          ))
        : null}
    </article>
  );
}
