import Database from "better-sqlite3";
import { runPhase } from "./load.ts";
import { processCpuMs } from "./server.ts";
const db = new Database(process.argv[2] + "/civicloop.db", { readonly: true });
const sessions = db.prepare(`SELECT s.id FROM Session s`).all() as { id: string }[];
const ideas = db.prepare(`SELECT i.number, c.slug FROM Idea i JOIN City c ON c.id = i.cityId WHERE i.status IN ('PUBLISHED','UNDER_REVIEW') AND i.hiddenAt IS NULL ORDER BY i.trendScore ASC`).all() as { number: number; slug: string }[];
const pid = Number(process.argv[3]);
const which = process.argv[4];
let k = 1000;
const next = which === "support"
  ? () => { const turn = k++; const idea = ideas[turn % ideas.length]; return { method: "POST" as const, path: `/cities/${idea.slug}/ideas/${idea.number}.data`, headers: { "content-type": "application/x-www-form-urlencoded", cookie: `civicloop_session=${sessions[Math.floor(turn / ideas.length) % sessions.length].id}` }, body: "intent=support&async=1" }; }
  : which === "idea" ? () => { const idea = ideas[k++ % ideas.length]; return { path: `/cities/${idea.slug}/ideas/${idea.number}` }; }
  : () => ({ path: "/ideas" });
await runPhase({ url: "http://127.0.0.1:38999", name: which, connections: 4, seconds: 2, next });
const before = processCpuMs(pid)!;
const r = await runPhase({ url: "http://127.0.0.1:38999", name: which, connections: 4, seconds: 12, next });
console.log(which, "rps", r.rps, "p50", r.p50, "responses", r.responses, JSON.stringify(r.statusCodes), "cpu ms/req", ((processCpuMs(pid)! - before) / r.responses).toFixed(1));
