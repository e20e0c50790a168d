import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdoptionFiguresView, MissingTexts } from "~/components/absorption/adoption-figures";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { StatusBadge } from "~/components/ideas/status-badge";
import { listCityServices, type CityService } from "~/modules/absorption/services.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, data) => {
    const city = (data as { city?: { name: string } } | undefined)?.city;
    return city ? t("services:page.title", { city: city.name }) : t("services:title");
  },
};

/** /cities/:city/services — public: the city's piloting and launched services. */
export async function loader({ params }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    services: await listCityServices(city.id),
  };
}

export default function CityServicesPage() {
  const { t } = useTranslation();
  const { city, services } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/">{t("cities:network.short")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("services:title")}</li>
        </ol>
      </nav>
      <h1>{t("services:page.heading", { city: city.name })}</h1>
      <p className="mb-2 text-lg">{t("services:page.intro", { city: city.name })}</p>
      <p className="mb-6">
        <Link to="/network/comparison">{t("services:page.comparisonLink")}</Link>
      </p>
      {services.length === 0 ? (
        <p>{t("services:page.empty", { city: city.name })}</p>
      ) : (
        <ul className="m-0 list-none space-y-6 p-0">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceCard service={service} citySlug={city.slug} timeZone={city.timeZone} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ServiceCard({ service, citySlug, timeZone }: { service: CityService; citySlug: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const format = useCityDateFormat(timeZone);
  const lang = service.language !== i18n.language ? service.language : undefined;
  const headingId = `service-${service.number}`;
  const dates = (
    [
      ["submitted", service.dates.submitted],
      ["published", service.dates.published],
      ["accepted", service.dates.accepted],
      ["pilotStarts", service.dates.pilotStarts],
      ["pilotEnds", service.dates.pilotEnds],
      ["launched", service.dates.launched],
    ] as const
  ).filter((entry): entry is [typeof entry[0], string] => entry[1] !== null);
  return (
    <article aria-labelledby={headingId} className="card">
      <h2 id={headingId} className="mb-2 mt-0" lang={lang}>
        <Link to={`/cities/${citySlug}/ideas/${service.number}`}>{service.title}</Link>
      </h2>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <StatusBadge status={service.status} />
        {service.serviceUrl ? (
          <a href={service.serviceUrl} rel="noopener noreferrer" target="_blank" className="font-semibold">
            {t("services:serviceLink")}
            <span className="sr-only"> {t("services:newWindow")}</span>
          </a>
        ) : null}
      </div>
      <h3 className="mb-1 text-base">{t("services:card.origin")}</h3>
      <p lang={lang} className="mt-0">
        {service.summary}
      </p>
      <h3 className="mb-1 text-base">{t("services:card.timeline")}</h3>
      <ol className="mt-0 grid grid-cols-1 gap-x-6 gap-y-1 pl-5 text-sm sm:grid-cols-2">
        {dates.map(([key, iso]) => (
          <li key={key}>
            {t(`services:dates.${key}`)}: <time dateTime={iso}>{format(iso)}</time>
          </li>
        ))}
      </ol>
      <h3 className="mb-1 text-base">{t("services:card.partners")}</h3>
      {service.partners.length === 0 ? (
        <p className="mt-0 text-slate-700">{t("services:card.noPartners")}</p>
      ) : (
        <ul className="mt-0 flex list-none flex-wrap gap-x-4 gap-y-1 p-0">
          {service.partners.map((partner) => (
            <li key={partner.slug}>
              <Link to={`/organizations/${partner.slug}`}>{partner.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-1 text-base">{t("services:card.adoption")}</h3>
      {service.status === "LAUNCHED" ? (
        <>
          <AdoptionFiguresView figures={service.figures} />
          <MissingTexts texts={service.missing} headingId={`${headingId}-missing`} headingLevel={4} />
          <p className="mb-0 mt-3">
            <Link to={`/cities/${citySlug}/ideas/${service.number}/feedback`}>{t("services:card.answer")}</Link>
          </p>
        </>
      ) : (
        <p className="mt-0 text-slate-700">{t("services:card.piloting")}</p>
      )}
    </article>
  );
}
