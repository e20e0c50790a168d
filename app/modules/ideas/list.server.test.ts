import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { rejectIdea, submitIdea } from "./ideas.server";
import type { IdeaStatus } from "./lifecycle.policy";
import { parseListQuery } from "./list.schema";
import { browseIdeas, decodeCursor, encodeCursor, listIdeas, SEARCH_MAX_PAGES, type ListIdeasInput } from "./list.server";

// Other test files share the database, so every test works in a city of its own (created
// here) or searches for a word nobody else uses.
async function createCity() {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  return db.city.create({
    data: { slug, name: `Testville ${slug}`, countryCode: "FI", defaultLocale: "en", timeZone: "Europe/Helsinki" },
    select: { id: true, slug: true },
  });
}

const uniqueWord = () => `zq${randomUUID().replaceAll("-", "").slice(0, 10)}`;

type Seeded = { id: string; number: number };

/** Published ideas with the given counters (written directly: the list only reads them). */
async function seedIdeas(
  citySlug: string,
  specs: { supportCount?: number; commentCount?: number; trendScore?: number; publishedAt?: Date; status?: IdeaStatus; categorySlug?: string; title?: string }[],
): Promise<Seeded[]> {
  const author = await createUser({ citySlug });
  const ideas: Seeded[] = [];
  for (const [index, spec] of specs.entries()) {
    const idea = await createIdea({ citySlug, authorId: author.id, categorySlug: spec.categorySlug, title: spec.title ?? `Idea ${index} ${randomUUID().slice(0, 6)}` });
    await db.idea.update({
      where: { id: idea.id },
      data: {
        supportCount: spec.supportCount ?? 0,
        commentCount: spec.commentCount ?? 0,
        trendScore: spec.trendScore ?? 0,
        ...(spec.publishedAt ? { publishedAt: spec.publishedAt } : {}),
        ...(spec.status ? { status: spec.status } : {}),
      },
    });
    ideas.push(idea);
  }
  return ideas;
}

/** Every page of a list, following nextCursor. */
async function walk(input: Omit<ListIdeasInput, "cursor">) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listIdeas({ ...input, cursor });
    pages.push(page.ideas.map((idea) => idea.id));
    expect(page.page).toBe(pages.length);
    cursor = page.nextCursor;
    if (pages.length > 1000) throw new Error("runaway pagination");
  } while (cursor);
  return pages;
}

