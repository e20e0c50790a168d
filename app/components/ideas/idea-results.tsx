import { useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ListQuery, Sort } from "~/modules/ideas/list.schema";
import { IdeaCard, type IdeaCardData } from "./idea-card";
import { Pagination } from "./pagination";

/**
 * The result part of an idea list: a heading that says what is shown, the active filters,
 * the cards, an empty state and the pages. After an in-app navigation (new filters, next
 * page) focus moves to the heading and a status message announces how many ideas are shown.
 */
export function IdeaResults({
  query,
  sort,
  ideas,
  page,
  nextHref,
  firstHref,
  cityName,
  showCity,
  empty,
}: {
  query: ListQuery;
  sort: Sort;
  ideas: IdeaCardData[];
  page: number;
  nextHref: string | null;
  firstHref: string | null;
  /** The city the filter (or the page) is limited to, for the summary. */
  cityName?: string;
  showCity?: boolean;
  /** Shown instead of the generic empty message when nothing is filtered. */
  empty?: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Compared with the last URL (not a "first render" flag) so StrictMode's double effects
  // do not move focus when the page loads.
  const shownFor = useRef(location.search);
  useEffect(() => {
    if (shownFor.current === location.search) return;
    shownFor.current = location.search;
    heading.current?.focus();
  }, [location.search]);

  const details = [
    query.q ? t("browse:results.sortedBy", { sort: t(`browse:sort.${sort}`) }) : null,
    query.category ? t("browse:results.category", { category: t(`categories:${query.category}`) }) : null,
    query.status
      ? t("browse:results.status", { status: query.status === "open" ? t("browse:filters.open") : t(`ideas:status.${query.status}`) })
      : null,
    query.city && cityName ? t("browse:results.city", { city: cityName }) : null,
    page > 1 ? t("browse:results.page", { page }) : null,
  ].filter((detail): detail is string => Boolean(detail));
  const filtered = Boolean(query.q || query.category || query.status || query.city);

  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" ref={heading} tabIndex={-1} className="mt-0 focus:outline-none focus-visible:outline">
        {query.q ? t("browse:results.searchHeading", { query: query.q }) : t(`browse:results.heading.${sort}`)}
      </h2>
      {details.length > 0 ? <p className="mb-2 text-slate-700">{details.join(" · ")}</p> : null}
      <p role="status" className="mb-4 text-sm text-slate-700">
        {ideas.length > 0 ? t("browse:results.shown", { count: ideas.length }) : t("browse:results.none")}
        {nextHref ? ` ${t("browse:results.more")}` : null}
      </p>
      {ideas.length > 0 ? (
        <ul aria-labelledby="results-heading" className="m-0 grid list-none gap-4 p-0 md:grid-cols-2">
          {ideas.map((idea) => (
            <li key={idea.id}>
              <IdeaCard idea={idea} showCity={showCity} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="card">
          {!filtered && page === 1 && empty ? (
            empty
          ) : (
            <>
              <p className="m-0 font-semibold">{t("browse:results.empty")}</p>
              <p className="mb-0 mt-1">{t("browse:results.emptyHint")}</p>
            </>
          )}
        </div>
      )}
      <Pagination nextHref={nextHref} firstHref={firstHref} />
    </section>
  );
}
