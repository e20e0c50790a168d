// Ideas that became live services, as a list: the idea (its page tells the story), the
// city and when it launched, and the service itself when its address was recorded.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LaunchedService } from "~/modules/network/network.server";
import { useContentLanguage } from "./content-language";
import { intlLocale } from "~/i18n/options";

function ServiceItem({ service }: { service: LaunchedService }) {
  const { t, i18n } = useTranslation();
  const written = useContentLanguage(service.language);
  // In the city's time zone: the launch day as the city lived it, the same on server and browser.
  const launched = service.launchedAt
    ? new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long", timeZone: service.city.timeZone }).format(new Date(service.launchedAt))
    : null;
  return (
    <article className="card flex h-full flex-col gap-2" aria-labelledby={`service-${service.id}-title`}>
      <h3 id={`service-${service.id}-title`} className="m-0 text-lg font-semibold leading-snug">
        <Link to={`/cities/${service.city.slug}/ideas/${service.number}`} lang={written.lang} className="inline-block py-1">
          {service.title}
        </Link>
      </h3>
      <ul className="m-0 flex list-none flex-wrap gap-x-3 gap-y-1 p-0 text-sm text-slate-700">
        <li>
          <span className="sr-only">{t("network:services.city")} </span>
          {service.city.name}
        </li>
        <li>
          {launched && service.launchedAt ? (
            <time dateTime={service.launchedAt}>{t("network:services.launchedOn", { date: launched })}</time>
          ) : (
            t("network:services.launchDateUnknown")
          )}
        </li>
        {written.name ? <li>{t("network:content.writtenIn", { language: written.name })}</li> : null}
      </ul>
      {service.serviceUrl ? (
        <p className="m-0 mt-auto">
          <a href={service.serviceUrl} rel="noopener noreferrer external" target="_blank">
            {t("network:services.open")}
            <span className="sr-only"> {t("common:opensInNewTab")}</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}

export function LaunchedServices({ services }: { services: LaunchedService[] }) {
  return (
    <ul className="m-0 grid list-none grid-cols-1 gap-4 p-0 md:grid-cols-2 lg:grid-cols-3">
      {services.map((service) => (
        <li key={service.id}>
          <ServiceItem service={service} />
        </li>
      ))}
    </ul>
  );
}
