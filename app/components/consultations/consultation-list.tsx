import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ConsultationListItem } from "~/modules/consultations/consultations.server";
import { ConsultationCard } from "./consultation-card";

/** A grid of consultation cards under a heading, with "Previous"/"Next page" links and an empty state. */
export function ConsultationList({
  headingId,
  heading,
  items,
  showCity = false,
  empty,
  previousHref,
  nextHref,
}: {
  headingId: string;
  heading: string;
  items: ConsultationListItem[];
  showCity?: boolean;
  empty: ReactNode;
  previousHref?: string | null;
  nextHref?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId}>{heading}</h2>
      {items.length === 0 ? (
        <div className="card bg-slate-50">{empty}</div>
      ) : (
        <ul className="m-0 grid list-none grid-cols-1 gap-4 p-0 md:grid-cols-2">
          {items.map((item) => (
            <li key={item.id}>
              <ConsultationCard consultation={item} showCity={showCity} />
            </li>
          ))}
        </ul>
      )}
      {previousHref || nextHref ? (
        <nav aria-label={t("consultations:list.pagination")} className="mt-6">
          <ul className="m-0 flex list-none flex-wrap gap-3 p-0">
            {previousHref ? (
              <li>
                <Link to={previousHref} rel="prev" className="btn-secondary">
                  {t("consultations:list.previous")}
                </Link>
              </li>
            ) : null}
            {nextHref ? (
              <li>
                <Link to={nextHref} rel="next" className="btn-primary">
                  {t("consultations:list.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

/** "?page=2" links that keep the other parameters of the URL. */
export function pageHref(pathname: string, search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
