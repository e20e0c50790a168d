// Supports: one per person per idea (the primary key of Support), counted on the idea.
//
// Each command is ONE transaction whose first statement is a write, and the counters only
// move through atomic increments in the database (`supportCount = supportCount + 1`),
// never through a value read by the application. So, whatever the concurrency:
//   Idea.supportCount = number of Support rows, Idea.trendScore = sum of their weights.
import { db, isUniqueViolation, type DbTransaction } from "~/utils/db.server";
import { perDialect, sqlDialect } from "~/utils/sql-dialect.server";
import { follow } from "~/modules/notifications/follows.server";
import {
  SUPPORTABLE_STATUSES,
  supportDenial,
  type Denial,
  type IdeaStatus,
  type Viewer,
} from "~/modules/ideas/lifecycle.policy";
import { phaseDenial, type PhaseDenial } from "~/modules/consultations/phases.policy";
import { supportWeight } from "./trend";

export type SupportResult =
  | { ok: true; supported: boolean; already: boolean; supportCount: number }
  /** `phase`: the idea belongs to a consultation whose phase (or support limit) refuses it; error is then "notOpen". */
  | { ok: false; error: Denial | "notFound"; phase?: PhaseDenial };

type Supporter = NonNullable<Viewer>;

/** Thrown inside a transaction to roll it back and report why. */
class Refusal extends Error {
  constructor(
    readonly reason: Denial | "notFound",
    readonly phase?: PhaseDenial,
  ) {
    super(reason);
  }
}

function refused(refusal: Refusal): SupportResult {
  return refusal.phase ? { ok: false, error: refusal.reason, phase: refusal.phase } : { ok: false, error: refusal.reason };
}

/**
 * Ideas of a consultation take supports only in its SUPPORTS phase (phases.policy.ts).
 * Read inside the transaction, after the idea row is locked. Returns the consultation's
 * id and support limit (null for an idea without a consultation: today's rules only).
 */
async function consultationRules(tx: DbTransaction, ideaId: string, now: Date) {
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: {
      consultation: {
        select: { id: true, status: true, supportLimit: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
      },
    },
  });
  const consultation = idea?.consultation;
  if (!consultation) return null;
  const denial = phaseDenial("support", consultation, now);
  if (denial) throw new Refusal("notOpen", denial);
  return { consultationId: consultation.id, supportLimit: consultation.supportLimit };
}

/**
 * Takes one support from the person's quota in the consultation, or refuses (rolling the
 * whole transaction back) when none is left. The row is created if missing (an atomic
 * upsert), then incremented only while `used < limit`: a single conditional UPDATE, so
 * parallel supports by one person on many ideas can never exceed the limit — each one
 * waits for the row lock (PostgreSQL) or the write lock (SQLite) and re-checks.
 */
async function takeFromQuota(tx: DbTransaction, consultationId: string, userId: string, limit: number) {
  const key = { consultationId_userId: { consultationId, userId } };
  // A non-empty update and no select: Prisma then sends one INSERT … ON CONFLICT DO UPDATE
  // (with `update: {}` it would SELECT then INSERT, and two first supports would collide).
  await tx.consultationSupportQuota.upsert({ where: key, create: { consultationId, userId, used: 0 }, update: { used: { increment: 0 } } });
  const { count } = await tx.consultationSupportQuota.updateMany({
    where: { consultationId, userId, used: { lt: limit } },
    data: { used: { increment: 1 } },
  });
  if (count !== 1) throw new Refusal("notOpen", { action: "support", code: "limitReached", limit });
}

/**
 * The conditions of supportDenial() for a given supporter, as a where clause: the counter
 * update only matches while the idea is (still) open to supports, so a status change or
 * a moderator hiding the idea at the same moment can never let a support through.
 * lifecycle.policy.test / supports.server.test check the two agree.
 */
function openForSupportBy(ideaId: string, userId: string) {
  return {
    id: ideaId,
    status: { in: SUPPORTABLE_STATUSES as IdeaStatus[] },
    hiddenAt: null,
    authorId: { not: userId },
  };
}

/** Why the idea refused the support (called after the guarded update matched nothing). */
async function refusalFor(tx: DbTransaction, ideaId: string, viewer: Supporter): Promise<Refusal> {
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: { status: true, authorId: true, cityId: true, hiddenAt: true, supportCount: true, commentCount: true },
  });
  if (!idea) return new Refusal("notFound");
  return new Refusal(supportDenial(idea, viewer) ?? "notOpen");
}

async function currentCount(client: Pick<DbTransaction, "idea">, ideaId: string): Promise<number> {
  const idea = await client.idea.findUnique({ where: { id: ideaId }, select: { supportCount: true } });
  return idea?.supportCount ?? 0;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return meta?.driverAdapterError?.cause?.originalCode ?? code;
}

