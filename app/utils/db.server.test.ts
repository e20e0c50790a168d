// SQLite transactions take the write lock at BEGIN (see immediateTransactions in db.server.ts):
// another process's commit between a transaction's first read and its first write must make
// the transaction wait, not fail with SQLITE_BUSY_SNAPSHOT.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./db.server";

const dir = mkdtempSync(path.join(tmpdir(), "civicloop-db-"));
const file = path.join(dir, "lock.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite transactions", () => {
  it("hold the write lock from their first statement", async () => {
    const db = createDb({ provider: "sqlite", url: `file:${file}`, dataDir: dir, sqliteFile: file });
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe(`CREATE TABLE "Counter" ("id" INTEGER PRIMARY KEY, "value" INTEGER NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO "Counter" ("id", "value") VALUES (1, 0)`);
    // Stands for another process (the worker, a script): its own connection, no waiting.
    const other = new Database(file, { timeout: 0 });
    try {
      const seen = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ value: number | bigint }[]>(`SELECT "value" FROM "Counter" WHERE "id" = 1`);
        // A deferred transaction would only hold a read snapshot here: this write would
        // succeed and the transaction's own write below would then fail (BUSY_SNAPSHOT).
        expect(() => other.prepare(`UPDATE "Counter" SET "value" = 99 WHERE "id" = 1`).run()).toThrow(/locked|busy/i);
        await tx.$executeRawUnsafe(`UPDATE "Counter" SET "value" = "value" + 1 WHERE "id" = 1`);
        return Number(rows[0].value);
      });
      expect(seen).toBe(0);
      const committed = other.prepare(`SELECT "value" FROM "Counter" WHERE "id" = 1`).get() as { value: number };
    expect(committed.value).toBe(1);
      // Once committed, the other connection writes again.
      other.prepare(`UPDATE "Counter" SET "value" = 5 WHERE "id" = 1`).run();
    } finally {
      other.close();
      await db.$disconnect();
    }
  });
});
