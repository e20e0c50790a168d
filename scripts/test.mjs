// `npm test`: every test. Unit and integration tests (vitest), then the production
// build and the end-to-end journeys in Chromium (Playwright). The database is SQLite by
// default; set TEST_DATABASE_URL=postgresql://… to run everything on PostgreSQL.
import { spawnSync } from "node:child_process";

function run(command, args, env = process.env) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const label = process.env.TEST_DATABASE_URL?.startsWith("postg") ? "PostgreSQL" : "SQLite";
console.log(`CivicLoop tests on ${label}`);
run("npx", ["vitest", "run"]);
run("npx", ["remix", "build"]);
run("node", ["scripts/ensure-chromium.mjs"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
