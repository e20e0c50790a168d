import { db } from "~/utils/db.server";
import { CATEGORY_SLUGS, categoryNames, isCityCategorySlug } from "./categories";

export { CATEGORY_SLUGS };

export type CategorySummary = { id: string; slug: string };

let cache: Promise<CategorySummary[]> | undefined;

/**
 * The network's categories (named in the i18n resources). A city's own categories
 * (cityId set, named in the database by its admins) are not in this list: they are managed
 * in app/modules/administration/city-admin.server.ts.
 */
export function listCategories(): Promise<CategorySummary[]> {
  cache ??= db.category.findMany({ where: { cityId: null }, select: { id: true, slug: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] });
  cache.catch(() => (cache = undefined));
  return cache;
}

export async function findCategoryBySlug(slug: string) {
  return (await listCategories()).find((category) => category.slug === slug) ?? null;
}

/** Idempotent: adds missing categories; keeps what admins changed. */
export async function seedCategories() {
  for (const [position, slug] of CATEGORY_SLUGS.entries()) {
    await db.category.upsert({ where: { slug }, create: { slug, position }, update: {} });
  }
  cache = undefined;
}

/** A category an idea of this city may use: a network category, or the city's own (not archived). */
export async function findCategoryForCity(slug: string, cityId: string): Promise<CategorySummary | null> {
  if (!isCityCategorySlug(slug)) return findCategoryBySlug(slug);
  return db.category.findFirst({ where: { slug, cityId, archivedAt: null }, select: { id: true, slug: true } });
}

/** The city's own categories offered for new ideas (not archived), with their names. */
export async function listActiveCityCategories(cityId: string): Promise<{ slug: string; names: Record<string, string> }[]> {
  const rows = await db.category.findMany({
    where: { cityId, archivedAt: null },
    select: { slug: true, names: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    take: 100,
  });
  return rows.map((row) => ({ slug: row.slug, names: categoryNames(row.names) }));
}

/** The names of a city category (null for network categories, named in the i18n resources). */
export async function cityCategoryNames(slug: string): Promise<Record<string, string> | null> {
  if (!isCityCategorySlug(slug)) return null;
  const row = await db.category.findUnique({ where: { slug }, select: { names: true } });
  return row ? categoryNames(row.names) : null;
}
