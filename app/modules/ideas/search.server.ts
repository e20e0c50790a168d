// Full-text search over ideas (title, summary, body), on both databases.
//
// The index objects are not in the Prisma models (Prisma cannot describe them), so they
// are created here at start-up, idempotently, instead of in migrations (where every
// later `migrate diff` would try to drop them):
// - SQLite: an FTS5 table over Idea kept in step by triggers; if a migration rebuilt the
//   Idea table (which drops its triggers) the index is recreated and rebuilt.
// - PostgreSQL: a GIN expression index on to_tsvector('simple', …) of the whole text for
//   matching (queries use the same expression so the planner uses it), and a stored
//   generated column "searchTitle" (title weighted A, summary B) with its own GIN index for
//   ranking and similar ideas. Prisma's models do not know the column, so Prisma never
//   reads or writes it.
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
/**
 * Ranking reads this stored vector instead of rebuilding one per match: at 100k ideas a
 * common word has 25k matches, and rebuilding even the title and summary of each cost
 * ~260 ms of CPU per search (docs/benchmarks.md). The body is left out on purpose: with it
 * four vectors in ten outgrow the row (over 2 kB) and go to the TOAST table, and fetching
 * them back cost more than the ranking itself (backend CPU for a common word: 180 ms against 45 ms).
 */
const PG_TITLE_COLUMN = `ALTER TABLE "Idea" ADD COLUMN IF NOT EXISTS "searchTitle" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce("title", '')), 'A') || setweight(to_tsvector('simple', coalesce("summary", '')), 'B')
) STORED`;

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
  // the index over an existing table takes a while (~15 s for 100k ideas on 2 cores), and
  // adding the stored column rewrites the table (79–91 s at 100k ideas, busy machine), far beyond the
  // 5 s default of an interactive transaction.
  await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(727274)`);
    // ALTER TABLE locks out every reader of Idea even when the column exists: only when missing.
    const column = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM pg_attribute WHERE attrelid = '"Idea"'::regclass AND attname = 'searchTitle' AND NOT attisdropped`,
    );
    if (column.length === 0) await tx.$executeRawUnsafe(PG_TITLE_COLUMN);
    await tx.$executeRawUnsafe(
      `CREATE INDEX IF NOT EXISTS "Idea_search_idx" ON "Idea" USING GIN (${PG_DOCUMENT.replaceAll("i.", "")})`,
    );
    await tx.$executeRawUnsafe(`CREATE INDEX IF NOT EXISTS "Idea_searchTitle_idx" ON "Idea" USING GIN ("searchTitle")`);
    // The expression index over title and summary that "searchTitle" replaced.
    await tx.$executeRawUnsafe(`DROP INDEX IF EXISTS "Idea_title_search_idx"`);
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
           SELECT rowid AS r, bm25("IdeaSearch", 10.0, 4.0, 1.0) AS score FROM "IdeaSearch" WHERE "IdeaSearch" MATCH ? ORDER BY score, rowid LIMIT ?
         ) c JOIN "Idea" i ON i.rowid = c.r
         WHERE ${filters} ORDER BY c.score, c.r LIMIT ? OFFSET ?`,
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
       WHERE "IdeaSearch" MATCH ? AND ${filters} ORDER BY bm25("IdeaSearch", 10.0, 4.0, 1.0), s.rowid LIMIT ? OFFSET ?`,
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
  const params: unknown[] = [tsquery, statuses];
  // Similar ideas match on the title and summary only: exactly what "searchTitle" holds.
  const match = titleOnly ? `i."searchTitle"` : PG_DOCUMENT;
  let sql = `SELECT i."id" AS id FROM "Idea" i
    WHERE ${match} @@ to_tsquery('simple', $1) AND i."hiddenAt" IS NULL AND i."status"::text = ANY($2::text[])`;
  if (scope.cityId) {
    params.push(scope.cityId);
    sql += ` AND i."cityId" = $${params.length}`;
  }
  params.push(scope.limit, offset);
  // Ranked on the stored title (weight A) and summary (B) vector, like SQLite's bm25 weights
  // which favour them: a word in the title ranks above one in the summary only. Ideas
  // matching in the body only rank 0 and come after, most supported first. The id breaks
  // ties, so that pages never repeat or skip an idea (SQLite: the rowid, likewise).
  sql += ` ORDER BY ts_rank(i."searchTitle", to_tsquery('simple', $1)) DESC, i."supportCount" DESC, i."id" LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((row) => row.id);
}
