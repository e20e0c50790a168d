import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous / next page links with "Page 2 of 5" (offset pages: these lists are small and counted). */
export function ParticipantPager({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className="btn-secondary">
          {t("participation:admin.previous")}
        </Link>
      ) : null}
      <span>{t("participation:admin.page", { page: Math.min(page, pageCount), total: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className="btn-secondary">
          {t("participation:admin.next")}
        </Link>
      ) : null}
    </nav>
  );
}
