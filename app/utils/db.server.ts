import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client.ts";
import type { DatabaseConfig } from "./database-config.js";
import { getEnv } from "./env.server";

// Both generated clients come from the same models (prisma/models.prisma), so they
// expose the same API; the SQLite one's types stand for both.
export type Db = SqliteClient;
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(config: DatabaseConfig): Db {
  if (config.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // timeout = busy_timeout: concurrent writers wait instead of failing with SQLITE_BUSY.
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url: config.url, timeout: 10_000 }));
  return new SqliteClient({ adapter });
}

type SqliteAdapterFactory = InstanceType<typeof PrismaBetterSQLite3>;
type SqliteAdapter = Awaited<ReturnType<SqliteAdapterFactory["connect"]>>;

/**
 * Transactions start with BEGIN IMMEDIATE instead of the adapter's plain (deferred) BEGIN.
 * Within one process the adapter runs one transaction at a time; but the web server, the
 * worker (`npm run worker`, digests) and scripts are separate processes on one file. A
 * deferred transaction that reads, then writes after another process committed, fails at
 * once with SQLITE_BUSY_SNAPSHOT (busy_timeout cannot help: its snapshot is stale). Taking
 * the write lock at BEGIN makes it wait for the other writer (busy_timeout) and then see
 * the latest data. Reads outside transactions are unaffected (WAL).
 */
function immediateTransactions(factory: SqliteAdapterFactory): SqliteAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqliteAdapter = await connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}

/** Pragmas for the embedded database: WAL lets readers work while one writer writes. */
export async function prepareSqlite(db: Db) {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

declare global {
  // Survives module reloads in development so we do not open a pool per edit.
  var __civicloopDb: Db | undefined;
}

// Pragmas are applied once at boot (server-hooks.server.ts), after migrations have
// created the database file.
export const db: Db = (globalThis.__civicloopDb ??= createDb(getEnv().database));

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
