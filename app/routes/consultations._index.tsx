import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationList, pageHref } from "~/components/consultations/consultation-list";
import { getViewer } from "~/modules/accounts/viewer.server";
import { listCities } from "~/modules/cities/cities.server";
import { listConsultations } from "~/modules/consultations/consultations.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("consultations:list.networkTitle") };

/** Published consultations of the whole network, newest first, optionally of one city (?city=). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const [viewer, cities] = await Promise.all([getViewer(request), listCities()]);
  // An unknown ?city= is ignored (the whole network), never an error.
  const city = cities.find((item) => item.slug === url.searchParams.get("city")) ?? null;
  const list = await listConsultations({ cityId: city?.id, viewer, page: url.searchParams.get("page"), withDrafts: false });
  return {
    list,
    cities: cities.map(({ slug, name }) => ({ slug, name })),
    city: city ? { slug: city.slug, name: city.name } : null,
  };
}

export default function NetworkConsultations() {
  const { t } = useTranslation();
  const { list, cities, city } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  return (
    <>
      <h1>{t("consultations:list.networkHeading")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("consultations:list.networkIntro")}</p>
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("consultations:list.filterLabel")}>
        <div>
          <label htmlFor="filter-city" className="mb-1 block font-semibold">
            {t("consultations:list.cityFilter")}
          </label>
          <select id="filter-city" name="city" defaultValue={city?.slug ?? ""} className="field-input">
            <option value="">{t("consultations:list.allCities")}</option>
            {cities.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("consultations:list.applyFilter")}
        </button>
      </Form>
      <ConsultationList
        headingId="consultations-heading"
        heading={city ? t("consultations:list.cityHeading", { city: city.name }) : t("consultations:list.all")}
        items={list.items}
        showCity={!city}
        empty={<p className="m-0">{city ? t("consultations:list.emptyCity", { city: city.name }) : t("consultations:list.emptyNetwork")}</p>}
        previousHref={list.page > 1 ? pageHref(pathname, search, list.page - 1) : null}
        nextHref={list.hasNextPage ? pageHref(pathname, search, list.page + 1) : null}
      />
    </>
  );
}
