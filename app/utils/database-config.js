// Plain JavaScript on purpose: shared by the app (bundled by Remix) and by the boot
// scripts (plain Node), so the default database location is defined once.
import path from "node:path";

/**
 * @typedef {{ provider: "sqlite" | "postgresql", url: string, dataDir: string, sqliteFile?: string }} DatabaseConfig
 */

/** @param {Record<string, string | undefined>} env */
export function resolveDataDir(env = process.env) {
  return path.resolve(env.DATA_DIR || "data");
}

/**
 * DATABASE_URL picks the database: `postgresql://…` (or `postgres://…`) for PostgreSQL,
 * `file:…` for SQLite; unset means the embedded default, `<DATA_DIR>/civicloop.db`.
 * @param {Record<string, string | undefined>} env
 * @returns {DatabaseConfig}
 */
export function resolveDatabase(env = process.env) {
  const dataDir = resolveDataDir(env);
  const raw = (env.DATABASE_URL ?? "").trim();
  if (raw === "") {
    const sqliteFile = path.join(dataDir, "civicloop.db");
    return { provider: "sqlite", url: `file:${sqliteFile}`, dataDir, sqliteFile };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    return { provider: "postgresql", url: raw, dataDir };
  }
  if (raw.startsWith("file:")) {
    const sqliteFile = path.resolve(raw.slice("file:".length).replace(/\?.*$/, ""));
    return { provider: "sqlite", url: `file:${sqliteFile}`, dataDir, sqliteFile };
  }
  throw new Error(
    `DATABASE_URL must start with "postgresql://" or "file:" (got "${raw.split(":")[0]}:…")`,
  );
}
