import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaFilters } from "~/components/ideas/idea-filters";
import { IdeaResults } from "~/components/ideas/idea-results";
import { listCities } from "~/modules/cities/cities.server";
import { listSearch } from "~/modules/ideas/list.schema";
import { browseIdeas } from "~/modules/ideas/list.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("browse:network.title") };

/** Every public idea of the network, filtered by the URL (bad parameters fall back to defaults). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const [list, cities] = await Promise.all([browseIdeas(url.searchParams), listCities()]);
  return { ...list, cities: cities.map(({ slug, name }) => ({ slug, name })) };
}

export default function NetworkIdeas() {
  const { t } = useTranslation();
  const { query, sort, ideas, page, nextCursor, categories, cities } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  return (
    <>
      <h1>{t("browse:network.heading")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("browse:network.intro")}</p>
      <IdeaFilters query={query} sort={sort} categories={categories} cities={cities} />
      <IdeaResults
        query={query}
        sort={sort}
        ideas={ideas}
        page={page}
        nextHref={nextCursor ? `${pathname}${listSearch({ ...query, cursor: nextCursor })}` : null}
        firstHref={page > 1 ? `${pathname}${listSearch({ ...query, cursor: undefined })}` : null}
        cityName={cities.find((city) => city.slug === query.city)?.name}
        showCity
      />
    </>
  );
}
