// Absorption figures: how far a city's ideas get (the funnel from submitted to launched),
// how long they stay in each stage, and whether people use the services that come out.
// Everything is counted by the database (GROUP BY, window functions over IdeaEvent); the
// statements run unchanged on SQLite and PostgreSQL.
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { ADOPTION_USAGES, type AdoptionUsage, type FeedbackTextStatus } from "./adoption.schema";
import { addToFigures, adoptionFiguresFor, emptyFigures, type AdoptionFigures } from "./feedback.server";
import { DASHBOARD_MISSING_LIMIT, FUNNEL_STAGES, TIMED_STAGES, type FunnelStage } from "./stages";

export { DASHBOARD_MISSING_LIMIT, FUNNEL_STAGES, TIMED_STAGES, type FunnelStage };

type Dialect = { postgres: boolean; param: () => string };

function dialect(): Dialect {
  const postgres = getEnv().database.provider === "postgresql";
  let index = 0;
  return { postgres, param: () => (postgres ? `$${++index}` : "?") };
}

const stageRank = (column: string) =>
  `CASE ${column} ${FUNNEL_STAGES.map((stage, rank) => `WHEN '${stage}' THEN ${rank}`).join(" ")} ELSE 0 END`;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export type FunnelCounts = Record<FunnelStage, number>;

function emptyFunnel(): FunnelCounts {
  return { SUBMITTED: 0, PUBLISHED: 0, UNDER_REVIEW: 0, ACCEPTED: 0, PILOTING: 0, LAUNCHED: 0 };
}

/**
 * Ideas that reached each stage or a later one, per city. How far an idea got is the
 * furthest of: the statuses its timeline events moved it to, its current status, and
 * "published" when it has a publication date — so an idea rejected after a review still
 * counts as reviewed, and one launched straight after acceptance counts in every stage
 * before launch (a funnel never widens).
 */
async function funnelByCity(options: { cityId?: string; includeHidden: boolean }): Promise<Map<string, FunnelCounts>> {
  const { param } = dialect();
  const filters: string[] = [];
  const params: unknown[] = [];
  if (options.cityId) {
    filters.push(`i."cityId" = ${param()}`);
    params.push(options.cityId);
  }
  if (!options.includeHidden) filters.push(`i."hiddenAt" IS NULL`);
  const where = filters.length ? `WHERE ${filters.join(" AND ")}` : "";
  const rows = await db.$queryRawUnsafe<{ cityId: string; stage: unknown; ideas: unknown }[]>(
    `WITH per_idea AS (
       SELECT i."cityId" AS city_id,
              ${stageRank('i."status"')} AS current_rank,
              CASE WHEN i."publishedAt" IS NOT NULL THEN 1 ELSE 0 END AS published_rank,
              COALESCE(MAX(${stageRank('e."toStatus"')}), 0) AS event_rank
       FROM "Idea" i
       LEFT JOIN "IdeaEvent" e ON e."ideaId" = i."id" AND e."toStatus" IS NOT NULL
       ${where}
       GROUP BY i."cityId", i."id", i."status", i."publishedAt"
     ), reached AS (
       SELECT city_id,
              CASE WHEN event_rank >= current_rank AND event_rank >= published_rank THEN event_rank
                   WHEN current_rank >= published_rank THEN current_rank
                   ELSE published_rank END AS furthest
       FROM per_idea
     )
     SELECT city_id AS "cityId", furthest AS "stage", COUNT(*) AS "ideas" FROM reached GROUP BY city_id, furthest`,
    ...params,
  );
  const byCity = new Map<string, FunnelCounts>();
  for (const row of rows) {
    const counts = byCity.get(row.cityId) ?? emptyFunnel();
    byCity.set(row.cityId, counts);
    // Reaching stage k means having reached every stage before it.
    for (let rank = 0; rank <= num(row.stage); rank += 1) counts[FUNNEL_STAGES[rank]] += num(row.ideas);
  }
  return byCity;
}

export type StageDuration = { stage: FunnelStage; stays: number; medianSeconds: number | null; averageSeconds: number | null };

