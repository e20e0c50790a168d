// Adoption feedback on launched services: one answer per person and service (unique
// ideaId+userId), written by a single guarded upsert so parallel submissions and
// services that are not (or no longer) launched can never leave a wrong row.
import { randomUUID } from "node:crypto";
import { recordAudit } from "~/modules/moderation/audit.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { AdoptionAnswer, AdoptionUsage, FeedbackTextStatus } from "./adoption.schema";

type UpsertParam = "id" | "usage" | "ease" | "missing" | "now" | "ideaId" | "userId";

/**
 * The statement and the order of its parameters: PostgreSQL numbers them ($1 used twice
 * is one value), SQLite binds each "?" in turn (a value used twice is passed twice).
 */
function upsertSql(postgres: boolean): { text: string; order: UpsertParam[] } {
  const order: UpsertParam[] = [];
  const param = (name: UpsertParam) => {
    if (!postgres) {
      order.push(name);
      return "?";
    }
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  };
  const cast = (value: string, type: string) => (postgres ? `CAST(${value} AS ${type})` : value);
  const sameText = postgres ? `"AdoptionFeedback"."missing" IS NOT DISTINCT FROM excluded."missing"` : `"AdoptionFeedback"."missing" IS excluded."missing"`;
  // INSERT … SELECT: the row exists only when the idea is launched and visible and the
  // person may take part, checked in the same statement that writes. SQLite needs the
  // WHERE clause for its parser to tell the upsert's ON CONFLICT from a join's ON.
  const select = `SELECT ${param("id")}, i."id", u."id", ${cast(param("usage"), '"AdoptionUsage"')}, ${cast(param("ease"), "INTEGER")}, ${cast(param("missing"), "TEXT")}, ${cast("'PENDING'", '"FeedbackTextStatus"')}, ${cast(param("now"), "TIMESTAMP(3)")}, ${cast(param("now"), "TIMESTAMP(3)")}
    FROM "Idea" i, "User" u
    WHERE i."id" = ${param("ideaId")} AND i."status" = 'LAUNCHED' AND i."hiddenAt" IS NULL
      AND u."id" = ${param("userId")} AND u."deletedAt" IS NULL
      AND (u."suspendedAt" IS NULL OR (u."suspendedUntil" IS NOT NULL AND u."suspendedUntil" <= ${cast(param("now"), "TIMESTAMP(3)")}))`;
  const text = `INSERT INTO "AdoptionFeedback" ("id", "ideaId", "userId", "usage", "ease", "missing", "missingStatus", "createdAt", "updatedAt")
    ${select}
    ON CONFLICT ("ideaId", "userId") DO UPDATE SET
      "usage" = excluded."usage",
      "ease" = excluded."ease",
      "missing" = excluded."missing",
      "missingStatus" = CASE WHEN ${sameText} THEN "AdoptionFeedback"."missingStatus" ELSE excluded."missingStatus" END,
      "reviewedAt" = CASE WHEN ${sameText} THEN "AdoptionFeedback"."reviewedAt" ELSE NULL END,
      "updatedAt" = excluded."updatedAt"`;
  return { text, order };
}

const SQL = { sqlite: upsertSql(false), postgresql: upsertSql(true) };

export type SaveFeedbackResult = { ok: true } | { ok: false; error: "notAllowed" };

/**
 * The person's answer about a launched service, created or replaced. A changed "what is
 * missing" text goes back to moderation (PENDING); an unchanged one keeps its decision.
 * Refused (nothing written) when the idea is not launched, is hidden, or the person is
 * suspended or deleted.
 */
export async function saveAdoptionFeedback(input: { ideaId: string; userId: string; answer: AdoptionAnswer; now?: Date }): Promise<SaveFeedbackResult> {
  const now = input.now ?? new Date();
  const values: Record<UpsertParam, unknown> = {
    id: randomUUID(),
    usage: input.answer.usage,
    ease: input.answer.ease,
    missing: input.answer.missing,
    now,
    ideaId: input.ideaId,
    userId: input.userId,
  };
  const sql = SQL[getEnv().database.provider];
  const written = await db.$executeRawUnsafe(sql.text, ...sql.order.map((name) => values[name]));
  return written > 0 ? { ok: true } : { ok: false, error: "notAllowed" };
}

/** The person's own answer (to prefill the form), or null. */
export async function findOwnFeedback(ideaId: string, userId: string | null | undefined) {
  if (!userId) return null;
  return db.adoptionFeedback.findUnique({
    where: { ideaId_userId: { ideaId, userId } },
    select: { usage: true, ease: true, missing: true, missingStatus: true, updatedAt: true },
  });
}

export type AdoptionFigures = {
  answers: number;
  byUsage: Record<AdoptionUsage, number>;
  /** Average over the answers that rated ease (null when none did). */
  averageEase: number | null;
  easeAnswers: number;
  /** Sum of the ease ratings (kept so that adding groups never compounds rounding). */
  easeSum: number;
};

