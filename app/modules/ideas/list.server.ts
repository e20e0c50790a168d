// Public idea lists (network-wide and per city): filters, four sort orders, keyset
// pagination, and full-text search.
//
// Only ideas that were published and are public are listed: a public status, not hidden
// by moderation, and a publication date (an idea rejected or withdrawn while it still
// awaited moderation never went public, so lists do not show it either).
//
// Keyset pagination: the cursor carries the last row's sort value and id, and the next
// page is `(sortKey, id) < (value, id)` in `sortKey DESC, id DESC` order. One sub-query
// per status walks the index (status, sortKey, id) — or (cityId, status, sortKey, id) —
// from that point and stops after `limit + 1` rows; UNION ALL merges them. Page 1,000
// reads as few rows as page 1, and no request counts the table.
import { Buffer } from "node:buffer";
import { z } from "zod";
import { findCategoryBySlug, listCategories } from "~/modules/categories/categories.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { IDEA_STATUSES, type IdeaStatus } from "./lifecycle.policy";
import {
  effectiveSort,
  LIST_SORTS,
  parseListQuery,
  statusesFor,
  type ListQuery,
  type ListSort,
  type Sort,
  type StatusFilter,
} from "./list.schema";
import { searchIdeaIds } from "./search.server";

/** Searches page through the best matches only (relevance beyond that is noise). */
export const SEARCH_MAX_PAGES = 50;
export const MAX_PAGE_SIZE = 50;
const SEARCH_CHUNK = 500;

const SORT_COLUMN = {
  trending: "trendScore",
  supported: "supportCount",
  newest: "publishedAt",
  discussed: "commentCount",
} as const satisfies Record<ListSort, string>;

export type IdeaCard = {
  id: string;
  number: number;
  title: string;
  summary: string;
  /** BCP 47 language the idea is written in (titles and summaries are shown in it). */
  language: string;
  status: IdeaStatus;
  supportCount: number;
  commentCount: number;
  publishedAt: Date;
  city: { slug: string; name: string; timeZone: string };
  /** names: a city category's own names (network categories are translated by slug). */
  category: { slug: string; names?: unknown };
};

export type ListIdeasInput = {
  cityId?: string | null;
  categorySlug?: string | null;
  /** One public status, or "open" (still open for support); default: every public status. */
  status?: StatusFilter | null;
  consultationId?: string | null;
  q?: string | null;
  sort: Sort;
  cursor?: string | null;
  limit: number;
};

export type IdeaPage = { ideas: IdeaCard[]; nextCursor: string | null; page: number };

// ---------------------------------------------------------------------------------------
// Cursors: opaque to clients (base64url JSON), validated on the way back in. Anything that
// does not decode into a cursor for this very sort is ignored, so a forged or stale cursor
// shows the first page instead of failing.

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const keysetCursorSchema = z.object({
  k: z.literal("keyset"),
  s: z.enum(LIST_SORTS),
  v: z.union([z.number().finite(), z.string().datetime()]),
  id: z.string().regex(idPattern),
  p: z.number().int().min(2).max(Number.MAX_SAFE_INTEGER),
});
const searchCursorSchema = z.object({
  k: z.literal("search"),
  s: z.enum([...LIST_SORTS, "relevance"]),
  p: z.number().int().min(2).max(SEARCH_MAX_PAGES),
});
const cursorSchema = z.discriminatedUnion("k", [keysetCursorSchema, searchCursorSchema]);
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The cursor, or null when it is missing, malformed, forged or meant for another list mode. */
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 512 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const cursor = parsed.data;
    // The value's type must fit the sort key: a date for "newest", a number otherwise.
    if (cursor.k === "keyset" && (cursor.s === "newest") !== (typeof cursor.v === "string")) return null;
    return cursor;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------

type Filters = { cityId?: string | null; categoryId?: string | null; consultationId?: string | null; statuses: IdeaStatus[] };

/** The same visibility rule as the raw queries, for Prisma queries. */
function listableWhere(filters: Filters) {
  return {
    status: { in: filters.statuses },
    hiddenAt: null,
    publishedAt: { not: null },
    ...(filters.cityId ? { cityId: filters.cityId } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(filters.consultationId ? { consultationId: filters.consultationId } : {}),
  };
}

const cardSelect = {
  id: true,
  number: true,
  title: true,
  summary: true,
  language: true,
  status: true,
  supportCount: true,
  commentCount: true,
  trendScore: true,
  publishedAt: true,
  city: { select: { slug: true, name: true, timeZone: true } },
  category: { select: { slug: true, names: true } },
} as const;

async function loadCards(ids: string[], filters: Filters) {
  if (ids.length === 0) return [];
  // The filters again: an idea hidden between the two queries stays out.
  const rows = await db.idea.findMany({ where: { id: { in: ids }, ...listableWhere(filters) }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row?.publishedAt) return [];
    return [{ ...row, publishedAt: row.publishedAt }];
  });
}

