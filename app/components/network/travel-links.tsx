// "Ideas that travel" on an idea page: the idea it was proposed from, where else it has
// been proposed and what became of it there, and — for a signed-in person on another
// city's idea — links that start the same idea in a city of their choice (plain links to
// the new-idea form, so choosing a city works without JavaScript).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/ideas/status-badge";
import type { TravelLink, TravelLinks as TravelLinksData } from "~/modules/network/travel.server";
import { proposeHref } from "~/modules/network/travel";
import { useContentLanguage } from "./content-language";

function IdeaLink({ link }: { link: TravelLink }) {
  const { lang } = useContentLanguage(link.language);
  return (
    <Link to={`/cities/${link.city.slug}/ideas/${link.number}`} lang={lang} className="font-semibold">
      {link.title}
    </Link>
  );
}

export function TravelLinks({ travel, ideaNumber }: { travel: TravelLinksData; ideaNumber: number }) {
  const { t } = useTranslation();
  const { inspiredBy, proposedElsewhere, propose } = travel;
  if (!inspiredBy && proposedElsewhere.length === 0 && !propose) return null;
  const otherCities = propose ? propose.cities.filter((city) => city.slug !== propose.homeCity?.slug) : [];
  return (
    <section aria-labelledby="travel-heading" className="card mb-6">
      <h2 id="travel-heading" className="mt-0">
        {t("network:travel.heading")}
      </h2>
      {inspiredBy ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="inspired-by">
          <span>{t("network:travel.inspiredBy", { city: inspiredBy.city.name })}</span>
          <IdeaLink link={inspiredBy} />
          <span className="sr-only">{t("network:travel.statusThere")}</span>
          <StatusBadge status={inspiredBy.status} />
        </p>
      ) : null}
      {proposedElsewhere.length > 0 ? (
        <>
          <h3 className="mb-2 text-lg">{t("network:travel.alsoProposedIn")}</h3>
          <ul className="m-0 flex list-none flex-col gap-2 p-0" data-testid="proposed-elsewhere">
            {proposedElsewhere.map((link) => (
              <li key={link.number} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-medium">{t("network:travel.inCity", { city: link.city.name })}</span>
                <IdeaLink link={link} />
                <span className="sr-only">{t("network:travel.statusThere")}</span>
                <StatusBadge status={link.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {propose ? (
        <div className={inspiredBy || proposedElsewhere.length > 0 ? "mt-4 border-t border-slate-200 pt-4" : undefined}>
          <h3 className="mb-2 mt-0 text-lg">{t("network:travel.propose.heading")}</h3>
          <p className="mb-3">{t("network:travel.propose.intro")}</p>
          {propose.homeCity ? (
            <p className="mb-3">
              <Link to={proposeHref(propose.homeCity.slug, ideaNumber)} className="btn-primary">
                {t("network:travel.propose.forCity", { city: propose.homeCity.name })}
              </Link>
            </p>
          ) : null}
          {otherCities.length > 0 ? (
            <details>
              <summary className="inline-flex min-h-[44px] cursor-pointer items-center font-semibold text-brand">
                {propose.homeCity ? t("network:travel.propose.otherCity") : t("network:travel.propose.chooseCity")}
              </summary>
              <ul className="mt-2 flex list-none flex-wrap gap-2 p-0">
                {otherCities.map((city) => (
                  <li key={city.slug}>
                    <Link to={proposeHref(city.slug, ideaNumber)} className="btn-secondary">
                      {t("network:travel.propose.forCity", { city: city.name })}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
