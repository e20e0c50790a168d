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
  const adapter = new PrismaBetterSQLite3({ url: config.url, timeout: 10_000 });
  return new SqliteClient({ adapter });
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
