import { deleteExpiredSessions } from "~/modules/accounts/session.server";
import { purgeExpiredTokens } from "~/modules/accounts/tokens.server";
import { purgeExpiredCounters } from "~/modules/accounts/throttle.server";
import { startMailWorker, stopMailWorker } from "~/modules/mail/worker.server";
import { startPhaseNotifier, stopPhaseNotifier } from "~/modules/notifications/phase-notifications.server";
import { startDigestScheduler, stopDigestScheduler } from "~/modules/notifications/scheduler.server";
import { purgeOldInvitations } from "~/modules/organizations/invitations.server";
import { startPilotNotifier, stopPilotNotifier } from "~/modules/pilots/pilot-notifications.server";
import { getEnv } from "~/utils/env.server";

let cleanup: NodeJS.Timeout | undefined;

async function housekeeping() {
  await Promise.allSettled([deleteExpiredSessions(), purgeExpiredTokens(), purgeExpiredCounters(), purgeOldInvitations()]);
}

/** In-process jobs. Set MAIL_WORKER=off to run delivery in a separate process (npm run worker). */
export function startBackgroundJobs() {
  if (getEnv().MAIL_WORKER === "inline") startMailWorker(getEnv().MAIL_POLL_MS);
  // Email digests at a fixed hour (DIGEST_SCHEDULER=off when `npm run worker` runs them).
  startDigestScheduler();
  // Testers hear when their pilot starts and ends (each message claimed once).
  startPilotNotifier();
  // Followers and participants hear when a consultation enters a phase (each phase claimed once).
  startPhaseNotifier();
  housekeeping().catch(() => {});
  cleanup = setInterval(() => housekeeping().catch(() => {}), 60 * 60_000);
  cleanup.unref();
}

export async function stopBackgroundJobs() {
  if (cleanup) clearInterval(cleanup);
  await stopDigestScheduler();
  await stopPilotNotifier();
  await stopPhaseNotifier();
  await stopMailWorker();
}
