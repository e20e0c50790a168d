import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireModeratorOf } from "~/modules/moderation/moderation-routes.server";
import { db } from "~/utils/db.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("cities:moderation.title"),
};

/** The city's moderation desk (layout): moderators, city admins and network admins only. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { city } = await requireModeratorOf(request, params.city);
  const [submitted, reported] = await Promise.all([
    db.idea.count({ where: { cityId: city.id, status: "SUBMITTED" } }),
    db.report.groupBy({
      by: ["targetType", "targetId"],
      where: { cityId: city.id, status: "OPEN" },
    }),
  ]);
  return {
    city: { slug: city.slug, name: city.name },
    counts: { submitted, reported: reported.length },
  };
}

export default function ModerationLayout() {
  const { t } = useTranslation();
  const { city, counts } = useLoaderData<typeof loader>();
  const base = `/cities/${city.slug}/moderation`;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `inline-flex min-h-[44px] items-center rounded-md px-3 font-semibold ${
      isActive ? "bg-brand text-white" : "text-brand underline underline-offset-2 hover:bg-slate-100"
    }`;
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>{t("cities:moderation.title")}</li>
        </ol>
      </nav>
      <nav aria-label={t("moderation:nav.label")} className="mb-6">
        <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
          <li>
            <NavLink to={base} end className={linkClass}>
              {t("moderation:nav.queue", { count: counts.submitted })}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/reports`} className={linkClass}>
              {t("moderation:nav.reports", { count: counts.reported })}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/feedback`} className={linkClass}>
              {t("services:moderation.nav")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/audit`} className={linkClass}>
              {t("moderation:nav.audit")}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
