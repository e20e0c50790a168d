// Ideas that travel between cities: the checks on the source idea, the link and timeline
// event written with the new idea, and the links both idea pages show. Module functions
// and the new-idea route, called with real requests against the test database.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import { InspirationRefused, publishIdea, submitIdea } from "~/modules/ideas/ideas.server";
import * as ideaPageRoute from "~/routes/cities.$city.ideas.$number";
import * as newRoute from "~/routes/cities.$city.ideas.new";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { findTravelSource, getTravelLinks } from "./travel.server";

const BASE = "http://localhost";

async function city(slug: string) {
  return db.city.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true, slug: true } });
}

async function sessionCookie(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

type Outcome = { status: number; data?: Record<string, unknown>; headers?: Headers };

async function run(handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown, request: Request, params: Record<string, string>): Promise<Outcome> {
  try {
    const result = (await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } })) as unknown;
    if (result instanceof Response) return { status: result.status, headers: result.headers };
    if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
      const { data, init } = result as { data: Outcome["data"]; init?: ResponseInit };
      return { status: init?.status ?? 200, data };
    }
    return { status: 200, data: result as Outcome["data"] };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers };
    throw thrown;
  }
}

function post(path: string, fields: Record<string, string>, cookie: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields),
  });
}

const proposal = (overrides: Record<string, string> = {}) => ({
  intent: "submit",
  title: "Parking permits online in Portalegre",
  summary: "Residents of Portalegre could renew their parking permit online, as Oulu does.",
  body: "Adapted from Oulu.",
  category: "mobility",
  language: "pt",
  ...overrides,
});

async function category() {
  return (await db.category.findUniqueOrThrow({ where: { slug: "mobility" }, select: { id: true } })).id;
}

/** submitIdea's text fields (the form's, without intent and category slug). */
function text(title = "Parking permits online in Portalegre") {
  const { title: _title, summary, body, language } = proposal();
  return { title, summary, body, language };
}

describe("findTravelSource", () => {
  it("accepts a public idea of another city", async () => {
    const source = await createIdea({ citySlug: "oulu" });
    const portalegre = await city("portalegre");
    const result = await findTravelSource(String(source.number), portalegre.id);
    expect(result).toMatchObject({ ok: true, source: { id: source.id, number: source.number, city: { slug: "oulu" } } });
  });

  it("refuses malformed and unknown numbers, unpublished and hidden ideas alike", async () => {
    const portalegre = await city("portalegre");
    const pending = await createIdea({ citySlug: "oulu", published: false });
    const hidden = await createIdea({ citySlug: "oulu" });
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "test" } });
    for (const raw of ["", "abc", "0", "-3", "1e3", "12.5", " ", "99999999", String(pending.number), String(hidden.number), null, undefined, 42]) {
      expect(await findTravelSource(raw, portalegre.id), `inspiredBy=${String(raw)}`).toEqual({ ok: false, error: "unavailable" });
    }
  });

  it("refuses an idea of the target city itself", async () => {
    const source = await createIdea({ citySlug: "oulu" });
    expect(await findTravelSource(String(source.number), (await city("oulu")).id)).toEqual({ ok: false, error: "sameCity" });
  });
});

describe("submitIdea with inspiredById", () => {
  it("links the new idea and writes PROPOSED_ELSEWHERE on the source, naming the target city", async () => {
    const source = await createIdea({ citySlug: "oulu" });
    const portalegre = await city("portalegre");
    const author = await createUser({ citySlug: "portalegre" });
    const idea = await submitIdea({ ...text(), cityId: portalegre.id, authorId: author.id, categoryId: await category(), inspiredById: source.id });
    const stored = await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { inspiredById: true, cityId: true } });
    expect(stored).toEqual({ inspiredById: source.id, cityId: portalegre.id });
    const events = await db.ideaEvent.findMany({ where: { ideaId: source.id, type: "PROPOSED_ELSEWHERE" }, select: { reason: true, actorId: true } });
    expect(events).toEqual([{ reason: portalegre.name, actorId: author.id }]);
  });

  it("refuses a source in the same city or not public, writing nothing", async () => {
    const sameCity = await createIdea({ citySlug: "portalegre" });
    const pending = await createIdea({ citySlug: "oulu", published: false });
    const portalegre = await city("portalegre");
    const author = await createUser({ citySlug: "portalegre" });
    for (const source of [sameCity, pending]) {
      const title = `Refused travel ${source.number}`;
      await expect(
        submitIdea({ ...text(title), cityId: portalegre.id, authorId: author.id, categoryId: await category(), inspiredById: source.id }),
      ).rejects.toBeInstanceOf(InspirationRefused);
      expect(await db.idea.count({ where: { title } })).toBe(0);
      expect(await db.ideaEvent.count({ where: { ideaId: source.id, type: "PROPOSED_ELSEWHERE" } })).toBe(0);
    }
  });
});

