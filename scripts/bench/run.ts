// npm run bench — the speed benchmark (not a test: nothing here fails on a slow number).
//
// For each dataset size (1k, then 100k ideas with 10 supports and 3 comments per idea on
// average, i.e. 1M supports and 300k comments at 100k) it creates a throw-away database,
// seeds it with raw SQL, starts the real production server (node server.js, NODE_ENV=
// production) on 127.0.0.1, puts each page and the support action under concurrent load
// with autocannon, checks that every idea's supportCount still equals its Support rows,
// and prints requests/s, p50/p99 and the latency ratio between the sizes against the
// targets (PASS/MISS). The exit code is 0 unless the benchmark itself broke.
//
// Environment: BENCH_QUICK=1 (1k and 10k, 4 s phases: a smoke run), BENCH_DATABASE_URL=
// postgresql://… (PostgreSQL instead of SQLite: a fresh database is created next to the
// one named and dropped afterwards), BENCH_SIZES=1000,100000, BENCH_SECONDS=10,
// BENCH_CONNECTIONS=20, BENCH_PORT, BENCH_SKIP_BUILD=1, BENCH_KEEP=1, BENCH_QUIET_WAIT=60,
// BENCH_RETRIES=2, BENCH_PHASES=support-spread,support-hot (only these phases; keys in PAGES),
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" (node options of
// the server: a CPU profile per server process, written when it stops).
// See docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresDatabase, openPostgres, openSqlite, type BenchDb } from "./db.ts";
import { deepPagePath, runPhase, type PhaseResult, type RequestSpec } from "./load.ts";
import { seedDataset, type DatasetSize, type SeedResult } from "./seed.ts";
import { commandCpuMs, freePort, machineBusyMs, startServer, type RunningServer } from "./server.ts";
import { COMMON_WORD, createRandom, RARE_WORD, sessionId } from "./text.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = process.env;
const flag = (value: string | undefined) => /^(1|true|yes)$/i.test(value ?? "");

