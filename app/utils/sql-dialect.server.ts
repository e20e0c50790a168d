// The few differences between SQLite and PostgreSQL that hand-written SQL meets: how
// parameters are written ("?" against "$1"), the casts PostgreSQL needs for enum columns,
// and the types raw rows come back with. Raw SQL is kept for hot paths, where a Prisma
// model query costs a compilation per call (see docs/benchmarks.md).
import { getEnv } from "./env.server";

export type SqlProvider = "sqlite" | "postgresql";

export type SqlDialect = {
  provider: SqlProvider;
  postgres: boolean;
  /** `count` placeholders numbered from `start + 1` ("?" each on SQLite). */
  placeholders(count: number, start?: number): string[];
  /** A placeholder factory numbering from 1, for statements written left to right. */
  counter(): () => string;
  /** The value as an enum (or other typed) column expects it; PostgreSQL does not cast text parameters implicitly. */
  cast(expression: string, type: string): string;
};

function createDialect(provider: SqlProvider): SqlDialect {
  const postgres = provider === "postgresql";
  return {
    provider,
    postgres,
    placeholders: (count, start = 0) => Array.from({ length: count }, (_, index) => (postgres ? `$${start + index + 1}` : "?")),
    counter() {
      let index = 0;
      return () => (postgres ? `$${++index}` : "?");
    },
    cast: (expression, type) => (postgres ? `CAST(${expression} AS ${type})` : expression),
  };
}

export const DIALECTS: Record<SqlProvider, SqlDialect> = {
  sqlite: createDialect("sqlite"),
  postgresql: createDialect("postgresql"),
};

/** The dialect of the configured database. */
export function sqlDialect(): SqlDialect {
  return DIALECTS[getEnv().database.provider];
}

/**
 * Statements built once per dialect (at module load), picked per call: the SQL text of a
 * hot path is not rebuilt on every request.
 */
export function perDialect<T>(build: (dialect: SqlDialect) => T): () => T {
  const built: Partial<Record<SqlProvider, T>> = {};
  return () => {
    const { provider } = sqlDialect();
    return (built[provider] ??= build(DIALECTS[provider]));
  };
}

/** A DateTime column of a raw row: a Date from PostgreSQL, a Date, ISO text or epoch milliseconds from SQLite. */
export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  if (typeof value === "string") return new Date(/^\d+$/.test(value) ? Number(value) : value);
  throw new TypeError(`not a date: ${String(value)}`);
}

/** COUNT(*) and integer columns: BigInt from PostgreSQL (and SQLite for large values). */
export function rawNumber(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}
