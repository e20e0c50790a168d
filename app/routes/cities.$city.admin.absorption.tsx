import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFigureFormat } from "~/components/absorption/adoption-figures";
import { BarChart } from "~/components/absorption/bar-chart";
import { AdminBreadcrumb } from "~/components/administration/admin-breadcrumb";
import { DataTable } from "~/components/administration/charts";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { ADOPTION_USAGES } from "~/modules/absorption/adoption.schema";
import { cityAbsorption } from "~/modules/absorption/absorption.server";
import { DASHBOARD_MISSING_LIMIT, FUNNEL_STAGES } from "~/modules/absorption/stages";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("services:dashboard.title"),
};

/** /cities/:city/admin/absorption — the city's funnel, stage times and adoption (city admins). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await requireCityAdmin(request, params.city);
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    absorption: await cityAbsorption(city.id, { missingLimit: DASHBOARD_MISSING_LIMIT }),
  };
}

export default function AbsorptionDashboard() {
  const { t } = useTranslation();
  const { city, absorption } = useLoaderData<typeof loader>();
  const format = useFigureFormat();
  const date = useCityDateFormat(city.timeZone);
  const stage = (name: string) => t(`services:stages.${name}`);
  const funnelTitle = t("services:dashboard.funnel");
  const timeTitle = t("services:dashboard.time");
  const adoptionTitle = t("services:dashboard.adoption");
  const groups = [
    { key: "supporters", label: t("services:dashboard.supporters"), figures: absorption.adoption.supporters },
    { key: "everyone", label: t("services:dashboard.everyone"), figures: absorption.adoption.everyone },
  ] as const;
  const durations = absorption.durations.filter((duration) => duration.stays > 0);
  return (
    <>
      <AdminBreadcrumb city={city} current={t("services:dashboard.title")} />
      <h1>{t("services:dashboard.heading", { city: city.name })}</h1>
      <p className="max-w-prose">{t("services:dashboard.intro")}</p>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        {/* A file download: a plain link, no client-side navigation. */}
        <a href={`/cities/${city.slug}/admin/absorption.csv`} download>
          {t("services:dashboard.csv")}
        </a>
        <Link to={`/cities/${city.slug}/services`}>{t("services:dashboard.servicesPage")}</Link>
        <Link to={`/cities/${city.slug}/moderation/feedback`}>{t("services:dashboard.moderate")}</Link>
      </p>

      <section aria-labelledby="absorption-funnel">
        <h2 id="absorption-funnel">{funnelTitle}</h2>
        <p className="max-w-prose text-sm text-slate-700">{t("services:dashboard.funnelHint")}</p>
        <BarChart
          title={funnelTitle}
          bars={FUNNEL_STAGES.map((name) => ({ label: stage(name), value: absorption.funnel[name], display: String(absorption.funnel[name]) }))}
        />
        <DataTable
          caption={t("services:tableCaption", { title: funnelTitle })}
          columns={[t("services:dashboard.stage"), t("services:dashboard.ideas"), t("services:dashboard.ofSubmitted")]}
          rows={FUNNEL_STAGES.map((name) => [stage(name), absorption.funnel[name], format.share(absorption.funnel[name], absorption.funnel.SUBMITTED)])}
        />
      </section>

      <section aria-labelledby="absorption-time">
        <h2 id="absorption-time">{timeTitle}</h2>
        <p className="max-w-prose text-sm text-slate-700">{t("services:dashboard.timeHint")}</p>
        {durations.length === 0 ? (
          <p>{t("services:dashboard.noTime")}</p>
        ) : (
          <>
            <BarChart
              title={timeTitle}
              bars={durations.map((duration) => ({
                label: stage(duration.stage),
                value: duration.medianSeconds ?? 0,
                display: t("services:dashboard.days", { value: format.days(duration.medianSeconds) }),
              }))}
            />
            <DataTable
              caption={t("services:tableCaption", { title: timeTitle })}
              columns={[t("services:dashboard.stage"), t("services:dashboard.medianDays"), t("services:dashboard.averageDays"), t("services:dashboard.stays")]}
              rows={durations.map((duration) => [stage(duration.stage), format.days(duration.medianSeconds), format.days(duration.averageSeconds), duration.stays])}
            />
          </>
        )}
      </section>

      <section aria-labelledby="absorption-adoption">
        <h2 id="absorption-adoption">{adoptionTitle}</h2>
        <p className="max-w-prose text-sm text-slate-700">{t("services:dashboard.adoptionHint")}</p>
        <BarChart
          title={adoptionTitle}
          max={1}
          bars={groups.flatMap((group) =>
            ADOPTION_USAGES.map((usage) => ({
              label: t(`services:usage.${usage}`),
              group: group.label,
              value: group.figures.answers > 0 ? group.figures.byUsage[usage] / group.figures.answers : 0,
              display: format.share(group.figures.byUsage[usage], group.figures.answers),
            })),
          )}
        />
        <DataTable
          caption={t("services:tableCaption", { title: adoptionTitle })}
          columns={[t("services:dashboard.measure"), ...groups.map((group) => group.label)]}
          rows={[
            [t("services:dashboard.answers"), ...groups.map((group) => group.figures.answers)],
            ...ADOPTION_USAGES.map((usage) => [
              t(`services:usage.${usage}`),
              ...groups.map((group) => `${format.share(group.figures.byUsage[usage], group.figures.answers)} (${group.figures.byUsage[usage]})`),
            ]),
            [
              t("services:figures.averageEase"),
              ...groups.map((group) => `${format.ease(group.figures.averageEase)} (${t("services:figures.ratings", { count: group.figures.easeAnswers })})`),
            ],
          ]}
        />
      </section>

      <section aria-labelledby="absorption-services">
        <h2 id="absorption-services">{t("services:dashboard.services")}</h2>
        {absorption.services.length === 0 ? (
          <p>{t("services:dashboard.noServices")}</p>
        ) : (
          <table className="mb-8 w-full max-w-3xl border-collapse text-left text-sm">
            <caption className="sr-only">{t("services:dashboard.services")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-4">
                  {t("services:dashboard.service")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:dashboard.answers")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:usage.REGULARLY")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:figures.averageEase")}
                </th>
              </tr>
            </thead>
            <tbody>
              {absorption.services.map((service) => (
                <tr key={service.number} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    <Link to={`/cities/${city.slug}/ideas/${service.number}`}>{service.title}</Link>
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{service.figures.answers}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{format.share(service.figures.byUsage.REGULARLY, service.figures.answers)}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{format.ease(service.figures.averageEase)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="absorption-missing">
        <h2 id="absorption-missing">{t("services:dashboard.missing")}</h2>
        <p className="max-w-prose text-sm text-slate-700">{t("services:dashboard.missingHint", { limit: DASHBOARD_MISSING_LIMIT })}</p>
        {absorption.missing.length === 0 ? (
          <p>{t("services:dashboard.noMissing")}</p>
        ) : (
          <table className="mb-8 w-full max-w-4xl border-collapse text-left text-sm">
            <caption className="sr-only">{t("services:dashboard.missing")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-4">
                  {t("services:dashboard.answer")}
                </th>
                <th scope="col" className="py-1 pr-4">
                  {t("services:dashboard.service")}
                </th>
                <th scope="col" className="py-1 pr-4">
                  {t("services:dashboard.usage")}
                </th>
                <th scope="col" className="py-1 pr-4">
                  {t("services:dashboard.status")}
                </th>
                <th scope="col" className="py-1 pr-4">
                  {t("services:dashboard.date")}
                </th>
              </tr>
            </thead>
            <tbody>
              {absorption.missing.map((answer) => (
                <tr key={answer.id} className="border-b border-slate-200 align-top">
                  <td className="whitespace-pre-line break-words py-1 pr-4">{answer.text}</td>
                  <td className="py-1 pr-4">
                    <Link to={`/cities/${city.slug}/ideas/${answer.idea.number}`}>{answer.idea.title}</Link>
                  </td>
                  <td className="py-1 pr-4">{t(`services:usage.${answer.usage}`)}</td>
                  <td className="py-1 pr-4">{t(`services:textStatus.${answer.status}`)}</td>
                  <td className="py-1 pr-4">
                    <time dateTime={answer.updatedAt}>{date(answer.updatedAt)}</time>
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
