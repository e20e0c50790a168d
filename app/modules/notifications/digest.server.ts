// Email digests that scale: people are taken in batches in id order (keyset), each batch
// builds its emails from that batch's notifications only, and one transaction per batch
// writes the DigestDelivery rows, the outbox emails and the run's cursor. The delivery's
// primary key (person, period, period key) means a rerun, a resumed run or two runners at
// once never send anyone the same digest twice; a crashed run resumes after its cursor.
import { randomUUID } from "node:crypto";
import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";
import { db, isUniqueViolation } from "~/utils/db.server";
import { rawDate, sqlDialect, type SqlDialect } from "~/utils/sql-dialect.server";
import { effectiveFrequencies, type DigestPeriod } from "./kinds";
import {
  describeNotification,
  recipientLocale,
  renderDigest,
  translatorFor,
  type DescribedNotification,
  type RenderableNotification,
} from "./messages.server";

const DAY = 24 * 60 * 60 * 1000;

export type DigestOptions = {
  period: DigestPeriod;
  now?: Date;
  /** People per batch (and per transaction). */
  batchSize?: number;
  /** Stop after this many batches without finishing (tests simulate a crash with it). */
  maxBatches?: number;
  onBatch?: (progress: { users: number; emails: number; batches: number }) => void;
  /** Overrides the period key (tests and one-off reruns: a distinct key is a distinct run). */
  periodKey?: string;
};

export type DigestResult = {
  period: DigestPeriod;
  periodKey: string;
  /** False when stopped by maxBatches: the next run resumes after the cursor. */
  finished: boolean;
  /** True when this period's run had already finished before (nothing was done). */
  alreadyDone: boolean;
  users: number;
  emails: number;
  batches: number;
};

/** "2026-11-30" for a daily digest, the ISO week "2026-W48" for a weekly one (UTC). */
export function periodKey(period: DigestPeriod, now: Date): string {
  if (period === "DAILY") return now.toISOString().slice(0, 10);
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / DAY + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function periodLength(period: DigestPeriod) {
  return period === "DAILY" ? DAY : 7 * DAY;
}

/** How far back a digest looks when someone missed earlier ones (e.g. the job did not run). */
function lookback(period: DigestPeriod) {
  return period === "DAILY" ? 7 * DAY : 28 * DAY;
}

type BatchOutcome = { users: number; emails: number; lastUserId: string | null };

// The batch's reads and writes are raw SQL: Prisma 6 compiles every query anew, which costs
// more than the query itself with 500-value IN lists and 500-row inserts (measured with
// `npm run bench:digest`: about 150 people/s through Prisma's query builder).
type Dialect = SqlDialect;

const asDate = (value: unknown) => rawDate(value) ?? new Date(Number.NaN);
const asJson = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);

