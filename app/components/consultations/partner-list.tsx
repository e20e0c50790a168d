import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type PublicPartner = { organization: { slug: string; name: string; cityName: string }; statement: string };

/** The organizations that offered to help, with what they offer (no contact data: that is for the city only). */
export function PartnerList({ partners, total }: { partners: PublicPartner[]; total: number }) {
  const { t } = useTranslation();
  const more = total - partners.length;
  return (
    <section aria-labelledby="partners-heading" className="mt-6 border-t border-slate-300 pt-4">
      <h3 id="partners-heading" className="mb-2 mt-0 text-lg font-semibold">
        {t("participation:panel.partners.heading")}
      </h3>
      {partners.length === 0 ? (
        <p className="m-0">{t("participation:panel.partners.none")}</p>
      ) : (
        <ul className="m-0 flex list-none flex-col gap-4 p-0">
          {partners.map((partner) => (
            <li key={partner.organization.slug}>
              <p className="m-0">
                <Link to={`/organizations/${partner.organization.slug}`} className="font-semibold">
                  {partner.organization.name}
                </Link>{" "}
                <span className="text-sm text-slate-700">{t("participation:panel.partners.from", { city: partner.organization.cityName })}</span>
              </p>
              <p className="mb-0 mt-1 whitespace-pre-line">{partner.statement}</p>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="mb-0 mt-3 text-sm text-slate-700">{t("participation:panel.partners.more", { count: more })}</p> : null}
    </section>
  );
}
