import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCityRole } from "~/modules/accounts/roles.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("cities:moderation.title") };

/** The city's moderation desk: moderators, city admins and network admins only. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  await requireCityRole(request, city.id, "MODERATOR");
  const team = await db.roleAssignment.findMany({
    where: { OR: [{ cityId: city.id }, { role: "NETWORK_ADMIN" }] },
    select: { id: true, role: true, user: { select: { displayName: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  const [unverified, residents] = await Promise.all([
    db.user.count({ where: { homeCityId: city.id, emailVerifiedAt: null, deletedAt: null } }),
    db.user.count({ where: { homeCityId: city.id, deletedAt: null } }),
  ]);
  return {
    city: { slug: city.slug, name: city.name },
    team: team.map((member) => ({ id: member.id, role: member.role, name: member.user.displayName })),
    residents,
    unverified,
  };
}

export default function ModerationDesk() {
  const { t } = useTranslation();
  const { city, team, residents, unverified } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("cities:moderation.title")}</li>
        </ol>
      </nav>
      <h1>{t("cities:moderation.heading", { city: city.name })}</h1>
      <section aria-labelledby="accounts-title" className="mb-8">
        <h2 id="accounts-title">{t("cities:moderation.accountsHeading")}</h2>
        <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-2">
          <dt>{t("cities:moderation.residents")}</dt>
          <dd className="text-right font-semibold">{residents}</dd>
          <dt>{t("cities:moderation.unverified")}</dt>
          <dd className="text-right font-semibold">{unverified}</dd>
        </dl>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t("cities:moderation.teamHeading")}</h2>
        <table className="w-full max-w-2xl border-collapse text-left">
          <caption className="sr-only">{t("cities:moderation.teamCaption", { city: city.name })}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                {t("cities:moderation.name")}
              </th>
              <th scope="col" className="py-2">
                {t("cities:moderation.role")}
              </th>
            </tr>
          </thead>
          <tbody>
            {team.map((member) => (
              <tr key={member.id} className="border-b border-slate-200">
                <td className="py-2 pr-4">{member.name}</td>
                <td className="py-2">{t(`cities:roles.${member.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
