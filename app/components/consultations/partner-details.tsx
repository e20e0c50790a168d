import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import type { AdminParticipants } from "~/modules/consultations/participation.server";

type Partner = AdminParticipants["partners"][number];

/** Only http(s) websites become links (a stored "javascript:" URL must never be clickable). */
function safeWebsite(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** One solution partner as the city's administrators see it: statement, and contact data only if shared. */
export function PartnerDetails({ partner, timeZone }: { partner: Partner; timeZone: string }) {
  const { t } = useTranslation();
  const format = useCityDateFormat(timeZone);
  const organization = partner.organization;
  const website = safeWebsite(organization?.website ?? null);
  return (
    <article className="card" aria-label={organization?.name ?? t("participation:admin.organizationRemoved")}>
      <h3 className="mb-2 mt-0 text-lg font-semibold">
        {organization ? <Link to={`/organizations/${organization.slug}`}>{organization.name}</Link> : t("participation:admin.organizationRemoved")}
      </h3>
      <dl className="mb-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {organization ? (
          <>
            <dt className="font-semibold">{t("participation:admin.city")}</dt>
            <dd className="m-0">{organization.cityName}</dd>
          </>
        ) : null}
        {organization && organization.sectors.length > 0 ? (
          <>
            <dt className="font-semibold">{t("participation:admin.sectors")}</dt>
            <dd className="m-0">{organization.sectors.map((slug) => t(`organizations:sector.${slug}`, { defaultValue: slug })).join(", ")}</dd>
          </>
        ) : null}
        {website ? (
          <>
            <dt className="font-semibold">{t("participation:admin.website")}</dt>
            <dd className="m-0 break-all">
              <a href={website} rel="noopener noreferrer nofollow">
                {organization?.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("participation:admin.joinedBy")}</dt>
        <dd className="m-0">{partner.memberName ?? t("participation:admin.formerMember")}</dd>
        <dt className="font-semibold">{t("participation:admin.joinedAt")}</dt>
        <dd className="m-0">
          <time dateTime={partner.joinedAt}>{format(partner.joinedAt, "dateTime")}</time>
        </dd>
        <dt className="font-semibold">{t("participation:admin.contact")}</dt>
        <dd className="m-0">
          {partner.contact ? (
            partner.contact.email || partner.contact.phone ? (
              <ul className="m-0 list-none p-0">
                {partner.contact.email ? (
                  <li>
                    {t("participation:admin.email")}: <a href={`mailto:${partner.contact.email}`}>{partner.contact.email}</a>
                  </li>
                ) : null}
                {partner.contact.phone ? (
                  <li>
                    {t("participation:admin.phone")}: <a href={`tel:${partner.contact.phone.replace(/[^\d+]/g, "")}`}>{partner.contact.phone}</a>
                  </li>
                ) : null}
              </ul>
            ) : (
              t("participation:admin.noContactDetails")
            )
          ) : (
            t("participation:admin.contactNotShared")
          )}
        </dd>
      </dl>
      <h4 className="mb-1 mt-0 text-base font-semibold">{t("participation:admin.statement")}</h4>
      <p className="m-0 whitespace-pre-line">{partner.statement}</p>
    </article>
  );
}
