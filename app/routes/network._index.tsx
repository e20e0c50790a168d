import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationCard } from "~/components/consultations/consultation-card";
import { IdeaCard } from "~/components/ideas/idea-card";
import { LaunchedServices } from "~/components/network/launched-services";
import { NetworkFilters, useCountryName } from "~/components/network/network-filters";
import { getNetworkOverview } from "~/modules/network/network.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("network:title") };

/** Public: what is happening across the cities, optionally of one country (?country=) or city (?city=). */
export async function loader({ request }: LoaderFunctionArgs) {
  return getNetworkOverview(new URL(request.url).searchParams);
}

function listHref(path: string, params: Record<string, string | null>) {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${path}?${search}` : path;
}

export default function NetworkView() {
  const { t } = useTranslation();
  const overview = useLoaderData<typeof loader>();
  const { filters, onlyCity, trending, consultations, services } = overview;
  const countryName = useCountryName();
  const selectedCity = overview.cities.find((city) => city.slug === filters.city);
  const place = selectedCity ? selectedCity.name : filters.country ? countryName(filters.country) : null;
  // The full lists filter by one city; a country of several cities links to the whole network's.
  const citySlug = onlyCity?.slug ?? null;

  return (
    <>
      <h1>{t("network:title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("network:intro")}</p>
      <NetworkFilters cities={overview.cities} countries={overview.countries} country={filters.country} city={filters.city} />
      <p role="status" className="mb-6 font-medium">
        {place ? t("network:filters.showingPlace", { place }) : t("network:filters.showingAll")}
      </p>

      <section aria-labelledby="network-trending" className="mb-10">
        <h2 id="network-trending">{t("network:trending.heading")}</h2>
        <p className="text-slate-700">{t("network:trending.intro")}</p>
        {trending.ideas.length === 0 ? (
          <p className="card bg-slate-50">{t("network:trending.empty")}</p>
        ) : (
          <ul className="m-0 grid list-none grid-cols-1 gap-4 p-0 md:grid-cols-2 lg:grid-cols-3">
            {trending.ideas.map((idea) => (
              <li key={idea.id}>
                <IdeaCard idea={idea} showCity />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link to={listHref("/ideas", { status: "open", city: citySlug })}>{t("network:trending.all")}</Link>
        </p>
      </section>

      <section aria-labelledby="network-consultations" className="mb-10">
        <h2 id="network-consultations">{t("network:consultations.heading")}</h2>
        {consultations.items.length === 0 ? (
          <p className="card bg-slate-50">{t("network:consultations.empty")}</p>
        ) : (
          <ul className="m-0 grid list-none grid-cols-1 gap-4 p-0 md:grid-cols-2">
            {consultations.items.map((item) => (
              <li key={item.id}>
                <ConsultationCard consultation={item} showCity />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link to={listHref("/consultations", { city: citySlug })}>{t("network:consultations.all")}</Link>
        </p>
      </section>

      <section aria-labelledby="network-services" className="mb-10">
        <h2 id="network-services">{t("network:services.heading")}</h2>
        <p className="text-slate-700">{t("network:services.intro")}</p>
        {services.services.length === 0 ? (
          <p className="card bg-slate-50">{t("network:services.empty")}</p>
        ) : (
          <LaunchedServices services={services.services} />
        )}
        {services.hasMore ? (
          <p className="mt-4">
            <Link to={listHref("/ideas", { status: "launched", city: citySlug })}>{t("network:services.all")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
