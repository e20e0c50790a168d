// Prisma CLI wrapper: `generate` (both clients) and `migrate` (apply pending
// migrations to the database DATABASE_URL points at; creates it when missing).
// Used by npm scripts, the boot sequence (server.js) and the e2e harness.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDatabase } from "../app/utils/database-config.js";
import { writeSchemas } from "./prisma-schemas.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

// Output is shown only when a command fails (or with VERBOSE=1): a normal boot prints one line.
function runPrisma(args, extraEnv = {}) {
  const cli = require.resolve("prisma/build/index.js");
  const preload = path.join(root, "scripts/unref-long-timers.cjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...extraEnv,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        NODE_OPTIONS: `--require ${preload} ${process.env.NODE_OPTIONS ?? ""}`.trim(),
      },
    });
    let output = "";
    const verbose = /^(1|true)$/.test(process.env.VERBOSE ?? "");
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
        if (verbose) process.stderr.write(chunk);
      });
    }
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolve(output);
      if (!verbose) process.stderr.write(output);
      reject(new Error(`prisma ${args.join(" ")} exited with ${code}`));
    });
  });
}

export async function generateClients() {
  writeSchemas();
  for (const provider of ["sqlite", "postgresql"]) {
    await runPrisma(["generate", "--config", `prisma.${provider}.config.ts`]);
  }
  console.log("Prisma clients generated (sqlite, postgresql)");
}

async function ensurePostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // No permission to look or create: let migrate report the real problem.
    if (process.env.DEBUG) console.warn("could not ensure database exists:", error);
  } finally {
    await client.end().catch(() => {});
  }
}

function reportMigrations(output, label) {
  if (process.env.QUIET_MIGRATIONS) return;
  const applied = /The following migration\(s\) have been applied/.test(output);
  console.log(`Database (${label}): ${applied ? "pending migrations applied" : "up to date"}`);
}

export async function migrate(env = process.env) {
  const db = resolveDatabase(env);
  if (db.provider === "sqlite") {
    mkdirSync(path.dirname(db.sqliteFile), { recursive: true });
    const output = await runPrisma(["migrate", "deploy", "--config", "prisma.sqlite.config.ts"], { SQLITE_URL: db.url });
    reportMigrations(output, "SQLite");
  } else {
    await ensurePostgresDatabase(db.url);
    const output = await runPrisma(["migrate", "deploy", "--config", "prisma.postgresql.config.ts"], { POSTGRES_URL: db.url });
    reportMigrations(output, "PostgreSQL");
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  const run = command === "generate" ? generateClients : command === "migrate" ? migrate : null;
  if (!run) {
    console.error("usage: node scripts/prisma.mjs generate|migrate");
    process.exit(2);
  }
  run().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
