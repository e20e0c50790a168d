// The network view's filters: a GET form (the state lives in the URL, so a filtered view
// can be shared, bookmarked and used without JavaScript). Countries are named in the
// reader's language by Intl.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/options";

export function useCountryName() {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([intlLocale(i18n.language)], { type: "region" });
  return (code: string) => names.of(code) ?? code;
}

export function NetworkFilters({
  cities,
  countries,
  country,
  city,
}: {
  cities: { slug: string; name: string; countryCode: string }[];
  countries: string[];
  country: string | null;
  city: string | null;
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const sortedCountries = [...countries].sort((a, b) => countryName(a).localeCompare(countryName(b), i18n.language));
  return (
    <Form method="get" action="/network" className="card mb-8 flex flex-wrap items-end gap-4" aria-labelledby="network-filters-heading">
      <h2 id="network-filters-heading" className="sr-only">
        {t("network:filters.heading")}
      </h2>
      <div>
        <label htmlFor="network-country" className="mb-1 block font-semibold">
          {t("network:filters.country")}
        </label>
        <select id="network-country" name="country" defaultValue={country ?? ""} className="field-input">
          <option value="">{t("network:filters.allCountries")}</option>
          {sortedCountries.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="network-city" className="mb-1 block font-semibold">
          {t("network:filters.city")}
        </label>
        <select id="network-city" name="city" defaultValue={city ?? ""} className="field-input">
          <option value="">{t("network:filters.allCities")}</option>
          {cities.map((item) => (
            <option key={item.slug} value={item.slug}>
              {t("network:filters.cityOption", { city: item.name, country: countryName(item.countryCode) })}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary">
          {t("network:filters.apply")}
        </button>
        {country || city ? (
          <Link to="/network" className="inline-flex min-h-[44px] items-center">
            {t("network:filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
