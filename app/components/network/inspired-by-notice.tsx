// Above the new-idea form when it was opened from another city's idea: which idea the
// copied text comes from, or why that idea cannot be used (the form is then empty).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TravelRefusal, TravelSource } from "~/modules/network/travel.server";
import { useContentLanguage } from "./content-language";

export function InspiredByNotice({ source, error, cityName }: { source: TravelSource | null; error: TravelRefusal | null; cityName: string }) {
  const { t } = useTranslation();
  const written = useContentLanguage(source?.language);
  if (source) {
    return (
      <div className="mb-6 rounded-md border-l-4 border-brand bg-brand-light p-4" data-testid="inspired-by-notice">
        <p className="m-0 font-semibold">
          {t("network:form.inspiredBy")}{" "}
          <Link to={`/cities/${source.city.slug}/ideas/${source.number}`} lang={written.lang}>
            {source.title}
          </Link>{" "}
          {t("network:form.cityInParentheses", { city: source.city.name })}
        </p>
        <p className="mb-0 mt-2">{t("network:form.inspiredByHint", { city: cityName })}</p>
      </div>
    );
  }
  if (!error) return null;
  return (
    <div role="status" className="mb-6 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
      <p className="m-0">{error === "sameCity" ? t("network:travel.errors.sameCity") : t("network:travel.errors.unavailableOnLoad")}</p>
    </div>
  );
}