const QUICK = flag(env.BENCH_QUICK);
const SIZES = (env.BENCH_SIZES ?? (QUICK ? "1000,10000" : "1000,100000")).split(",").map((value) => Number(value.trim()));
const SECONDS = Number(env.BENCH_SECONDS ?? (QUICK ? 4 : 10));
const WARMUP_SECONDS = QUICK ? 1 : 2;
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 20);
const PG_URL = env.BENCH_DATABASE_URL?.trim() || null;
const KEEP = flag(env.BENCH_KEEP);
/** Only these phases (keys of PAGES), e.g. to profile the support action alone; all by default. */
/** Node options of the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS). */
const SERVER_NODE_ARGS = (env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
const ONLY_PHASES = env.BENCH_PHASES ? new Set(env.BENCH_PHASES.split(",").map((key) => key.trim())) : null;
// Page 41 (ideas 801–820 of the list) is a full page at 1k ideas too, so both sizes compare alike.
const DEEP_PAGES = 40;
const SUPPORTS_PER_IDEA = 10;
const COMMENTS_PER_IDEA = 3;

// Targets from the issue.
const LATENCY_RATIO_TARGET = 1.5;
const SUPPORTS_PER_SECOND_TARGET = 1_000;

if (SIZES.some((size) => !Number.isInteger(size) || size < 100) || !(SECONDS > 0) || !(CONNECTIONS > 0)) {
  console.error("BENCH_SIZES must be integers ≥ 100, BENCH_SECONDS and BENCH_CONNECTIONS positive numbers");
  process.exit(2);
}

const log = (message: string) => console.log(`  ${message}`);
const fmt = (value: number, digits = 0) => value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** A latency; with no answer at all within the phase, "more than the phase". */
const ms = (result: PhaseResult, value: number) => (result.responses === 0 ? `>${fmt(SECONDS * 1000)}` : fmt(value));
const sizeLabel = (size: number) => (size >= 1000 ? `${fmt(size / 1000, size % 1000 ? 1 : 0)}k` : String(size));

type Page = { key: string; label: string; ratioTarget: boolean; expectStatus?: number };
const PAGES: Page[] = [
  { key: "list-trending", label: "GET /ideas (trending)", ratioTarget: true },
  { key: "list-newest", label: "GET /ideas?sort=newest", ratioTarget: true },
  { key: "city-list", label: "GET /cities/oulu/ideas", ratioTarget: true },
  { key: "deep-page", label: `GET /ideas, page ${DEEP_PAGES + 1} (cursor)`, ratioTarget: true },
  { key: "idea-page", label: "GET /cities/:city/ideas/:n", ratioTarget: true },
  { key: "search-common", label: `GET /ideas?q=${COMMON_WORD}`, ratioTarget: false },
  { key: "search-rare", label: `GET /ideas?q=${RARE_WORD}`, ratioTarget: false },
  { key: "support-spread", label: "POST support (many ideas)", ratioTarget: false },
  { key: "support-hot", label: "POST support (10 hot ideas)", ratioTarget: false },
  // What any request costs before the app does anything (no target; see docs/benchmarks.md):
  // Express alone, and a signed-in action that stops where the support command would start.
  { key: "floor-static", label: "GET /robots.txt (Express only)", ratioTarget: false },
  { key: "floor-action", label: "POST action, no command (400)", ratioTarget: false, expectStatus: 400 },
];

/**
 * CPU per request of the server process (plus the PostgreSQL backends on PostgreSQL): the
 * cost of a request independent of concurrency; and what other processes took meanwhile.
 */
type PhaseCost = { serverCpuPerRequest: number | null; otherCpuPercent: number | null };
/** Other processes using more than this (% of one core) during a phase make its timings suspect. */
const BUSY_PERCENT = 15;
const QUIET_WAIT_SECONDS = Number(env.BENCH_QUIET_WAIT ?? 60);
/** How many times a disturbed phase is measured again. */
const RETRIES = Number(env.BENCH_RETRIES ?? 2);

type DatasetReport = {
  size: number;
  seed: SeedResult;
  analyzeSeconds: number;
  bootSeconds: number;
  deepDepth: number;
  phases: Record<string, PhaseResult & PhaseCost>;
  integrity: { ideasTouched: number; touchedMismatches: number; allMismatches: number; maxTrendDrift: number; benchRows: number; supportAnswers: number };
  peakRssMiB: number | null;
};

// ---------------------------------------------------------------------------------------
// Cleanup on every way out (Ctrl-C included): stop the server, drop throw-away databases.

const cleanups: (() => Promise<void>)[] = [];
async function runCleanups() {
  while (cleanups.length) await cleanups.pop()!().catch((error) => console.error("cleanup failed:", error));
}
process.on("SIGINT", () => {
  console.error("\ninterrupted: cleaning up");
  runCleanups().finally(() => process.exit(130));
});

function build() {
  if (flag(env.BENCH_SKIP_BUILD)) return;
  console.log("Building the production bundle (npx remix build)…");
  const result = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("remix build failed");
}

/** Removes the search index objects so the server's boot (ensureSearchIndex) rebuilds them once, after the bulk insert. */
async function dropSearchIndex(db: BenchDb) {
  if (db.provider === "sqlite") {
    for (const name of ["IdeaSearch_ai", "IdeaSearch_ad", "IdeaSearch_au"]) await db.exec(`DROP TRIGGER IF EXISTS "${name}"`);
  } else {
    await db.exec(`DROP INDEX IF EXISTS "Idea_search_idx"`);
    await db.exec(`DROP INDEX IF EXISTS "Idea_searchTitle_idx"`);
    // The stored vector too: it would be computed row by row during the bulk insert.
    await db.exec(`ALTER TABLE "Idea" DROP COLUMN IF EXISTS "searchTitle"`);
  }
}

async function prepareForBulkLoad(db: BenchDb) {
  if (db.provider === "sqlite") {
    await db.exec("PRAGMA synchronous = OFF");
    await db.exec("PRAGMA foreign_keys = OFF");
    await db.exec("PRAGMA cache_size = -1000000");
  } else {
    await db.exec("SET synchronous_commit = off");
  }
}

async function analyze(db: BenchDb) {
  if (db.provider === "sqlite") {
    await db.exec("PRAGMA synchronous = NORMAL");
    await db.exec("ANALYZE");
    await db.exec("PRAGMA optimize");
    // Fold the write-ahead log back so the server starts from a compact database file.
    await db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } else {
    await db.exec("ANALYZE");
  }
}

/** The benchmark's PostgreSQL database of the dataset being measured (null on SQLite). */
let pgDatabase: string | null = null;

/**
 * CPU used so far on behalf of the app: the server process, plus, on PostgreSQL, the
 * backends serving the benchmark's database (not those of other databases on the server).
 */
function appCpuMs(server: RunningServer): number | null {
  const own = server.cpuMs();
  if (own === null) return null;
  return pgDatabase ? own + commandCpuMs("postgres", ` ${pgDatabase} `) : own;
}

/**
 * On a shared machine other jobs steal the cores the server needs: wait (up to
 * BENCH_QUIET_WAIT seconds, default 120) until other processes use less than BUSY_PERCENT
 * of a core over a second. The phases report what others used anyway.
 */
async function waitForQuietMachine(server: RunningServer) {
  const limit = Date.now() + QUIET_WAIT_SECONDS * 1000;
  let announced = false;
  for (;;) {
    const before = { machine: machineBusyMs(), server: appCpuMs(server), bench: process.cpuUsage() };
    if (before.machine === null) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const bench = process.cpuUsage(before.bench);
    const other = (machineBusyMs() ?? 0) - before.machine - ((appCpuMs(server) ?? 0) - (before.server ?? 0)) - (bench.user + bench.system) / 1000;
    if (other / 10 < BUSY_PERCENT || Date.now() > limit) return;
    if (!announced) log(`waiting for other processes to calm down (they use ${fmt(other / 10)}% CPU)…`);
    announced = true;
  }
}

/**
 * Waits until the server has worked off what the last phase left queued (autocannon stops
 * sending, but requests already accepted still run): /healthz, which queries the database
 * like every page, answers quickly again.
 */
async function drain(origin: string) {
  const started = Date.now();
  for (;;) {
    const sent = performance.now();
    const ok = await fetch(`${origin}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok && performance.now() - sent < 250) break;
    if (Date.now() - started > 300_000) throw new Error("the server did not recover within 5 minutes after a phase");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 2) log(`(the server needed ${fmt(seconds, 1)} s to answer the requests still queued after the phase)`);
}

function shuffle<T>(items: T[], seed: number): T[] {
  const random = createRandom(seed);
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random.next() * (index + 1));
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

async function runDataset(size: number, workDir: string, port: number): Promise<DatasetReport> {
  const dataset: DatasetSize = {
    ideas: size,
    supports: size * SUPPORTS_PER_IDEA,
    comments: size * COMMENTS_PER_IDEA,
    users: 20_000,
    benchUsers: 5_000,
  };
  console.log(
    `\n=== ${sizeLabel(size)} ideas · ${fmt(dataset.supports)} supports · ${fmt(dataset.comments)} comments · ${fmt(dataset.users)} users (${PG_URL ? "PostgreSQL" : "SQLite"}) ===`,
  );
  const dataDir = path.join(workDir, `ideas-${size}`);
  mkdirSync(dataDir, { recursive: true });
  let databaseUrl: string | undefined;
  if (PG_URL) {
    pgDatabase = `civicloop_bench_${process.pid}_${size}`;
    const created = await createPostgresDatabase(PG_URL, pgDatabase);
    databaseUrl = created.url;
    if (!KEEP) cleanups.push(created.drop);
  }
  const serverEnv: Record<string, string> = {
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    SEED_DEMO: "false",
    // The access log as in production (its default); the benchmark counts its lines to
    // know how many requests the server answered, also after a phase ended.
    LOG_REQUESTS: "true",
    MAIL_WORKER: "off",
    // The daily (and on Mondays weekly) digest would start 5 s after boot, for the 25,000
    // people, and take the server's CPU during the first phases; `npm run bench:digest`
    // measures it on its own. Production can do the same with `npm run worker`.
    DIGEST_SCHEDULER: "off",
    QUIET_MIGRATIONS: "1",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
  };
  const logFile = path.join(dataDir, "server.log");

  // 1. A first boot migrates the empty database and adds the cities and categories.
  let server: RunningServer = await startServer({ root, env: serverEnv, port, logFile, nodeArgs: SERVER_NODE_ARGS });
  await server.stop();

  // 2. Bulk seed.
  const open = () => (databaseUrl ? openPostgres(databaseUrl) : Promise.resolve(openSqlite(path.join(dataDir, "civicloop.db"))));
  let db = await open();
  const seeding = db;
  cleanups.push(() => seeding.close().catch(() => {}));
  await dropSearchIndex(db);
  await prepareForBulkLoad(db);
  const seed = await seedDataset(db, dataset, log);
  const started = performance.now();
  await analyze(db);
  const analyzeSeconds = (performance.now() - started) / 1000;
  log(`seeded in ${fmt(seed.seconds, 1)} s, ANALYZE ${fmt(analyzeSeconds, 1)} s`);
  // Closed while the server boots: its migration step wants the database to itself.
  await cleanups.pop()!();

  // 3. The server for the load phases (its boot rebuilds the full-text index).
  server = await startServer({ root, env: serverEnv, port, logFile, nodeArgs: SERVER_NODE_ARGS });
  const running = server;
  cleanups.push(() => running.stop());
  log(`server up in ${fmt(server.bootSeconds, 1)} s (includes building the full-text index), pid ${server.pid}`);
  db = await open();
  const connection = db;
  cleanups.push(() => connection.close());
  if (db.provider === "postgresql") await db.exec(`ANALYZE "Idea"`);

  const origin = server.url;
  const phases: Record<string, PhaseResult & PhaseCost> = {};
  const measure = async (label: string, next: () => RequestSpec, expectStatus?: number): Promise<PhaseResult & PhaseCost> => {
    await waitForQuietMachine(running);
    await runPhase({ url: origin, name: label, connections: CONNECTIONS, seconds: WARMUP_SECONDS, next, expectStatus });
    await drain(origin);
    const before = { server: appCpuMs(running), answered: running.answered(), machine: machineBusyMs(), bench: process.cpuUsage(), at: performance.now() };
    const result = await runPhase({ url: origin, name: label, connections: CONNECTIONS, seconds: SECONDS, next, expectStatus });
    const phaseServerMs = (appCpuMs(running) ?? 0) - (before.server ?? 0);
    const benchMs = process.cpuUsage(before.bench);
    const wallMs = performance.now() - before.at;
    const machineMs = before.machine === null ? null : (machineBusyMs() ?? 0) - before.machine;
    // Requests the server accepted but had not answered when the phase ended must not slow the next one.
    await drain(origin);
    // CPU per request over the phase and the drain: every request sent during the phase has
    // been answered by then, so on a machine too busy to answer within the phase the cost of
    // a request is still known.
    const serverMs = (appCpuMs(running) ?? 0) - (before.server ?? 0);
    const answered = running.answered() - before.answered;
    return {
      ...result,
      serverCpuPerRequest: before.server === null || answered === 0 ? null : serverMs / answered,
      // CPU used by everything else on the machine (other jobs compete for the same cores).
      otherCpuPercent: machineMs === null ? null : Math.max(0, (machineMs - phaseServerMs - (benchMs.user + benchMs.system) / 1000) / wallMs) * 100,
    };
  };
  const phase = async (key: string, next: () => RequestSpec) => {
    if (ONLY_PHASES && !ONLY_PHASES.has(key)) return;
    const page = PAGES.find((candidate) => candidate.key === key)!;
    // A phase during which other processes took the CPU is measured again (the least
    // disturbed attempt is kept).
    let best: (PhaseResult & PhaseCost) | null = null;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      const result = await measure(page.label, next, page.expectStatus);
      const disturbed = (result.otherCpuPercent ?? 0) > BUSY_PERCENT;
      log(
        `${page.label.padEnd(36)} ${fmt(result.rps, 1).padStart(8)} req/s  p50 ${ms(result, result.p50).padStart(5)} ms  p99 ${ms(result, result.p99).padStart(5)} ms  ` +
          `CPU ${result.serverCpuPerRequest === null ? "n/a" : `${fmt(result.serverCpuPerRequest, 1)} ms`}/req  errors ${result.errors}` +
          (disturbed ? `  (other processes used ${fmt(result.otherCpuPercent ?? 0)}% CPU${attempt < RETRIES && result.responses > 0 ? ": measuring again" : ""})` : ""),
      );
      if (!best || (result.otherCpuPercent ?? 0) < (best.otherCpuPercent ?? 0)) best = result;
      // Nothing answered within the phase: slow by itself, another attempt would not tell more.
      if (!disturbed || result.responses === 0) break;
    }
    phases[key] = best!;
  };
  const fixed = (requestPath: string) => () => ({ path: requestPath });

  // 4. Reads.
  await phase("list-trending", fixed("/ideas"));
  await phase("list-newest", fixed("/ideas?sort=newest"));
  await phase("city-list", fixed("/cities/oulu/ideas"));
  const deep = !ONLY_PHASES || ONLY_PHASES.has("deep-page") ? await deepPagePath(origin, "/ideas", DEEP_PAGES) : { path: "/ideas", depth: 0 };
  if (deep.depth <= DEEP_PAGES && deep.depth > 0) log(`note: the list has only ${deep.depth} pages; the deep-page phase uses the last one`);
  await phase("deep-page", fixed(deep.path));

  const visible = shuffle(
    await db.all<{ number: number; slug: string }>(
      `SELECT i."number" AS number, c."slug" AS slug FROM "Idea" i JOIN "City" c ON c."id" = i."cityId"
       WHERE i."status" <> 'SUBMITTED' AND i."hiddenAt" IS NULL AND i."publishedAt" IS NOT NULL`,
    ),
    size,
  ).slice(0, 2_000);
  let ideaTurn = 0;
  await phase("idea-page", () => {
    const idea = visible[ideaTurn++ % visible.length];
    return { path: `/cities/${idea.slug}/ideas/${idea.number}` };
  });
  await phase("search-common", fixed(`/ideas?q=${COMMON_WORD}`));
  await phase("search-rare", fixed(`/ideas?q=${RARE_WORD}`));

  // 5. Writes: supports by signed-in people. Sessions are created now, as for people who just
  // signed in (so lucia neither extends them nor records "last seen" during the run).
  const now = new Date();
  const random = createRandom(size + 99);
  const cookies = seed.benchUserIds.map(() => sessionId(random));
  await db.insert(
    "Session",
    [
      ["id", "text"],
      ["userId", "text"],
      ["expiresAt", "timestamp(3)"],
      ["createdAt", "timestamp(3)"],
      ["lastSeenAt", "timestamp(3)"],
      ["userAgent", "text"],
    ],
    seed.benchUserIds.map((userId, index) => [cookies[index], userId, new Date(now.getTime() + 30 * 86_400_000), now, now, "civicloop-bench"]),
  );
  const supportable = await db.all<{ number: number; slug: string }>(
    `SELECT i."number" AS number, c."slug" AS slug FROM "Idea" i JOIN "City" c ON c."id" = i."cityId"
     WHERE i."status" IN ('PUBLISHED', 'UNDER_REVIEW', 'ACCEPTED', 'PILOTING') AND i."hiddenAt" IS NULL AND i."publishedAt" IS NOT NULL
     ORDER BY i."trendScore" DESC`,
  );
  const hot = supportable.slice(0, 10);
  const spread = shuffle(supportable.slice(10), size + 7);
  const supportRequest = (idea: { number: number; slug: string }, user: number): RequestSpec => ({
    method: "POST",
    // What the page's fetcher sends (Remix single fetch: the action's ".data" URL).
    path: `/cities/${idea.slug}/ideas/${idea.number}.data`,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: `civicloop_session=${cookies[user]}`,
      origin,
    },
    body: "intent=support&async=1",
  });
  // Every request is a new (idea, person) pair, so each one inserts a Support row.
  let spreadTurn = 0;
  await phase("support-spread", () => {
    const turn = spreadTurn++;
    return supportRequest(spread[turn % spread.length], Math.floor(turn / spread.length) % cookies.length);
  });
  let hotTurn = 0;
  await phase("support-hot", () => {
    const turn = hotTurn++;
    return supportRequest(hot[Math.floor(turn / cookies.length) % hot.length], turn % cookies.length);
  });
  if (spreadTurn >= spread.length * cookies.length || hotTurn >= hot.length * cookies.length) {
    log("note: the support phases ran out of new (idea, person) pairs; later requests were repeats");
  }
  await phase("floor-static", fixed("/robots.txt"));
  // The support request up to the command: session, idea lookup, form; then "Unknown intent".
  let floorTurn = 0;
  await phase("floor-action", () => {
    const turn = floorTurn++;
    return { ...supportRequest(spread[turn % spread.length], turn % cookies.length), body: "intent=none&async=1" };
  });

  // 6. Exact counts after the concurrent writes.
  const integrity = await checkIntegrity(db);
  integrity.supportAnswers =
    (phases["support-spread"]?.statusCodes["200"] ?? 0) + (phases["support-hot"]?.statusCodes["200"] ?? 0);
  log(
    `exact counts: ${fmt(integrity.ideasTouched)} ideas supported during the run, ${integrity.touchedMismatches} with supportCount ≠ Support rows; ` +
      `${integrity.allMismatches} mismatches over all ${fmt(size)} ideas; trendScore max relative drift ${integrity.maxTrendDrift.toExponential(1)}`,
  );
  log(`Support rows written by the run: ${fmt(integrity.benchRows)} (warm-ups included); 200 answers in the timed phases: ${fmt(integrity.supportAnswers)}`);

  const peakRssMiB = server.peakRssMiB();
  log(`server peak RSS: ${peakRssMiB === null ? "n/a" : `${fmt(peakRssMiB)} MiB`}`);
  await cleanups.pop()!(); // server
  await cleanups.pop()!(); // seeding connection
  if (!KEEP && !PG_URL) rmSync(dataDir, { recursive: true, force: true });
  return { size, seed, analyzeSeconds, bootSeconds: server.bootSeconds, deepDepth: deep.depth, phases, integrity, peakRssMiB };
}

async function checkIntegrity(db: BenchDb): Promise<DatasetReport["integrity"]> {
  const benchUsers = `SELECT "id" FROM "User" WHERE "emailNormalized" LIKE 'supporter%@bench.civicloop.example'`;
  const touched = await db.all<{ c: number; n: number | string; t: number; w: number | null }>(
    `SELECT i."supportCount" AS c, i."trendScore" AS t,
            (SELECT count(*) FROM "Support" s WHERE s."ideaId" = i."id") AS n,
            (SELECT sum(s."weight") FROM "Support" s WHERE s."ideaId" = i."id") AS w
     FROM "Idea" i WHERE i."id" IN (SELECT DISTINCT "ideaId" FROM "Support" WHERE "userId" IN (${benchUsers}))`,
  );
  let touchedMismatches = 0;
  let maxTrendDrift = 0;
  for (const row of touched) {
    if (Number(row.c) !== Number(row.n)) touchedMismatches++;
    const sum = Number(row.w ?? 0);
    maxTrendDrift = Math.max(maxTrendDrift, Math.abs(Number(row.t) - sum) / Math.max(Math.abs(sum), Number.MIN_VALUE));
  }
  const [all] = await db.all<{ n: number | string }>(
    `SELECT count(*) AS n FROM "Idea" i WHERE i."supportCount" <> (SELECT count(*) FROM "Support" s WHERE s."ideaId" = i."id")`,
  );
  const [rows] = await db.all<{ n: number | string }>(`SELECT count(*) AS n FROM "Support" WHERE "userId" IN (${benchUsers})`);
  return {
    ideasTouched: touched.length,
    touchedMismatches,
    allMismatches: Number(all.n),
    maxTrendDrift,
    benchRows: Number(rows.n),
    supportAnswers: 0,
  };
}

// ---------------------------------------------------------------------------------------

function printSummary(reports: DatasetReport[]) {
  const first = reports[0];
  const last = reports[reports.length - 1];
  const line = "-".repeat(104);
  console.log(`\n${line}\nCivicLoop benchmark — ${PG_URL ? "PostgreSQL" : "SQLite"}, ${os.cpus().length} CPU cores, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per phase\n${line}`);
  for (const report of reports) {
    console.log(
      `\n${sizeLabel(report.size)} ideas (${fmt(report.seed.counts.supports)} supports, ${fmt(report.seed.counts.comments)} comments): seeded in ${fmt(report.seed.seconds, 1)} s, ` +
        `server boot ${fmt(report.bootSeconds, 1)} s, peak RSS ${report.peakRssMiB === null ? "n/a" : `${fmt(report.peakRssMiB)} MiB`}`,
    );
    console.log(
      `${"phase".padEnd(38)}${"req/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"CPU ms/req".padStart(12)}${"other CPU".padStart(11)}`,
    );
    for (const page of PAGES) {
      const result = report.phases[page.key];
      if (!result) continue;
      console.log(
        `${page.label.padEnd(38)}${fmt(result.rps, 1).padStart(10)}${ms(result, result.p50).padStart(9)}${ms(result, result.p99).padStart(9)}${String(result.errors).padStart(8)}` +
          `${(result.serverCpuPerRequest === null ? "n/a" : fmt(result.serverCpuPerRequest, 1)).padStart(12)}${(result.otherCpuPercent === null ? "n/a" : `${fmt(result.otherCpuPercent)}%`).padStart(11)}`,
      );
    }
  }

  const verdicts: string[] = [];
  if (reports.length > 1) {
    console.log(`\nLatency at ${sizeLabel(last.size)} vs ${sizeLabel(first.size)} ideas (target for list and idea pages: p50 ratio ≤ ${LATENCY_RATIO_TARGET})`);
    console.log(
      `${"phase".padEnd(38)}${`p50 ${sizeLabel(first.size)}`.padStart(10)}${`p50 ${sizeLabel(last.size)}`.padStart(11)}${"p50 ratio".padStart(11)}${"p99 ratio".padStart(11)}${"CPU/req ratio".padStart(15)}  verdict`,
    );
    for (const page of PAGES) {
      const a = first.phases[page.key];
      const b = last.phases[page.key];
      if (!a || !b || page.key.startsWith("support") || page.key.startsWith("floor")) continue;
      // Sub-millisecond medians are reported as 0–1 ms by the histogram: compare at ≥ 1 ms.
      // No answer within the phase counts as infinitely slow.
      const answered = a.responses > 0 && b.responses > 0;
      const ratio = answered ? b.p50 / Math.max(a.p50, 1) : Infinity;
      const ratio99 = answered ? b.p99 / Math.max(a.p99, 1) : Infinity;
      const noisy = [a, b].some((result) => (result.otherCpuPercent ?? 0) > BUSY_PERCENT) ? " (disturbed)" : "";
      const verdict = page.ratioTarget ? `${ratio <= LATENCY_RATIO_TARGET ? "PASS" : "MISS"}${noisy}` : "(reported)";
      if (page.ratioTarget) verdicts.push(`${page.label}: ${verdict}`);
      const cpuRatio = a.serverCpuPerRequest && b.serverCpuPerRequest ? fmt(b.serverCpuPerRequest / a.serverCpuPerRequest, 2) : "n/a";
      console.log(
        `${page.label.padEnd(38)}${ms(a, a.p50).padStart(10)}${ms(b, b.p50).padStart(11)}${(answered ? fmt(ratio, 2) : "n/a").padStart(11)}${(answered ? fmt(ratio99, 2) : "n/a").padStart(11)}${cpuRatio.padStart(15)}  ${verdict}`,
      );
    }
  }

  console.log(`\nSupports (target ≥ ${fmt(SUPPORTS_PER_SECOND_TARGET)}/s with exact final counts)`);
  for (const report of reports) {
    for (const key of ["support-spread", "support-hot"]) {
      const result = report.phases[key];
      if (!result) continue;
      const verdict = result.rps >= SUPPORTS_PER_SECOND_TARGET && result.errors === 0 ? "PASS" : "MISS";
      verdicts.push(`${sizeLabel(report.size)} ${result.name}: ${verdict}`);
      console.log(`${`${sizeLabel(report.size)} ${result.name}`.padEnd(38)}${fmt(result.rps, 1).padStart(10)} /s  errors ${result.errors}  ${verdict}`);
    }
    const floor = report.phases["floor-action"];
    if (floor?.serverCpuPerRequest) {
      console.log(
        `${`${sizeLabel(report.size)} floor: action without command`.padEnd(38)}${fmt(floor.rps, 1).padStart(10)} /s  ${fmt(floor.serverCpuPerRequest, 1)} ms CPU/req: ` +
          `at most ~${fmt(1000 / floor.serverCpuPerRequest)} requests/s per Node process, before any command`,
      );
    }
    const exact = report.integrity.touchedMismatches === 0 && report.integrity.allMismatches === 0;
    verdicts.push(`${sizeLabel(report.size)} exact counts: ${exact ? "PASS" : "MISS"}`);
    console.log(
      `${`${sizeLabel(report.size)} exact counts`.padEnd(38)}${fmt(report.integrity.ideasTouched).padStart(10)} ideas touched, supportCount = Support rows for ${exact ? "all" : "NOT all"} of them (and all ${fmt(report.size)} ideas)  ${exact ? "PASS" : "MISS"}`,
    );
  }
  const busy = reports.flatMap((report) =>
    Object.values(report.phases)
      .filter((result) => (result.otherCpuPercent ?? 0) > BUSY_PERCENT)
      .map((result) => `${sizeLabel(report.size)} ${result.name} (${fmt(result.otherCpuPercent ?? 0)}%)`),
  );
  if (busy.length > 0) {
    console.log(
      `\nWarning: other processes used more than ${BUSY_PERCENT}% of a core during ${busy.length} phase(s) (even after ${RETRIES} retries); ` +
        `their timings are not reliable — compare the CPU ms/req column instead:\n  ${busy.join("\n  ")}`,
    );
  }
  const misses = verdicts.filter((verdict) => /: MISS/.test(verdict));
  console.log(`\n${misses.length === 0 ? "All targets met." : `${misses.length} target(s) missed:\n  ${misses.join("\n  ")}`}`);
}

async function main() {
  const started = performance.now();
  build();
  const workDir = mkdtempSync(path.join(os.tmpdir(), "civicloop-bench-"));
  if (!KEEP) cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));
  const port = Number(env.BENCH_PORT) || (await freePort());
  console.log(`Work directory ${workDir}; server on http://127.0.0.1:${port}`);
  const reports: DatasetReport[] = [];
  for (const size of SIZES) reports.push(await runDataset(size, workDir, port));
  printSummary(reports);
  console.log(`\nTotal benchmark time: ${fmt((performance.now() - started) / 60_000, 1)} min`);
}

main()
  .then(runCleanups)
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.error("\nThe benchmark broke:", error);
    await runCleanups();
    process.exit(1);
  });