/** The expected order: sort value descending, then id descending. */
async function expectedOrder(ids: string[], key: "trendScore" | "supportCount" | "commentCount" | "publishedAt") {
  const rows = await db.idea.findMany({ where: { id: { in: ids } }, select: { id: true, trendScore: true, supportCount: true, commentCount: true, publishedAt: true } });
  const value = (row: (typeof rows)[number]) => (key === "publishedAt" ? row.publishedAt!.getTime() : row[key]);
  return rows
    .sort((a, b) => value(b) - value(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((row) => row.id);
}

const SORT_KEYS = { trending: "trendScore", supported: "supportCount", discussed: "commentCount", newest: "publishedAt" } as const;

describe("listIdeas: sort orders and keyset pagination", () => {
  let city: { id: string; slug: string };
  let ideas: Seeded[];
  const base = new Date("2026-03-01T10:00:00.000Z").getTime();

  beforeAll(async () => {
    city = await createCity();
    // 30 ideas with many ties on every key, so ties fall across page boundaries.
    ideas = await seedIdeas(
      city.slug,
      Array.from({ length: 30 }, (_, index) => ({
        supportCount: index % 4,
        commentCount: (index * 7) % 5,
        trendScore: [0, 1.5, 2.25, 1.5, 0.1 + 0.2][index % 5],
        publishedAt: new Date(base + (index % 6) * 60_000 + (index % 2)),
      })),
    );
  }, 120_000);

  for (const sort of ["trending", "supported", "newest", "discussed"] as const) {
    it(`sorts by ${sort} (ties by id) and walks every page once`, async () => {
      const expected = await expectedOrder(
        ideas.map((idea) => idea.id),
        SORT_KEYS[sort],
      );
      const pages = await walk({ cityId: city.id, sort, limit: 7 });
      expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expected);
    });
  }

  it("pages through real trend scores exactly (huge doubles, whole numbers above 2^53, ties)", async () => {
    const own = await createCity();
    // Sums of support weights as they are in 2026 (2^(days since epoch / 3)): the cursor's
    // value must reach the database bit for bit, or rows are skipped or repeated.
    const scores = [2 ** 53 + 2, 5.903726667347703e17, 2 ** 63, 2 ** 64, 1e21, 1.2345678901234568e25, 2.5e33 / 3, 0.1 + 0.2, 7.1e15 + 0.5];
    const seeded = await seedIdeas(
      own.slug,
      [...scores, ...scores.slice(0, 4)].map((trendScore) => ({ trendScore })),
    );
    const expected = await expectedOrder(
      seeded.map((idea) => idea.id),
      "trendScore",
    );
    const pages = await walk({ cityId: own.id, sort: "trending", limit: 2 });
    expect(pages.flat()).toEqual(expected);
  });

  it("returns the card fields", async () => {
    const page = await listIdeas({ cityId: city.id, sort: "newest", limit: 1 });
    expect(page.ideas[0]).toEqual({
      id: expect.any(String),
      number: expect.any(Number),
      title: expect.any(String),
      summary: expect.any(String),
      language: "en",
      status: "PUBLISHED",
      supportCount: expect.any(Number),
      commentCount: expect.any(Number),
      publishedAt: expect.any(Date),
      city: { slug: city.slug, name: expect.stringContaining("Testville"), timeZone: "Europe/Helsinki" },
      category: { slug: "mobility", names: {} },
    });
  });

  it("ignores a forged, stale or foreign cursor and shows the first page", async () => {
    const first = await listIdeas({ cityId: city.id, sort: "supported", limit: 7 });
    const garbage = [
      "not-base64!",
      "%%%",
      Buffer.from("{not json").toString("base64url"),
      encodeCursor({ k: "keyset", s: "newest", v: "2026-01-01T00:00:00.000Z", id: "abc", p: 2 }), // another sort
      Buffer.from(JSON.stringify({ k: "keyset", s: "supported", v: "DROP TABLE", id: "x", p: 2 })).toString("base64url"),
      Buffer.from(JSON.stringify({ k: "keyset", s: "supported", v: 1, id: "' OR 1=1 --", p: 2 })).toString("base64url"),
      Buffer.from('{"k":"keyset","s":"supported","v":1e400,"id":"x","p":2}').toString("base64url"), // Infinity
      Buffer.from(JSON.stringify({ k: "search", s: "supported", p: 3 })).toString("base64url"), // a search cursor
      "A".repeat(5000),
    ];
    for (const cursor of garbage) {
      const page = await listIdeas({ cityId: city.id, sort: "supported", limit: 7, cursor });
      expect(page.page).toBe(1);
      expect(page.ideas.map((idea) => idea.id)).toEqual(first.ideas.map((idea) => idea.id));
    }
    expect(decodeCursor(first.nextCursor)).toMatchObject({ k: "keyset", s: "supported", p: 2 });
  });

  it("a well-formed cursor with made-up values just continues from that point", async () => {
    const cursor = encodeCursor({ k: "keyset", s: "supported", v: 2, id: "zzzzzzzzzzzzzzzzzzzzzzzzz", p: 999 });
    const page = await listIdeas({ cityId: city.id, sort: "supported", limit: 50, cursor });
    expect(page.page).toBe(999);
    const counts = await db.idea.findMany({ where: { id: { in: page.ideas.map((idea) => idea.id) } }, select: { supportCount: true } });
    expect(counts.every((row) => row.supportCount <= 2)).toBe(true);
    expect(page.ideas).toHaveLength(ideas.length - ideas.filter((_, index) => index % 4 === 3).length);
  });
});

describe("listIdeas: what is never listed", () => {
  it("leaves out submitted, hidden and never-published ideas, and other cities' ideas", async () => {
    const city = await createCity();
    const other = await createCity();
    const word = uniqueWord();
    const author = await createUser({ citySlug: city.slug });
    const moderator = await createUser({ citySlug: city.slug });
    const category = await db.category.findUniqueOrThrow({ where: { slug: "mobility" }, select: { id: true } });
    const [visible] = await seedIdeas(city.slug, [{ title: `Visible ${word}` }]);
    const [hidden] = await seedIdeas(city.slug, [{ title: `Hidden ${word}` }]);
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), supportCount: 100, trendScore: 100 } });
    const submitted = await createIdea({ citySlug: city.slug, authorId: author.id, published: false, title: `Submitted ${word}` });
    // Rejected straight from the moderation queue: never public, so never listed.
    const refused = await submitIdea({
      cityId: city.id,
      authorId: author.id,
      categoryId: category.id,
      title: `Refused ${word}`,
      summary: "A summary long enough.",
      body: "Body",
      language: "en",
    });
    expect((await rejectIdea(refused.id, moderator.id, "Off topic", "MODERATOR")).ok).toBe(true);
    const [elsewhere] = await seedIdeas(other.slug, [{ title: `Elsewhere ${word}` }]);

    for (const sort of ["trending", "supported", "newest", "discussed"] as const) {
      const cityList = (await listIdeas({ cityId: city.id, sort, limit: 50 })).ideas.map((idea) => idea.id);
      expect(cityList).toEqual([visible.id]);
      const searched = (await listIdeas({ q: word, sort, limit: 50 })).ideas.map((idea) => idea.id).sort();
      expect(searched).toEqual([visible.id, elsewhere.id].sort());
    }
    const relevance = (await listIdeas({ q: word, sort: "relevance", limit: 50 })).ideas.map((idea) => idea.id).sort();
    expect(relevance).toEqual([visible.id, elsewhere.id].sort());
    for (const status of ["open", "PUBLISHED", "REJECTED"] as const) {
      const ids = (await listIdeas({ cityId: city.id, status, sort: "newest", limit: 50 })).ideas.map((idea) => idea.id);
      expect(ids).not.toContain(submitted.id);
      expect(ids).not.toContain(refused.id);
      expect(ids).not.toContain(hidden.id);
    }
    // Network-wide: walk everything and check none of them leaks ("newest": other test files
    // change supports and so trend scores meanwhile, never publication dates).
    const everything = (await walk({ sort: "newest", limit: 50 })).flat();
    expect(everything).toContain(visible.id);
    expect(everything).toContain(elsewhere.id);
    for (const id of [hidden.id, submitted.id, refused.id]) expect(everything).not.toContain(id);
    expect(new Set(everything).size).toBe(everything.length);
  });
});