export function emptyFigures(): AdoptionFigures {
  return { answers: 0, byUsage: { REGULARLY: 0, TRIED: 0, NOT_YET: 0, UNAWARE: 0 }, averageEase: null, easeAnswers: 0, easeSum: 0 };
}

/** Adds one GROUP BY row (usage, count, sum and count of ease) to a figures object. */
export function addToFigures(figures: AdoptionFigures, row: { usage: AdoptionUsage; count: number; easeSum: number; easeCount: number }) {
  figures.answers += row.count;
  figures.byUsage[row.usage] += row.count;
  figures.easeAnswers += row.easeCount;
  figures.easeSum += row.easeSum;
  figures.averageEase = figures.easeAnswers > 0 ? figures.easeSum / figures.easeAnswers : null;
}

/** Public adoption figures per idea, counted by the database (GROUP BY idea, usage). */
export async function adoptionFiguresFor(ideaIds: readonly string[]): Promise<Map<string, AdoptionFigures>> {
  const figures = new Map<string, AdoptionFigures>(ideaIds.map((id) => [id, emptyFigures()]));
  if (ideaIds.length === 0) return figures;
  const groups = await db.adoptionFeedback.groupBy({
    by: ["ideaId", "usage"],
    where: { ideaId: { in: [...ideaIds] } },
    _count: { _all: true, ease: true },
    _sum: { ease: true },
  });
  for (const group of groups) {
    const target = figures.get(group.ideaId);
    if (!target) continue;
    addToFigures(target, {
      usage: group.usage as AdoptionUsage,
      count: group._count._all,
      easeSum: group._sum.ease ?? 0,
      easeCount: group._count.ease,
    });
  }
  return figures;
}

/** Published "what is missing" texts of these ideas (no names: they are shown anonymously). */
export async function publishedMissingTexts(ideaIds: readonly string[], perIdea = 5) {
  const texts = new Map<string, { id: string; text: string }[]>(ideaIds.map((id) => [id, []]));
  if (ideaIds.length === 0) return texts;
  const rows = await db.adoptionFeedback.findMany({
    where: { ideaId: { in: [...ideaIds] }, missingStatus: "PUBLISHED", missing: { not: null } },
    orderBy: [{ reviewedAt: "desc" }, { id: "asc" }],
    take: perIdea * ideaIds.length,
    select: { id: true, ideaId: true, missing: true },
  });
  for (const row of rows) {
    const list = texts.get(row.ideaId);
    if (list && row.missing && list.length < perIdea) list.push({ id: row.id, text: row.missing });
  }
  return texts;
}

// ---------------------------------------------------------------------------------------
// Moderation of "what is missing"

export const PENDING_PAGE_SIZE = 25;

/** Texts waiting for a decision in this city, oldest first (the reviewer sees no name). */
export async function listPendingMissing(cityId: string, page = 1) {
  const where = { idea: { cityId }, missingStatus: "PENDING" as const, missing: { not: null } };
  const [total, rows] = await Promise.all([
    db.adoptionFeedback.count({ where }),
    db.adoptionFeedback.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PENDING_PAGE_SIZE,
      take: PENDING_PAGE_SIZE,
      select: { id: true, missing: true, usage: true, updatedAt: true, idea: { select: { number: true, title: true } } },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PENDING_PAGE_SIZE)),
    page,
    items: rows.map((row) => ({
      id: row.id,
      text: row.missing ?? "",
      usage: row.usage as AdoptionUsage,
      version: row.updatedAt.toISOString(),
      idea: row.idea,
    })),
  };
}

export type DecideMissingResult = { ok: true } | { ok: false; error: "notFound" | "changed" };

/**
 * Publishes or rejects one pending text of this city. The guard (pending, same version,
 * same city) makes a second decision, a decision on a text edited in the meantime, and a
 * forged id of another city change nothing.
 */
export async function decideMissing(input: {
  cityId: string;
  actorId: string;
  feedbackId: string;
  version: Date;
  decision: "publish" | "reject";
  now?: Date;
}): Promise<DecideMissingResult> {
  const now = input.now ?? new Date();
  const status: FeedbackTextStatus = input.decision === "publish" ? "PUBLISHED" : "REJECTED";
  return db.$transaction(async (tx) => {
    const updated = await tx.adoptionFeedback.updateMany({
      where: {
        id: input.feedbackId,
        idea: { cityId: input.cityId },
        missingStatus: "PENDING",
        missing: { not: null },
        updatedAt: input.version,
      },
      data: { missingStatus: status, reviewedAt: now },
    });
    if (updated.count !== 1) {
      const exists = await tx.adoptionFeedback.count({ where: { id: input.feedbackId, idea: { cityId: input.cityId } } });
      return { ok: false as const, error: exists ? ("changed" as const) : ("notFound" as const) };
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      cityId: input.cityId,
      action: input.decision === "publish" ? "feedback.publish" : "feedback.reject",
      targetType: "FEEDBACK",
      targetId: input.feedbackId,
    });
    return { ok: true as const };
  });
}
