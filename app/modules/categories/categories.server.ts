import { db } from "~/utils/db.server";
import { CATEGORY_SLUGS } from "./categories";

export { CATEGORY_SLUGS };

export type CategorySummary = { id: string; slug: string };

let cache: Promise<CategorySummary[]> | undefined;

export function listCategories(): Promise<CategorySummary[]> {
  cache ??= db.category.findMany({ select: { id: true, slug: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] });
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
