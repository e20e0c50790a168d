// Tells a consultation's followers and participants when it enters a new phase (phases have
// start dates; nothing else happens at that instant, so a job watches the clock).
//
// Once per phase, across app instances, restarts and reruns: each announcement is claimed by
// inserting a marker row with a unique key in the transaction that writes the notifications.
// The marker is keyed by consultation and phase kind, not by the phase row, because editing a
// consultation replaces its phase rows: a correction to a running phase must not announce it
// again (ConsultationPhaseNotice, primary key consultation + kind). INSERT … ON CONFLICT DO
// NOTHING never aborts the PostgreSQL
// transaction; a concurrent claimer waits for the first one's commit and then inserts nothing.
// A run that fails rolls its claim back with its notifications, and the next tick retries.
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { notify } from "./notify.server";

const BATCH = 100;

/**
 * Phases that started longer ago than this are not announced any more: a first deployment
 * (or a long outage) must not flood people with news of phases that began weeks ago.
 */
export const PHASE_NOTICE_WINDOW_MS = 2 * 24 * 60 * 60_000;

const CLAIM_SQL = {
  sqlite: `INSERT INTO "ConsultationPhaseNotice" ("consultationId", "kind", "notifiedAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
  postgresql: `INSERT INTO "ConsultationPhaseNotice" ("consultationId", "kind", "notifiedAt") VALUES ($1, CAST($2 AS "PhaseKind"), $3) ON CONFLICT DO NOTHING`,
};

export type PhaseNotificationRun = { announced: number };

/**
 * Announces every phase of a published consultation that is running at `now`, started within
 * the notice window and after the consultation was published (a phase already under way when
 * the consultation went public was never "entered" in front of anyone), and was not announced
 * before. Returns how many phases were announced by this call.
 */
export async function runPhaseNotifications(now = new Date()): Promise<PhaseNotificationRun> {
  const result: PhaseNotificationRun = { announced: 0 };
  const claim = CLAIM_SQL[getEnv().database.provider];
  let cursor: { startsAt: Date; id: string } | null = null;
  for (;;) {
    const due: {
      id: string;
      kind: string;
      startsAt: Date;
      consultationId: string;
      consultation: { publishedAt: Date | null };
    }[] = await db.consultationPhase.findMany({
      where: {
        startsAt: { lte: now, gt: new Date(now.getTime() - PHASE_NOTICE_WINDOW_MS) },
        endsAt: { gt: now },
        consultation: { status: "PUBLISHED" },
        ...(cursor ? { OR: [{ startsAt: { gt: cursor.startsAt } }, { startsAt: cursor.startsAt, id: { gt: cursor.id } }] } : {}),
      },
      select: { id: true, kind: true, startsAt: true, consultationId: true, consultation: { select: { publishedAt: true } } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    if (!due.length) break;
    for (const phase of due) {
      const publishedAt = phase.consultation.publishedAt;
      if (!publishedAt || phase.startsAt < publishedAt) continue;
      await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRawUnsafe(claim, phase.consultationId, phase.kind, now);
        if (claimed !== 1) return;
        await notify(tx, { kind: "CONSULTATION_PHASE", consultationId: phase.consultationId, phase: phase.kind });
        result.announced++;
      });
    }
    if (due.length < BATCH) break;
    const last = due[due.length - 1];
    cursor = { startsAt: last.startsAt, id: last.id };
  }
  return result;
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | null = null;

function tick() {
  if (running) return;
  running = runPhaseNotifications()
    .catch((error) => console.error("consultation phase notifications failed:", error))
    .finally(() => {
      running = null;
    });
}

/** Checks every 5 minutes: phases start on a date and time, a few minutes late is on time. */
export function startPhaseNotifier() {
  if (timer) return;
  timer = setInterval(tick, 5 * 60_000);
  timer.unref();
  setTimeout(tick, 15_000).unref();
}

export async function stopPhaseNotifier() {
  if (timer) clearInterval(timer);
  timer = undefined;
  await running;
}
