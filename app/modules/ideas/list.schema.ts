// What the idea lists accept in their URL (?category=&status=&sort=&q=&city=&cursor=).
// Shared by the loaders and the filter form. Every field is parsed on its own and falls
// back to its default when it is invalid: a bad link still shows a useful list (200),
// never an error page.
import { z } from "zod";
import { PUBLIC_STATUSES, SUPPORTABLE_STATUSES, type IdeaStatus } from "./lifecycle.policy";

/** Sort orders of the keyset-paginated lists. */
export const LIST_SORTS = ["trending", "supported", "newest", "discussed"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** "relevance" exists only for searches (best match first). */
export const SORTS = [...LIST_SORTS, "relevance"] as const;
export type Sort = (typeof SORTS)[number];

export const DEFAULT_SORT: ListSort = "trending";

/** "open" = still open for support; otherwise one public status, written in the URL in kebab case. */
export type StatusFilter = "open" | IdeaStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = ["open", ...PUBLIC_STATUSES];

export function statusToParam(status: StatusFilter): string {
  return status.toLowerCase().replaceAll("_", "-");
}

export function statusFromParam(value: string): StatusFilter | undefined {
  return STATUS_FILTERS.find((status) => statusToParam(status) === value);
}

/** Statuses a status filter stands for (never SUBMITTED). */
export function statusesFor(filter: StatusFilter | undefined): IdeaStatus[] {
  if (!filter) return [...PUBLIC_STATUSES];
  if (filter === "open") return [...SUPPORTABLE_STATUSES];
  return PUBLIC_STATUSES.includes(filter) ? [filter] : [];
}

export const SEARCH_MAX_LENGTH = 200;
export const SLUG_PATTERN = /^[a-z0-9-]{1,64}$/;

const optionalSlug = z
  .string()
  .regex(SLUG_PATTERN)
  .optional()
  .catch(undefined);

const searchText = z
  .string()
  .transform((value) => value.trim())
  // A pasted essay is cut, not refused: the search still uses its first words.
  .transform((value) => value.slice(0, SEARCH_MAX_LENGTH).trim() || undefined)
  .optional()
  .catch(undefined);

export const listQuerySchema = z.object({
  category: optionalSlug,
  city: optionalSlug,
  status: z
    .string()
    .transform((value, context) => {
      const status = statusFromParam(value);
      if (!status) context.addIssue({ code: z.ZodIssueCode.custom });
      return status;
    })
    .optional()
    .catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  q: searchText,
  cursor: z.string().max(512).optional().catch(undefined),
});

export type ListQuery = {
  category?: string;
  city?: string;
  status?: StatusFilter;
  /** The sort asked for in the URL (undefined = the default). */
  sort?: Sort;
  q?: string;
  cursor?: string;
};

/** The sort actually used: best match for searches unless another is chosen, trending otherwise. */
export function effectiveSort(query: Pick<ListQuery, "sort" | "q">): Sort {
  if (!query.q) return query.sort && query.sort !== "relevance" ? query.sort : DEFAULT_SORT;
  return query.sort ?? "relevance";
}

/** Never throws: unknown, repeated or malformed parameters become their defaults. */
export function parseListQuery(searchParams: URLSearchParams): ListQuery {
  const raw = Object.fromEntries(
    ["category", "city", "status", "sort", "q", "cursor"].flatMap((name) => {
      // An empty field (a submitted form with "All" chosen) is the same as no field.
      const value = searchParams.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  const parsed = listQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** The URL search string for a list query (defaults and empty values left out, so URLs stay short). */
export function listSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (query.city) params.set("city", query.city);
  if (query.status) params.set("status", statusToParam(query.status));
  if (query.sort && query.sort !== effectiveSort({ q: query.q })) params.set("sort", query.sort);
  if (query.cursor) params.set("cursor", query.cursor);
  const search = params.toString();
  return search ? `?${search}` : "";
}
