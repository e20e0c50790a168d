import { useTranslation } from "react-i18next";
import type { IdeaEventType, IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { dateTimeFormat } from "./date-format";

export type IdeaTimelineEvent = {
  id: string;
  type: IdeaEventType;
  fromStatus: IdeaStatus | null;
  toStatus: IdeaStatus | null;
  actorName: string | null;
  /** Done by the system (e.g. hidden after reports), not by a person. */
  automatic?: boolean;
  reason: string | null;
  createdAt: string;
};

/**
 * Dates in the reader's language and the city's time zone. The server and the browser
 * format with the same zone, so the hydrated page shows exactly what the server sent.
 */
export function useCityDateFormat(timeZone: string) {
  const { i18n } = useTranslation();
  return (iso: string, style: "date" | "dateTime" = "date") =>
    dateTimeFormat(i18n.language, {
      timeZone,
      dateStyle: style === "date" ? "long" : "medium",
      ...(style === "dateTime" ? { timeStyle: "short" } : {}),
    }).format(new Date(iso));
}

/** The public history of an idea: who did what, when and why, oldest first. */
export function IdeaTimeline({ events, timeZone }: { events: IdeaTimelineEvent[]; timeZone: string }) {
  const { t } = useTranslation();
  const format = useCityDateFormat(timeZone);
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="idea-timeline-heading" className="mt-8">
      <h2 id="idea-timeline-heading">{t("ideaPage:timeline.heading")}</h2>
      <ol className="ml-2 border-l-2 border-slate-300">
        {events.map((event) => {
          const actor = event.actorName ?? t("ideaPage:timeline.formerMember");
          const description =
            event.type === "STATUS_CHANGED"
              ? t("ideaPage:timeline.STATUS_CHANGED", {
                  actor,
                  from: event.fromStatus ? t(`ideas:status.${event.fromStatus}`) : "",
                  to: event.toStatus ? t(`ideas:status.${event.toStatus}`) : "",
                })
              : event.type === "MERGED" && !event.toStatus
                ? // The kept idea's side of a merge (the duplicate's event has toStatus MERGED).
                  t("administration:timeline.mergedIn", { actor })
                : event.automatic
                  ? t(`ideaPage:timeline.automatic.${event.type}`)
                  : // PROPOSED_ELSEWHERE keeps the city it was proposed in as its reason.
                    t(`ideaPage:timeline.${event.type}`, { actor, city: event.reason ?? "" });
          return (
            <li key={event.id} className="relative mb-5 pl-5 last:mb-0">
              <span aria-hidden="true" className="absolute -left-[7px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand" />
              <p className="m-0 font-medium">{description}</p>
              <p className="m-0 text-sm text-slate-700">
                <time dateTime={event.createdAt}>{format(event.createdAt, "dateTime")}</time>
              </p>
              {event.reason && event.type !== "PROPOSED_ELSEWHERE" ? <p className="mt-1 whitespace-pre-line">{t("ideaPage:timeline.reason", { reason: event.reason })}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
