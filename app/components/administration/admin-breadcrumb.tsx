import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** City › Administration › page. `current` omitted on the dashboard itself. */
export function AdminBreadcrumb({
  city,
  current,
}: {
  city: { slug: string; name: string };
  current?: string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link to={`/cities/${city.slug}`}>{city.name}</Link>
          <span aria-hidden="true"> › </span>
        </li>
        {current ? (
          <>
            <li>
              <Link to={`/cities/${city.slug}/admin`}>
                {t("administration:breadcrumb")}
              </Link>
              <span aria-hidden="true"> › </span>
            </li>
            <li aria-current="page">{current}</li>
          </>
        ) : (
          <li aria-current="page">{t("administration:breadcrumb")}</li>
        )}
      </ol>
    </nav>
  );
}
