import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaCard } from "~/components/ideas/idea-card";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { listIdeas } from "~/modules/ideas/list.server";
import { getUser } from "~/modules/accounts/session.server";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";
import { intlLocale } from "~/i18n/options";

export const handle: RouteHandle = {
  title: (_t, data) => (data as { city?: { name: string } } | undefined)?.city?.name,
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  const [user, trending] = await Promise.all([
    getUser(request),
    listIdeas({ cityId: city.id, status: "open", sort: "trending", limit: 4 }),
  ]);
  return {
    trending: trending.ideas.map((idea) => ({ ...idea, publishedAt: idea.publishedAt.toISOString() })),
    city: { slug: city.slug, name: city.name, countryCode: city.countryCode, timeZone: city.timeZone },
    isHomeCity: user?.homeCityId === city.id,
    signedIn: Boolean(user),
  };
}

export default function CityHome() {
  const { t, i18n } = useTranslation();
  const { city, isHomeCity, signedIn, trending } = useLoaderData<typeof loader>();
  const country = new Intl.DisplayNames([intlLocale(i18n.language)], { type: "region" }).of(city.countryCode);
  const localTime = new Intl.DateTimeFormat(intlLocale(i18n.language), { timeZone: city.timeZone, timeStyle: "short" }).format(new Date());
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/">{t("cities:network.short")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{city.name}</li>
        </ol>
      </nav>
      <h1>{city.name}</h1>
      <p className="mb-2 text-lg">{t("cities:city.intro", { city: city.name, country })}</p>
      <p className="mb-6 text-sm text-slate-700">{t("cities:city.localTime", { time: localTime })}</p>
      {isHomeCity ? <p className="mb-6 font-medium">{t("cities:city.yourCity")}</p> : null}
      <section aria-labelledby="trending-title" className="mb-8">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="trending-title" className="m-0">
            {t("cities:city.trendingHeading")}
          </h2>
          <div className="flex flex-wrap gap-3">
            <Link to={`/cities/${city.slug}/ideas`}>{t("cities:city.allIdeas")}</Link>
            <Link to={`/cities/${city.slug}/services`}>{t("services:cityLink")}</Link>
            <Link to={`/cities/${city.slug}/ideas/new`} className="btn-primary">
              {t("cities:city.proposeIdea")}
            </Link>
          </div>
        </div>
        {trending.length > 0 ? (
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {trending.map((idea) => (
              <li key={idea.id}>
                <IdeaCard idea={idea} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("cities:city.noIdeas")}</p>
        )}
      </section>
      <section aria-labelledby="participate-title" className="card">
        <h2 id="participate-title" className="mt-0">
          {t("cities:city.participateHeading")}
        </h2>
        <p className="mb-4">{t("cities:city.participateBody", { city: city.name })}</p>
        {signedIn ? null : (
          <Link to={`/register`} className="btn-primary">
            {t("cities:city.joinCta")}
          </Link>
        )}
      </section>
      <section aria-labelledby="consultations-title" className="card mt-6">
        <h2 id="consultations-title" className="mt-0">
          {t("consultations:cityHome.heading")}
        </h2>
        <p className="mb-4">{t("consultations:cityHome.body", { city: city.name })}</p>
        <Link to={`/cities/${city.slug}/consultations`} className="btn-secondary">
          {t("consultations:cityHome.link", { city: city.name })}
        </Link>
      </section>
    </>
  );
}
