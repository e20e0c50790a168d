// Runs the digests at a fixed hour: daily every day, weekly on one weekday. Each run is
// idempotent (DigestRun/DigestDelivery), so several app instances, a restart or a separate
// worker running the same schedule never send a digest twice.
//   DIGEST_SCHEDULER=inline (default) | off  — off when `npm run worker` runs it instead
//   DIGEST_HOUR=7 (UTC hour, 0–23)          DIGEST_WEEKDAY=1 (0 = Sunday … 6; weekly digest)
import { z } from "zod";
import { runDigest } from "./digest.server";

const SchedulerEnv = z.object({
  DIGEST_SCHEDULER: z.enum(["inline", "off"]).catch("inline").default("inline"),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).catch(7).default(7),
  DIGEST_WEEKDAY: z.coerce.number().int().min(0).max(6).catch(1).default(1),
});

export function digestSchedule(source: Record<string, string | undefined> = process.env) {
  return SchedulerEnv.parse({
    DIGEST_SCHEDULER: source.DIGEST_SCHEDULER || undefined,
    DIGEST_HOUR: source.DIGEST_HOUR || undefined,
    DIGEST_WEEKDAY: source.DIGEST_WEEKDAY || undefined,
  });
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | null = null;

/** One check: runs whatever digest is due now (and not yet done for its period). */
export async function runDueDigests(now = new Date(), schedule = digestSchedule()): Promise<void> {
  if (now.getUTCHours() < schedule.DIGEST_HOUR) return;
  await runDigest({ period: "DAILY", now });
  if (now.getUTCDay() === schedule.DIGEST_WEEKDAY) await runDigest({ period: "WEEKLY", now });
}

function tick() {
  if (running) return;
  running = runDueDigests()
    .catch((error) => console.error("digest run failed:", error))
    .finally(() => {
      running = null;
    });
}

/** Checks every 10 minutes. `force` starts it even when DIGEST_SCHEDULER=off (the worker). */
export function startDigestScheduler({ force = false }: { force?: boolean } = {}) {
  if (!force && digestSchedule().DIGEST_SCHEDULER === "off") return;
  if (timer) return;
  timer = setInterval(tick, 10 * 60_000);
  timer.unref();
  setTimeout(tick, 5_000).unref();
}

export async function stopDigestScheduler() {
  if (timer) clearInterval(timer);
  timer = undefined;
  await running;
}
