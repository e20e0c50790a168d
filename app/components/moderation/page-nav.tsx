import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** "Previous / Page n of m / Next" for the moderation lists (plain links, no JavaScript needed). */
export function PageNav({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("moderation:pagination.label")} className="mt-6">
      <ul className="m-0 flex list-none flex-wrap items-center gap-3 p-0">
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev" className="btn-secondary">
              {t("moderation:pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("moderation:pagination.status", { page, pages })}</li>
        {page < pages ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next" className="btn-primary">
              {t("moderation:pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A page number from the query string (1 for anything else). */
export function pageParam(value: string | null): number {
  const page = Number.parseInt(value ?? "", 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1;
}
