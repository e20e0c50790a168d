import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaFilters } from "~/components/ideas/idea-filters";
import { IdeaResults } from "~/components/ideas/idea-results";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { listSearch } from "~/modules/ideas/list.schema";
import { browseIdeas } from "~/modules/ideas/list.server";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, data) => {
    const city = (data as { city?: { name: string } } | undefined)?.city;
    return city ? t("browse:city.title", { city: city.name }) : null;
  },
};

/** The public ideas of one city, filtered by the URL (bad parameters fall back to defaults). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  const list = await browseIdeas(new URL(request.url).searchParams, { cityId: city.id });
  return { ...list, city: { slug: city.slug, name: city.name } };
}

export default function CityIdeas() {
  const { t } = useTranslation();
  const { city, query, sort, ideas, page, nextCursor, categories } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const proposeHref = `/cities/${city.slug}/ideas/new`;
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
          <li aria-current="page">{t("browse:nav.ideas")}</li>
        </ol>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1>{t("browse:city.heading", { city: city.name })}</h1>
          <p className="m-0 text-lg">{t("browse:city.intro", { city: city.name })}</p>
        </div>
        <Link to={proposeHref} className="btn-primary text-lg">
          {t("browse:city.propose")}
        </Link>
      </div>
      <IdeaFilters query={query} sort={sort} categories={categories} />
      <IdeaResults
        query={query}
        sort={sort}
        ideas={ideas}
        page={page}
        nextHref={nextCursor ? `${pathname}${listSearch({ ...query, cursor: nextCursor })}` : null}
        firstHref={page > 1 ? `${pathname}${listSearch({ ...query, cursor: undefined })}` : null}
        empty={
          <>
            <p className="m-0 font-semibold">{t("browse:results.emptyCity", { city: city.name })}</p>
            <p className="mb-0 mt-3">
              <Link to={proposeHref} className="btn-primary">
                {t("browse:city.propose")}
              </Link>
            </p>
          </>
        }
      />
    </>
  );
}
