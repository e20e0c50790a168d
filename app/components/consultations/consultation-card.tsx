import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ConsultationListItem } from "~/modules/consultations/consultations.server";
import { formatZoned } from "~/modules/consultations/timezone";
import { useContentLanguage } from "~/components/network/content-language";
import { StageBadge } from "./stage-badge";

/** One consultation in a list: its title (the link), the question, where it stands and until when. */
export function ConsultationCard({ consultation, showCity = false }: { consultation: ConsultationListItem; showCity?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = consultation.currentPhase;
  const next = consultation.nextPhase;
  const zone = consultation.city.timeZone;
  const written = useContentLanguage(consultation.language);
  const when = current
    ? t("consultations:card.phaseUntil", { phase: t(`consultations:phase.${current.kind}`), ...formatZoned(current.endsAt, zone, i18n.language) })
    : next
      ? t("consultations:card.phaseFrom", { phase: t(`consultations:phase.${next.kind}`), ...formatZoned(next.startsAt, zone, i18n.language) })
      : null;
  return (
    <article className="card flex h-full flex-col gap-2" aria-labelledby={`consultation-${consultation.id}-title`}>
      <h3 id={`consultation-${consultation.id}-title`} className="m-0 text-lg font-semibold leading-snug">
        <Link to={`/cities/${consultation.city.slug}/consultations/${consultation.slug}`} lang={consultation.language} className="inline-block py-1">
          {consultation.title}
        </Link>
      </h3>
      <ul className="m-0 flex list-none flex-wrap items-center gap-x-3 gap-y-1 p-0 text-sm text-slate-700">
        <li>
          <span className="sr-only">{t("consultations:card.stage")} </span>
          <StageBadge stage={consultation.stage} />
        </li>
        {consultation.categorySlug ? (
          <li>
            <span className="sr-only">{t("consultations:card.category")} </span>
            {t(`categories:${consultation.categorySlug}`)}
          </li>
        ) : null}
        {showCity ? (
          <li>
            <span className="sr-only">{t("consultations:card.city")} </span>
            {consultation.city.name}
          </li>
        ) : null}
        {written.name ? <li>{t("network:content.writtenIn", { language: written.name })}</li> : null}
      </ul>
      {consultation.question ? (
        <p lang={consultation.language} className="m-0 font-medium text-slate-900">
          {consultation.question}
        </p>
      ) : null}
      <p lang={consultation.language} className="m-0 flex-1 text-slate-900">
        {consultation.summary}
      </p>
      <ul className="m-0 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-sm text-slate-700">
        <li className="font-semibold text-slate-900">{t("consultations:card.ideas", { count: consultation.ideaCount })}</li>
        {when ? <li>{t("consultations:card.when", { when, city: consultation.city.name })}</li> : null}
      </ul>
    </article>
  );
}
