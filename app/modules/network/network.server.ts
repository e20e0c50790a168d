// The network view: what is happening across the cities — trending ideas, open
// consultations and launched services — for the whole network, one country or one city.
// Each list is short (an overview) and links to the full, paginated list where one exists.
import { listCities } from "~/modules/cities/cities.server";
import { listOpenConsultations, type ConsultationListItem } from "~/modules/consultations/consultations.server";
import { listIdeas, type IdeaCard } from "~/modules/ideas/list.server";
import { db } from "~/utils/db.server";
import { countriesOf, parseNetworkFilters, type NetworkFilters } from "./network.schema";

export const TRENDING_LIMIT = 6;
export const CONSULTATIONS_LIMIT = 6;
export const SERVICES_LIMIT = 12;

/** Cities a list is restricted to; null = the whole network (no city condition at all). */
function scopeOf(filters: NetworkFilters): string[] | null {
  return filters.city || filters.country ? filters.cities.map((city) => city.id) : null;
}

/**
 * The most trending ideas still open for support (the ideas list's "trending" order and
 * query). Several cities (a country) are asked one by one and merged by trend score: the
 * list query takes one city, and a country has only a few.
 */
export async function trendingIdeas(cityIds: string[] | null, limit = TRENDING_LIMIT): Promise<{ ideas: IdeaCard[]; hasMore: boolean }> {
  if (!cityIds || cityIds.length === 1) {
    const page = await listIdeas({ cityId: cityIds?.[0] ?? null, status: "open", sort: "trending", limit });
    return { ideas: page.ideas, hasMore: page.nextCursor !== null };
  }
  if (cityIds.length === 0) return { ideas: [], hasMore: false };
  const pages = await Promise.all(cityIds.map((cityId) => listIdeas({ cityId, status: "open", sort: "trending", limit })));
  const candidates = pages.flatMap((page) => page.ideas);
  const scores = await db.idea.findMany({ where: { id: { in: candidates.map((idea) => idea.id) } }, select: { id: true, trendScore: true } });
  const scoreOf = new Map(scores.map((row) => [row.id, row.trendScore]));
  // The same order as the list query: trend score, then id, both descending.
  const merged = candidates.sort((a, b) => (scoreOf.get(b.id) ?? 0) - (scoreOf.get(a.id) ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { ideas: merged.slice(0, limit), hasMore: merged.length > limit || pages.some((page) => page.nextCursor !== null) };
}

export type LaunchedService = {
  id: string;
  number: number;
  title: string;
  language: string;
  /** ISO 8601; null when the launch date was not recorded. */
  launchedAt: string | null;
  serviceUrl: string | null;
  city: { slug: string; name: string; timeZone: string; countryCode: string };
};

/**
 * Ideas that became live services, most recently launched first (those without a recorded
 * launch date last). Only public ones: a launched idea hidden by moderation stays out.
 */
export async function launchedServices(cityIds: string[] | null, limit = SERVICES_LIMIT): Promise<{ services: LaunchedService[]; hasMore: boolean }> {
  const rows = await db.idea.findMany({
    where: { status: "LAUNCHED", hiddenAt: null, publishedAt: { not: null }, ...(cityIds ? { cityId: { in: cityIds } } : {}) },
    orderBy: [{ launchedAt: { sort: "desc", nulls: "last" } }, { publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      number: true,
      title: true,
      language: true,
      launchedAt: true,
      serviceUrl: true,
      city: { select: { slug: true, name: true, timeZone: true, countryCode: true } },
    },
  });
  return {
    services: rows.slice(0, limit).map((row) => ({ ...row, launchedAt: row.launchedAt?.toISOString() ?? null })),
    hasMore: rows.length > limit,
  };
}

export type NetworkOverview = {
  filters: { country: string | null; city: string | null };
  /** Every city (for the filter form), alphabetically. */
  cities: { slug: string; name: string; countryCode: string }[];
  countries: string[];
  /** The one city the lists cover, when they cover exactly one (for "see all" links). */
  onlyCity: { slug: string; name: string } | null;
  trending: { ideas: (Omit<IdeaCard, "publishedAt"> & { publishedAt: string })[]; hasMore: boolean };
  consultations: { items: ConsultationListItem[]; hasMore: boolean };
  services: { services: LaunchedService[]; hasMore: boolean };
};

/** Everything the network view shows for the filters in `searchParams`. */
export async function getNetworkOverview(searchParams: URLSearchParams, now = new Date()): Promise<NetworkOverview> {
  const cities = await listCities();
  const filters = parseNetworkFilters(searchParams, cities);
  const scope = scopeOf(filters);
  const [trending, consultations, services] = await Promise.all([
    trendingIdeas(scope),
    listOpenConsultations({ cityIds: scope ?? undefined, limit: CONSULTATIONS_LIMIT, now }),
    launchedServices(scope),
  ]);
  const only = scope && filters.cities.length === 1 ? filters.cities[0] : null;
  return {
    filters: { country: filters.country, city: filters.city?.slug ?? null },
    cities: cities.map(({ slug, name, countryCode }) => ({ slug, name, countryCode })),
    countries: countriesOf(cities),
    onlyCity: only ? { slug: only.slug, name: only.name } : null,
    trending: { ideas: trending.ideas.map((idea) => ({ ...idea, publishedAt: idea.publishedAt.toISOString() })), hasMore: trending.hasMore },
    consultations,
    services,
  };
}
