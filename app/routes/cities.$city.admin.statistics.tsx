import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminBreadcrumb } from "~/components/administration/admin-breadcrumb";
import {
  DataTable,
  HorizontalBarChart,
  WeeklyBarChart,
} from "~/components/administration/charts";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import {
  localizedName,
  STATISTICS_WEEKS,
} from "~/modules/administration/shared";
import { getCityStatistics } from "~/modules/administration/statistics.server";
import type { RouteHandle } from "~/utils/route-handle";
import { intlLocale } from "~/i18n/options";

export const handle: RouteHandle = {
  title: (t) => t("administration:statistics.title"),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await requireCityAdmin(request, params.city);
  const statistics = await getCityStatistics(city.id);
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    statistics,
  };
}

export default function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { city, statistics } = useLoaderData<typeof loader>();
  const shortDate = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      timeZone: "UTC",
      day: "numeric",
      month: "short",
    }).format(new Date(iso));
  const longDate = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      timeZone: "UTC",
      dateStyle: "long",
    }).format(new Date(iso));
  const statusData = statistics.ideasByStatus.map((row) => ({
    label: t(`ideas:status.${row.status}`),
    value: row.count,
  }));
  const categoryData = statistics.ideasByCategory.map((row) => ({
    label:
      Object.keys(row.names).length > 0
        ? localizedName(row.names, i18n.language) ?? row.slug
        : t(`categories:${row.slug}`),
    value: row.count,
  }));
  const weeks = statistics.weekly.map((week) => shortDate(week.weekStart));
  const overview = [
    [t("administration:statistics.participants"), statistics.participants],
    [
      t("administration:statistics.participantsAllTime"),
      statistics.participantsAllTime,
    ],
    [t("administration:statistics.newAccounts"), statistics.newAccounts],
    [t("administration:statistics.residents"), statistics.residents],
    [t("administration:statistics.totalIdeas"), statistics.totals.ideas],
    [t("administration:statistics.totalSupports"), statistics.totals.supports],
    [t("administration:statistics.totalComments"), statistics.totals.comments],
  ] as const;
  const activityTitle = t("administration:statistics.overTime");
  const growthTitle = t("administration:statistics.ideasOverTime");
  return (
    <>
      <AdminBreadcrumb
        city={city}
        current={t("administration:statistics.title")}
      />
      <h1>{t("administration:statistics.heading", { city: city.name })}</h1>
      <p>
        {t("administration:statistics.period", {
          weeks: STATISTICS_WEEKS,
          since: longDate(statistics.since),
        })}
      </p>
      <p>
        <a href={`/cities/${city.slug}/admin/ideas.csv`} download>
          {t("administration:statistics.csv")}
        </a>
      </p>

      <section aria-labelledby="stats-overview">
        <h2 id="stats-overview">{t("administration:statistics.overview")}</h2>
        <dl className="mb-8 grid max-w-2xl grid-cols-[1fr_auto] gap-x-6 gap-y-2">
          {overview.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd className="m-0 text-right font-semibold tabular-nums">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="stats-status">
        <h2 id="stats-status">{t("administration:statistics.byStatus")}</h2>
        <HorizontalBarChart
          title={t("administration:statistics.byStatus")}
          data={statusData}
        />
        <DataTable
          caption={t("administration:statistics.tableCaption", {
            title: t("administration:statistics.byStatus"),
          })}
          columns={[
            t("administration:statistics.status"),
            t("administration:statistics.count"),
          ]}
          rows={statusData.map((datum) => [datum.label, datum.value])}
        />
      </section>

      <section aria-labelledby="stats-category">
        <h2 id="stats-category">{t("administration:statistics.byCategory")}</h2>
        <HorizontalBarChart
          title={t("administration:statistics.byCategory")}
          data={categoryData}
        />
        <DataTable
          caption={t("administration:statistics.tableCaption", {
            title: t("administration:statistics.byCategory"),
          })}
          columns={[
            t("administration:statistics.category"),
            t("administration:statistics.count"),
          ]}
          rows={categoryData.map((datum) => [datum.label, datum.value])}
        />
      </section>

      <section aria-labelledby="stats-activity">
        <h2 id="stats-activity">{activityTitle}</h2>
        <WeeklyBarChart
          title={activityTitle}
          weeks={weeks}
          series={[
            {
              name: t("administration:statistics.supports"),
              color: "#1d4ed8",
              values: statistics.weekly.map((week) => week.supports),
            },
            {
              name: t("administration:statistics.comments"),
              color: "#b45309",
              values: statistics.weekly.map((week) => week.comments),
            },
          ]}
        />
        <DataTable
          caption={t("administration:statistics.tableCaption", {
            title: activityTitle,
          })}
          columns={[
            t("administration:statistics.week"),
            t("administration:statistics.supports"),
            t("administration:statistics.comments"),
          ]}
          rows={statistics.weekly.map((week) => [
            longDate(week.weekStart),
            week.supports,
            week.comments,
          ])}
        />
      </section>

      <section aria-labelledby="stats-growth">
        <h2 id="stats-growth">{growthTitle}</h2>
        <WeeklyBarChart
          title={growthTitle}
          weeks={weeks}
          series={[
            {
              name: t("administration:statistics.ideas"),
              color: "#047857",
              values: statistics.weekly.map((week) => week.ideas),
            },
            {
              name: t("administration:statistics.accounts"),
              color: "#7c3aed",
              values: statistics.weekly.map((week) => week.accounts),
            },
          ]}
        />
        <DataTable
          caption={t("administration:statistics.tableCaption", {
            title: growthTitle,
          })}
          columns={[
            t("administration:statistics.week"),
            t("administration:statistics.ideas"),
            t("administration:statistics.accounts"),
          ]}
          rows={statistics.weekly.map((week) => [
            longDate(week.weekStart),
            week.ideas,
            week.accounts,
          ])}
        />
      </section>

      <section aria-labelledby="stats-consultations">
        <h2 id="stats-consultations">
          {t("administration:statistics.consultations")}
        </h2>
        {statistics.consultations.length === 0 ? (
          <p>{t("administration:statistics.noConsultations")}</p>
        ) : (
          <table className="mb-8 w-full max-w-3xl border-collapse text-left text-sm">
            <caption className="sr-only">
              {t("administration:statistics.consultations")}
            </caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-4">
                  {t("administration:statistics.consultation")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("administration:statistics.consultationParticipants")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("administration:statistics.consultationIdeas")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("administration:statistics.consultationSupports")}
                </th>
              </tr>
            </thead>
            <tbody>
              {statistics.consultations.map((consultation) => (
                <tr key={consultation.id} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    <Link
                      to={`/cities/${city.slug}/consultations/${consultation.slug}`}
                    >
                      {consultation.title}
                    </Link>
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">
                    {consultation.participants}
                  </td>
                  <td className="py-1 pr-4 text-right tabular-nums">
                    {consultation.ideas}
                  </td>
                  <td className="py-1 pr-4 text-right tabular-nums">
                    {consultation.supports}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
