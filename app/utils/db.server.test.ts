// The SQLite connection (sqliteConnection in db.server.ts): transactions take the write lock
// at BEGIN, so another process's commit between a transaction's first read and its first
// write makes the transaction wait instead of failing with SQLITE_BUSY_SNAPSHOT; and
// statements of other requests never run inside an open transaction.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./db.server";

const dir = mkdtempSync(path.join(tmpdir(), "civicloop-db-"));
const file = path.join(dir, "lock.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const openDb = () => createDb({ provider: "sqlite", url: `file:${file}`, dataDir: dir, sqliteFile: file });

describe("SQLite transactions", () => {
  it("hold the write lock from their first statement", async () => {
    const db = openDb();
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

  it("keep other requests' statements out of an open transaction", async () => {
    const db = openDb();
    await db.$executeRawUnsafe(`CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)`);
    try {
      let inside!: () => void;
      const opened = new Promise<void>((resolve) => (inside = resolve));
      const failing = db
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO "Note" ("text") VALUES ('uncommitted')`);
          inside();
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error("rolled back on purpose");
        })
        .catch((error: Error) => error.message);
      await opened;
      // Another request, while the transaction awaits: it must neither see the transaction's
      // row nor have its own write undone by the rollback.
      const seen = await db.$queryRawUnsafe<{ text: string }[]>(`SELECT "text" FROM "Note"`);
      await db.$executeRawUnsafe(`INSERT INTO "Note" ("text") VALUES ('committed')`);
      expect(await failing).toBe("rolled back on purpose");
      expect(seen).toEqual([]);
      expect(await db.$queryRawUnsafe(`SELECT "text" FROM "Note"`)).toEqual([{ text: "committed" }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("reuse prepared statements with new parameters each time", async () => {
    const db = openDb();
    await db.$executeRawUnsafe(`CREATE TABLE "Pair" ("k" TEXT PRIMARY KEY, "v" INTEGER NOT NULL)`);
    try {
      for (let i = 0; i < 3; i += 1) await db.$executeRaw`INSERT INTO "Pair" ("k", "v") VALUES (${`k${i}`}, ${i})`;
      const values = [];
      for (let i = 0; i < 3; i += 1) values.push(await db.$queryRaw<{ v: bigint }[]>`SELECT "v" FROM "Pair" WHERE "k" = ${`k${i}`}`);
      expect(values.map((rows) => Number(rows[0].v))).toEqual([0, 1, 2]);
      expect(await db.$executeRaw`UPDATE "Pair" SET "v" = "v" + 10 WHERE "v" >= ${1}`).toBe(2);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("SQLite transactions, misused", () => {
  it("do not deadlock when their callback queries with `db` instead of `tx`", async () => {
    const db = openDb();
    await db.$executeRawUnsafe(`CREATE TABLE "Misuse" ("id" INTEGER PRIMARY KEY)`);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const count = await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO "Misuse" ("id") VALUES (1)`);
          const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS "n" FROM "Misuse"`);
          await db.$executeRawUnsafe(`INSERT INTO "Misuse" ("id") VALUES (2)`);
          return Number(rows[0].n);
        },
        { timeout: 2_000 },
      );
      expect(count).toBe(1);
      // The read runs in the transaction silently, the write too but is reported (Gate.run).
      expect(warnings).toHaveLength(1);
      expect(await db.$queryRawUnsafe(`SELECT "id" FROM "Misuse" ORDER BY "id"`)).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      console.warn = warn;
      await db.$disconnect();
    }
  });
});
