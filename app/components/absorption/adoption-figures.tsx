// The public adoption figures of a service: how many answered, the share per usage answer
// and the average ease with the number of ratings behind it. Counts only, never names.
import { useTranslation } from "react-i18next";
import { ADOPTION_USAGES } from "~/modules/absorption/adoption.schema";
import type { AdoptionFigures } from "~/modules/absorption/feedback.server";
import { intlLocale } from "~/i18n/options";

export function useFigureFormat() {
  const { i18n } = useTranslation();
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { style: "percent", maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(intlLocale(i18n.language), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    share: (part: number, total: number) => (total > 0 ? percent.format(part / total) : "–"),
    ease: (value: number | null) => (value === null ? "–" : decimal.format(value)),
    days: (seconds: number | null) => (seconds === null ? "–" : decimal.format(seconds / 86_400)),
  };
}

export function AdoptionFiguresView({ figures, labelledBy }: { figures: AdoptionFigures; labelledBy?: string }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  if (figures.answers === 0) return <p className="text-slate-700">{t("services:figures.none")}</p>;
  return (
    <div aria-labelledby={labelledBy} role={labelledBy ? "group" : undefined}>
      <p className="mb-2 font-semibold">{t("services:figures.answers", { count: figures.answers })}</p>
      <dl className="m-0 grid max-w-md grid-cols-[1fr_auto_auto] gap-x-4 gap-y-1 text-sm">
        {ADOPTION_USAGES.map((usage) => (
          <div key={usage} className="contents">
            <dt>{t(`services:usage.${usage}`)}</dt>
            <dd className="m-0 text-right font-semibold tabular-nums">{format.share(figures.byUsage[usage], figures.answers)}</dd>
            <dd className="m-0 text-right tabular-nums text-slate-700">{t("services:figures.count", { count: figures.byUsage[usage] })}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>{t("services:figures.averageEase")}</dt>
          <dd className="m-0 text-right font-semibold tabular-nums">
            {figures.averageEase === null ? "–" : t("services:figures.easeValue", { value: format.ease(figures.averageEase) })}
          </dd>
          <dd className="m-0 text-right tabular-nums text-slate-700">{t("services:figures.ratings", { count: figures.easeAnswers })}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Published answers to "what is missing", shown without who wrote them. */
export function MissingTexts({ texts, headingId, headingLevel = 3 }: { texts: { id: string; text: string }[]; headingId: string; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  if (texts.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <Heading id={headingId} className="mb-2 text-base">
        {t("services:figures.missingHeading")}
      </Heading>
      <ul className="m-0 list-disc space-y-1 pl-5">
        {texts.map((text) => (
          <li key={text.id} className="whitespace-pre-line">
            {text.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
