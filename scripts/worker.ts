// A separate mail-delivery process, for deployments that run the web server with
// MAIL_WORKER=off (e.g. several stateless web instances and one worker). Several
// workers may run at once: each message is claimed atomically before it is sent.
//   npm run worker
import { startMailWorker, stopMailWorker } from "~/modules/mail/worker.server";
import { startDigestScheduler, stopDigestScheduler } from "~/modules/notifications/scheduler.server";
import { getEnv } from "~/utils/env.server";

try {
  getEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

startMailWorker(getEnv().MAIL_POLL_MS);
// The digest schedule too (run the web server with DIGEST_SCHEDULER=off then).
startDigestScheduler({ force: true });
// The worker's timers are unref'd; this keeps the process alive until a signal.
const keepAlive = setInterval(() => {}, 1 << 30);
console.log(`Mail worker running (${getEnv().smtpUrl ? "SMTP" : "development outbox"})`);

async function shutdown() {
  clearInterval(keepAlive);
  await stopDigestScheduler();
  await stopMailWorker();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
