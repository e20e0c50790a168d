// Hostile input against the pilot, launch, tester, adoption-feedback, moderation and
// notification routes, as Remix runs them (loaders/actions called with real Requests and
// session cookies). Whatever is posted, the answer is a 400 with field errors (and the typed
// values), a redirect, or 403/404/405 — never a thrown error (a 500) and never a changed row.
// NUL bytes matter most on PostgreSQL, which refuses them in text parameters: run this file
// on both databases. In posted forms readFormData drops NUL before any schema sees it (so a
// NUL there is harmless and tested in app/utils/http.server.test.ts); the form cases below
// use another control character (U+0001), which the schemas must refuse.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import { setIdeaStatus } from "~/modules/ideas/ideas.server";
import { launchService } from "~/modules/pilots/pilots.server";
import * as feedbackRoute from "~/routes/cities.$city.ideas.$number_.feedback";
import * as launchRoute from "~/routes/cities.$city.ideas.$number_.launch";
import * as pilotRoute from "~/routes/cities.$city.ideas.$number_.pilot";
import * as testersRoute from "~/routes/cities.$city.ideas.$number_.testers";
import * as csvRoute from "~/routes/cities.$city.admin.absorption[.]csv";
import * as absorptionRoute from "~/routes/cities.$city.admin.absorption";
import * as networkRoute from "~/routes/network._index";
import * as comparisonRoute from "~/routes/network.comparison";
import * as newIdeaRoute from "~/routes/cities.$city.ideas.new";
import * as moderationRoute from "~/routes/cities.$city.moderation.feedback";
import * as servicesRoute from "~/routes/cities.$city.services";
import * as notificationsRoute from "~/routes/notifications";
import * as organizationRoute from "~/routes/organizations.$slug";
import * as reportRoute from "~/routes/report";
import * as consultationRoute from "~/routes/cities.$city.consultations.$slug";
import { createConsultation } from "~/testing/consultations-factories";
import { createTestOrganization } from "~/testing/organizations-factories";
import { createIdea, createUser } from "~/testing/factories";
import { grantRole } from "~/testing/participation-factories";
import { db } from "~/utils/db.server";

const BASE = "http://localhost";
const BIG = "x".repeat(100_000);
const HUGE = "y".repeat(1_000_000);
const NUL = "\u0000";
const CONTROL = "\u0001";
const LONE_SURROGATE = "\ud800";

