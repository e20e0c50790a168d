import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Forward-only pages (keyset pagination has no page count): "Next page" while there is
 * more, and "First page" once past it.
 */
export function Pagination({ nextHref, firstHref }: { nextHref: string | null; firstHref: string | null }) {
  const { t } = useTranslation();
  if (!nextHref && !firstHref) return null;
  return (
    <nav aria-label={t("browse:pagination.label")} className="mt-6">
      <ul className="m-0 flex list-none flex-wrap gap-3 p-0">
        {firstHref ? (
          <li>
            <Link to={firstHref} className="btn-secondary" preventScrollReset>
              {t("browse:pagination.first")}
            </Link>
          </li>
        ) : null}
        {nextHref ? (
          <li>
            <Link to={nextHref} rel="next" className="btn-primary" preventScrollReset>
              {t("browse:pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