function stripSortKeys(cards: (IdeaCard & { trendScore: number })[]): IdeaCard[] {
  return cards.map(({ trendScore: _trendScore, ...card }) => card);
}

/**
 * Ids of the next `take` listable ideas after `after`, in `sortKey DESC, id DESC` order.
 * Raw SQL because Prisma cannot express row-value comparisons, the only form the databases
 * turn into one index range (an OR of two conditions makes them scan every tie).
 */
async function keysetIds(filters: Filters, sort: ListSort, after: { value: number | Date; id: string } | null, take: number) {
  const postgres = getEnv().database.provider === "postgresql";
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return postgres ? `$${params.length}` : "?";
  };
  const column = `"${SORT_COLUMN[sort]}"`;
  // A float sort key (trendScore) travels as its shortest round-trip text and is parsed by
  // the database: Prisma's raw-query parameters mangle doubles (about 4 in 10 arrive one
  // unit in the last place off, which skips or repeats rows at page boundaries, and whole
  // numbers between 2^53 and 2^63 fail with "can't be represented as a JavaScript number").
  const sortKeyParam = (value: number | Date) =>
    sort === "trending" && typeof value === "number"
      ? `CAST(${param(String(value))} AS ${postgres ? "DOUBLE PRECISION" : "REAL"})`
      : param(value);
  const branch = (status: IdeaStatus) => {
    // Statuses come from the enum (checked here), so they can be written into the SQL:
    // a literal compares with the PostgreSQL enum column and keeps the index usable.
    if (!IDEA_STATUSES.includes(status)) throw new Error(`unknown status ${status}`);
    const where = [`"status" = '${status}'`, `"hiddenAt" IS NULL`, `"publishedAt" IS NOT NULL`];
    if (filters.cityId) where.push(`"cityId" = ${param(filters.cityId)}`);
    if (filters.categoryId) where.push(`"categoryId" = ${param(filters.categoryId)}`);
    if (filters.consultationId) where.push(`"consultationId" = ${param(filters.consultationId)}`);
    if (after) where.push(`(${column}, "id") < (${sortKeyParam(after.value)}, ${param(after.id)})`);
    const conditions = where.join(" AND ");
    return `SELECT "id" AS id, ${column} AS k FROM "Idea" WHERE ${conditions} ORDER BY ${column} DESC, "id" DESC LIMIT ${param(take)}`;
  };
  let sql: string;
  if (filters.statuses.length === 1) {
    sql = branch(filters.statuses[0]);
  } else {
    const union = filters.statuses.map((status, index) => `SELECT id, k FROM (${branch(status)}) AS s${index}`).join(" UNION ALL ");
    sql = `SELECT id, k FROM (${union}) AS merged ORDER BY k DESC, id DESC LIMIT ${param(take)}`;
  }
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((row) => row.id);
}

function sortValue(card: IdeaCard & { trendScore: number }, sort: ListSort): number | string {
  switch (sort) {
    case "trending":
      return card.trendScore;
    case "supported":
      return card.supportCount;
    case "discussed":
      return card.commentCount;
    case "newest":
      return card.publishedAt.toISOString();
  }
}

async function resolveFilters(input: ListIdeasInput): Promise<Filters | null> {
  const statuses = statusesFor(input.status ?? undefined);
  let categoryId: string | null = null;
  if (input.categorySlug) {
    const category = await findCategoryBySlug(input.categorySlug);
    if (!category) return null;
    categoryId = category.id;
  }
  if (statuses.length === 0) return null;
  return { cityId: input.cityId, categoryId, consultationId: input.consultationId, statuses };
}

/**
 * A page of public ideas. Sorted lists use keyset pagination; searches (`q`) list the
 * best matches (or the chosen sort among them) with page numbers up to SEARCH_MAX_PAGES.
 */
