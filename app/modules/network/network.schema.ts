// What the network view (/network) accepts in its URL: ?country=FI&city=oulu. Filters are
// checked against the cities that exist; an unknown value is dropped (the page shows the
// whole network or the country), never an error page, so an old or edited link still works.
import type { CitySummary } from "~/modules/cities/cities.server";

export type NetworkFilterCity = Pick<CitySummary, "id" | "slug" | "name" | "countryCode">;

export type NetworkFilters = {
  /** ISO 3166-1 alpha-2, only when some city of the network is in that country. */
  country: string | null;
  /** A city, only when it exists (and lies in `country` when both are given). */
  city: NetworkFilterCity | null;
  /** The cities the lists cover: the city, the country's cities, or all of them. */
  cities: NetworkFilterCity[];
};

export function parseNetworkFilters(searchParams: URLSearchParams, cities: NetworkFilterCity[]): NetworkFilters {
  const countryParam = (searchParams.get("country") ?? "").trim().toUpperCase();
  const country = /^[A-Z]{2}$/.test(countryParam) && cities.some((city) => city.countryCode === countryParam) ? countryParam : null;
  const citySlug = (searchParams.get("city") ?? "").trim();
  const found = cities.find((city) => city.slug === citySlug) ?? null;
  // A city outside the chosen country contradicts it: the country (the wider choice) wins.
  const city = found && (!country || found.countryCode === country) ? found : null;
  const covered = city ? [city] : country ? cities.filter((item) => item.countryCode === country) : cities;
  return { country, city, cities: covered };
}

/** The URL search string for the filters (empty ones left out). */
export function networkSearch(filters: Pick<NetworkFilters, "country" | "city">): string {
  const params = new URLSearchParams();
  if (filters.country) params.set("country", filters.country);
  if (filters.city) params.set("city", filters.city.slug);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The network's countries (codes, each once, in the cities' order). */
export function countriesOf(cities: Pick<CitySummary, "countryCode">[]): string[] {
  return [...new Set(cities.map((city) => city.countryCode))];
}
