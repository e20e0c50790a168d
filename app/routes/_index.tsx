import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/options";
import { listCities } from "~/modules/cities/cities.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("cities:network.title") };

export async function loader() {
  const cities = await listCities();
  return { cities: cities.map(({ slug, name, countryCode }) => ({ slug, name, countryCode })) };
}

export default function NetworkHome() {
  const { t, i18n } = useTranslation();
  const { cities } = useLoaderData<typeof loader>();
  const countryName = new Intl.DisplayNames([intlLocale(i18n.language)], { type: "region" });
  return (
    <>
      <section aria-labelledby="network-title" className="mb-8">
        <h1 id="network-title">{t("cities:network.title")}</h1>
        <p className="max-w-3xl text-lg">{t("cities:network.intro")}</p>
        <p>
          <Link to="/network">{t("network:homeLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="cities-title">
        <h2 id="cities-title">{t("cities:network.citiesHeading")}</h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {cities.map((city) => (
            <li key={city.slug} className="card">
              <h3 className="text-lg font-semibold">
                <Link to={`/cities/${city.slug}`}>{city.name}</Link>
              </h3>
              <p className="text-slate-700">{countryName.of(city.countryCode)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="how-title" className="mt-10">
        <h2 id="how-title">{t("cities:network.howHeading")}</h2>
        <ol className="grid list-decimal gap-3 pl-6 sm:grid-cols-2">
          <li>{t("cities:network.stepPropose")}</li>
          <li>{t("cities:network.stepSupport")}</li>
          <li>{t("cities:network.stepDecide")}</li>
          <li>{t("cities:network.stepUse")}</li>
        </ol>
      </section>
    </>
  );
}