describe("getTravelLinks", () => {
  it("shows the link both ways once the new idea is public, with its status", async () => {
    const source = await createIdea({ citySlug: "oulu" });
    const portalegre = await city("portalegre");
    const author = await createUser({ citySlug: "portalegre" });
    const idea = await submitIdea({ ...text(), cityId: portalegre.id, authorId: author.id, categoryId: await category(), inspiredById: source.id });
    const sourcePage = { id: source.id, city: { id: source.cityId }, status: "PUBLISHED" as const, publishedAt: new Date(), hidden: false };

    // Awaiting moderation in Portalegre: not shown on Oulu's page.
    expect((await getTravelLinks(sourcePage, null)).proposedElsewhere).toEqual([]);
    // The new idea's own page (seen by its author) already names its source.
    const pending = await getTravelLinks({ id: idea.id, city: { id: portalegre.id }, status: "SUBMITTED", publishedAt: null, hidden: false }, { id: author.id, roles: [] });
    expect(pending.inspiredBy).toMatchObject({ number: source.number, city: { slug: "oulu" }, status: "PUBLISHED" });

    const moderator = await createUser({ citySlug: "portalegre" });
    expect((await publishIdea(idea.id, moderator.id)).ok).toBe(true);
    const links = await getTravelLinks(sourcePage, null);
    expect(links.proposedElsewhere).toEqual([expect.objectContaining({ number: idea.number, status: "PUBLISHED", city: { slug: "portalegre", name: portalegre.name } })]);
    expect(links.propose).toBeNull();

    // Hidden by moderation in Portalegre: gone from Oulu's page again.
    await db.idea.update({ where: { id: idea.id }, data: { hiddenAt: new Date() } });
    expect((await getTravelLinks(sourcePage, null)).proposedElsewhere).toEqual([]);
  });

  it("offers proposing to signed-in people of other cities, their home city first", async () => {
    const source = await createIdea({ citySlug: "oulu" });
    const page = { id: source.id, city: { id: source.cityId }, status: "PUBLISHED" as const, publishedAt: new Date(), hidden: false };
    const portalegrense = await createUser({ citySlug: "portalegre" });
    const offer = (await getTravelLinks(page, { id: portalegrense.id, roles: [] })).propose;
    expect(offer?.homeCity).toEqual({ slug: "portalegre", name: (await city("portalegre")).name });
    expect(offer?.cities.map((item) => item.slug)).not.toContain("oulu");
    expect(offer?.cities.map((item) => item.slug)).toContain("botosani");

    const local = await createUser({ citySlug: "oulu" });
    expect((await getTravelLinks(page, { id: local.id, roles: [] })).propose).toBeNull();
    expect((await getTravelLinks({ ...page, status: "SUBMITTED", publishedAt: null }, { id: portalegrense.id, roles: [] })).propose).toBeNull();
  });
});

describe("the new-idea route with inspiredBy", () => {
  it("prefills the form from the source and links the submitted idea", async () => {
    const source = await createIdea({ citySlug: "oulu", title: "Oulu snow-plough tracker map", summary: "See on a map where the snow ploughs have been today." });
    const resident = await createUser({ citySlug: "portalegre" });
    const cookie = await sessionCookie(resident.id);
    const page = await run(newRoute.loader, new Request(`${BASE}/cities/portalegre/ideas/new?inspiredBy=${source.number}`, { headers: { Cookie: cookie } }), {
      city: "portalegre",
    });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ inspiredBy: { number: source.number, title: "Oulu snow-plough tracker map", city: { slug: "oulu" } }, inspiredByError: null });

    const title = `Street-sweeper tracker ${source.number}`;
    const sent = await run(newRoute.action, post("/cities/portalegre/ideas/new", proposal({ title, inspiredBy: String(source.number) }), cookie), { city: "portalegre" });
    expect(sent.status).toBe(302);
    const created = await db.idea.findFirstOrThrow({ where: { title }, select: { number: true, inspiredById: true } });
    expect(created.inspiredById).toBe(source.id);

    // The idea page of the new idea names its source (its author sees it while pending).
    const newPage = await run(ideaPageRoute.loader, new Request(`${BASE}/cities/portalegre/ideas/${created.number}`, { headers: { Cookie: cookie } }), {
      city: "portalegre",
      number: String(created.number),
    });
    expect(newPage.data?.travel).toMatchObject({ inspiredBy: { number: source.number, city: { slug: "oulu" } } });
  });

  it("answers forged, same-city and unpublished sources with a 400 and a clear error, linking nothing", async () => {
    const resident = await createUser({ citySlug: "portalegre" });
    const cookie = await sessionCookie(resident.id);
    const sameCity = await createIdea({ citySlug: "portalegre" });
    const pending = await createIdea({ citySlug: "oulu", published: false });
    const cases: [string, string][] = [
      ["<script>", "network:travel.errors.unavailable"],
      ["999999999", "network:travel.errors.unavailable"],
      [String(pending.number), "network:travel.errors.unavailable"],
      [String(sameCity.number), "network:travel.errors.sameCity"],
    ];
    for (const [inspiredBy, formError] of cases) {
      const title = `Forged travel ${inspiredBy.length}-${formError.length}-${sameCity.number}`;
      const sent = await run(newRoute.action, post("/cities/portalegre/ideas/new", proposal({ title, inspiredBy }), cookie), { city: "portalegre" });
      expect(sent.status, `inspiredBy=${inspiredBy}`).toBe(400);
      expect(sent.data).toMatchObject({ ok: false, formError, values: { title } });
      expect(await db.idea.count({ where: { title } })).toBe(0);
    }
    // The page itself does not fail either: it explains and offers the empty form.
    const page = await run(newRoute.loader, new Request(`${BASE}/cities/portalegre/ideas/new?inspiredBy=${pending.number}`, { headers: { Cookie: cookie } }), {
      city: "portalegre",
    });
    expect(page).toMatchObject({ status: 200, data: { inspiredBy: null, inspiredByError: "unavailable" } });
  });
});