export async function listIdeas(input: ListIdeasInput): Promise<IdeaPage> {
  const limit = Math.min(Math.max(Math.trunc(input.limit) || 1, 1), MAX_PAGE_SIZE);
  const filters = await resolveFilters(input);
  const q = input.q?.trim();
  if (!filters) return { ideas: [], nextCursor: null, page: 1 };
  if (q) return searchPage(q, filters, input.sort, decodeCursor(input.cursor), limit);

  const sort: ListSort = input.sort === "relevance" ? "trending" : input.sort;
  const decoded = decodeCursor(input.cursor);
  const cursor = decoded?.k === "keyset" && decoded.s === sort ? decoded : null;
  const after = cursor ? { value: sort === "newest" ? new Date(cursor.v) : (cursor.v as number), id: cursor.id } : null;
  const ids = await keysetIds(filters, sort, after, limit + 1);
  const cards = await loadCards(ids.slice(0, limit), filters);
  const page = cursor?.p ?? 1;
  const last = cards.at(-1);
  const nextCursor =
    ids.length > limit && last ? encodeCursor({ k: "keyset", s: sort, v: sortValue(last, sort), id: last.id, p: page + 1 }) : null;
  return { ideas: stripSortKeys(cards), nextCursor, page };
}

/** Tie-break for searches sorted in memory (cuids are lower-case ASCII: code-unit order). */
function compareIds(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function searchPage(q: string, filters: Filters, sort: Sort, decoded: Cursor | null, limit: number): Promise<IdeaPage> {
  const cursor = decoded?.k === "search" && decoded.s === sort ? decoded : null;
  const page = cursor?.p ?? 1;
  // The best matches of the whole (bounded) window, then the filters search does not know.
  const matches = await searchIdeaIds(q, { cityId: filters.cityId, statuses: filters.statuses, limit: SEARCH_MAX_PAGES * limit, offset: 0 });
  if (matches.length === 0) return { ideas: [], nextCursor: null, page };
  // In chunks: SQLite drivers cap the number of bound parameters of one statement (999).
  const chunks: string[][] = [];
  for (let start = 0; start < matches.length; start += SEARCH_CHUNK) chunks.push(matches.slice(start, start + SEARCH_CHUNK));
  const rows = (
    await Promise.all(
      chunks.map((chunk) =>
        db.idea.findMany({
          where: { id: { in: chunk }, ...listableWhere(filters) },
          select: { id: true, trendScore: true, supportCount: true, commentCount: true, publishedAt: true },
        }),
      ),
    )
  ).flat();
  let ordered: string[];
  if (sort === "relevance") {
    const kept = new Set(rows.map((row) => row.id));
    ordered = matches.filter((id) => kept.has(id));
  } else {
    const key = (row: (typeof rows)[number]) => (sort === "newest" ? (row.publishedAt?.getTime() ?? 0) : row[SORT_COLUMN[sort]]);
    ordered = rows.sort((a, b) => key(b) - key(a) || compareIds(b.id, a.id)).map((row) => row.id);
  }
  const offset = (page - 1) * limit;
  const cards = await loadCards(ordered.slice(offset, offset + limit), filters);
  const hasMore = ordered.length > offset + limit && page < SEARCH_MAX_PAGES;
  return { ideas: stripSortKeys(cards), nextCursor: hasMore ? encodeCursor({ k: "search", s: sort, p: page + 1 }) : null, page };
}

// ---------------------------------------------------------------------------------------

export const PAGE_SIZE = 20;

/**
 * What the list pages need from their URL: the filters (invalid ones dropped, so the page
 * shows their defaults) and the page of ideas. `cityId` set = a city's list.
 */
export async function browseIdeas(searchParams: URLSearchParams, scope: { cityId?: string } = {}) {
  const parsed = parseListQuery(searchParams);
  const query: ListQuery = { ...parsed };
  if (query.category && !(await findCategoryBySlug(query.category))) delete query.category;
  let cityId = scope.cityId;
  if (scope.cityId) {
    delete query.city;
  } else if (query.city) {
    const city = await findCityBySlug(query.city);
    if (city) cityId = city.id;
    else delete query.city;
  }
  if (query.sort === "relevance" && !query.q) delete query.sort;
  const sort = effectiveSort(query);
  const result = await listIdeas({
    cityId,
    categorySlug: query.category,
    status: query.status,
    q: query.q,
    sort,
    cursor: query.cursor,
    limit: PAGE_SIZE,
  });
  // A cursor that was ignored is not part of the state shown back.
  if (result.page === 1) delete query.cursor;
  const categories = (await listCategories()).map((category) => category.slug);
  return {
    query,
    sort,
    page: result.page,
    nextCursor: result.nextCursor,
    ideas: result.ideas.map((idea) => ({ ...idea, publishedAt: idea.publishedAt.toISOString() })),
    categories,
  };
}
