import { useTranslation } from "react-i18next";
import type { PhaseDenial } from "~/modules/consultations/phases.policy";
import { formatZoned } from "~/modules/consultations/timezone";

export type CityClock = { timeZone: string; cityName: string };

/**
 * The sentence that explains a phase refusal with its date in the city's time zone:
 * "Supports open on 12 March 2026 at 09:00 (Oulu time)."
 */
export function usePhaseDenialText() {
  const { t, i18n } = useTranslation();
  return (denial: PhaseDenial, { timeZone, cityName }: CityClock): string => {
    const key = `consultations:denial.${denial.action}.${denial.code}`;
    switch (denial.code) {
      case "notYet":
        return t(key, { ...formatZoned(denial.opensAt, timeZone, i18n.language), city: cityName });
      case "closed":
        return denial.closedAt
          ? t(key, { ...formatZoned(denial.closedAt, timeZone, i18n.language), city: cityName })
          : t(`consultations:denial.${denial.action}.unavailable`);
      case "limitReached":
        return t(key, { count: denial.limit });
      default:
        return t(key);
    }
  };
}

/** A phase refusal as a short paragraph (in place of a button that would fail). */
export function PhaseNotice({ denial, clock, className = "" }: { denial: PhaseDenial; clock: CityClock; className?: string }) {
  const text = usePhaseDenialText();
  return (
    <p className={`m-0 text-slate-800 ${className}`} data-phase-denial={`${denial.action}-${denial.code}`}>
      {text(denial, clock)}
    </p>
  );
}
