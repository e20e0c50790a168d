// Full-text search over ideas (title, summary, body), on both databases.
//
// The index objects are not in the Prisma models (Prisma cannot describe them), so they
// are created here at start-up, idempotently, instead of in migrations (where every
// later `migrate diff` would try to drop them):
// - SQLite: an FTS5 table over Idea kept in step by triggers; if a migration rebuilt the
//   Idea table (which drops its triggers) the index is recreated and rebuilt.
// - PostgreSQL: a GIN expression index on to_tsvector('simple', …); queries use the same
//   expression so the planner uses it.
import { db, type Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const SQLITE_OBJECTS = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS "IdeaSearch" USING fts5(title, summary, body, content='Idea', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER IF NOT EXISTS "IdeaSearch_ai" AFTER INSERT ON "Idea" BEGIN
     INSERT INTO "IdeaSearch"(rowid, title, summary, body) VALUES (new.rowid, new.title, new.summary, new.body);
   END`,
  `CREATE TRIGGER IF NOT EXISTS "IdeaSearch_ad" AFTER DELETE ON "Idea" BEGIN
     INSERT INTO "IdeaSearch"("IdeaSearch", rowid, title, summary, body) VALUES ('delete', old.rowid, old.title, old.summary, old.body);
   END`,
  `CREATE TRIGGER IF NOT EXISTS "IdeaSearch_au" AFTER UPDATE OF title, summary, body ON "Idea" BEGIN
     INSERT INTO "IdeaSearch"("IdeaSearch", rowid, title, summary, body) VALUES ('delete', old.rowid, old.title, old.summary, old.body);
     INSERT INTO "IdeaSearch"(rowid, title, summary, body) VALUES (new.rowid, new.title, new.summary, new.body);
   END`,
];

const PG_DOCUMENT = `to_tsvector('simple', coalesce(i."title", '') || ' ' || coalesce(i."summary", '') || ' ' || coalesce(i."body", ''))`;
const PG_TITLE = `to_tsvector('simple', coalesce(i."title", '') || ' ' || coalesce(i."summary", ''))`;

/**
 * SQLite: how many of the best-ranked matches are filtered before falling back to all of
 * them (see runSearch). Most matches pass the filters (public and not hidden: about 85 %
 * in the benchmark's data), so twice the results asked for is rarely too few.
 */
const CANDIDATE_FACTOR = 2;
const CANDIDATE_MARGIN = 100;

const INDEX_BUILD_TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 };

export async function ensureSearchIndex(client: Db = db) {
  if (getEnv().database.provider === "sqlite") {
    const triggers = await client.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'IdeaSearch_%'`,
    );
    const complete = Number(triggers[0]?.n ?? 0) === 3;
    for (const statement of SQLITE_OBJECTS) await client.$executeRawUnsafe(statement);
    // New index, or the Idea table was rebuilt by a migration: reindex everything.
    if (!complete) await client.$executeRawUnsafe(`INSERT INTO "IdeaSearch"("IdeaSearch") VALUES ('rebuild')`);
    return;
  }
  // Several instances may boot at once: one builds, the others wait on the lock. Building
  // the index over an existing table takes a while (~15 s for 100k ideas on 2 cores), far
  // beyond the 5 s default of an interactive transaction.
  await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(727274)`);
    await tx.$executeRawUnsafe(
      `CREATE INDEX IF NOT EXISTS "Idea_search_idx" ON "Idea" USING GIN (${PG_DOCUMENT.replaceAll("i.", "")})`,
    );
    await tx.$executeRawUnsafe(
      `CREATE INDEX IF NOT EXISTS "Idea_title_search_idx" ON "Idea" USING GIN (${PG_TITLE.replaceAll("i.", "")})`,
    );
  }, INDEX_BUILD_TRANSACTION);
}

/** Words of a query, lower-cased, letters and digits only (no query syntax can get through). */
export function searchTerms(query: string, { minLength = 1, max = 12 } = {}): string[] {
  const words = query
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= minLength);
  return [...new Set(words)].slice(0, max);
}

export type SearchScope = { cityId?: string | null; statuses: readonly string[]; limit: number; offset?: number };

/**
 * Ids of ideas matching every word (the last word as a prefix, for search-as-you-type),
 * best match first.
 */
export async function searchIdeaIds(query: string, scope: SearchScope): Promise<string[]> {
  const terms = searchTerms(query);
  if (terms.length === 0 || scope.statuses.length === 0) return [];
  return runSearch(terms, "all", scope, false);
}

/**
 * Ideas whose title or summary share words with `title` (any word of 3+ letters), best
 * first: the "similar ideas" shown while someone writes a new one.
 */
export async function similarIdeaIds(title: string, scope: SearchScope & { excludeId?: string }): Promise<string[]> {
  const terms = searchTerms(title, { minLength: 3 });
  if (terms.length === 0 || scope.statuses.length === 0) return [];
  const ids = await runSearch(terms, "any", { ...scope, limit: scope.limit + 1 }, true);
  return ids.filter((id) => id !== scope.excludeId).slice(0, scope.limit);
}

async function runSearch(terms: string[], mode: "all" | "any", scope: SearchScope, titleOnly: boolean): Promise<string[]> {
  const statuses = [...scope.statuses];
  const offset = scope.offset ?? 0;
  if (getEnv().database.provider === "sqlite") {
    const columns = titleOnly ? "{title summary} : " : "";
    const quoted = terms.map((term, index) => `"${term}"${mode === "all" && index === terms.length - 1 ? "*" : ""}`);
    const match = `${columns}(${quoted.join(mode === "all" ? " AND " : " OR ")})`;
    const filters = `i."hiddenAt" IS NULL AND i."status" IN (${statuses.map(() => "?").join(",")})${scope.cityId ? ` AND i."cityId" = ?` : ""}`;
    const filterParams: unknown[] = scope.cityId ? [...statuses, scope.cityId] : statuses;
    // A common word matches a quarter of the ideas: ranking them all is unavoidable
    // (bm25 needs every match), but joining every match to Idea for the filters doubled
    // the cost (docs/benchmarks.md). So the best-ranked matches are taken from the FTS
    // table alone first, and only those are joined and filtered. They are a prefix of
    // the full ranking, so when they yield a full page it is exactly the page the full
    // query gives; otherwise (few matches, or filters that rejected many) the full query
    // runs. Not for one city's search: its filter keeps one match in eight (8 cities),
    // the full query there is cheaper than the attempt.
    if (!scope.cityId) {
      const bounded = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT i."id" AS id FROM (
           SELECT rowid AS r, bm25("IdeaSearch", 10.0, 4.0, 1.0) AS score FROM "IdeaSearch" WHERE "IdeaSearch" MATCH ? ORDER BY score LIMIT ?
         ) c JOIN "Idea" i ON i.rowid = c.r
         WHERE ${filters} ORDER BY c.score LIMIT ? OFFSET ?`,
        match,
        CANDIDATE_FACTOR * (offset + scope.limit) + CANDIDATE_MARGIN,
        ...filterParams,
        scope.limit,
        offset,
      );
      if (bounded.length === scope.limit) return bounded.map((row) => row.id);
    }
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT i."id" AS id FROM "IdeaSearch" s JOIN "Idea" i ON i.rowid = s.rowid
       WHERE "IdeaSearch" MATCH ? AND ${filters} ORDER BY bm25("IdeaSearch", 10.0, 4.0, 1.0) LIMIT ? OFFSET ?`,
      match,
      ...filterParams,
      scope.limit,
      offset,
    );
    return rows.map((row) => row.id);
  }
  const tsquery = terms
    .map((term, index) => `${term.replaceAll("'", "")}${mode === "all" && index === terms.length - 1 ? ":*" : ""}`)
    .join(mode === "all" ? " & " : " | ");
  if (!titleOnly && terms.length === 1) return runOneWordSearchPostgres(tsquery, statuses, scope, offset);
  const vector = titleOnly ? PG_TITLE : PG_DOCUMENT;
  const params: unknown[] = [tsquery, statuses];
  let sql = `SELECT i."id" AS id FROM "Idea" i
    WHERE ${vector} @@ to_tsquery('simple', $1) AND i."hiddenAt" IS NULL AND i."status"::text = ANY($2::text[])`;
  if (scope.cityId) {
    params.push(scope.cityId);
    sql += ` AND i."cityId" = $${params.length}`;
  }
  params.push(scope.limit, offset);
  // Ranked on the title and summary only (like SQLite's bm25 weights, which favour them):
  // ts_rank has to rebuild the vector of every match, and over the whole body that costs
  // seconds for a common word at 100k ideas (measured: 8.3 s → 2.2 s for 25k matches; see
  // docs/benchmarks.md). Ideas matching in the body only come after, most supported first.
  sql += ` ORDER BY ts_rank(${PG_TITLE}, to_tsquery('simple', $1)) DESC, i."supportCount" DESC LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((row) => row.id);
}

