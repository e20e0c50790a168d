import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminBreadcrumb } from "~/components/administration/admin-breadcrumb";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("administration:dashboard.title"),
};

/** The city admin's start page: links to every administration task of the city. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await requireCityAdmin(request, params.city);
  return { city: { slug: city.slug, name: city.name } };
}

export default function CityAdminDashboard() {
  const { t } = useTranslation();
  const { city } = useLoaderData<typeof loader>();
  const base = `/cities/${city.slug}`;
  const links = [
    { to: `${base}/ideas`, label: t("administration:dashboard.ideas") },
    { to: `${base}/admin/merge`, label: t("administration:dashboard.merge") },
    {
      to: `${base}/admin/categories`,
      label: t("administration:dashboard.categories"),
    },
    {
      to: `${base}/admin/settings`,
      label: t("administration:dashboard.settings"),
    },
    {
      to: `${base}/admin/statistics`,
      label: t("administration:dashboard.statistics"),
    },
    { to: `${base}/admin/absorption`, label: t("services:dashboard.title") },
    {
      to: `${base}/moderation`,
      label: t("administration:dashboard.moderation"),
    },
  ];
  return (
    <>
      <AdminBreadcrumb city={city} />
      <h1>{t("administration:dashboard.heading", { city: city.name })}</h1>
      <p className="max-w-prose">{t("administration:dashboard.intro")}</p>
      <ul className="flex max-w-xl flex-col gap-2">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
        <li>
          {/* A file download: a plain link, no client-side navigation. */}
          <a href={`${base}/admin/ideas.csv`} download>
            {t("administration:dashboard.csv")}
          </a>
        </li>
      </ul>
    </>
  );
}
