// Fresh, migrated databases for tests: a new SQLite file, or a new PostgreSQL database
// when TEST_DATABASE_URL points at a server. Used by vitest and by the e2e harness.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../scripts/prisma.mjs";

export type TestDatabase = { url: string; dataDir: string; drop: () => Promise<void> };

export async function createTestDatabase(label = "test"): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `civicloop-${label}-`));
  const base = process.env.TEST_DATABASE_URL?.trim();
  if (!base || base.startsWith("file:")) {
    const url = `file:${path.join(dataDir, "test.db")}`;
    await migrate({ ...process.env, DATABASE_URL: url, DATA_DIR: dataDir });
    return { url, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `civicloop_${label}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const target = new URL(base);
  target.pathname = `/${name}`;
  const url = target.toString();
  await migrate({ ...process.env, DATABASE_URL: url, DATA_DIR: dataDir });
  return {
    url,
    dataDir,
    drop: async () => {
      const admin = new URL(base);
      admin.pathname = "/postgres";
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