/**
 * Time spent in each stage: from the event that moved an idea into it to the next event
 * that moved it anywhere else, for stays that ended. Consecutive events to the same status
 * (e.g. a pilot planned while already piloting) are one stay. Median and average per stage
 * are computed by the database (ROW_NUMBER over the ordered stays).
 */
export async function stageDurations(cityId: string): Promise<StageDuration[]> {
  const { postgres, param } = dialect();
  const seconds = postgres
    ? `EXTRACT(EPOCH FROM (left_at - entered_at))`
    : `(julianday(left_at) - julianday(entered_at)) * 86400.0`;
  const timed = TIMED_STAGES.map((stage) => `'${stage}'`).join(", ");
  const rows = await db.$queryRawUnsafe<{ stage: string; stays: unknown; averageSeconds: unknown; medianSeconds: unknown }[]>(
    `WITH changes AS (
       SELECT e."ideaId" AS idea_id, e."toStatus" AS stage, e."createdAt" AS entered_at, e."id" AS event_id,
              LAG(e."toStatus") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS previous_stage
       FROM "IdeaEvent" e JOIN "Idea" i ON i."id" = e."ideaId"
       WHERE i."cityId" = ${param()} AND e."toStatus" IS NOT NULL
     ), entries AS (
       SELECT stage, entered_at,
              LEAD(entered_at) OVER (PARTITION BY idea_id ORDER BY entered_at, event_id) AS left_at
       FROM changes
       WHERE previous_stage IS NULL OR previous_stage <> stage
     ), stays AS (
       SELECT stage, ${seconds} AS seconds FROM entries WHERE left_at IS NOT NULL AND stage IN (${timed})
     ), ordered AS (
       SELECT stage, seconds,
              ROW_NUMBER() OVER (PARTITION BY stage ORDER BY seconds) AS position,
              COUNT(*) OVER (PARTITION BY stage) AS total
       FROM stays
     )
     SELECT stage AS "stage", MAX(total) AS "stays", AVG(seconds) AS "averageSeconds",
            AVG(CASE WHEN position = (total + 1) / 2 OR position = (total + 2) / 2 THEN seconds END) AS "medianSeconds"
     FROM ordered GROUP BY stage`,
    cityId,
  );
  const byStage = new Map(rows.map((row) => [String(row.stage), row]));
  return TIMED_STAGES.map((stage) => {
    const row = byStage.get(stage);
    return {
      stage,
      stays: num(row?.stays),
      medianSeconds: numOrNull(row?.medianSeconds),
      averageSeconds: numOrNull(row?.averageSeconds),
    };
  });
}

type AdoptionRow = { group: unknown; usage: string; count: unknown; easeSum: unknown; easeCount: unknown };

function addRow(figures: AdoptionFigures, row: AdoptionRow) {
  addToFigures(figures, { usage: row.usage as AdoptionUsage, count: num(row.count), easeSum: num(row.easeSum), easeCount: num(row.easeCount) });
}

/** Adoption answers of the city's services: from the ideas' supporters, and from everyone. */
export async function adoptionBySupport(cityId: string): Promise<{ supporters: AdoptionFigures; everyone: AdoptionFigures }> {
  const { param } = dialect();
  const rows = await db.$queryRawUnsafe<AdoptionRow[]>(
    `SELECT CASE WHEN s."userId" IS NULL THEN 0 ELSE 1 END AS "group", f."usage" AS "usage",
            COUNT(*) AS "count", COALESCE(SUM(f."ease"), 0) AS "easeSum", COUNT(f."ease") AS "easeCount"
     FROM "AdoptionFeedback" f
     JOIN "Idea" i ON i."id" = f."ideaId"
     LEFT JOIN "Support" s ON s."ideaId" = f."ideaId" AND s."userId" = f."userId"
     WHERE i."cityId" = ${param()}
     GROUP BY 1, 2`,
    cityId,
  );
  const supporters = emptyFigures();
  const everyone = emptyFigures();
  for (const row of rows) {
    addRow(everyone, row);
    if (num(row.group) === 1) addRow(supporters, row);
  }
  return { supporters, everyone };
}

