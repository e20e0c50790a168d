// A thin database layer for seeding and checking: better-sqlite3 or pg directly (the app's
// Prisma client would be 10–50× slower for millions of rows). Columns carry their
// PostgreSQL type so PostgreSQL batches can be sent as arrays through unnest().
import Database from "better-sqlite3";
import pg from "pg";

export type Provider = "sqlite" | "postgresql";

/** [column name, PostgreSQL type]; enum types are cast from text. */
export type Column = readonly [name: string, pgType: string];
export type Row = readonly unknown[];

export interface BenchDb {
  provider: Provider;
  exec(sql: string): Promise<void>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Inserts rows in batches, each batch in its own transaction. */
  insert(table: string, columns: readonly Column[], rows: readonly Row[]): Promise<void>;
  close(): Promise<void>;
}

/** Dates as Prisma writes them: ISO with "+00:00" on SQLite, UTC wall time on PostgreSQL. */
function sqliteValue(value: unknown) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function openSqlite(file: string): BenchDb {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  const statements = new Map<string, Database.Statement>();
  return {
    provider: "sqlite",
    async exec(sql) {
      db.exec(sql);
    },
    async all<T>(sql: string, params: unknown[] = []) {
      const statement = db.prepare(sql);
      const values = params.map(sqliteValue);
      if (!statement.reader) {
        statement.run(...values);
        return [] as T[];
      }
      return statement.all(...values) as T[];
    },
    async insert(table, columns, rows) {
      const sql = `INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      const run = statement;
      db.transaction((batch: readonly Row[]) => {
        for (const row of batch) run.run(...row.map(sqliteValue));
      })(rows);
    },
    async close() {
      db.close();
    },
  };
}

function pgValue(value: unknown) {
  if (value instanceof Date) return value.toISOString();
  return value;
}

export async function openPostgres(url: string): Promise<BenchDb> {
  const client = new pg.Client({ connectionString: url });
  // A connection ended by the server (e.g. the database dropped on cleanup) is not a crash.
  client.on("error", () => {});
  await client.connect();
  const BATCH = 5_000;
  return {
    provider: "postgresql",
    async exec(sql) {
      await client.query(sql);
    },
    async all<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params.map(pgValue));
      return result.rows as T[];
    },
    async insert(table, columns, rows) {
      // unnest() takes one array per column; enum columns travel as text and are cast.
      const arrayTypes = columns.map(([, type]) => (type.startsWith('"') ? "text" : type));
      const unnest = arrayTypes.map((type, index) => `$${index + 1}::${type}[]`).join(", ");
      const names = columns.map(([name]) => `"${name}"`).join(", ");
      const select = columns.map(([, type], index) => (type.startsWith('"') ? `c${index}::${type}` : `c${index}`)).join(", ");
      const aliases = columns.map((_, index) => `c${index}`).join(", ");
      const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases})`;
      await client.query("BEGIN");
      try {
        for (let start = 0; start < rows.length; start += BATCH) {
          const batch = rows.slice(start, start + BATCH);
          const arrays = columns.map((_, index) => batch.map((row) => pgValue(row[index])));
          await client.query(sql, arrays);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}

/** Creates a fresh PostgreSQL database next to the one `url` names; returns its URL and a drop function. */
export async function createPostgresDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
