// Tells testers when their pilot starts and when it ends. Each message is claimed by a
// guarded update (startNotifiedAt/endNotifiedAt IS NULL) in the transaction that writes the
// notifications, so two app instances, a restart or a second run never send it twice, and a
// failed run sends nothing and is retried at the next tick.
import { notify } from "~/modules/notifications/notify.server";
import { db } from "~/utils/db.server";

const BATCH = 100;

export type PilotNotificationRun = { started: number; ended: number };

/** Sends whatever start/end messages are due at `now`. Returns how many pilots were announced. */
export async function runPilotNotifications(now = new Date()): Promise<PilotNotificationRun> {
  const result: PilotNotificationRun = { started: 0, ended: 0 };
  for (;;) {
    const due = await db.pilot.findMany({
      where: { startNotifiedAt: null, startsAt: { lte: now } },
      select: { id: true, ideaId: true, endsAt: true, idea: { select: { status: true } } },
      orderBy: { startsAt: "asc" },
      take: BATCH,
    });
    if (!due.length) break;
    for (const pilot of due) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.pilot.updateMany({ where: { id: pilot.id, startNotifiedAt: null }, data: { startNotifiedAt: now } });
        // A pilot already over (or no longer running) when first seen only gets its end message.
        if (count !== 1 || pilot.endsAt <= now || pilot.idea.status !== "PILOTING") return;
        await notify(tx, { kind: "PILOT_STARTED", ideaId: pilot.ideaId, actorId: null });
        result.started++;
      });
    }
    if (due.length < BATCH) break;
  }
  for (;;) {
    const due = await db.pilot.findMany({
      where: { endNotifiedAt: null, endsAt: { lte: now } },
      select: { id: true, ideaId: true, idea: { select: { status: true } } },
      orderBy: { endsAt: "asc" },
      take: BATCH,
    });
    if (!due.length) break;
    for (const pilot of due) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.pilot.updateMany({ where: { id: pilot.id, endNotifiedAt: null }, data: { endNotifiedAt: now } });
        // An idea sent back or rejected during its pilot: the end date means nothing any more.
        if (count !== 1 || (pilot.idea.status !== "PILOTING" && pilot.idea.status !== "LAUNCHED")) return;
        await notify(tx, { kind: "PILOT_ENDED", ideaId: pilot.ideaId, actorId: null });
        result.ended++;
      });
    }
    if (due.length < BATCH) break;
  }
  return result;
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | null = null;

function tick() {
  if (running) return;
  running = runPilotNotifications()
    .catch((error) => console.error("pilot notifications failed:", error))
    .finally(() => {
      running = null;
    });
}

/** Checks every 5 minutes (pilot dates are days: a few minutes late is on time). */
export function startPilotNotifier() {
  if (timer) return;
  timer = setInterval(tick, 5 * 60_000);
  timer.unref();
  setTimeout(tick, 10_000).unref();
}

export async function stopPilotNotifier() {
  if (timer) clearInterval(timer);
  timer = undefined;
  await running;
}
