import { AsyncLocalStorage } from "node:async_hooks";
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
  const gate = new Gate();
  const adapter = sqliteConnection(new PrismaBetterSQLite3({ url: config.url, timeout: 10_000 }), gate);
  return withTransactionScopes(new SqliteClient({ adapter }));
}

type SqliteAdapterFactory = InstanceType<typeof PrismaBetterSQLite3>;
type SqliteAdapter = Awaited<ReturnType<SqliteAdapterFactory["connect"]>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;

/** The part of a better-sqlite3 statement that the Prisma adapter uses. */
interface Statement {
  readonly reader: boolean;
  run(...args: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle?: boolean): Statement;
  all(...args: unknown[]): unknown[];
  bind(...args: unknown[]): Statement;
}

/** How many distinct SQL texts keep a prepared statement (least recently used go first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The Prisma adapter for better-sqlite3 uses one connection for the whole process. Three
 * things are changed on it, each for a reason the adapter does not cover:
 *
 * 1. Transactions start with BEGIN IMMEDIATE instead of a plain (deferred) BEGIN. The web
 *    server, the worker (`npm run worker`, digests) and scripts are separate processes on
 *    one file. A deferred transaction that reads, then writes after another process
 *    committed, fails at once with SQLITE_BUSY_SNAPSHOT (busy_timeout cannot help: its
 *    snapshot is stale). Taking the write lock at BEGIN makes it wait for the other writer
 *    (busy_timeout) and then see the latest data. Reads outside transactions are unaffected.
 * 2. Statements outside a transaction wait while one is open. The adapter serializes
 *    transactions, but a query sent by another request while an interactive transaction
 *    awaits runs on the same connection, so inside that transaction: it read uncommitted
 *    rows, and its writes were rolled back with the transaction although its own request
 *    had been told they succeeded (db.server.test.ts shows both).
 * 3. Prepared statements are kept (LRU by SQL text). The adapter prepares every statement
 *    anew, which profiles showed as a twentieth of a support request's CPU.
 */
function sqliteConnection(factory: SqliteAdapterFactory, gate: Gate): SqliteAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqliteAdapter = await connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client) as (sql: string) => Statement;
    const statements = new Map<string, Statement>();
    client.prepare = (text: string) => {
      const sql = text === "BEGIN" ? "BEGIN IMMEDIATE" : text;
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return reusable(statement);
    };

    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const executeScript = adapter.executeScript.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.queryRaw = (query) => gate.run(() => queryRaw(query), query.sql);
    adapter.executeRaw = (query) => gate.run(() => executeRaw(query));
    adapter.executeScript = (script) => gate.run(() => executeScript(script));
    adapter.startTransaction = async (isolationLevel) => {
      const release = await gate.acquire(transactionScope.getStore());
      let transaction: SqliteTransaction;
      try {
        transaction = await startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(release);
      transaction.rollback = () => rollback().finally(release);
      return transaction;
    };
    return adapter;
  };
  return factory;
}

/**
 * A cached statement handed out as if freshly prepared: the adapter binds parameters with
 * bind(), which better-sqlite3 allows once per statement, so they are passed at execution.
 */
function reusable(statement: Statement) {
  return {
    get reader() {
      return statement.reader;
    },
    run: () => statement.run(),
    bind: (parameters: unknown[]) => ({
      reader: statement.reader,
      run: () => statement.run(parameters),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(parameters) }),
    }),
  };
}

/**
 * Marks the code running inside each interactive transaction (db.$transaction(callback)),
 * so that the gate knows a query sent with `db` instead of `tx` from inside the callback.
 */
const transactionScope = new AsyncLocalStorage<symbol>();

function withTransactionScopes(client: SqliteClient): Db {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => unknown;
  const scoped = (...args: unknown[]) => (typeof args[0] === "function" ? transactionScope.run(Symbol("transaction"), () => transaction(...args)) : transaction(...args));
  return new Proxy(client, {
    get: (target, property, receiver) => (property === "$transaction" ? scoped : Reflect.get(target, property, receiver)),
  });
}

/** A first-come, first-served lock: one holder at a time (release() hands it on). */
class Gate {
  #tail: Promise<void> = Promise.resolve();
  #holder: symbol | undefined;

  acquire(scope?: symbol): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    return previous.then(() => {
      this.#holder = scope;
      return () => {
        this.#holder = undefined;
        release();
      };
    });
  }

  /** `sql`: the text of a query that may only read; omitted for statements that write. */
  async run<T>(work: () => Promise<T>, sql?: string): Promise<T> {
    const scope = transactionScope.getStore();
    if (scope !== undefined && scope === this.#holder) {
      // Sent from inside the open transaction's own callback (with `db` where `tx` was
      // meant): waiting would deadlock it, so it runs in the transaction, as the code
      // assumed. Reads can get here innocently too: Prisma batches findUnique calls of
      // one tick and runs the batch in the async context of the first, which may be a
      // transaction's. Writes here are a bug to fix, so they are reported outside production.
      const writes = sql === undefined || !/^\s*SELECT\b/i.test(sql);
      if (writes && process.env.NODE_ENV !== "production") console.warn(new Error("A write used `db` inside db.$transaction(): pass the transaction client").stack);
      return work();
    }
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
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