/**
 * PostgreSQL, one word (the common case, and the slow one for a frequent word): the same
 * order as runSearch's query — ts_rank on the title and summary, then supportCount — in two
 * parts. For a one-word query ts_rank is positive exactly when the title or summary holds
 * the word, so:
 * 1. ideas with the word in the title or summary, found through the title index, ranked
 *    (ts_rank rebuilds each one's vector: the cost, now for those ideas only);
 * 2. then ideas with the word in the body only (rank 0), most supported first: no vector
 *    is rebuilt, the title matches are left out by id (a hashed set from the index).
 * Each part is cut at offset + limit before they are put together.
 */
async function runOneWordSearchPostgres(tsquery: string, statuses: string[], scope: SearchScope, offset: number): Promise<string[]> {
  const params: unknown[] = [tsquery, statuses, offset + scope.limit, scope.limit, offset];
  let filters = `i."hiddenAt" IS NULL AND i."status"::text = ANY($2::text[])`;
  if (scope.cityId) {
    params.push(scope.cityId);
    filters += ` AND i."cityId" = $${params.length}`;
  }
  const query = `to_tsquery('simple', $1)`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH titled AS (
       SELECT i."id" AS id, ts_rank(${PG_TITLE}, ${query}) AS r, i."supportCount" AS s FROM "Idea" i
       WHERE ${PG_TITLE} @@ ${query} AND ${filters}
       ORDER BY r DESC, s DESC LIMIT $3
     ), body_only AS (
       SELECT i."id" AS id, i."supportCount" AS s FROM "Idea" i
       WHERE ${PG_DOCUMENT} @@ ${query} AND ${filters}
         AND i."id" NOT IN (SELECT t."id" FROM "Idea" t WHERE ${PG_TITLE.replaceAll("i.", "t.")} @@ ${query})
       ORDER BY s DESC LIMIT $3
     )
     SELECT id FROM (
       SELECT id, 0 AS part, r, s FROM titled UNION ALL SELECT id, 1 AS part, 0 AS r, s FROM body_only
     ) ranked ORDER BY part, r DESC, s DESC LIMIT $4 OFFSET $5`,
    ...params,
  );
  return rows.map((row) => row.id);
}
