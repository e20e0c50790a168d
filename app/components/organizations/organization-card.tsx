import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type OrganizationCardData = {
  id: string;
  slug: string;
  name: string;
  description: string;
  sectors: string[];
  skills: string[];
  size: string | null;
  city: { slug: string; name: string };
};

/** The sectors as a list of tags. */
export function SectorTags({ sectors, label }: { sectors: string[]; label?: string }) {
  const { t } = useTranslation();
  if (sectors.length === 0) return null;
  return (
    <ul className="m-0 flex list-none flex-wrap gap-2 p-0" aria-label={label}>
      {sectors.map((sector) => (
        <li key={sector} className="rounded-full border border-sky-700 bg-sky-50 px-2.5 py-0.5 text-sm font-medium text-sky-900">
          {t(`organizations:sector.${sector}`)}
        </li>
      ))}
    </ul>
  );
}

/** The first characters of a description, cut at a word. */
function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).trimEnd()}…`;
}

/** One organization in the directory. */
export function OrganizationCard({ organization }: { organization: OrganizationCardData }) {
  const { t } = useTranslation();
  return (
    <article className="card flex h-full flex-col gap-2" aria-labelledby={`organization-${organization.id}-title`}>
      <h2 id={`organization-${organization.id}-title`} className="m-0 text-lg font-semibold leading-snug">
        <Link to={`/organizations/${organization.slug}`} className="inline-block py-1">
          {organization.name}
        </Link>
      </h2>
      <p className="m-0 text-sm text-slate-700">
        <span className="sr-only">{t("organizations:card.city")} </span>
        {organization.city.name}
        {organization.size ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">{t("organizations:card.size")} </span>
            {t(`organizations:size.${organization.size}`)}
          </>
        ) : null}
      </p>
      <SectorTags sectors={organization.sectors} label={t("organizations:card.sectors")} />
      <p className="m-0 flex-1 text-slate-900">{excerpt(organization.description)}</p>
      {organization.skills.length > 0 ? (
        <p className="m-0 text-sm text-slate-700">
          <span className="font-semibold">{t("organizations:card.skills")}</span> {organization.skills.slice(0, 6).join(", ")}
          {organization.skills.length > 6 ? t("organizations:card.moreSkills", { count: organization.skills.length - 6 }) : null}
        </p>
      ) : null}
    </article>
  );
}
