// npm run bench:digest — the email digest benchmark (not a test: nothing fails on a slow number).
//
// Creates a throw-away database, seeds it with raw SQL in batches (BENCH_DIGEST_USERS people,
// default 100,000, each following 3 ideas and with a day of notifications: 3 each, of kinds
// that go to the daily digest by default; 10% chose the weekly digest for comments, 5% read
// Romanian), then runs the real daily digest (app/modules/notifications/digest.server.ts)
// in-process (events fan out: followers of an idea share its events) and prints people/s, emails/s, the CPU per person and memory (RSS and V8 heap, sampled every 50 ms,
// peak and per-tenth of the run, to show that memory stays flat). Then it reruns the digest
// (idempotency: nothing is sent twice) and counts the queued emails.
//
// Environment: BENCH_DIGEST_USERS=100000, BENCH_DIGEST_BATCH=500, BENCH_DATABASE_URL=
// postgresql://… (PostgreSQL: a fresh database is created next to the one named and
// dropped afterwards), BENCH_KEEP=1 (keep the SQLite file).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../prisma.mjs";
import { createPostgresDatabase, openPostgres, openSqlite, type BenchDb, type Column, type Row } from "./db.ts";
import { createRandom, randomId } from "./text.ts";

const USERS = Number(process.env.BENCH_DIGEST_USERS ?? 100_000);
const BATCH = Number(process.env.BENCH_DIGEST_BATCH ?? 500);
const PG_URL = process.env.BENCH_DATABASE_URL?.trim() || null;
const KEEP = /^(1|true|yes)$/i.test(process.env.BENCH_KEEP ?? "");
const HOUR = 60 * 60 * 1000;
const SEED_BATCH = 10_000;

if (!Number.isInteger(USERS) || USERS < 100 || !Number.isInteger(BATCH) || BATCH < 1) {
  console.error("BENCH_DIGEST_USERS must be an integer ≥ 100 and BENCH_DIGEST_BATCH a positive integer");
  process.exit(1);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function inBatches(db: BenchDb, table: string, columns: Column[], rows: Iterable<Row>) {
  let batch: Row[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === SEED_BATCH) {
      await db.insert(table, columns, batch);
      batch = [];
    }
  }
  if (batch.length) await db.insert(table, columns, batch);
}

