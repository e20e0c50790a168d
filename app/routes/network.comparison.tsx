import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFigureFormat } from "~/components/absorption/adoption-figures";
import { BarChart } from "~/components/absorption/bar-chart";
import { DataTable } from "~/components/administration/charts";
import { networkComparison } from "~/modules/absorption/absorption.server";
import { FUNNEL_STAGES } from "~/modules/absorption/stages";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("services:comparison.title"),
};

/** /network/comparison — public: every city's funnel and adoption side by side. */
export async function loader() {
  return { cities: await networkComparison() };
}

export default function NetworkComparison() {
  const { t } = useTranslation();
  const { cities } = useLoaderData<typeof loader>();
  const format = useFigureFormat();
  const stage = (name: string) => t(`services:stages.${name}`);
  const launchedTitle = t("services:comparison.launchedChart");
  const regularTitle = t("services:comparison.regularChart");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/">{t("cities:network.short")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("services:comparison.title")}</li>
        </ol>
      </nav>
      <h1>{t("services:comparison.heading")}</h1>
      <p className="max-w-prose text-lg">{t("services:comparison.intro")}</p>

      <section aria-labelledby="comparison-funnel">
        <h2 id="comparison-funnel">{t("services:comparison.funnel")}</h2>
        <p className="max-w-prose text-sm text-slate-700">{t("services:dashboard.funnelHint")}</p>
        {/* Wide on small screens: the table scrolls sideways, so keyboard users must be able to focus it (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="comparison-funnel-caption">
          <table className="mb-8 w-full border-collapse text-left text-sm">
            <caption id="comparison-funnel-caption" className="mb-1 text-left font-semibold">
              {t("services:comparison.funnelCaption")}
            </caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-4">
                  {t("services:comparison.city")}
                </th>
                {FUNNEL_STAGES.map((name) => (
                  <th key={name} scope="col" className="py-1 pr-4 text-right">
                    {stage(name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cities.map((city) => (
                <tr key={city.slug} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    <Link to={`/cities/${city.slug}/services`}>{city.name}</Link>
                  </th>
                  {FUNNEL_STAGES.map((name) => (
                    <td key={name} className="py-1 pr-4 text-right tabular-nums">
                      {city.funnel[name]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="comparison-adoption">
        <h2 id="comparison-adoption">{t("services:comparison.adoption")}</h2>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="comparison-adoption-caption">
          <table className="mb-8 w-full border-collapse text-left text-sm">
            <caption id="comparison-adoption-caption" className="mb-1 text-left font-semibold">
              {t("services:comparison.adoptionCaption")}
            </caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-4">
                  {t("services:comparison.city")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:comparison.launched")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:dashboard.answers")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:comparison.regularShare")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:figures.averageEase")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("services:comparison.ratings")}
                </th>
              </tr>
            </thead>
            <tbody>
              {cities.map((city) => (
                <tr key={city.slug} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {city.name}
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{city.launched}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{city.adoption.answers}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{format.share(city.adoption.byUsage.REGULARLY, city.adoption.answers)}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{format.ease(city.adoption.averageEase)}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{city.adoption.easeAnswers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="comparison-charts">
        <h2 id="comparison-charts">{t("services:comparison.charts")}</h2>
        <h3>{launchedTitle}</h3>
        <BarChart title={launchedTitle} bars={cities.map((city) => ({ label: city.name, value: city.launched, display: String(city.launched) }))} />
        <DataTable
          caption={t("services:tableCaption", { title: launchedTitle })}
          columns={[t("services:comparison.city"), t("services:comparison.launched")]}
          rows={cities.map((city) => [city.name, city.launched])}
        />
        <h3>{regularTitle}</h3>
        <BarChart
          title={regularTitle}
          max={1}
          bars={cities.map((city) => ({
            label: city.name,
            value: city.adoption.answers > 0 ? city.adoption.byUsage.REGULARLY / city.adoption.answers : 0,
            display: format.share(city.adoption.byUsage.REGULARLY, city.adoption.answers),
          }))}
        />
        <DataTable
          caption={t("services:tableCaption", { title: regularTitle })}
          columns={[t("services:comparison.city"), t("services:comparison.regularShare"), t("services:dashboard.answers")]}
          rows={cities.map((city) => [city.name, format.share(city.adoption.byUsage.REGULARLY, city.adoption.answers), city.adoption.answers])}
        />
      </section>
    </>
  );
}