describe("listIdeas: filters", () => {
  let city: { id: string; slug: string };
  let ideas: Seeded[];

  beforeAll(async () => {
    city = await createCity();
    ideas = await seedIdeas(city.slug, [
      { categorySlug: "mobility", status: "PUBLISHED", supportCount: 5 },
      { categorySlug: "mobility", status: "ACCEPTED", supportCount: 4 },
      { categorySlug: "open-data", status: "LAUNCHED", supportCount: 3 },
      { categorySlug: "open-data", status: "REJECTED", supportCount: 2 },
      { categorySlug: "safety", status: "UNDER_REVIEW", supportCount: 1 },
    ]);
  }, 60_000);

  const ids = async (input: Partial<ListIdeasInput>) =>
    (await listIdeas({ cityId: city.id, sort: "supported", limit: 50, ...input })).ideas.map((idea) => idea.id);

  it("by category", async () => {
    expect(await ids({ categorySlug: "open-data" })).toEqual([ideas[2].id, ideas[3].id]);
    expect(await ids({ categorySlug: "health-care" })).toEqual([]);
    expect(await ids({ categorySlug: "no-such-category" })).toEqual([]);
  });

  it("by status, and 'open' = still open for support", async () => {
    expect(await ids({ status: "LAUNCHED" })).toEqual([ideas[2].id]);
    expect(await ids({ status: "open" })).toEqual([ideas[0].id, ideas[1].id, ideas[4].id]);
    expect(await ids({ status: "SUBMITTED" })).toEqual([]);
    expect(await ids({ status: "open", categorySlug: "mobility", limit: 1 })).toEqual([ideas[0].id]);
  });

  it("by consultation", async () => {
    const consultation = await db.consultation.create({
      data: { cityId: city.id, slug: `c-${randomUUID().slice(0, 6)}`, title: "Parking" },
      select: { id: true },
    });
    await db.idea.update({ where: { id: ideas[1].id }, data: { consultationId: consultation.id } });
    expect(await ids({ consultationId: consultation.id })).toEqual([ideas[1].id]);
  });

  it("paginates a filtered list", async () => {
    const pages = await walk({ cityId: city.id, sort: "supported", limit: 2, status: "open" });
    expect(pages).toEqual([[ideas[0].id, ideas[1].id], [ideas[4].id]]);
  });
});

