// Builds and queues the email digests of the current period, then exits.
//   npm run digest                      — the daily digest
//   npm run digest -- --weekly          — the weekly digest
//   npm run digest -- --batch 1000      — people per batch/transaction (default 500)
//   npm run digest -- --key 2026-11-30  — a period key of one's own (a one-off rerun, tests)
// Safe to run again or after a crash: nobody receives the same period's digest twice.
import { runDigest } from "~/modules/notifications/digest.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { prepareSqlite } from "~/utils/db.server";

const args = process.argv.slice(2);
const period = args.includes("--weekly") ? "WEEKLY" : "DAILY";
const batchIndex = args.indexOf("--batch");
const batchSize = batchIndex >= 0 ? Number(args[batchIndex + 1]) : 500;
const keyIndex = args.indexOf("--key");
const periodKey = keyIndex >= 0 ? args[keyIndex + 1] : undefined;
if (periodKey !== undefined && !/^[\w-]{1,40}$/.test(periodKey)) {
  console.error("--key must be 1–40 letters, digits, '-' or '_'");
  process.exit(1);
}
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error("--batch must be an integer between 1 and 10000");
  process.exit(1);
}

try {
  getEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

if (getEnv().database.provider === "sqlite") await prepareSqlite(db);
const started = performance.now();
const result = await runDigest({ period, batchSize, periodKey });
const seconds = (performance.now() - started) / 1000;
if (result.alreadyDone) console.log(`${period} digest ${result.periodKey}: already done, nothing sent.`);
else console.log(`${period} digest ${result.periodKey}: ${result.users} people, ${result.emails} emails queued in ${seconds.toFixed(1)} s.`);
await db.$disconnect();
