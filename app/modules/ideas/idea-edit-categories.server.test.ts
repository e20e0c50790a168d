// The edit form offers the city's own categories like the new-idea form does, keeps an idea's
// category the city archived since, and refuses other cities' and other archived categories.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { categoryLabel } from "~/modules/categories/categories";
import { listReviewQueue } from "~/modules/moderation/review.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { findEditableIdea, ideaEditCategories, resolveIdeaReferences } from "./idea-form.server";

async function createCity() {
  const slug = `categories-${randomUUID().slice(0, 8)}`;
  return db.city.create({
    data: { slug, name: "Categoryville", countryCode: "LV", defaultLocale: "lv", timeZone: "Europe/Riga" },
    select: { id: true, slug: true },
  });
}

async function createCityCategory(cityId: string, names: Record<string, string>, archived = false) {
  return db.category.create({
    data: { slug: `city-${randomUUID()}`, cityId, names, archivedAt: archived ? new Date() : null },
    select: { id: true, slug: true },
  });
}

const t = (key: string) => `translated:${key}`;

describe("city categories on the idea edit form", () => {
  it("offers the active city categories, plus the idea's own archived one", async () => {
    const city = await createCity();
    const other = await createCity();
    const active = await createCityCategory(city.id, { en: "Snow clearing", lv: "Sniega tīrīšana" });
    const archived = await createCityCategory(city.id, { en: "Old kiosks" }, true);
    const othersArchived = await createCityCategory(city.id, { en: "Gone" }, true);
    const foreign = await createCityCategory(other.id, { en: "Elsewhere" });
    const author = await createUser({ citySlug: city.slug });
    const idea = await createIdea({ citySlug: city.slug, authorId: author.id, published: false });
    await db.idea.update({ where: { id: idea.id }, data: { categoryId: archived.id } });

    const editable = await findEditableIdea(city.id, idea.number);
    expect(editable?.values.category).toBe(archived.slug);
    const offered = await ideaEditCategories(city.id, editable!.category);
    expect(offered.map((category) => category.slug)).toEqual([active.slug, archived.slug]);
    expect(offered[0].names).toEqual({ en: "Snow clearing", lv: "Sniega tīrīšana" });

    const context = { cityId: city.id, userId: author.id, currentCategory: editable!.category };
    // Keeping the archived category, or choosing an active one: fine.
    expect(await resolveIdeaReferences({ category: archived.slug }, context)).toMatchObject({ ok: true, categoryId: archived.id });
    expect(await resolveIdeaReferences({ category: active.slug }, context)).toMatchObject({ ok: true, categoryId: active.id });
    expect(await resolveIdeaReferences({ category: "mobility" }, context)).toMatchObject({ ok: true });
    // Another archived category, or another city's: refused like a forged value.
    for (const slug of [othersArchived.slug, foreign.slug]) {
      expect(await resolveIdeaReferences({ category: slug }, context)).toEqual({ ok: false, fieldErrors: { category: "ideaForm:errors.categoryRequired" } });
    }
  });

  it("offers no extra category when the idea's category is a network one", async () => {
    const city = await createCity();
    const active = await createCityCategory(city.id, { en: "Harbour" });
    const idea = await createIdea({ citySlug: city.slug, published: false });
    const editable = await findEditableIdea(city.id, idea.number);
    expect((await ideaEditCategories(city.id, editable!.category)).map((category) => category.slug)).toEqual([active.slug]);
  });
});

describe("city categories in the review queue", () => {
  it("carries the category's own names, shown in the reader's language", async () => {
    const city = await createCity();
    const category = await createCityCategory(city.id, { en: "Snow clearing", lv: "Sniega tīrīšana" });
    const idea = await createIdea({ citySlug: city.slug, published: false });
    await db.idea.update({ where: { id: idea.id }, data: { categoryId: category.id } });
    const queue = await listReviewQueue(city.id, 1);
    const item = queue.items.find((row) => row.id === idea.id);
    expect(item?.categoryNames).toEqual({ en: "Snow clearing", lv: "Sniega tīrīšana" });
    expect(categoryLabel(t, { slug: item!.categorySlug, names: item!.categoryNames }, "lv")).toBe("Sniega tīrīšana");
    expect(categoryLabel(t, { slug: item!.categorySlug, names: item!.categoryNames }, "fi")).toBe("Snow clearing");
    // A network category keeps its translation key.
    expect(categoryLabel(t, { slug: "mobility", names: {} }, "lv")).toBe("translated:categories:mobility");
  });
});
