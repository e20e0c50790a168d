// CPU per support, in-process, stage by stage: what the idea page's action does for
// `intent=support` without Express and Remix around it (those cost the rest of the
// server's CPU ms/req that `npm run bench` reports). For profiling the support path:
//
//   BENCH_KEEP=1 BENCH_SIZES=1000 BENCH_PHASES=none npm run bench     # a database with sessions
//   DATA_DIR=/tmp/civicloop-bench-XXXX/ideas-1000 NODE_ENV=production SESSION_SECRET=<32+ chars> \
//     npx tsx scripts/bench/support-cpu.ts                              # (it adds supports to it)
//
// or DATABASE_URL=postgresql://… for a kept PostgreSQL benchmark database. BENCH_SUPPORTS
// (default 500) requests are measured after 100 unmeasured ones; add `node --cpu-prof
// --import tsx` for a profile.
import { getAuth } from "~/modules/accounts/session.server";
import { getViewer } from "~/modules/accounts/viewer.server";
import { findIdeaForAction } from "~/modules/ideas/queries.server";
import { castSupport } from "~/modules/supports/supports.server";
import { db, prepareSqlite } from "~/utils/db.server";
import { sqlDialect } from "~/utils/sql-dialect.server";

const COUNT = Number(process.env.BENCH_SUPPORTS ?? 500);
if (sqlDialect().provider === "sqlite") await prepareSqlite(db);

// As in the benchmark: people who just signed in (no "last seen" write, no extension).
await db.$executeRawUnsafe(
  `UPDATE "Session" SET "lastSeenAt" = ${sqlDialect().placeholders(1)[0]} WHERE "userAgent" = 'civicloop-bench'`,
  new Date(),
);
const sessions = await db.$queryRawUnsafe<{ id: string }[]>(
  `SELECT "id" FROM "Session" WHERE "userAgent" = 'civicloop-bench' ORDER BY "id" LIMIT 5000`,
);
const ideas = await db.$queryRawUnsafe<{ number: number | bigint; slug: string }[]>(
  `SELECT i."number" AS "number", c."slug" AS "slug" FROM "Idea" i JOIN "City" c ON c."id" = i."cityId"
   WHERE i."status" IN ('PUBLISHED', 'UNDER_REVIEW', 'ACCEPTED', 'PILOTING') AND i."hiddenAt" IS NULL AND i."publishedAt" IS NOT NULL`,
);
if (sessions.length === 0 || ideas.length === 0) {
  console.error("No benchmark sessions or open ideas in this database: see the comment at the top of this file.");
  process.exit(1);
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const stages = { session: 0, viewer: 0, idea: 0, castSupport: 0 };
const outcomes = { supported: 0, already: 0, refused: 0 };
let turn = Math.floor(Math.random() * 1_000_000);

async function supportOnce() {
  turn++;
  const session = sessions[turn % sessions.length].id;
  // A new (idea, person) pair per request, as in the benchmark's support phase.
  const idea = ideas[Math.floor(turn / sessions.length + turn * 7919) % ideas.length];
  const request = new Request(`http://127.0.0.1/cities/${idea.slug}/ideas/${idea.number}.data`, {
    method: "POST",
    headers: { cookie: `civicloop_session=${session}` },
  });
  let mark = cpuMs();
  const lap = (stage: keyof typeof stages) => {
    const now = cpuMs();
    stages[stage] += now - mark;
    mark = now;
  };
  const auth = await getAuth(request);
  lap("session");
  const viewer = await getViewer(request);
  lap("viewer");
  const found = await findIdeaForAction({ citySlug: idea.slug, number: Number(idea.number), viewer });
  lap("idea");
  if (!auth.user || !viewer || !found) throw new Error("a benchmark session or idea did not resolve");
  const result = await castSupport(found.id, viewer);
  lap("castSupport");
  if (!result.ok) outcomes.refused++;
  else if (result.already) outcomes.already++;
  else outcomes.supported++;
}

for (let index = 0; index < 100; index++) await supportOnce();
for (const key of Object.keys(stages) as (keyof typeof stages)[]) stages[key] = 0;
outcomes.supported = outcomes.already = outcomes.refused = 0;
const started = cpuMs();
for (let index = 0; index < COUNT; index++) await supportOnce();
const total = cpuMs() - started;
await db.$disconnect();

const per = (ms: number) => (ms / COUNT).toFixed(2);
console.log(`${sqlDialect().provider}, ${COUNT} supports (${outcomes.supported} new, ${outcomes.already} already, ${outcomes.refused} refused)`);
console.log(`CPU per support: ${per(total)} ms = ${Object.entries(stages).map(([stage, ms]) => `${stage} ${per(ms)}`).join(" + ")} (+ the rest)`);