describe("listIdeas: search", () => {
  it("combines the search with the filters and pages through the matches", async () => {
    const city = await createCity();
    const word = uniqueWord();
    const ideas = await seedIdeas(
      city.slug,
      Array.from({ length: 9 }, (_, index) => ({
        title: index === 4 ? `${word} ${word} in the title` : `Idea number ${index} about ${word}`,
        categorySlug: index % 3 === 0 ? "open-data" : "mobility",
        status: index === 8 ? ("LAUNCHED" as const) : undefined,
        supportCount: index,
      })),
    );
    const all = await walk({ q: word, sort: "relevance", limit: 4 });
    expect(all.map((page) => page.length)).toEqual([4, 4, 1]);
    expect(new Set(all.flat())).toEqual(new Set(ideas.map((idea) => idea.id)));

    const supported = (await walk({ q: word, sort: "supported", limit: 4 })).flat();
    expect(supported).toEqual([...ideas].reverse().map((idea) => idea.id));

    const openData = (await walk({ q: word, sort: "supported", limit: 2, categorySlug: "open-data" })).flat();
    expect(openData).toEqual([ideas[6].id, ideas[3].id, ideas[0].id]);

    const launched = await listIdeas({ q: word, sort: "relevance", limit: 10, status: "LAUNCHED" });
    expect(launched.ideas.map((idea) => idea.id)).toEqual([ideas[8].id]);

    const inCity = await listIdeas({ q: word, sort: "relevance", limit: 10, cityId: city.id, status: "open" });
    expect(inCity.ideas).toHaveLength(8);
    const otherCity = await createCity();
    expect((await listIdeas({ q: word, sort: "relevance", limit: 10, cityId: otherCity.id })).ideas).toEqual([]);
  });

  it(`stops after ${SEARCH_MAX_PAGES} pages and ignores cursors beyond`, async () => {
    const beyond = Buffer.from(JSON.stringify({ k: "search", s: "relevance", p: SEARCH_MAX_PAGES + 1 })).toString("base64url");
    expect(decodeCursor(beyond)).toBeNull();
    const page = await listIdeas({ q: uniqueWord(), sort: "relevance", limit: 10, cursor: beyond });
    expect(page).toEqual({ ideas: [], nextCursor: null, page: 1 });
  });

  it("a query without words finds nothing instead of failing", async () => {
    for (const q of ['"', "* OR 1", "'; DROP TABLE \"Idea\"; --", "NEAR(", "\u0000"]) {
      const page = await listIdeas({ q, sort: "relevance", limit: 10 });
      expect(page.nextCursor === null || typeof page.nextCursor === "string").toBe(true);
    }
  });
});

describe("parseListQuery / browseIdeas: bad URLs fall back to defaults", () => {
  it("drops what it does not understand", () => {
    const query = parseListQuery(
      new URLSearchParams({ sort: "random", status: "submitted", category: "<script>", city: "Oulu!", q: "x".repeat(10_000), cursor: "y".repeat(600) }),
    );
    expect(query).toEqual({ q: "x".repeat(200) });
    expect(parseListQuery(new URLSearchParams("status=under-review&sort=newest&category=open-data&q=++parking++"))).toEqual({
      status: "UNDER_REVIEW",
      sort: "newest",
      category: "open-data",
      q: "parking",
    });
    expect(parseListQuery(new URLSearchParams("status=open&status=launched&sort="))).toEqual({ status: "open" });
  });

  it("browseIdeas never fails on nonsense", async () => {
    const result = await browseIdeas(new URLSearchParams({ category: "nope", city: "atlantis", sort: "random", cursor: "forged", q: "" }));
    expect(result.query).toEqual({});
    expect(result.sort).toBe("trending");
    expect(result.page).toBe(1);
    const inCity = await browseIdeas(new URLSearchParams({ city: "oulu", category: "mobility" }), { cityId: (await createCity()).id });
    expect(inCity.query).toEqual({ category: "mobility" });
    expect(inCity.ideas).toEqual([]);
  });
});