async function cookieOf(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

function get(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Pairs, so that a field can be sent twice. */
function post(path: string, fields: [string, string][], cookie?: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

type Outcome = { status: number; data?: Record<string, unknown>; response?: Response };
type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/** The route's answer; any error other than a thrown Response escapes and fails the test (it would be a 500). */
async function run(handler: Handler, request: Request, params: Record<string, string>): Promise<Outcome> {
  try {
    const result = await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (result instanceof Response) return { status: result.status, response: result };
    if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
      const wrapped = result as unknown as { data: Record<string, unknown>; init?: ResponseInit | null };
      return { status: wrapped.init?.status ?? 200, data: wrapped.data };
    }
    return { status: 200, data: result as Record<string, unknown> };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown };
    throw thrown;
  }
}

/** Every error is a translation key of a loaded namespace, never English text. */
function expectLocalizedFieldErrors(outcome: Outcome, input?: unknown) {
  expect(outcome.status, JSON.stringify(input)?.slice(0, 200)).toBe(400);
  const fieldErrors = outcome.data?.fieldErrors as Record<string, string>;
  expect(Object.keys(fieldErrors).length).toBeGreaterThan(0);
  for (const key of Object.values(fieldErrors)) expect(key).toMatch(/^[a-z][A-Za-z]*:[A-Za-z0-9_.-]+$/);
  expect(outcome.data?.values).toBeTypeOf("object");
}

async function cityAdmin(citySlug = "oulu") {
  const user = await createUser({ citySlug });
  await grantRole(user.id, "CITY_ADMIN", citySlug);
  return { ...user, cookie: await cookieOf(user.id) };
}

async function moderator(citySlug = "oulu") {
  const user = await createUser({ citySlug });
  await grantRole(user.id, "MODERATOR", citySlug);
  return { ...user, cookie: await cookieOf(user.id) };
}

async function citizen(citySlug = "oulu") {
  const user = await createUser({ citySlug });
  return { ...user, cookie: await cookieOf(user.id) };
}

async function acceptedIdea(citySlug = "oulu") {
  const idea = await createIdea({ citySlug });
  const official = await createUser({ citySlug });
  expect(await setIdeaStatus(idea.id, "UNDER_REVIEW", official.id)).toMatchObject({ ok: true });
  expect(await setIdeaStatus(idea.id, "ACCEPTED", official.id)).toMatchObject({ ok: true });
  return idea;
}

async function launchedIdea(citySlug = "oulu") {
  const idea = await acceptedIdea(citySlug);
  const admin = await cityAdmin(citySlug);
  const result = await launchService({
    ideaId: idea.id,
    actor: { id: admin.id, roles: [{ role: "CITY_ADMIN", cityId: idea.cityId }] },
    input: { serviceUrl: "https://permits.example/", launchedAt: "" },
  });
  expect(result).toMatchObject({ ok: true });
  return idea;
}

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const GOOD_PLAN: Record<string, string> = {
  plan: "Residents of two districts book parking permits online for a month.",
  howToTakePart: "Sign up here, then use the test site with your bank ID.",
  startsAt: isoDay(1),
  endsAt: isoDay(30),
  capacity: "50",
};

function planWith(overrides: Record<string, string | undefined>): [string, string][] {
  const merged = { ...GOOD_PLAN, ...overrides };
  return Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

async function ideaState(ideaId: string) {
  return db.idea.findUniqueOrThrow({
    where: { id: ideaId },
    select: { status: true, serviceUrl: true, launchedAt: true, pilot: { select: { id: true } }, updatedAt: true },
  });
}

describe("pilot plan form", () => {
  it("answers every hostile field with a localized 400 and changes nothing", async () => {
    const idea = await acceptedIdea();
    const admin = await cityAdmin();
    const path = `/cities/oulu/ideas/${idea.number}/pilot`;
    const params = { city: "oulu", number: String(idea.number) };
    const before = await ideaState(idea.id);
    const hostile: Record<string, string | undefined>[] = [
      { plan: undefined },
      { plan: "" },
      { plan: "      \n\t   " },
      { plan: BIG },
      { plan: HUGE },
      { plan: `A plan that is long enough ${CONTROL} with a control character inside it.` },
      { howToTakePart: undefined },
      { howToTakePart: `Sign up ${CONTROL}` },
      { howToTakePart: BIG },
      { startsAt: "2026-02-30" },
      { startsAt: "0000-01-01" },
      { startsAt: "99999-12-31" },
      { startsAt: "" },
      { endsAt: "not a date" },
      { startsAt: isoDay(30), endsAt: isoDay(1) },
      { capacity: "1e309" },
      { capacity: "NaN" },
      { capacity: "-1" },
      { capacity: "0" },
      { capacity: "2.5" },
      { capacity: "100001" },
      { capacity: "99999999999999999999999" },
    ];
    for (const overrides of hostile) {
      const outcome = await run(pilotRoute.action as Handler, post(path, planWith(overrides), admin.cookie), params);
      expectLocalizedFieldErrors(outcome, overrides);
    }
    expect(await ideaState(idea.id)).toEqual(before);
  });

  it("refuses forged, unknown and malformed partner ids as a whole", async () => {
    const idea = await acceptedIdea();
    const admin = await cityAdmin();
    const path = `/cities/oulu/ideas/${idea.number}/pilot`;
    const params = { city: "oulu", number: String(idea.number) };
    for (const partnerIds of [["no-such-organization"], [NUL], ["a".repeat(65)], [`x${LONE_SURROGATE}`], Array.from({ length: 21 }, (_, index) => `org-${index}`)]) {
      const fields: [string, string][] = [...planWith({}), ...partnerIds.map((id): [string, string] => ["partnerIds", id])];
      const outcome = await run(pilotRoute.action as Handler, post(path, fields, admin.cookie), params);
      expectLocalizedFieldErrors(outcome);
      expect(outcome.data?.fieldErrors).toHaveProperty("partnerIds");
    }
    expect((await ideaState(idea.id)).status).toBe("ACCEPTED");
  });

  it("keeps a repeated field's first value and stays within the idea's own city", async () => {
    const idea = await acceptedIdea();
    const admin = await cityAdmin();
    const params = { city: "oulu", number: String(idea.number) };
    const repeated = await run(
      pilotRoute.action as Handler,
      post(`/cities/oulu/ideas/${idea.number}/pilot`, [...planWith({ capacity: "abc" }), ["capacity", "5"]], admin.cookie),
      params,
    );
    expectLocalizedFieldErrors(repeated);
    // The same idea number under another city, an unknown number, a malformed one: 404.
    for (const [city, number] of [["portalegre", String(idea.number)], ["oulu", "2147483647"], ["oulu", "-1"], ["oulu", "1.5"], ["oulu", "1e309"], ["oulu", NUL]]) {
      const outcome = await run(pilotRoute.action as Handler, post(`/cities/${city}/ideas/x/pilot`, planWith({}), admin.cookie), { city, number });
      expect([403, 404]).toContain(outcome.status);
    }
    expect((await ideaState(idea.id)).status).toBe("ACCEPTED");
  });

  it("is refused to citizens, moderators and other cities' admins, and sends visitors to log in", async () => {
    const idea = await acceptedIdea();
    const params = { city: "oulu", number: String(idea.number) };
    const path = `/cities/oulu/ideas/${idea.number}/pilot`;
    for (const person of [await citizen(), await moderator(), await cityAdmin("portalegre")]) {
      expect((await run(pilotRoute.action as Handler, post(path, planWith({}), person.cookie), params)).status).toBe(403);
      expect((await run(pilotRoute.loader as Handler, get(path, person.cookie), params)).status).toBe(403);
    }
    const anonymous = await run(pilotRoute.action as Handler, post(path, planWith({})), params);
    expect(anonymous.status).toBe(302);
    expect((await ideaState(idea.id)).status).toBe("ACCEPTED");
  });
});

describe("launch form", () => {
  it("accepts only plain web links and stores nothing else", async () => {
    const idea = await acceptedIdea();
    const admin = await cityAdmin();
    const path = `/cities/oulu/ideas/${idea.number}/launch`;
    const params = { city: "oulu", number: String(idea.number) };
    const before = await ideaState(idea.id);
    const hostile = [
      "",
      "   ",
      "javascript:alert(1)",
      " JavaScript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "//evil.example/",
      "http://user:secret@evil.example/",
      "https://:secret@evil.example/",
      `https://permits.example/${"a".repeat(2_100)}`,
      `https://permits.example/${CONTROL}`,
      `${CONTROL}https://permits.example/`,
      "https://permits.example/\u202eexe.txt",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      HUGE,
    ];
    for (const serviceUrl of hostile) {
      const outcome = await run(launchRoute.action as Handler, post(path, [["serviceUrl", serviceUrl]], admin.cookie), params);
      expectLocalizedFieldErrors(outcome, serviceUrl);
      expect(outcome.data?.fieldErrors).toHaveProperty("serviceUrl");
    }
    for (const launchedAt of ["2026-02-30", "0000-01-01", "99999-12-31", isoDay(3), CONTROL, "1e309"]) {
      const outcome = await run(launchRoute.action as Handler, post(path, [["serviceUrl", "https://permits.example/"], ["launchedAt", launchedAt]], admin.cookie), params);
      expectLocalizedFieldErrors(outcome, launchedAt);
      expect(outcome.data?.fieldErrors).toHaveProperty("launchedAt");
    }
    expect(await ideaState(idea.id)).toEqual(before);
  });

  it("is refused to citizens and other cities' admins", async () => {
    const idea = await acceptedIdea();
    const params = { city: "oulu", number: String(idea.number) };
    for (const person of [await citizen(), await moderator(), await cityAdmin("portalegre")]) {
      const outcome = await run(launchRoute.action as Handler, post(`/cities/oulu/ideas/${idea.number}/launch`, [["serviceUrl", "https://permits.example/"]], person.cookie), params);
      expect(outcome.status).toBe(403);
    }
    expect((await ideaState(idea.id)).status).toBe("ACCEPTED");
  });
});

describe("pilot testers", () => {
  it("answers unknown, missing and repeated intents with a 400, and a visit with a redirect", async () => {
    const idea = await acceptedIdea();
    const person = await citizen();
    const params = { city: "oulu", number: String(idea.number) };
    const path = `/cities/oulu/ideas/${idea.number}/testers`;
    for (const fields of [[], [["intent", "delete"]], [["intent", ""]], [["intent", NUL]], [["intent", BIG]]] as [string, string][][]) {
      expect((await run(testersRoute.action as Handler, post(path, fields, person.cookie), params)).status).toBe(400);
    }
    // No pilot at all: nothing to join (the first of two repeated intents is the one read).
    const joined = await run(testersRoute.action as Handler, post(path, [["intent", "join"], ["intent", "leave"]], person.cookie), params);
    expect(joined.status).toBe(404);
    expect(await db.pilotTester.count({ where: { userId: person.id } })).toBe(0);
    const visit = await run(testersRoute.loader as Handler, get(path), params);
    expect(visit.status).toBe(302);
    expect(visit.response?.headers.get("Location")).toBe(`/cities/oulu/ideas/${idea.number}`);
    // An edited city segment is not echoed into the Location header (CR/LF, other hosts).
    for (const city of ["oulu\r\nSet-Cookie: x=1", "/evil.example", "atlantis", NUL]) {
      expect((await run(testersRoute.loader as Handler, get(path), { city, number: String(idea.number) })).status).toBe(404);
    }
    expect((await run(testersRoute.action as Handler, post(path, [["intent", "join"]], person.cookie), { city: "portalegre", number: String(idea.number) })).status).toBe(404);
  });
});

describe("adoption feedback form", () => {
  it("answers hostile answers with a localized 400 and writes no row", async () => {
    const idea = await launchedIdea();
    const person = await citizen();
    const path = `/cities/oulu/ideas/${idea.number}/feedback`;
    const params = { city: "oulu", number: String(idea.number) };
    const hostile: [string, string][][] = [
      [],
      [["usage", ""]],
      [["usage", "SOMETIMES"]],
      [["usage", NUL]],
      [["usage", "REGULARLY"]],
      [["usage", "REGULARLY"], ["ease", "0"]],
      [["usage", "REGULARLY"], ["ease", "6"]],
      [["usage", "REGULARLY"], ["ease", "2.5"]],
      [["usage", "REGULARLY"], ["ease", "-1"]],
      [["usage", "REGULARLY"], ["ease", "NaN"]],
      [["usage", "REGULARLY"], ["ease", "1e309"]],
      [["usage", "REGULARLY"], ["ease", "3"], ["missing", BIG]],
      [["usage", "REGULARLY"], ["ease", "3"], ["missing", HUGE]],
      [["usage", "REGULARLY"], ["ease", "3"], ["missing", `Opening hours ${CONTROL} are missing`]],
      [["usage", "TRIED"], ["ease", "3"], ["missing", "\u0001\u0002"]],
    ];
    for (const fields of hostile) {
      const outcome = await run(feedbackRoute.action as Handler, post(path, fields, person.cookie), params);
      expectLocalizedFieldErrors(outcome, fields);
    }
    expect(await db.adoptionFeedback.count({ where: { userId: person.id } })).toBe(0);
  });

  it("keeps emoji, joiners and right-to-left text, and treats invisible-only text as no text", async () => {
    const idea = await launchedIdea();
    const person = await citizen();
    const path = `/cities/oulu/ideas/${idea.number}/feedback`;
    const params = { city: "oulu", number: String(idea.number) };
    const text = "\u200fمواعيد العمل 👩‍👩‍👧 are missing";
    const saved = await run(feedbackRoute.action as Handler, post(path, [["usage", "TRIED"], ["ease", "4"], ["missing", text]], person.cookie), params);
    expect(saved.status).toBe(302);
    expect(await db.adoptionFeedback.findFirstOrThrow({ where: { userId: person.id, ideaId: idea.id }, select: { missing: true } })).toEqual({ missing: text });
    const blank = await run(feedbackRoute.action as Handler, post(path, [["usage", "TRIED"], ["ease", "4"], ["missing", " \u200b\u200f\u200e\ufeff "]], person.cookie), params);
    expect(blank.status).toBe(302);
    expect(await db.adoptionFeedback.findFirstOrThrow({ where: { userId: person.id, ideaId: idea.id }, select: { missing: true } })).toEqual({ missing: null });
  });

  it("is a 404 for ideas that are not launched and public", async () => {
    const accepted = await acceptedIdea();
    const unpublished = await createIdea({ published: false });
    const hidden = await launchedIdea();
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const person = await citizen();
    for (const idea of [accepted, unpublished, hidden]) {
      const params = { city: "oulu", number: String(idea.number) };
      const path = `/cities/oulu/ideas/${idea.number}/feedback`;
      expect((await run(feedbackRoute.loader as Handler, get(path, person.cookie), params)).status).toBe(404);
      expect((await run(feedbackRoute.action as Handler, post(path, [["usage", "UNAWARE"]], person.cookie), params)).status).toBe(404);
    }
    const launched = await launchedIdea();
    expect((await run(feedbackRoute.action as Handler, post("/x", [["usage", "UNAWARE"]], person.cookie), { city: "portalegre", number: String(launched.number) })).status).toBe(404);
    expect(await db.adoptionFeedback.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("moderation of what is missing", () => {
  async function pendingText() {
    const idea = await launchedIdea();
    const author = await citizen();
    const path = `/cities/oulu/ideas/${idea.number}/feedback`;
    const params = { city: "oulu", number: String(idea.number) };
    expect((await run(feedbackRoute.action as Handler, post(path, [["usage", "UNAWARE"], ["missing", "A map of the parking zones."]], author.cookie), params)).status).toBe(302);
    return db.adoptionFeedback.findFirstOrThrow({ where: { userId: author.id }, select: { id: true, updatedAt: true, missingStatus: true } });
  }

  it("refuses malformed, forged and other-city decisions without a 500 or a change", async () => {
    const row = await pendingText();
    const mod = await moderator();
    const path = "/cities/oulu/moderation/feedback";
    const version = row.updatedAt.toISOString();
    const malformed: [string, string][][] = [
      [],
      [["intent", "delete"], ["feedbackId", row.id], ["version", version]],
      [["intent", "publish"], ["feedbackId", ""], ["version", version]],
      [["intent", "publish"], ["feedbackId", `${row.id}${CONTROL}`], ["version", version]],
      [["intent", "publish"], ["feedbackId", BIG], ["version", version]],
      [["intent", "publish"], ["feedbackId", row.id], ["version", "2026-02-30T00:00:00Z"]],
      [["intent", "publish"], ["feedbackId", row.id], ["version", "99999-12-31"]],
    ];
    for (const fields of malformed) {
      const outcome = await run(moderationRoute.action as Handler, post(path, fields, mod.cookie), { city: "oulu" });
      expect(outcome.status).toBe(400);
      // Never English prose: a flash key or field error keys.
      expect(JSON.stringify(outcome.data ?? {})).not.toMatch(/Invalid decision/);
    }
    const forged = await run(moderationRoute.action as Handler, post(path, [["intent", "publish"], ["feedbackId", "no-such-feedback"], ["version", version]], mod.cookie), { city: "oulu" });
    expect(forged.status).toBe(404);
    const otherCity = await moderator("portalegre");
    const elsewhere = await run(moderationRoute.action as Handler, post("/cities/portalegre/moderation/feedback", [["intent", "publish"], ["feedbackId", row.id], ["version", version]], otherCity.cookie), { city: "portalegre" });
    expect(elsewhere.status).toBe(404);
    for (const person of [await citizen(), otherCity]) {
      const outcome = await run(moderationRoute.action as Handler, post(path, [["intent", "publish"], ["feedbackId", row.id], ["version", version]], person.cookie), { city: "oulu" });
      expect(outcome.status).toBe(403);
    }
    expect((await db.adoptionFeedback.findUniqueOrThrow({ where: { id: row.id }, select: { missingStatus: true } })).missingStatus).toBe("PENDING");
    for (const page of ["-1", "0", "1.5", "1e309", "NaN", NUL, "99999999999"]) {
      expect((await run(moderationRoute.loader as Handler, get(`${path}?page=${encodeURIComponent(page)}`, mod.cookie), { city: "oulu" })).status).toBe(200);
    }
  });
});

describe("notifications page", () => {
  it("survives hostile cursors and ids", async () => {
    const person = await citizen();
    for (const before of [NUL, BIG.slice(0, 5000), "%", "a&before=b"]) {
      expect((await run(notificationsRoute.loader as Handler, get(`/notifications?before=${encodeURIComponent(before)}`, person.cookie), {})).status).toBe(200);
    }
    for (const fields of [
      [["intent", "mark-read"], ["id", NUL]],
      [["intent", "mark-read"], ["id", BIG]],
      [["intent", "mark-read"]],
    ] as [string, string][][]) {
      expect([302, 400]).toContain((await run(notificationsRoute.action as Handler, post("/notifications", fields, person.cookie), {})).status);
    }
    const unknown = await run(notificationsRoute.action as Handler, post("/notifications", [["intent", "explode"]], person.cookie), {});
    expect(unknown.status).toBe(400);
  });
});

describe("new idea from another city (?inspiredBy)", () => {
  it("never fails and never offers an unpublished, hidden or same-city idea", async () => {
    const person = await citizen("portalegre");
    const unpublished = await createIdea({ published: false });
    const hidden = await createIdea();
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const sameCity = await createIdea({ citySlug: "portalegre" });
    const values = ["garbage", "9".repeat(100_000), "-1", "1.5", "1e309", "0", NUL, String(unpublished.number), String(hidden.number), String(sameCity.number)];
    for (const value of values) {
      const outcome = await run(newIdeaRoute.loader as Handler, get(`/cities/portalegre/ideas/new?inspiredBy=${encodeURIComponent(value)}`, person.cookie), { city: "portalegre" });
      expect(outcome.status).toBe(200);
      expect(outcome.data?.inspiredBy).toBeNull();
      expect(outcome.data?.inspiredByError).toMatch(/^(unavailable|sameCity)$/);
    }
    const before = await db.idea.count({ where: { authorId: person.id } });
    for (const value of values) {
      const fields: [string, string][] = [
        ["title", "Online booking of sports halls"],
        ["summary", "Residents book the city's sports halls online and pay at once, instead of calling the office."],
        ["body", "## Why\nThe phone line is open two hours a day."],
        ["language", "en"],
        ["category", "mobility"],
        ["inspiredBy", value],
      ];
      const outcome = await run(newIdeaRoute.action as Handler, post("/cities/portalegre/ideas/new", fields, person.cookie), { city: "portalegre" });
      expect(outcome.status, value.slice(0, 20)).toBe(400);
      expect(outcome.data?.formError).toMatch(/^network:travel\.errors\.(unavailable|sameCity)$/);
      expect(outcome.data?.values).toMatchObject({ title: "Online booking of sports halls" });
    }
    expect(await db.idea.count({ where: { authorId: person.id } })).toBe(before);
    const published = await createIdea();
    const twice = await run(newIdeaRoute.loader as Handler, get(`/cities/portalegre/ideas/new?inspiredBy=${published.number}&inspiredBy=garbage`, person.cookie), { city: "portalegre" });
    expect(twice.status).toBe(200);
  });
});

describe("public services page and the absorption export", () => {
  it("never lists hidden or unpublished ideas", async () => {
    const hidden = await launchedIdea();
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const outcome = await run(servicesRoute.loader as Handler, get("/cities/oulu/services"), { city: "oulu" });
    expect(outcome.status).toBe(200);
    expect(JSON.stringify(outcome.data)).not.toContain(hidden.id);
  });

  it("serves the CSV as an attachment to the city's admins only, with formulas defused", async () => {
    const idea = await launchedIdea();
    const author = await citizen();
    await run(
      feedbackRoute.action as Handler,
      post(`/cities/oulu/ideas/${idea.number}/feedback`, [["usage", "UNAWARE"], ["missing", '=HYPERLINK("http://evil.example","x")']], author.cookie),
      { city: "oulu", number: String(idea.number) },
    );
    const admin = await cityAdmin();
    const outcome = await run(csvRoute.loader as Handler, get("/cities/oulu/admin/absorption.csv", admin.cookie), { city: "oulu" });
    expect(outcome.status).toBe(200);
    const response = outcome.response as Response;
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="absorption-oulu-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv).toContain("HYPERLINK");
    for (const line of csv.split(/\r?\n/)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    }
    for (const person of [await citizen(), await moderator(), await cityAdmin("portalegre")]) {
      expect((await run(csvRoute.loader as Handler, get("/cities/oulu/admin/absorption.csv", person.cookie), { city: "oulu" })).status).toBe(403);
    }
  });
});

describe("follow buttons of consultations and organizations", () => {
  it("follow only what is public, answer unknown intents with a 400 and forged slugs with a 404", async () => {
    const person = await citizen();
    const consultation = await createConsultation();
    const draft = await createConsultation({ status: "DRAFT" });
    const path = `/cities/oulu/consultations/${consultation.slug}`;
    for (const intent of ["explode", "", NUL]) {
      expect((await run(consultationRoute.action as Handler, post(path, [["intent", intent]], person.cookie), { city: "oulu", slug: consultation.slug })).status).toBe(400);
    }
    for (const slug of [draft.slug, "no-such-consultation", NUL, `${consultation.slug}${NUL}`, BIG]) {
      expect((await run(consultationRoute.action as Handler, post(path, [["intent", "follow"]], person.cookie), { city: "oulu", slug })).status).toBe(404);
      expect((await run(consultationRoute.loader as Handler, get(path, person.cookie), { city: "oulu", slug })).status).toBe(404);
    }
    expect((await run(consultationRoute.action as Handler, post(path, [["intent", "follow"]], person.cookie), { city: "portalegre", slug: consultation.slug })).status).toBe(404);
    expect((await run(consultationRoute.action as Handler, post(path, [["intent", "follow"]]), { city: "oulu", slug: consultation.slug })).status).toBe(302);
    expect(await db.follow.count({ where: { userId: person.id } })).toBe(0);

    const organization = await createTestOrganization();
    const hidden = await createTestOrganization();
    await db.organization.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const orgPath = `/organizations/${organization.slug}`;
    expect((await run(organizationRoute.action as Handler, post(orgPath, [["intent", "subscribe"]], person.cookie), { slug: organization.slug })).status).toBe(400);
    for (const slug of [hidden.slug, "no-such-organization", NUL, BIG]) {
      expect((await run(organizationRoute.action as Handler, post(orgPath, [["intent", "follow"]], person.cookie), { slug })).status).toBe(404);
    }
    expect(await db.follow.count({ where: { userId: person.id } })).toBe(0);
    const followed = await run(organizationRoute.action as Handler, post(orgPath, [["intent", "follow"], ["intent", "unfollow"]], person.cookie), { slug: organization.slug });
    expect(followed.status).toBe(302);
    expect(await db.follow.count({ where: { userId: person.id } })).toBe(1);
  });
});

describe("reporting a person", () => {
  it("refuses forged targets and hostile details without a 500 or a report row", async () => {
    const reporter = await citizen();
    const target = await createUser();
    const count = () => db.report.count({ where: { reporterId: reporter.id } });
    for (const [type, id] of [["USER", "no-such-user"], ["USER", NUL], ["USER", BIG], ["PERSON", target.id], ["USER", ""]]) {
      const query = new URLSearchParams({ type, id, city: "oulu" });
      expect((await run(reportRoute.loader as Handler, get(`/report?${query}`, reporter.cookie), {})).status).toBe(404);
      const outcome = await run(reportRoute.action as Handler, post("/report", [["targetType", type], ["targetId", id], ["reason", "SPAM"]], reporter.cookie), {});
      expect(outcome.status).toBe(404);
    }
    const twice = new URLSearchParams([["type", "USER"], ["id", target.id], ["city", "oulu"], ["city", NUL], ["returnTo", "//evil.example"]]);
    const page = await run(reportRoute.loader as Handler, get(`/report?${twice}`, reporter.cookie), {});
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain("evil.example");
    const base: [string, string][] = [["targetType", "USER"], ["targetId", target.id], ["city", "oulu"]];
    for (const extra of [[], [["reason", "NOT_A_REASON"]], [["reason", NUL]], [["reason", "SPAM"], ["details", HUGE]], [["reason", "SPAM"], ["details", `Spam ${CONTROL} spam`]]] as [string, string][][]) {
      const outcome = await run(reportRoute.action as Handler, post("/report", [...base, ...extra], reporter.cookie), {});
      expectLocalizedFieldErrors(outcome, extra);
    }
    expect(await count()).toBe(0);
    const sent = await run(reportRoute.action as Handler, post("/report", [...base, ["reason", "SPAM"], ["returnTo", "//evil.example"]], reporter.cookie), {});
    expect(sent.status).toBe(302);
    expect(sent.response?.headers.get("Location") ?? "").not.toContain("evil.example");
    expect(await count()).toBe(1);
  });
});

describe("read-only pages", () => {
  it("have no action (Remix answers a POST with 405) and survive hostile query strings", async () => {
    for (const route of [servicesRoute, networkRoute, comparisonRoute, csvRoute, absorptionRoute]) expect("action" in route).toBe(false);
    const hiddenTitle = `Hidden network idea ${Date.now()}`;
    const hidden = await createIdea({ title: hiddenTitle });
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const draftTitle = `Unpublished network idea ${Date.now()}`;
    await createIdea({ title: draftTitle, published: false });
    for (const query of ["city=oulu&city=messina", "country=FI&country=IT", `city=${encodeURIComponent(NUL)}`, `country=${"Z".repeat(100_000)}`, "city[]=oulu", "country=fi&city=oulu", "city=oulu"]) {
      const outcome = await run(networkRoute.loader as Handler, get(`/network?${query}`), {});
      expect(outcome.status, query.slice(0, 50)).toBe(200);
      const text = JSON.stringify(outcome.data);
      expect(text).not.toContain(hiddenTitle);
      expect(text).not.toContain(draftTitle);
    }
    const comparison = await run(comparisonRoute.loader as Handler, get("/network/comparison?city=oulu&city=x"), {});
    expect(comparison.status).toBe(200);
    expect(JSON.stringify(comparison.data)).not.toContain(hiddenTitle);
    for (const city of ["atlantis", NUL, BIG]) {
      expect((await run(servicesRoute.loader as Handler, get("/cities/x/services"), { city })).status).toBe(404);
    }
  });

  it("keep the absorption dashboard to the city's admins", async () => {
    const admin = await cityAdmin();
    expect((await run(absorptionRoute.loader as Handler, get("/cities/oulu/admin/absorption?city=messina&city=oulu", admin.cookie), { city: "oulu" })).status).toBe(200);
    for (const person of [await citizen(), await moderator(), await cityAdmin("portalegre")]) {
      expect((await run(absorptionRoute.loader as Handler, get("/cities/oulu/admin/absorption", person.cookie), { city: "oulu" })).status).toBe(403);
    }
    expect((await run(absorptionRoute.loader as Handler, get("/cities/oulu/admin/absorption"), { city: "oulu" })).status).toBe(302);
    expect((await run(csvRoute.loader as Handler, get("/cities/oulu/admin/absorption.csv"), { city: "oulu" })).status).toBe(302);
    expect((await run(absorptionRoute.loader as Handler, get("/cities/x/admin/absorption", admin.cookie), { city: NUL })).status).toBe(404);
  });
});
