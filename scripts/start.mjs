// `npm start`: the quick start. Builds the app, then runs the production server on the
// embedded SQLite database with demo data. Without SESSION_SECRET it generates one and
// keeps it in <DATA_DIR>/session-secret, so sessions survive restarts; a real
// deployment sets SESSION_SECRET itself and runs `npm run serve` (server.js refuses to
// start in production without it).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDataDir } from "../app/utils/database-config.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { ...process.env };
env.NODE_ENV ??= "production";
env.SEED_DEMO ??= "true";
if (!env.SESSION_SECRET) {
  const dataDir = resolveDataDir(env);
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.SESSION_SECRET = readFileSync(file, "utf8").trim();
  console.log(`No SESSION_SECRET set: using the generated one in ${file} (set SESSION_SECRET in production).`);
}

const server = spawn(process.execPath, ["server.js"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