async function processBatch(
  run: { id: string; period: DigestPeriod; periodKey: string; cursor: string | null; cutoff: Date },
  batchSize: number,
  translators: Map<Locale, TFunction>,
  dialect: Dialect,
  describedEvents: Map<string, DescribedNotification>
): Promise<BatchOutcome> {
  const { period, cutoff } = run;
  const { placeholders: p, cast } = dialect;
  const windowStart = new Date(cutoff.getTime() - lookback(period));

  // The next people (by id) with anything not yet emailed in the window: an index range
  // scan on Notification(userId, createdAt) from the cursor on.
  // SQLite, without statistics, would rather scan the createdAt index (the whole day) and
  // sort, once per batch: quadratic. Name the index; PostgreSQL's planner picks it itself.
  const byUser = dialect.postgres ? "" : ' INDEXED BY "Notification_userId_createdAt_idx"';
  const [a, b, c, d] = p(4);
  const groups = await db.$queryRawUnsafe<{ userId: string }[]>(
    `SELECT DISTINCT "userId" FROM "Notification"${byUser} WHERE "userId" > ${a} AND "createdAt" >= ${b} AND "createdAt" < ${c} AND "emailedAt" IS NULL ORDER BY "userId" LIMIT ${d}`,
    run.cursor ?? "",
    windowStart,
    cutoff,
    batchSize
  );
  const userIds = groups.map((group) => group.userId);
  if (!userIds.length) return { users: 0, emails: 0, lastUserId: null };
  const lastUserId = userIds[userIds.length - 1];
  const first = run.cursor ?? "";
  const inList = p(userIds.length).join(", ");
  const periodParam = (index: number) => cast(p(1, index)[0], '"DigestPeriod"');

  const [users, preferences, previous, done, notifications] = await Promise.all([
    db.$queryRawUnsafe<
      {
        id: string;
        email: string;
        displayName: string;
        locale: string | null;
        emailVerifiedAt: unknown;
        deletedAt: unknown;
        suspendedAt: unknown;
        suspendedUntil: unknown;
        defaultLocale: string | null;
      }[]
    >(
      `SELECT u."id", u."email", u."displayName", u."locale", u."emailVerifiedAt", u."deletedAt", u."suspendedAt", u."suspendedUntil", c."defaultLocale"
       FROM "User" u LEFT JOIN "City" c ON c."id" = u."homeCityId" WHERE u."id" IN (${inList})`,
      ...userIds
    ),
    db.$queryRawUnsafe<{ userId: string; kind: string; frequency: string }[]>(
      `SELECT "userId", "kind", "frequency" FROM "NotificationPreference" WHERE "userId" > ${p(1)[0]} AND "userId" <= ${p(1, 1)[0]}`,
      first,
      lastUserId
    ),
    db.$queryRawUnsafe<{ userId: string; coveredUntil: unknown }[]>(
      `SELECT "userId", MAX("coveredUntil") AS "coveredUntil" FROM "DigestDelivery" WHERE "userId" > ${p(1)[0]} AND "userId" <= ${
        p(1, 1)[0]
      } AND "period" = ${periodParam(2)} GROUP BY "userId"`,
      first,
      lastUserId,
      period
    ),
    db.$queryRawUnsafe<{ userId: string }[]>(
      `SELECT "userId" FROM "DigestDelivery" WHERE "userId" > ${p(1)[0]} AND "userId" <= ${p(1, 1)[0]} AND "period" = ${periodParam(
        2
      )} AND "periodKey" = ${p(1, 3)[0]}`,
      first,
      lastUserId,
      period,
      run.periodKey
    ),
    db.$queryRawUnsafe<{ userId: string; kind: string; ideaId: string | null; commentId: string | null; data: unknown; createdAt: unknown }[]>(
      `SELECT "userId", "kind", "ideaId", "commentId", "data", "createdAt" FROM "Notification"${byUser}
       WHERE "userId" > ${p(1)[0]} AND "userId" <= ${p(1, 1)[0]} AND "createdAt" >= ${p(1, 2)[0]} AND "createdAt" < ${
        p(1, 3)[0]
      } AND "emailedAt" IS NULL
       ORDER BY "userId", "createdAt" DESC`,
      first,
      lastUserId,
      windowStart,
      cutoff
    ),
  ]);

  // Content hidden (or deleted) since the notification was made is left out.
  const ideaIds = [...new Set(notifications.map((n) => n.ideaId).filter((id): id is string => Boolean(id)))];
  const commentIds = [...new Set(notifications.map((n) => n.commentId).filter((id): id is string => Boolean(id)))];
  const [hiddenIdeas, hiddenComments] = await Promise.all([
    ideaIds.length
      ? db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Idea" WHERE "id" IN (${p(ideaIds.length).join(", ")}) AND "hiddenAt" IS NOT NULL`,
          ...ideaIds
        )
      : [],
    commentIds.length
      ? db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Comment" WHERE "id" IN (${p(commentIds.length).join(", ")}) AND ("hiddenAt" IS NOT NULL OR "deletedAt" IS NOT NULL)`,
          ...commentIds
        )
      : [],
  ]);
  const hidden = new Set([...hiddenIdeas.map((row) => row.id), ...hiddenComments.map((row) => row.id)]);

  const usersById = new Map(users.map((user) => [user.id, user]));
  const preferencesByUser = new Map<string, { kind: string; frequency: string }[]>();
  for (const row of preferences) {
    const list = preferencesByUser.get(row.userId);
    if (list) list.push(row);
    else preferencesByUser.set(row.userId, [row]);
  }
  const coveredByUser = new Map(previous.map((row) => [row.userId, asDate(row.coveredUntil)]));
  const alreadyDone = new Set(done.map((row) => row.userId));
  const notificationsByUser = new Map<string, (RenderableNotification & { key: string })[]>();
  const defaultSince = new Date(cutoff.getTime() - periodLength(period));

  for (const notification of notifications) {
    if ((notification.ideaId && hidden.has(notification.ideaId)) || (notification.commentId && hidden.has(notification.commentId))) continue;
    const since = coveredByUser.get(notification.userId) ?? defaultSince;
    if (asDate(notification.createdAt) < since) continue;
    // The event's identity (one event fans out to many followers): rendered once per language.
    const key = `${notification.kind}|${notification.commentId ?? ""}|${
      typeof notification.data === "string" ? notification.data : JSON.stringify(notification.data)
    }`;
    const item = { kind: notification.kind, ideaId: notification.ideaId, commentId: notification.commentId, data: asJson(notification.data), key };
    const list = notificationsByUser.get(notification.userId);
    if (list) list.push(item);
    else notificationsByUser.set(notification.userId, [item]);
  }

  // Shared across batches (one event reaches followers in many batches), bounded.
  if (describedEvents.size > DESCRIBED_EVENTS_MAX) describedEvents.clear();
  const deliveries: Row[] = [];
  const emails: Row[] = [];
  for (const userId of userIds) {
    if (alreadyDone.has(userId)) continue;
    const user = usersById.get(userId);
    let emailId: string | null = null;
    const suspended = user?.suspendedAt && (!user.suspendedUntil || asDate(user.suspendedUntil) > cutoff);
    if (user && !user.deletedAt && user.emailVerifiedAt && !suspended) {
      const frequencies = effectiveFrequencies(preferencesByUser.get(userId) ?? []);
      const items = (notificationsByUser.get(userId) ?? []).filter((n) => frequencies[n.kind as keyof typeof frequencies] === period);
      if (items.length) {
        const recipient = { ...user, homeCity: user.defaultLocale ? { defaultLocale: user.defaultLocale } : null };
        const locale = recipientLocale(recipient);
        let t = translators.get(locale);
        if (!t) {
          t = await translatorFor(locale);
          translators.set(locale, t);
        }
        const translate = t;
        const email = renderDigest(t, locale, recipient, period, items, cutoff, (item) => {
          const key = `${locale}|${(item as unknown as { key: string }).key}`;
          let described = describedEvents.get(key);
          if (!described) {
            described = describeNotification(translate, item);
            describedEvents.set(key, described);
          }
          return described;
        });
        emailId = randomUUID();
        emails.push([emailId, email.to, email.subject, email.text, email.html, JSON.stringify(email.headers ?? {}), cutoff, cutoff]);
      }
    }
    // Recorded even when empty: the next digest starts from here.
    deliveries.push([userId, period, run.periodKey, cutoff, emailId, cutoff]);
  }

  await db.$transaction(
    async (tx) => {
      await insertRows(
        tx,
        dialect,
        "DigestDelivery",
        ["userId", "period", "periodKey", "coveredUntil", "emailId", "createdAt"],
        { period: '"DigestPeriod"' },
        deliveries
      );
      await insertRows(
        tx,
        dialect,
        "EmailMessage",
        ["id", "toAddress", "subject", "textBody", "htmlBody", "headers", "nextAttemptAt", "createdAt"],
        { headers: "jsonb" },
        emails
      );
      await tx.digestRun.update({
        where: { id: run.id },
        data: { cursor: lastUserId, users: { increment: deliveries.length }, emails: { increment: emails.length } },
        select: { id: true },
      });
    },
    { maxWait: 10_000, timeout: 60_000 }
  );
  return { users: deliveries.length, emails: emails.length, lastUserId };
}

