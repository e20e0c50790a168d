// Shared by the browser and the server (form schemas need the list; no database here).

/** Areas of digital public services; names are translated in the `categories` namespace. */
export const CATEGORY_SLUGS = [
  "e-government",
  "mobility",
  "environment-energy",
  "health-care",
  "education-skills",
  "culture-tourism",
  "local-economy",
  "open-data",
  "connectivity",
  "safety",
] as const;

export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

/** A city's own category (created by its admins, named in the database) has a slug like this. */
export const CITY_CATEGORY_SLUG = /^city-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isCityCategorySlug(slug: string): boolean {
  return CITY_CATEGORY_SLUG.test(slug);
}

/** A city category's name in `locale`, else English, else any name it has. */
export function localizedName(names: Record<string, string>, locale: string): string | null {
  return names[locale] || names.en || Object.values(names).find((name) => name) || null;
}

/** Names stored as JSON ({ "<locale>": "name" }), read defensively. */
export function categoryNames(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/**
 * What to show for a category: a network category's translation (categories namespace), or
 * a city category's own name in the reader's language (English, then any, as fallbacks).
 */
export function categoryLabel(t: (key: string) => string, category: { slug: string; names?: unknown }, locale: string): string {
  const names = categoryNames(category.names);
  if (isCityCategorySlug(category.slug) || Object.keys(names).length > 0) return localizedName(names, locale) ?? category.slug;
  return t(`categories:${category.slug}`);
}
