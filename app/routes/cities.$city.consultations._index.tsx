import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationList, pageHref } from "~/components/consultations/consultation-list";
import { getViewer } from "~/modules/accounts/viewer.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { listConsultations } from "~/modules/consultations/consultations.server";
import { isCityAdmin } from "~/modules/ideas/lifecycle.policy";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, data) => {
    const city = (data as { city?: { name: string } } | undefined)?.city;
    return city ? t("consultations:list.cityTitle", { city: city.name }) : null;
  },
};

/** The city's published consultations; its admins also see the drafts and a "New consultation" button. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  const viewer = await getViewer(request);
  const list = await listConsultations({ cityId: city.id, viewer, page: new URL(request.url).searchParams.get("page") });
  return { city: { slug: city.slug, name: city.name }, list, canCreate: isCityAdmin(viewer, city.id) };
}

export default function CityConsultations() {
  const { t } = useTranslation();
  const { city, list, canCreate } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/">{t("cities:network.short")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("consultations:nav.consultations")}</li>
        </ol>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1>{t("consultations:list.cityHeading", { city: city.name })}</h1>
          <p className="m-0 text-lg">{t("consultations:list.cityIntro", { city: city.name })}</p>
        </div>
        {canCreate ? (
          <Link to={`/cities/${city.slug}/consultations/new`} className="btn-primary">
            {t("consultations:list.create")}
          </Link>
        ) : null}
      </div>
      {list.drafts ? (
        <ConsultationList
          headingId="drafts-heading"
          heading={t("consultations:list.drafts")}
          items={list.drafts}
          empty={<p className="m-0">{t("consultations:list.noDrafts")}</p>}
        />
      ) : null}
      <ConsultationList
        headingId="published-heading"
        heading={list.drafts ? t("consultations:list.published") : t("consultations:list.all")}
        items={list.items}
        empty={<p className="m-0">{t("consultations:list.emptyCity", { city: city.name })}</p>}
        previousHref={list.page > 1 ? pageHref(pathname, search, list.page - 1) : null}
        nextHref={list.hasNextPage ? pageHref(pathname, search, list.page + 1) : null}
      />
    </>
  );
}
