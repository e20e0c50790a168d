import { db, type Db } from "~/utils/db.server";
import { networkCities } from "./cities.seed";

export type CitySummary = { id: string; slug: string; name: string; countryCode: string; defaultLocale: string; timeZone: string };

const citySelect = { id: true, slug: true, name: true, countryCode: true, defaultLocale: true, timeZone: true } as const;

let cityListCache: { at: number; cities: Promise<CitySummary[]> } | undefined;

/** All cities, alphabetically. Cached briefly: the list changes only through admin action. */
export function listCities(): Promise<CitySummary[]> {
  if (!cityListCache || Date.now() - cityListCache.at > 30_000) {
    const cities = db.city.findMany({ select: citySelect, orderBy: { name: "asc" } });
    cities.catch(() => (cityListCache = undefined));
    cityListCache = { at: Date.now(), cities };
  }
  return cityListCache.cities;
}

export async function findCityBySlug(slug: string): Promise<CitySummary | null> {
  const cities = await listCities();
  return cities.find((city) => city.slug === slug) ?? null;
}

export async function findCityById(id: string | null | undefined): Promise<CitySummary | null> {
  if (!id) return null;
  const cities = await listCities();
  return cities.find((city) => city.id === id) ?? null;
}

/** Idempotent: creates missing cities, never overwrites what admins changed. */
export async function seedCities(client: Db = db) {
  for (const city of networkCities) {
    await client.city.upsert({ where: { slug: city.slug }, create: city, update: {} });
  }
  cityListCache = undefined;
}
