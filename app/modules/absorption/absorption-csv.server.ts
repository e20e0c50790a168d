// The absorption dashboard as CSV: one row per figure (section, item, measure, value), so
// every part of the dashboard fits one sheet and stays easy to filter. Cells go through
// the shared CSV writer, which defuses spreadsheet formulas in free text.
import { toCsv } from "~/modules/consultations/participation.server";
import { ADOPTION_USAGES } from "./adoption.schema";
import type { CityAbsorption } from "./absorption.server";
import { FUNNEL_STAGES } from "./stages";
import type { AdoptionFigures } from "./feedback.server";

const DAY_SECONDS = 24 * 60 * 60;

/** Days with one decimal, in plain digits (a spreadsheet reads it as a number). */
export function days(seconds: number | null): string {
  return seconds === null ? "" : (seconds / DAY_SECONDS).toFixed(1);
}

function figureRows(t: (key: string) => string, section: string, item: string, figures: AdoptionFigures): string[][] {
  return [
    [section, item, t("services:csv.answers"), String(figures.answers)],
    ...ADOPTION_USAGES.map((usage) => [section, item, t(`services:usage.${usage}`), String(figures.byUsage[usage])]),
    [section, item, t("services:csv.averageEase"), figures.averageEase === null ? "" : figures.averageEase.toFixed(2)],
    [section, item, t("services:csv.easeAnswers"), String(figures.easeAnswers)],
  ];
}

export function absorptionCsv(data: CityAbsorption, t: (key: string) => string): string {
  const stage = (name: string) => t(`services:stages.${name}`);
  const header = [t("services:csv.section"), t("services:csv.item"), t("services:csv.measure"), t("services:csv.value")];
  const rows: string[][] = [header];
  for (const name of FUNNEL_STAGES) rows.push([t("services:csv.funnel"), stage(name), t("services:csv.ideas"), String(data.funnel[name])]);
  for (const duration of data.durations) {
    const section = t("services:csv.time");
    rows.push([section, stage(duration.stage), t("services:csv.stays"), String(duration.stays)]);
    rows.push([section, stage(duration.stage), t("services:csv.medianDays"), days(duration.medianSeconds)]);
    rows.push([section, stage(duration.stage), t("services:csv.averageDays"), days(duration.averageSeconds)]);
  }
  rows.push(...figureRows(t, t("services:csv.adoption"), t("services:dashboard.everyone"), data.adoption.everyone));
  rows.push(...figureRows(t, t("services:csv.adoption"), t("services:dashboard.supporters"), data.adoption.supporters));
  for (const service of data.services) {
    rows.push(...figureRows(t, t("services:csv.service"), `#${service.number} ${service.title}`, service.figures));
  }
  for (const answer of data.missing) {
    rows.push([t("services:csv.missing"), `#${answer.idea.number} ${answer.idea.title}`, t(`services:textStatus.${answer.status}`), answer.text]);
  }
  return toCsv(rows);
}
