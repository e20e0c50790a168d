import { useTranslation } from "react-i18next";
import type { PhaseView } from "~/modules/consultations/consultations.server";
import { formatZoned } from "~/modules/consultations/timezone";

const DOT: Record<PhaseView["state"], string> = {
  past: "border-slate-500 bg-slate-400",
  current: "border-brand-dark bg-brand",
  upcoming: "border-slate-500 bg-white",
};

/**
 * The five phases in order, each with its dates in the city's time zone and what
 * participants may do in it; the current one is highlighted (aria-current="step" and a
 * written "Now", so the highlight does not rely on colour).
 */
export function PhaseTimeline({ phases, timeZone, cityName }: { phases: PhaseView[]; timeZone: string; cityName: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="phases-heading" className="mb-8">
      <h2 id="phases-heading">{t("consultations:phases.heading")}</h2>
      <p className="mb-4 text-sm text-slate-700">{t("consultations:phases.timeZoneNote", { city: cityName, zone: timeZone })}</p>
      <ol className="m-0 ml-2 list-none border-l-2 border-slate-300 p-0">
        {phases.map((phase) => {
          const start = formatZoned(phase.startsAt, timeZone, i18n.language);
          const end = formatZoned(phase.endsAt, timeZone, i18n.language);
          const current = phase.state === "current";
          return (
            <li
              key={phase.kind}
              aria-current={current ? "step" : undefined}
              className={`relative mb-4 pl-6 last:mb-0 ${current ? "rounded-r-md border-l-4 border-brand bg-brand-light py-3 pr-3" : ""}`}
              data-phase={phase.kind}
              data-state={phase.state}
            >
              <span aria-hidden="true" className={`absolute -left-[9px] top-2 h-4 w-4 rounded-full border-2 ${DOT[phase.state]}`} />
              <h3 className="m-0 flex flex-wrap items-center gap-2 text-lg font-semibold">
                {t(`consultations:phase.${phase.kind}`)}
                <span
                  className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${
                    current ? "border-brand-dark bg-white text-brand-dark" : "border-slate-400 bg-slate-50 text-slate-800"
                  }`}
                >
                  {t(`consultations:phases.state.${phase.state}`)}
                </span>
              </h3>
              <p className="m-0 text-sm text-slate-800">
                <time dateTime={phase.startsAt}>{t("consultations:phases.dateTime", start)}</time>
                <span aria-hidden="true"> – </span>
                <span className="sr-only"> {t("consultations:phases.until")} </span>
                <time dateTime={phase.endsAt}>{t("consultations:phases.dateTime", end)}</time>
              </p>
              <p className="mb-0 mt-1">{t(`consultations:phaseAllows.${phase.kind}`)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
