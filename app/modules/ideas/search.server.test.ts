// Full-text search on the real database (SQLite FTS5, or PostgreSQL GIN when
// TEST_DATABASE_URL points at a server). Every test uses words of its own, so the files
// sharing the database do not disturb each other.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { PUBLIC_STATUSES } from "./lifecycle.policy";
import { ensureSearchIndex, searchIdeaIds, searchTerms, similarIdeaIds } from "./search.server";

const isSqlite = getEnv().database.provider === "sqlite";

/** A word nobody else uses, letters only (digits would also do; kept readable). */
function uniqueWord(prefix = "w") {
  const letters = randomUUID()
    .replaceAll("-", "")
    .replace(/[0-9]/g, (digit) => "ghijklmnop"[Number(digit)]);
  return `${prefix}${letters.slice(0, 10)}`;
}

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

const scope = async (slug = "oulu") => ({ cityId: await cityId(slug), statuses: PUBLIC_STATUSES, limit: 20 });

describe("ensureSearchIndex", () => {
  it("runs again on every boot without changing what search finds", async () => {
    const word = uniqueWord();
    const idea = await createIdea({ title: `Rebooted ${word} idea` });
    await ensureSearchIndex();
    expect(await searchIdeaIds(word, await scope())).toEqual([idea.id]);
    if (!isSqlite) {
      const indexes = await db.$queryRawUnsafe<{ indexname: string }[]>(
        `SELECT indexname::text AS indexname FROM pg_indexes WHERE tablename = 'Idea' AND indexname IN ('Idea_search_idx', 'Idea_searchTitle_idx', 'Idea_title_search_idx')`,
      );
      // The expression index over title and summary was replaced by the stored column's.
      expect(indexes.map((row) => row.indexname).sort()).toEqual(["Idea_searchTitle_idx", "Idea_search_idx"]);
    }
  });
});

describe("searchTerms", () => {
  it("keeps only letters and digits, lower-cased, without duplicates", () => {
    expect(searchTerms('Bus "stops" OR NEAR(parking*, 2) -cars col:umn bus')).toEqual(["bus", "stops", "or", "near", "parking", "2", "cars", "col", "umn"]);
    expect(searchTerms("Piață Ștefan")).toEqual(["piață", "ștefan"]);
    expect(searchTerms("ab cd", { minLength: 3 })).toEqual([]);
  });
});