export type MissingAnswer = {
  id: string;
  text: string;
  status: FeedbackTextStatus;
  usage: AdoptionUsage;
  updatedAt: string;
  idea: { number: number; title: string };
};

/** Every "what is missing" answer of the city (newest first), with its moderation status; no names. */
export async function missingAnswers(cityId: string, limit?: number): Promise<MissingAnswer[]> {
  const rows = await db.adoptionFeedback.findMany({
    where: { idea: { cityId }, missing: { not: null } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    ...(limit ? { take: limit } : {}),
    select: { id: true, missing: true, missingStatus: true, usage: true, updatedAt: true, idea: { select: { number: true, title: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    text: row.missing ?? "",
    status: row.missingStatus as FeedbackTextStatus,
    usage: row.usage as AdoptionUsage,
    updatedAt: row.updatedAt.toISOString(),
    idea: row.idea,
  }));
}

export type ServiceAdoption = { number: number; title: string; status: string; figures: AdoptionFigures };

/** Everything the absorption dashboard shows (and the CSV holds) for one city. */
export async function cityAbsorption(cityId: string, options: { missingLimit?: number } = {}) {
  const [funnel, durations, adoption, missing, services] = await Promise.all([
    funnelByCity({ cityId, includeHidden: true }),
    stageDurations(cityId),
    adoptionBySupport(cityId),
    missingAnswers(cityId, options.missingLimit),
    db.idea.findMany({
      where: { cityId, status: "LAUNCHED" },
      orderBy: [{ launchedAt: "desc" }, { number: "desc" }],
      select: { id: true, number: true, title: true, status: true },
    }),
  ]);
  const figures = await adoptionFiguresFor(services.map((service) => service.id));
  return {
    funnel: funnel.get(cityId) ?? emptyFunnel(),
    durations,
    adoption,
    missing,
    services: services.map(
      (service): ServiceAdoption => ({ number: service.number, title: service.title, status: service.status, figures: figures.get(service.id) ?? emptyFigures() }),
    ),
  };
}

export type CityAbsorption = Awaited<ReturnType<typeof cityAbsorption>>;

export type CityComparison = {
  slug: string;
  name: string;
  funnel: FunnelCounts;
  launched: number;
  adoption: AdoptionFigures;
};

/**
 * Every city of the network side by side (cities without any data included, with zeros).
 * Public: hidden ideas and the answers about them are left out.
 */
export async function networkComparison(): Promise<CityComparison[]> {
  const [cities, funnels, launched, adoptionRows] = await Promise.all([
    db.city.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    funnelByCity({ includeHidden: false }),
    db.idea.groupBy({ by: ["cityId"], where: { status: "LAUNCHED", hiddenAt: null }, _count: { _all: true } }),
    db.$queryRawUnsafe<AdoptionRow[]>(
      `SELECT i."cityId" AS "group", f."usage" AS "usage",
              COUNT(*) AS "count", COALESCE(SUM(f."ease"), 0) AS "easeSum", COUNT(f."ease") AS "easeCount"
       FROM "AdoptionFeedback" f JOIN "Idea" i ON i."id" = f."ideaId"
       WHERE i."hiddenAt" IS NULL
       GROUP BY 1, 2`,
    ),
  ]);
  const launchedBy = new Map(launched.map((row) => [row.cityId, row._count._all]));
  const adoptionBy = new Map<string, AdoptionFigures>();
  for (const row of adoptionRows) {
    const cityId = String(row.group);
    const figures = adoptionBy.get(cityId) ?? emptyFigures();
    adoptionBy.set(cityId, figures);
    addRow(figures, row);
  }
  return cities.map((city) => ({
    slug: city.slug,
    name: city.name,
    funnel: funnels.get(city.id) ?? emptyFunnel(),
    launched: launchedBy.get(city.id) ?? 0,
    adoption: adoptionBy.get(city.id) ?? emptyFigures(),
  }));
}

/** Share (0–1) of the answers given with this usage, or null without answers. */
export function usageShare(figures: AdoptionFigures, usage: AdoptionUsage): number | null {
  return figures.answers > 0 ? figures.byUsage[usage] / figures.answers : null;
}

export { ADOPTION_USAGES };