/**
 * Write conflicts worth retrying: P2034 (PostgreSQL serialization failure), a PostgreSQL
 * deadlock (40P01) and P1008 (SQLite busy: another process held the write lock longer than
 * the busy timeout). Unique violations are not retried: they are the answer.
 */
function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return code === "P2034" || code === "40001" || code === "40P01" || code === "P1008" || code === "SQLITE_BUSY";
}

// Supports on a popular idea queue on its row; waiting a few seconds for a turn beats failing.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

async function withRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      // Small random back-off so the retries do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** Thrown inside castSupport's transaction when the person already supports the idea: rolls the increment back. */
class AlreadySupported extends Error {}

/**
 * The guarded increment of castSupport, in SQL: one statement that re-checks openness
 * (openForSupportBy), bumps the counters (and updatedAt, as Prisma's update would) and
 * returns what the rest of the command needs. Raw SQL because this is the hot path of
 * the site (`npm run bench`): Prisma 6 compiles every model query anew (about 2–4 ms of
 * CPU each), a raw statement costs a fraction of that. The weight is a plain parameter
 * in both statements: it goes through the same conversion as in Prisma's own queries
 * (which can move a double by one unit in the last place), so the Support row stores, and
 * trendScore gains, the very value withdrawSupport later reads back and subtracts.
 */
const incrementSql = perDialect((dialect) => {
  const param = dialect.counter();
  const statuses = SUPPORTABLE_STATUSES.map((status) => `'${status}'`).join(", ");
  return `UPDATE "Idea" SET "supportCount" = "supportCount" + 1, "trendScore" = "trendScore" + ${param()}, "updatedAt" = ${param()}
    WHERE "id" = ${param()} AND "status" IN (${statuses}) AND "hiddenAt" IS NULL AND "authorId" <> ${param()}
    RETURNING "consultationId" AS "consultationId", "supportCount" AS "supportCount"`;
});

const insertSql = perDialect(
  ({ placeholders }) => `INSERT INTO "Support" ("ideaId", "userId", "weight", "createdAt") VALUES (${placeholders(4).join(", ")})
    ON CONFLICT ("ideaId", "userId") DO NOTHING`,
);

/**
 * SQLite's fast path for the usual support (an open idea outside any consultation, not yet
 * supported by this person): three statements in one batch transaction, each conditional
 * on the one before through changes() (the rows the previous statement wrote, on the one
 * connection the transaction runs on), so no statement's result has to come back to the
 * application before the next is sent. An interactive transaction costs about 0.5 ms of
 * CPU more per support (docs/benchmarks.md).
 * 1. the Support row, only if the idea is open to this person (openForSupportBy, same
 *    conditions as incrementSql) and has no consultation; nothing when it exists already;
 * 2. the counters, only if 1 inserted a row;
 * 3. the follow, only if 2 counted it.
 * As a write, statement 1 takes SQLite's write lock before it reads the idea. When it
 * inserted nothing, nothing was written and castSupport takes the general path, which
 * says why (refused, already supported) or applies the consultation's rules.
 */
const FAST_SQLITE = (() => {
  const statuses = SUPPORTABLE_STATUSES.map((status) => `'${status}'`).join(", ");
  return {
    insert: `INSERT INTO "Support" ("ideaId", "userId", "weight", "createdAt") SELECT ?, ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM "Idea" WHERE "id" = ? AND "status" IN (${statuses}) AND "hiddenAt" IS NULL AND "authorId" <> ? AND "consultationId" IS NULL)
      ON CONFLICT ("ideaId", "userId") DO NOTHING`,
    increment: `UPDATE "Idea" SET "supportCount" = "supportCount" + 1, "trendScore" = "trendScore" + ?, "updatedAt" = ?
      WHERE "id" = ? AND changes() = 1 RETURNING "supportCount" AS "supportCount"`,
    follow: `INSERT INTO "Follow" ("userId", "targetType", "targetId", "createdAt") SELECT ?, 'IDEA', ?, ? WHERE changes() = 1
      ON CONFLICT DO NOTHING`,
  };
})();

async function fastSupportSqlite(ideaId: string, userId: string, weight: number, now: Date): Promise<number | null> {
  const [, updated] = await withRetry(() =>
    db.$transaction([
      db.$executeRawUnsafe(FAST_SQLITE.insert, ideaId, userId, weight, now, ideaId, userId),
      db.$queryRawUnsafe<{ supportCount: number | bigint }[]>(FAST_SQLITE.increment, weight, now, ideaId),
      db.$executeRawUnsafe(FAST_SQLITE.follow, userId, ideaId, now),
    ]),
  );
  return updated.length === 1 ? Number(updated[0].supportCount) : null;
}