type Row = unknown[];

/**
 * Rendered event texts kept between batches (per language and event): an event fans out
 * to its followers, who are spread over many batches. Cleared when full, so memory stays
 * flat however long the run.
 */
const DESCRIBED_EVENTS_MAX = 20_000;

/**
 * Rows per INSERT, well under both databases' parameter limits. 500-row statements (a
 * whole default batch) were measured too (bench:digest, 20k people): about 5 % less CPU,
 * within the noise of a shared machine, for 60–90 MB more peak memory. Not worth it.
 */
const ROWS_PER_INSERT = 100;

/** Multi-row INSERTs, ROWS_PER_INSERT rows per statement. */
async function insertRows(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  dialect: Dialect,
  table: string,
  columns: string[],
  casts: Record<string, string>,
  rows: Row[]
) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.map((_, rowIndex) => {
      const marks = dialect.placeholders(columns.length, rowIndex * columns.length);
      return `(${marks.map((mark, index) => (casts[columns[index]] ? dialect.cast(mark, casts[columns[index]]) : mark)).join(", ")})`;
    });
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns.map((name) => `"${name}"`).join(", ")}) VALUES ${values.join(", ")}`,
      ...chunk.flat()
    );
  }
}

/**
 * Builds and queues the digests of one period (the period containing `now`). Safe to run
 * again, to resume after a crash, and concurrently.
 */
export async function runDigest(options: DigestOptions): Promise<DigestResult> {
  const { period, now = new Date(), batchSize = 500, maxBatches = Infinity, onBatch } = options;
  const key = options.periodKey ?? periodKey(period, now);
  const run = await db.digestRun.upsert({
    where: { period_periodKey: { period, periodKey: key } },
    create: { period, periodKey: key, startedAt: now },
    update: {},
  });
  const result: DigestResult = {
    period,
    periodKey: key,
    finished: false,
    alreadyDone: false,
    users: 0,
    emails: 0,
    batches: 0,
  };
  if (run.finishedAt) return { ...result, finished: true, alreadyDone: true };

  // Everything created before the run first started belongs to this period's digest; a
  // resumed run keeps that boundary.
  const state = {
    id: run.id,
    period,
    periodKey: key,
    cursor: run.cursor,
    cutoff: run.startedAt,
  };
  const translators = new Map<Locale, TFunction>();
  const dialect = sqlDialect();
  const describedEvents = new Map<string, DescribedNotification>();
  while (result.batches < maxBatches) {
    let outcome: BatchOutcome;
    try {
      outcome = await processBatch(state, batchSize, translators, dialect, describedEvents);
    } catch (error) {
      // Another runner delivered part of this batch first: redo it without those people.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    if (!outcome.lastUserId) {
      await db.digestRun.update({
        where: { id: run.id },
        data: { finishedAt: new Date() },
        select: { id: true },
      });
      return { ...result, finished: true };
    }
    state.cursor = outcome.lastUserId;
    result.users += outcome.users;
    result.emails += outcome.emails;
    result.batches += 1;
    onBatch?.({
      users: result.users,
      emails: result.emails,
      batches: result.batches,
    });
    // Lets the web server breathe between batches when the digest runs in-process.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}