describe("searchIdeaIds", () => {
  it("finds public ideas by a word of the title, the summary or the body", async () => {
    const [inTitle, inSummary, inBody] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const a = await createIdea({ title: `Permits ${inTitle} online` });
    const b = await createIdea({ summary: `Residents would apply online for ${inSummary} permits instead of queueing.` });
    const c = await createIdea({ body: `## Why\n\nThe ${inBody} office is closed on Fridays.` });
    const where = await scope();
    expect(await searchIdeaIds(inTitle, where)).toEqual([a.id]);
    expect(await searchIdeaIds(inSummary, where)).toEqual([b.id]);
    expect(await searchIdeaIds(inBody, where)).toEqual([c.id]);
  });

  it("needs every word, the last one as a prefix (search as you type)", async () => {
    const [first, second] = [uniqueWord(), uniqueWord("parking")];
    const both = await createIdea({ title: `${first} and ${second} together` });
    await createIdea({ title: `Only ${first} here, nothing else` });
    const where = await scope();
    expect(await searchIdeaIds(`${first} ${second.slice(0, 9)}`, where)).toEqual([both.id]);
    expect(await searchIdeaIds(`${second.slice(0, 9)}`, where)).toEqual([both.id]);
    // A prefix only counts for the last word.
    expect(await searchIdeaIds(`${second.slice(0, 9)} ${first}`, where)).toEqual([]);
  });

  it("is case-insensitive, and diacritics-insensitive on SQLite", async () => {
    const word = uniqueWord("ștefan");
    const idea = await createIdea({ title: `Strada ${word} digitală` });
    const where = await scope();
    expect(await searchIdeaIds(word.toUpperCase(), where)).toEqual([idea.id]);
    expect(await searchIdeaIds(word, where)).toEqual([idea.id]);
    if (isSqlite) {
      expect(await searchIdeaIds(word.replace("ș", "s"), where)).toEqual([idea.id]);
      expect(await searchIdeaIds(`${word.replace("ș", "s")} digitala`, where)).toEqual([idea.id]);
    }
  });

  it("never returns submitted or hidden ideas, nor ideas of another city", async () => {
    const word = uniqueWord();
    const visible = await createIdea({ title: `Visible ${word} idea` });
    await createIdea({ title: `Submitted ${word} idea`, published: false });
    const hidden = await createIdea({ title: `Hidden ${word} idea` });
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const elsewhere = await createIdea({ title: `Elsewhere ${word} idea`, citySlug: "messina" });
    expect(await searchIdeaIds(word, await scope())).toEqual([visible.id]);
    expect(await searchIdeaIds(word, await scope("messina"))).toEqual([elsewhere.id]);
    // Network-wide search (no city) still leaves out submitted and hidden ones.
    expect((await searchIdeaIds(word, { statuses: PUBLIC_STATUSES, limit: 20 })).sort()).toEqual([visible.id, elsewhere.id].sort());
    // Even asked for SUBMITTED explicitly, a hidden idea stays out.
    expect(await searchIdeaIds(`Hidden ${word}`, { statuses: ["PUBLISHED", "SUBMITTED"], limit: 20 })).toEqual([]);
  });

  it("follows edits of the text (the index is kept in step)", async () => {
    const [before, after] = [uniqueWord(), uniqueWord()];
    const idea = await createIdea({ title: `Before ${before} edit` });
    await db.idea.update({ where: { id: idea.id }, data: { title: `After ${after} edit` } });
    const where = await scope();
    expect(await searchIdeaIds(before, where)).toEqual([]);
    expect(await searchIdeaIds(after, where)).toEqual([idea.id]);
  });

  it("ranks a word in the title above the same word in the summary", async () => {
    const word = uniqueWord();
    // Created first, so an order by creation or id would put it first.
    const inSummary = await createIdea({ summary: `Residents would book ${word} slots online instead of queueing.` });
    const inTitle = await createIdea({ title: `Online ${word} booking` });
    expect(await searchIdeaIds(word, await scope())).toEqual([inTitle.id, inSummary.id]);
  });

  it("paginates with limit and offset", async () => {
    const word = uniqueWord();
    for (let index = 0; index < 3; index++) await createIdea({ title: `Paged ${word} number ${index}` });
    const where = await scope();
    const first = await searchIdeaIds(word, { ...where, limit: 2 });
    const rest = await searchIdeaIds(word, { ...where, limit: 2, offset: 2 });
    expect(first).toHaveLength(2);
    expect(rest).toHaveLength(1);
    expect(new Set([...first, ...rest]).size).toBe(3);
  });

  it("gives, page by page, exactly the full ranking of a word with many matches, filters applied", async () => {
    const word = uniqueWord();
    const hidden: string[] = [];
    for (let index = 0; index < 10; index++) {
      // A distinct number of occurrences per idea: distinct scores, so one order is right.
      const idea = await createIdea({ title: `Ranked ${Array.from({ length: index + 1 }, () => word).join(" ")} idea`, citySlug: index === 4 ? "messina" : "oulu" });
      // Hidden: 1, 4 (the one in Messina) and 7; 7 visible, all in Oulu.
      if (index % 3 === 1) hidden.push(idea.id);
    }
    await db.idea.updateMany({ where: { id: { in: hidden } }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    // In the body only: ranked after every idea with the word in its title or summary.
    const inBody = await createIdea({ body: `## Why\n\nThe ${word} office is closed on Fridays.` });
    // Network-wide (a city's search always ranks all matches).
    const where = { statuses: PUBLIC_STATUSES, limit: 20 };
    // Fewer matches than the limit: the ranking of all of them.
    const all = await searchIdeaIds(word, { ...where, limit: 100 });
    expect(all).toHaveLength(8);
    expect(all.at(-1)).toBe(inBody.id);
    const inOulu = await searchIdeaIds(word, { ...(await scope()), limit: 3 });
    expect(inOulu).toEqual(all.slice(0, 3));
    // Full pages come from the best-ranked matches alone; the last, short one from all matches.
    const pages = [];
    for (let offset = 0; offset < 8; offset += 3) pages.push(...(await searchIdeaIds(word, { ...where, limit: 3, offset })));
    expect(pages).toEqual(all);
    const twos = [];
    for (let offset = 0; offset < 8; offset += 2) twos.push(...(await searchIdeaIds(word, { ...where, limit: 2, offset })));
    expect(twos).toEqual(all);
  });

  it.each([
    '"',
    '"unbalanced',
    "*",
    "parking*",
    "NEAR(",
    "NEAR(a b, 2)",
    "OR",
    "a OR b",
    "AND NOT",
    "-",
    "-parking",
    ":",
    "title:parking",
    "{title summary}: x",
    "^start",
    "(((",
    "'; DROP TABLE \"Idea\"; --",
    "a & b | !c <-> d:*",
    "\u0000",
    "🔥🔥🔥",
    "",
    "   ",
  ])("does not throw on query syntax: %j", async (query) => {
    const where = await scope();
    await expect(searchIdeaIds(query, where)).resolves.toEqual(expect.any(Array));
    await expect(similarIdeaIds(query, where)).resolves.toEqual(expect.any(Array));
  });

  it("copes with very long words and many words", async () => {
    const where = await scope();
    await expect(searchIdeaIds("x".repeat(5000), where)).resolves.toEqual([]);
    await expect(searchIdeaIds(Array.from({ length: 500 }, (_, index) => `word${index}`).join(" "), where)).resolves.toEqual(expect.any(Array));
  });

  it("returns nothing for no statuses", async () => {
    const word = uniqueWord();
    await createIdea({ title: `Statusless ${word} idea` });
    expect(await searchIdeaIds(word, { statuses: [], limit: 10 })).toEqual([]);
  });
});

describe("similarIdeaIds", () => {
  it("ranks ideas sharing more title words first", async () => {
    const [bus, stop, app] = [uniqueWord("bus"), uniqueWord("stop"), uniqueWord("app")];
    const one = await createIdea({ title: `Something about ${bus} only` });
    const three = await createIdea({ title: `The ${bus} ${stop} ${app} for everyone` });
    const two = await createIdea({ title: `A ${bus} ${stop} display panel` });
    const ids = await similarIdeaIds(`${bus} ${stop} ${app}`, await scope());
    expect(ids).toEqual([three.id, two.id, one.id]);
  });

  it("matches words of the summary but not of the body", async () => {
    const [inSummary, inBody] = [uniqueWord(), uniqueWord()];
    const summary = await createIdea({ summary: `People could book a ${inSummary} slot online instead of calling.` });
    await createIdea({ body: `Only the body mentions ${inBody}.` });
    const where = await scope();
    expect(await similarIdeaIds(inSummary, where)).toEqual([summary.id]);
    expect(await similarIdeaIds(inBody, where)).toEqual([]);
  });

  it("ignores words shorter than three letters", async () => {
    expect(await similarIdeaIds("a an to of", await scope())).toEqual([]);
  });

  it("leaves out the excluded idea, submitted and hidden ideas and other cities, and honours the limit", async () => {
    const word = uniqueWord();
    const author = await createUser();
    const ideas = [];
    for (let index = 0; index < 4; index++) ideas.push(await createIdea({ authorId: author.id, title: `Similar ${word} ${index} here` }));
    await createIdea({ title: `Similar ${word} waiting`, published: false });
    const hidden = await createIdea({ title: `Similar ${word} hidden` });
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await createIdea({ title: `Similar ${word} abroad`, citySlug: "limerick" });
    const where = await scope();
    const all = await similarIdeaIds(word, where);
    expect(all.sort()).toEqual(ideas.map((idea) => idea.id).sort());
    const withoutFirst = await similarIdeaIds(word, { ...where, excludeId: ideas[0].id });
    expect(withoutFirst).toHaveLength(3);
    expect(withoutFirst).not.toContain(ideas[0].id);
    expect(await similarIdeaIds(word, { ...where, limit: 2 })).toHaveLength(2);
    expect(await similarIdeaIds(word, { ...where, limit: 3, excludeId: ideas[0].id })).toHaveLength(3);
  });
});