/**
 * The viewer supports the idea. Casting twice is harmless: the second insert finds the
 * primary key taken and inserts nothing, the whole transaction — counter increment
 * included — rolls back, and the answer is { ok: true, already: true }.
 */
export async function castSupport(ideaId: string, viewer: Supporter): Promise<SupportResult> {
  const now = new Date();
  const weight = supportWeight(now);
  if (sqlDialect().provider === "sqlite") {
    const supportCount = await fastSupportSqlite(ideaId, viewer.id, weight, now);
    if (supportCount !== null) return { ok: true, supported: true, already: false, supportCount };
  }
  const sql = { increment: incrementSql(), insert: insertSql() };
  try {
    return await withRetry(() =>
      db.$transaction(async (tx) => {
        // Guarded atomic increment first: it locks the idea row (PostgreSQL) / takes the
        // write lock (SQLite) and re-checks openness against the current row.
        const updated = await tx.$queryRawUnsafe<{ consultationId: string | null; supportCount: number | bigint }[]>(
          sql.increment,
          weight,
          now,
          ideaId,
          viewer.id,
        );
        if (updated.length !== 1) throw await refusalFor(tx, ideaId, viewer);
        const rules = updated[0].consultationId === null ? null : await consultationRules(tx, ideaId, now);
        // A duplicate inserts nothing: AlreadySupported rolls back the increment above.
        const inserted = await tx.$executeRawUnsafe(sql.insert, ideaId, viewer.id, weight, now);
        if (inserted !== 1) throw new AlreadySupported();
        // Supporters follow what they backed.
        await follow(tx, viewer.id, "IDEA", ideaId, now);
        // After the insert, so a second support of the same idea is "already", not "limit reached".
        if (rules && rules.supportLimit !== null) await takeFromQuota(tx, rules.consultationId, viewer.id, rules.supportLimit);
        // The count this transaction left (the row stays locked until it commits).
        return { ok: true as const, supported: true, already: false, supportCount: Number(updated[0].supportCount) };
      }, TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (error instanceof Refusal) return refused(error);
    if (error instanceof AlreadySupported || isUniqueViolation(error)) {
      return { ok: true, supported: true, already: true, supportCount: await currentCount(db, ideaId) };
    }
    throw error;
  }
}

/**
 * The viewer withdraws their support. The row is deleted by (idea, user, weight) so the
 * counter goes down by exactly the weight that row added, and only when this call is the
 * one that deleted it (count = 1): a double click, or two tabs, decrement once.
 * Withdrawing is possible while the idea is open to supports (once decided, the supports
 * it was decided with stay on record) and, for an idea of a consultation, during its
 * SUPPORTS phase; it gives the support back to the person's quota (never below 0).
 */
export async function withdrawSupport(ideaId: string, viewer: Supporter): Promise<SupportResult> {
  const now = new Date();
  try {
    return await withRetry(() =>
      db.$transaction(async (tx) => {
        // First statement a write (SQLite: no stale read snapshot to upgrade).
        const { count: open } = await tx.idea.updateMany({
          where: openForSupportBy(ideaId, viewer.id),
          data: { supportCount: { increment: 0 } },
        });
        if (open !== 1) throw await refusalFor(tx, ideaId, viewer);
        const rules = await consultationRules(tx, ideaId, now);
        const support = await tx.support.findUnique({
          where: { ideaId_userId: { ideaId, userId: viewer.id } },
          select: { weight: true },
        });
        if (!support) return { ok: true as const, supported: false, already: true, supportCount: await currentCount(tx, ideaId) };
        const { count } = await tx.support.deleteMany({ where: { ideaId, userId: viewer.id, weight: support.weight } });
        if (count !== 1) return { ok: true as const, supported: false, already: true, supportCount: await currentCount(tx, ideaId) };
        await tx.idea.update({
          where: { id: ideaId },
          data: { supportCount: { decrement: 1 }, trendScore: { decrement: support.weight } },
          select: { id: true },
        });
        if (rules) {
          await tx.consultationSupportQuota.updateMany({
            where: { consultationId: rules.consultationId, userId: viewer.id, used: { gt: 0 } },
            data: { used: { decrement: 1 } },
          });
        }
        return { ok: true as const, supported: false, already: false, supportCount: await currentCount(tx, ideaId) };
      }, TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (error instanceof Refusal) return refused(error);
    throw error;
  }
}

/** Whether the viewer supports the idea (for the page's button state). */
export async function hasSupported(ideaId: string, userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const support = await db.support.findUnique({ where: { ideaId_userId: { ideaId, userId } }, select: { ideaId: true } });
  return support !== null;
}
