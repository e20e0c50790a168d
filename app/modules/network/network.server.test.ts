// The network view's queries and filters. The database is shared with other test files,
// so each test makes its own rows and checks them (their presence, absence and order)
// rather than whole lists.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { listOpenConsultations } from "~/modules/consultations/consultations.server";
import { createConsultation } from "~/testing/consultations-factories";
import { createIdea } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { getNetworkOverview, launchedServices, trendingIdeas } from "./network.server";
import { networkSearch, parseNetworkFilters } from "./network.schema";

const cities = [
  { id: "c-oulu", slug: "oulu", name: "Oulu", countryCode: "FI" },
  { id: "c-portalegre", slug: "portalegre", name: "Portalegre", countryCode: "PT" },
  { id: "c-espoo", slug: "espoo", name: "Espoo", countryCode: "FI" },
];

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

// Far above what supports give in other tests (a support weighs about 2^(years since 2020)),
// so these ideas lead the trending order wherever they are listed.
// Real supports weigh 2^(half-lives since 2026-01-01) (~1e33 by late 2026): stay far above.
const TOP = 1e200;
const bumped: string[] = [];

/** Sets an idea's trend score, put back to 0 after the test so other files' lists are not crowded out. */
async function bump(id: string, trendScore: number, extra: Record<string, unknown> = {}) {
  bumped.push(id);
  await db.idea.update({ where: { id }, data: { trendScore, ...extra } });
}

afterEach(async () => {
  await db.idea.updateMany({ where: { id: { in: bumped.splice(0) } }, data: { trendScore: 0 } });
});

describe("parseNetworkFilters", () => {
  it("reads a country and a city of the network", () => {
    const filters = parseNetworkFilters(new URLSearchParams("country=fi&city=espoo"), cities);
    expect(filters.country).toBe("FI");
    expect(filters.city?.slug).toBe("espoo");
    expect(filters.cities.map((city) => city.slug)).toEqual(["espoo"]);
  });

  it("covers every city of a country", () => {
    expect(parseNetworkFilters(new URLSearchParams("country=FI"), cities).cities.map((city) => city.slug)).toEqual(["oulu", "espoo"]);
  });

  it("drops unknown values and a city outside the chosen country, never failing", () => {
    for (const search of ["country=XX&city=nowhere", "country=FIN", "country=<b>", "city=../admin", "country=&city="]) {
      const filters = parseNetworkFilters(new URLSearchParams(search), cities);
      expect(filters, search).toMatchObject({ country: null, city: null });
      expect(filters.cities).toHaveLength(3);
    }
    const contradicting = parseNetworkFilters(new URLSearchParams("country=PT&city=oulu"), cities);
    expect(contradicting).toMatchObject({ country: "PT", city: null });
    expect(contradicting.cities.map((city) => city.slug)).toEqual(["portalegre"]);
  });

  it("writes the filters back as a short URL", () => {
    expect(networkSearch({ country: "FI", city: cities[0] })).toBe("?country=FI&city=oulu");
    expect(networkSearch({ country: null, city: null })).toBe("");
  });
});

describe("trendingIdeas", () => {
  it("merges several cities by trend score and lists only open, public ideas", async () => {
    const [oulu, portalegre] = await Promise.all([cityId("oulu"), cityId("portalegre")]);
    const first = await createIdea({ citySlug: "portalegre" });
    const second = await createIdea({ citySlug: "oulu" });
    const third = await createIdea({ citySlug: "portalegre" });
    const hidden = await createIdea({ citySlug: "oulu" });
    const launched = await createIdea({ citySlug: "oulu" });
    const pending = await createIdea({ citySlug: "oulu", published: false });
    const score = TOP * (1 + Math.random());
    await bump(first.id, score * 1.3);
    await bump(second.id, score * 1.2);
    await bump(third.id, score * 1.1);
    await bump(hidden.id, score * 1.4, { hiddenAt: new Date() });
    await bump(launched.id, score * 1.5, { status: "LAUNCHED" });
    await bump(pending.id, score * 1.6);

    const { ideas } = await trendingIdeas([oulu, portalegre], 50);
    const ids = ideas.map((idea) => idea.id);
    const mine = ids.filter((id) => [first.id, second.id, third.id, hidden.id, launched.id, pending.id].includes(id));
    expect(mine).toEqual([first.id, second.id, third.id]);
    // Nothing from the other cities.
    expect(ideas.every((idea) => ["oulu", "portalegre"].includes(idea.city.slug))).toBe(true);
  });

  it("asks one city's list for one city and the whole network's for none", async () => {
    const idea = await createIdea({ citySlug: "ventspils" });
    await bump(idea.id, TOP * 10 + Math.random());
    const inCity = await trendingIdeas([await cityId("ventspils")], 50);
    expect(inCity.ideas.every((item) => item.city.slug === "ventspils")).toBe(true);
    expect(inCity.ideas.map((item) => item.id)).toContain(idea.id);
    expect((await trendingIdeas(null, 50)).ideas.map((item) => item.id)).toContain(idea.id);
    expect(await trendingIdeas([], 50)).toEqual({ ideas: [], hasMore: false });
  });
});