async function seed(db: BenchDb, now: Date) {
  const random = createRandom(20261130);
  const cityId = "bench-city";
  await db.insert(
    "City",
    [
      ["id", "text"],
      ["slug", "text"],
      ["name", "text"],
      ["countryCode", "text"],
      ["defaultLocale", "text"],
      ["timeZone", "text"],
      ["createdAt", "timestamp(3)"],
      ["updatedAt", "timestamp(3)"],
    ],
    [[cityId, "benchville", "Benchville", "RO", "en", "Europe/Bucharest", now, now]]
  );
  const userIds = Array.from({ length: USERS }, () => randomId(random));
  const ideas = Array.from({ length: 1000 }, (_, index) => ({
    id: randomId(random),
    number: index + 1,
    title: `Idea number ${index + 1} for a better city`,
  }));

  await inBatches(
    db,
    "User",
    [
      ["id", "text"],
      ["email", "text"],
      ["emailNormalized", "text"],
      ["displayName", "text"],
      ["passwordHash", "text"],
      ["emailVerifiedAt", "timestamp(3)"],
      ["homeCityId", "text"],
      ["locale", "text"],
      ["privacyAcceptedAt", "timestamp(3)"],
      ["createdAt", "timestamp(3)"],
      ["updatedAt", "timestamp(3)"],
    ],
    (function* () {
      for (const [index, id] of userIds.entries()) {
        const email = `person${index}@bench.example`;
        yield [id, email, email, `Person ${index}`, "x", now, cityId, index % 20 === 0 ? "ro" : null, now, now, now];
      }
    })()
  );

  await inBatches(
    db,
    "Follow",
    [
      ["userId", "text"],
      ["targetType", '"FollowTarget"'],
      ["targetId", "text"],
      ["createdAt", "timestamp(3)"],
    ],
    (function* () {
      for (const [index, userId] of userIds.entries()) {
        for (let k = 0; k < 3; k++) yield [userId, "IDEA", ideas[(index * 7 + k * 331) % ideas.length].id, now];
      }
    })()
  );

  await inBatches(
    db,
    "NotificationPreference",
    [
      ["userId", "text"],
      ["kind", '"NotificationKind"'],
      ["frequency", '"EmailFrequency"'],
    ],
    (function* () {
      for (const [index, userId] of userIds.entries()) if (index % 10 === 0) yield [userId, "IDEA_COMMENT", "WEEKLY"];
    })()
  );

  // A day of events: 3 notifications each (two comments and a launch) in the last 24 hours.
  const kinds = ["IDEA_COMMENT", "IDEA_COMMENT", "SUPPORTED_IDEA_LAUNCHED"];
  await inBatches(
    db,
    "Notification",
    [
      ["id", "text"],
      ["userId", "text"],
      ["kind", '"NotificationKind"'],
      ["cityId", "text"],
      ["ideaId", "text"],
      ["data", "jsonb"],
      ["createdAt", "timestamp(3)"],
    ],
    (function* () {
      for (const [index, userId] of userIds.entries()) {
        for (let k = 0; k < 3; k++) {
          const idea = ideas[(index * 7 + k * 331) % ideas.length];
          const data = {
            idea: idea.title,
            ideaNumber: idea.number,
            citySlug: "benchville",
            cityName: "Benchville",
            status: "LAUNCHED",
            // One event per idea and kind: every follower of the idea gets the same one.
            actor: `Person ${(idea.number * 31 + k) % USERS}`,
            excerpt: "I support this: the bus stop near the school needs it most, especially in winter.",
          };
          yield [randomId(random), userId, kinds[k], cityId, idea.id, JSON.stringify(data), new Date(now.getTime() - random.next() * 23 * HOUR)];
        }
      }
    })()
  );
  return { users: USERS, follows: USERS * 3, notifications: USERS * 3 };
}

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "civicloop-digest-bench-"));
  let drop = async () => {};
  let url = `file:${path.join(workDir, "bench.db")}`;
  if (PG_URL) {
    const created = await createPostgresDatabase(PG_URL, `civicloop_digest_bench_${Date.now().toString(36)}`);
    url = created.url;
    drop = created.drop;
  }
  process.env.DATABASE_URL = url;
  process.env.DATA_DIR = workDir;
  process.env.NODE_ENV = "production";
  process.env.SESSION_SECRET ??= "benchmark-only-session-secret-0123456789";
  process.env.APP_URL ??= "https://civicloop.example";
  try {
    await migrate({ ...process.env, DATABASE_URL: url, DATA_DIR: workDir, QUIET_MIGRATIONS: "1" });
    const raw = PG_URL ? await openPostgres(url) : openSqlite(path.join(workDir, "bench.db"));
    const now = new Date();
    const seedStarted = performance.now();
    const counts = await seed(raw, now);
    if (PG_URL) await raw.exec("ANALYZE");
    await raw.close();
    console.log(
      `Seeded ${counts.users} people, ${counts.follows} follows, ${counts.notifications} notifications (${PG_URL ? "PostgreSQL" : "SQLite"}) in ${(
        (performance.now() - seedStarted) /
        1000
      ).toFixed(1)} s`
    );

    // App modules read the environment when first imported: only now.
    const { db, prepareSqlite } = await import("../../app/utils/db.server.ts");
    const { runDigest } = await import("../../app/modules/notifications/digest.server.ts");
    if (!PG_URL) await prepareSqlite(db);

    global.gc?.();
    const base = process.memoryUsage();
    const peak = { rss: base.rss, heap: base.heapUsed };
    const tenths: { users: number; rss: number; heap: number }[] = [];
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak.rss = Math.max(peak.rss, usage.rss);
      peak.heap = Math.max(peak.heap, usage.heapUsed);
    }, 50);
    let nextTenth = USERS / 10;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await runDigest({
      period: "DAILY",
      now: new Date(now.getTime() + 1000),
      batchSize: BATCH,
      onBatch: ({ users }) => {
        if (users >= nextTenth) {
          const usage = process.memoryUsage();
          tenths.push({ users, rss: usage.rss, heap: usage.heapUsed });
          nextTenth += USERS / 10;
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // This process's CPU (the database's too on SQLite, which runs in-process): the figure
    // to compare on a shared machine, where wall-clock people/s depends on the other jobs.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(sampler);
    const emails = await db.emailMessage.count();
    const again = await runDigest({ period: "DAILY", now: new Date(now.getTime() + 1000), batchSize: BATCH });
    const emailsAfterRerun = await db.emailMessage.count();
    await db.$disconnect();

    console.log(`Digest (daily, batches of ${BATCH}): ${result.users} people, ${result.emails} emails in ${seconds.toFixed(1)} s`);
    console.log(
      `  ${(result.users / seconds).toFixed(0)} people/s, ${(result.emails / seconds).toFixed(0)} emails/s (target ≥ 2000 people/s: ${
        result.users / seconds >= 2000 ? "PASS" : "MISS"
      })`
    );
    console.log(
      `  CPU of this process: ${cpuSeconds.toFixed(1)} s = ${((cpuSeconds * 1000) / Math.max(result.users, 1)).toFixed(3)} ms per person ` +
        `(${(result.users / cpuSeconds).toFixed(0)} people per CPU-second${PG_URL ? "; PostgreSQL's own CPU not included" : ""})`
    );
    console.log(`  memory before: RSS ${mb(base.rss)}, heap ${mb(base.heapUsed)}; peak: RSS ${mb(peak.rss)}, heap ${mb(peak.heap)}`);
    console.log(
      `  along the run (people done: RSS / heap): ${tenths.map((tenth) => `${tenth.users}: ${mb(tenth.rss)} / ${mb(tenth.heap)}`).join(", ")}`
    );
    console.log(`  outbox: ${emails} emails; rerun: ${again.alreadyDone ? "already done" : "ran"}, outbox after rerun: ${emailsAfterRerun}`);
  } finally {
    await drop().catch(() => {});
    if (!KEEP) rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
