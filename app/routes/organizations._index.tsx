import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganizationCard } from "~/components/organizations/organization-card";
import { listCities } from "~/modules/cities/cities.server";
import { isSector, SECTORS } from "~/modules/organizations/organizations.schema";
import { listOrganizations } from "~/modules/organizations/organizations.server";
import type { RouteHandle } from "~/utils/route-handle";
import { intlLocale } from "~/i18n/options";

export const handle: RouteHandle = { title: (t) => t("organizations:directory.title") };

/** ?city=&sector=&page= — unknown or malformed values fall back to "all" / page 1 (never an error page). */
function parseDirectoryQuery(searchParams: URLSearchParams, citySlugs: string[]) {
  const city = searchParams.get("city") ?? "";
  const sector = searchParams.get("sector") ?? "";
  const page = searchParams.get("page") ?? "";
  return {
    city: citySlugs.includes(city) ? city : undefined,
    sector: isSector(sector) ? sector : undefined,
    page: /^[1-9][0-9]{0,5}$/.test(page) ? Number(page) : 1,
  };
}

function directorySearch(query: { city?: string; sector?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (query.city) params.set("city", query.city);
  if (query.sector) params.set("sector", query.sector);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const cities = await listCities();
  const query = parseDirectoryQuery(new URL(request.url).searchParams, cities.map((city) => city.slug));
  const cityId = cities.find((city) => city.slug === query.city)?.id;
  const result = await listOrganizations({ cityId, sector: query.sector, page: query.page });
  return {
    query: { city: query.city ?? "", sector: query.sector ?? "" },
    cities: cities.map(({ slug, name }) => ({ slug, name })),
    ...result,
  };
}

export default function OrganizationDirectory() {
  const { t, i18n } = useTranslation();
  const { query, cities, organizations, total, page, pageCount } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  const filtered = Boolean(query.city || query.sector);
  const format = new Intl.NumberFormat(intlLocale(i18n.language));
  const pageHref = (target: number) => `${pathname}${directorySearch({ city: query.city, sector: query.sector, page: target })}`;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1>{t("organizations:directory.heading")}</h1>
          <p className="text-lg">{t("organizations:directory.intro")}</p>
        </div>
        <Link to="/organizations/new" className="btn-primary">
          {t("organizations:directory.create")}
        </Link>
      </div>
      {/* A plain GET form: the filters live in the URL and work without JavaScript. Keyed by the URL so back/forward shows the filters in force. */}
      <Form key={search} method="get" role="search" aria-labelledby="directory-filters-heading" className="card mb-8">
        <h2 id="directory-filters-heading" className="mt-0 text-lg">
          {t("organizations:directory.filters")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="filter-city" className="mb-1 block font-semibold">
              {t("organizations:directory.city")}
            </label>
            <select id="filter-city" name="city" defaultValue={query.city} className="field-input min-h-[44px]">
              <option value="">{t("organizations:directory.allCities")}</option>
              {cities.map((city) => (
                <option key={city.slug} value={city.slug}>
                  {city.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-sector" className="mb-1 block font-semibold">
              {t("organizations:directory.sector")}
            </label>
            <select id="filter-sector" name="sector" defaultValue={query.sector} className="field-input min-h-[44px]">
              <option value="">{t("organizations:directory.allSectors")}</option>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`organizations:sector.${sector}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {t("organizations:directory.apply")}
          </button>
          {filtered ? (
            <Link to={pathname} className="flex min-h-[44px] items-center">
              {t("organizations:directory.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <section aria-labelledby="directory-results">
        <p id="directory-results" className="mb-4 font-semibold" aria-live="polite">
          {total === 0
            ? t("organizations:directory.none")
            : t("organizations:directory.count", { count: total, formatted: format.format(total) })}
        </p>
        {organizations.length > 0 ? (
          <ul className="m-0 grid list-none gap-4 p-0 md:grid-cols-2">
            {organizations.map((organization) => (
              <li key={organization.id}>
                <OrganizationCard organization={organization} />
              </li>
            ))}
          </ul>
        ) : filtered ? (
          <p>
            <Link to={pathname}>{t("organizations:directory.showAll")}</Link>
          </p>
        ) : null}
        {pageCount > 1 ? (
          <nav aria-label={t("organizations:directory.pagination")} className="mt-6 flex flex-wrap items-center gap-3">
            {page > 1 ? (
              <Link to={pageHref(page - 1)} rel="prev" className="btn-secondary">
                {t("organizations:directory.previous")}
              </Link>
            ) : null}
            <p className="m-0">{t("organizations:directory.pageOf", { page: format.format(page), pages: format.format(pageCount) })}</p>
            {page < pageCount ? (
              <Link to={pageHref(page + 1)} rel="next" className="btn-primary">
                {t("organizations:directory.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
