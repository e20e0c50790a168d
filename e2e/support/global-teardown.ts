import { rmSync } from "node:fs";
import pg from "pg";

// Drops the run's PostgreSQL database (SQLite lives in the data dir, removed too).
export default async function globalTeardown() {
  const url = process.env.E2E_DATABASE_URL;
  if (url && /^postgres(ql)?:/.test(url)) {
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.slice(1));
    target.pathname = "/postgres";
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
    await client.end();
  }
  if (process.env.E2E_DATA_DIR && !process.env.E2E_KEEP_DATA) {
    rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
  }
}