describe("launchedServices", () => {
  it("lists public launched ideas of the chosen cities, latest launch first and undated last", async () => {
    const limerick = await cityId("limerick");
    const make = async (launchedAt: Date | null, extra: Record<string, unknown> = {}) => {
      const idea = await createIdea({ citySlug: "limerick" });
      await db.idea.update({ where: { id: idea.id }, data: { status: "LAUNCHED", launchedAt, serviceUrl: "https://example.org/service", ...extra } });
      return idea.id;
    };
    const older = await make(new Date("2026-03-01T10:00:00Z"));
    const newer = await make(new Date("2026-06-01T10:00:00Z"));
    const undated = await make(null);
    const hidden = await make(new Date("2026-07-01T10:00:00Z"), { hiddenAt: new Date() });
    const elsewhere = await createIdea({ citySlug: "messina" });
    await db.idea.update({ where: { id: elsewhere.id }, data: { status: "LAUNCHED", launchedAt: new Date("2026-08-01T10:00:00Z") } });

    const { services } = await launchedServices([limerick], 1000);
    const ids = services.map((service) => service.id);
    expect(ids.filter((id) => [older, newer, undated, hidden].includes(id))).toEqual([newer, older, undated]);
    expect(ids).not.toContain(elsewhere.id);
    expect(services.find((service) => service.id === newer)).toMatchObject({ launchedAt: "2026-06-01T10:00:00.000Z", city: { slug: "limerick", countryCode: "IE" } });
    expect(services.find((service) => service.id === undated)?.launchedAt).toBeNull();
  });
});

describe("listOpenConsultations", () => {
  it("keeps consultations still to come or under way, and drops ended ones and drafts", async () => {
    const saintQuentin = await cityId("saint-quentin");
    const tag = randomUUID().slice(0, 6);
    const current = await createConsultation({ citySlug: "saint-quentin", phase: "SUPPORTS", title: `Current ${tag}` });
    const upcoming = await createConsultation({ citySlug: "saint-quentin", phase: "before", title: `Upcoming ${tag}` });
    const unplanned = await createConsultation({ citySlug: "saint-quentin", phases: [], title: `Unplanned ${tag}` });
    const ended = await createConsultation({ citySlug: "saint-quentin", phase: "after", title: `Ended ${tag}` });
    const draft = await createConsultation({ citySlug: "saint-quentin", status: "DRAFT", title: `Draft ${tag}` });
    const elsewhere = await createConsultation({ citySlug: "messina", title: `Elsewhere ${tag}` });

    const { items } = await listOpenConsultations({ cityIds: [saintQuentin], limit: 1000 });
    const ids = items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([current.id, upcoming.id, unplanned.id]));
    for (const id of [ended.id, draft.id, elsewhere.id]) expect(ids).not.toContain(id);
    expect(items.find((item) => item.id === current.id)?.stage).toBe("SUPPORTS");
  });
});

describe("getNetworkOverview", () => {
  it("restricts every list to the chosen country", async () => {
    const idea = await createIdea({ citySlug: "portalegre" });
    await bump(idea.id, TOP * 100 + Math.random());
    await createConsultation({ citySlug: "portalegre" });
    const overview = await getNetworkOverview(new URLSearchParams("country=PT"));
    expect(overview.filters).toEqual({ country: "PT", city: null });
    expect(overview.onlyCity).toEqual({ slug: "portalegre", name: "Portalegre" });
    expect(overview.trending.ideas.map((item) => item.id)).toContain(idea.id);
    expect(overview.trending.ideas.every((item) => item.city.slug === "portalegre")).toBe(true);
    expect(overview.consultations.items.length).toBeGreaterThan(0);
    expect(overview.consultations.items.every((item) => item.city.slug === "portalegre")).toBe(true);
    expect(overview.services.services.every((item) => item.city.countryCode === "PT")).toBe(true);
    expect(overview.countries).toEqual(expect.arrayContaining(["RO", "IT", "ES", "FI", "FR", "IE", "LV", "PT"]));
  });

  it("covers the whole network when the filters are unknown", async () => {
    const overview = await getNetworkOverview(new URLSearchParams("country=ZZ&city=atlantis"));
    expect(overview.filters).toEqual({ country: null, city: null });
    expect(overview.onlyCity).toBeNull();
    // Other test files may add cities to the shared test database: check the network's eight.
    expect(overview.cities.map((city) => city.slug)).toEqual(
      expect.arrayContaining(["botosani", "messina", "roquetas-de-mar", "oulu", "saint-quentin", "limerick", "ventspils", "portalegre"]),
    );
  });
});
