// Consultations on the server: the commands and queries, and the routes' loaders and
// actions called with real requests against the test database (authorization, 400s with
// localized errors and kept values, drafts hidden, phases in the city's time zone).
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import { castSupport } from "~/modules/supports/supports.server";
import * as pageRoute from "~/routes/cities.$city.consultations.$slug";
import * as editRoute from "~/routes/cities.$city.consultations.$slug_.edit";
import * as cityListRoute from "~/routes/cities.$city.consultations._index";
import * as newRoute from "~/routes/cities.$city.consultations.new";
import * as networkListRoute from "~/routes/consultations._index";
import { createCityAdmin, createConsultation, createConsultationIdea, movePhases, phasesAround } from "~/testing/consultations-factories";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { consultationSchema, type ConsultationInput } from "./consultations.schema";
import {
  createConsultation as createConsultationCommand,
  getConsultationPage,
  listConsultations,
  publishConsultation,
  publishResults,
  slugify,
  updateConsultation,
} from "./consultations.server";
import { PHASE_KINDS } from "./phases.policy";

const BASE = "http://localhost";
const HELSINKI = "Europe/Helsinki";

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function sessionCookie(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

function get(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

type Outcome = { status: number; data?: Record<string, unknown> & { [key: string]: unknown }; headers?: Headers };

/** Runs a loader or action and reports what Remix would send (thrown responses included). */
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

/** The form's phase fields: five contiguous phases from the given local times. */
function phaseFields(bounds: string[]) {
  const names = ["information", "ideation", "supports", "review", "results"];
  return Object.fromEntries(names.flatMap((name, index) => [[`${name}Start`, bounds[index]], [`${name}End`, bounds[index + 1]]]));
}

// Oulu, 2026: the supports phase starts right after the spring clock change.
const OULU_BOUNDS = ["2026-03-01T09:00", "2026-03-12T09:00", "2026-03-29T04:00", "2026-04-30T18:00", "2026-06-01T09:00", "2026-12-31T23:00"];

const validForm = (overrides: Record<string, string> = {}) => ({
  title: `Paying for parking with your phone ${randomUUID().slice(0, 6)}`,
  question: "How should parking payment go digital?",
  summary: "The city will replace its parking meters. Tell us how paying should work.",
  body: "## Background\n\nThe meters are 20 years old.",
  category: "mobility",
  language: "en",
  supportLimit: "5",
  ...phaseFields(OULU_BOUNDS),
  ...overrides,
});

function input(overrides: Record<string, string> = {}, zone = HELSINKI): ConsultationInput {
  const parsed = consultationSchema(zone).safeParse(validForm(overrides));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("consultationSchema", () => {
  it("reads the phases in the city's time zone", () => {
    const data = input();
    expect(data.phases.map((phase) => phase.kind)).toEqual([...PHASE_KINDS]);
    expect(data.phases[0].startsAt.toISOString()).toBe("2026-03-01T07:00:00.000Z");
    expect(data.phases[2].startsAt.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(data.supportLimit).toBe(5);
    expect(data.categorySlug).toBe("mobility");
    // The same wall-clock times in Limerick are other instants.
    expect(input({}, "Europe/Dublin").phases[0].startsAt.toISOString()).toBe("2026-03-01T09:00:00.000Z");
    expect(input({ supportLimit: "", category: "" })).toMatchObject({ supportLimit: null, categorySlug: null });
  });

  it("refuses a time skipped by the clock change, overlaps, wrong order, missing and zoned dates", () => {
    const errors = (overrides: Record<string, string>) => {
      const result = consultationSchema(HELSINKI).safeParse(validForm(overrides));
      // The first error of each field, as parseForm reports it.
      const found: Record<string, string> = {};
      if (!result.success) for (const issue of result.error.issues) found[String(issue.path[0])] ??= issue.message;
      return found;
    };
    expect(errors({ supportsStart: "2026-03-29T03:30", ideationEnd: "2026-03-29T03:30" })).toEqual({
      ideationEnd: "consultations:errors.timeDoesNotExist",
      supportsStart: "consultations:errors.timeDoesNotExist",
    });
    expect(errors({ supportsStart: "2026-03-29T03:59" })).toMatchObject({ supportsStart: "consultations:errors.timeDoesNotExist" });
    expect(errors({ supportsStart: "2026-03-29T00:59" })).toEqual({ supportsStart: "consultations:errors.phaseOverlap" });
    expect(errors({ reviewEnd: "2026-04-30T18:00" })).toMatchObject({ reviewEnd: "consultations:errors.phaseEndBeforeStart" });
    expect(errors({ supportsStart: "2026-02-01T09:00", supportsEnd: "2026-02-02T09:00" })).toMatchObject({ supportsStart: "consultations:errors.phaseOrder" });
    expect(errors({ informationStart: "" })).toEqual({ informationStart: "consultations:errors.dateRequired" });
    expect(errors({ resultsEnd: "2026-12-31T23:00Z" })).toEqual({ resultsEnd: "consultations:errors.dateInvalid" });
    expect(errors({ resultsEnd: "2026-12-31T23:00+02:00" })).toEqual({ resultsEnd: "consultations:errors.dateInvalid" });
    expect(errors({ resultsEnd: "2026-02-30T23:00" })).toMatchObject({ resultsEnd: "consultations:errors.dateInvalid" });
    expect(errors({ supportLimit: "0" })).toEqual({ supportLimit: "consultations:errors.supportLimitInvalid" });
    expect(errors({ supportLimit: "101" })).toEqual({ supportLimit: "consultations:errors.supportLimitInvalid" });
    expect(errors({ supportLimit: "2.5" })).toEqual({ supportLimit: "consultations:errors.supportLimitInvalid" });
    expect(errors({ category: "forged", language: "de" })).toEqual({ category: "consultations:errors.categoryInvalid", language: "consultations:errors.languageInvalid" });
    expect(errors({ title: "abc", question: "" })).toEqual({ title: "consultations:errors.titleTooShort", question: "consultations:errors.questionRequired" });
    // The repeated autumn hour is accepted (its first occurrence).
    expect(errors({ resultsEnd: "2026-10-25T03:30", resultsStart: "2026-10-01T09:00", reviewEnd: "2026-10-01T09:00" })).toEqual({});
  });
});

describe("slugify", () => {
  it("makes ASCII slugs and never 'new'", () => {
    expect(slugify("Plata parcării în Botoșani?")).toBe("plata-parcarii-in-botosani");
    expect(slugify("  Straße & Öffis  ")).toBe("strasse-offis");
    expect(slugify("New")).toBe("new-consultation");
    expect(slugify("???")).toBe("consultation");
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(60);
  });
});

describe("consultation commands", () => {
  it("create: a draft with five phases and a slug unique per city (retried on collision, also in parallel)", async () => {
    const oulu = await cityId("oulu");
    const messina = await cityId("messina");
    const author = await createUser();
    const data = input({ title: `Unique title ${randomUUID().slice(0, 8)}` });
    const first = await createConsultationCommand({ cityId: oulu, createdById: author.id, input: data });
    expect(first).toMatchObject({ ok: true, slug: slugify(data.title) });
    const parallel = await Promise.all([1, 2, 3, 4].map(() => createConsultationCommand({ cityId: oulu, createdById: author.id, input: data })));
    const slugs = [first, ...parallel].map((result) => (result.ok ? result.slug : null));
    expect(new Set(slugs).size).toBe(5);
    expect(slugs).toContain(`${slugify(data.title)}-2`);
    const elsewhere = await createConsultationCommand({ cityId: messina, createdById: author.id, input: data });
    expect(elsewhere).toMatchObject({ ok: true, slug: slugify(data.title) });

    const row = await db.consultation.findUniqueOrThrow({
      where: { cityId_slug: { cityId: oulu, slug: slugify(data.title) } },
      select: { status: true, supportLimit: true, createdById: true, category: { select: { slug: true } }, phases: { select: { kind: true } } },
    });
    expect(row).toMatchObject({ status: "DRAFT", supportLimit: 5, createdById: author.id, category: { slug: "mobility" } });
    expect(row.phases).toHaveLength(5);
  });

  it("create/update refuse phases that are not valid, whatever the caller", async () => {
    const oulu = await cityId("oulu");
    const data = input();
    const broken = { ...data, phases: data.phases.slice(0, 4) };
    expect(await createConsultationCommand({ cityId: oulu, createdById: (await createUser()).id, input: broken })).toEqual({ ok: false, error: "invalidPhases" });
  });

  it("update: replaces the phases atomically, keeps the slug, and never touches another city's consultation", async () => {
    const consultation = await createConsultation({ status: "DRAFT" });
    const changed = input({ title: "A new title for it", supportLimit: "" });
    const result = await updateConsultation({ id: consultation.id, cityId: consultation.cityId, input: changed });
    expect(result).toEqual({ ok: true, slug: consultation.slug });
    const row = await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { title: true, supportLimit: true, phases: { select: { kind: true, startsAt: true } } } });
    expect(row.title).toBe("A new title for it");
    expect(row.supportLimit).toBeNull();
    expect(row.phases.find((phase) => phase.kind === "SUPPORTS")!.startsAt.toISOString()).toBe("2026-03-29T01:00:00.000Z");

    const foreign = await updateConsultation({ id: consultation.id, cityId: await cityId("messina"), input: input({ title: "Hijacked title" }) });
    expect(foreign).toEqual({ ok: false, error: "notFound" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { title: true } })).title).toBe("A new title for it");
    expect(await db.consultationPhase.count({ where: { consultationId: consultation.id } })).toBe(5);
  });

  it("publish: once, in its own city only", async () => {
    const consultation = await createConsultation({ status: "DRAFT" });
    expect(await publishConsultation({ id: consultation.id, cityId: await cityId("messina") })).toEqual({ ok: false, error: "notFound" });
    expect(await publishConsultation({ id: consultation.id, cityId: consultation.cityId })).toEqual({ ok: true });
    expect(await publishConsultation({ id: consultation.id, cityId: consultation.cityId })).toEqual({ ok: false, error: "alreadyPublished" });
    const row = await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { status: true, publishedAt: true } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.publishedAt).not.toBeNull();
  });

  it("publish refuses a draft whose phases are incomplete, and rolls back", async () => {
    const consultation = await createConsultation({ status: "DRAFT", phases: phasesAround("IDEATION").slice(0, 3) });
    expect(await publishConsultation({ id: consultation.id, cityId: consultation.cityId })).toEqual({ ok: false, error: "invalidPhases" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { status: true } })).status).toBe("DRAFT");
  });

  it("publishResults: only during RESULTS, of a published consultation of the city", async () => {
    const consultation = await createConsultation({ phase: "REVIEW" });
    const text = "The city will pilot paying by phone in the centre from September.";
    expect(await publishResults({ id: consultation.id, cityId: consultation.cityId, resultsText: text })).toEqual({ ok: false, error: "notResultsPhase" });
    await movePhases(consultation.id, "RESULTS");
    expect(await publishResults({ id: consultation.id, cityId: await cityId("messina"), resultsText: text })).toEqual({ ok: false, error: "notFound" });
    expect(await publishResults({ id: consultation.id, cityId: consultation.cityId, resultsText: text })).toEqual({ ok: true });
    await movePhases(consultation.id, "after");
    expect(await publishResults({ id: consultation.id, cityId: consultation.cityId, resultsText: "Changed afterwards, which is refused." })).toEqual({ ok: false, error: "notResultsPhase" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { resultsText: true } })).resultsText).toBe(text);

    const draft = await createConsultation({ phase: "RESULTS", status: "DRAFT" });
    expect(await publishResults({ id: draft.id, cityId: draft.cityId, resultsText: text })).toEqual({ ok: false, error: "draft" });
  });
});

describe("consultation queries", () => {
  it("lists published consultations to everyone and drafts to the city's admins only", async () => {
    const citySlug = "ventspils";
    const published = await createConsultation({ citySlug, phase: "IDEATION" });
    const draft = await createConsultation({ citySlug, status: "DRAFT" });
    const ventspils = await cityId(citySlug);
    const admin = await createCityAdmin(citySlug);
    const otherAdmin = await createCityAdmin("oulu");

    const publicList = await listConsultations({ cityId: ventspils, viewer: null });
    expect(publicList.items.map((item) => item.id)).toContain(published.id);
    expect(publicList.items.map((item) => item.id)).not.toContain(draft.id);
    expect(publicList.drafts).toBeNull();
    expect(publicList.items.find((item) => item.id === published.id)).toMatchObject({ stage: "IDEATION", currentPhase: { kind: "IDEATION" } });

    const adminList = await listConsultations({ cityId: ventspils, viewer: { id: admin.id, roles: [{ role: "CITY_ADMIN", cityId: ventspils }] } });
    expect(adminList.drafts!.map((item) => item.id)).toContain(draft.id);
    expect(adminList.items.map((item) => item.id)).not.toContain(draft.id);
    const otherList = await listConsultations({ cityId: ventspils, viewer: { id: otherAdmin.id, roles: [{ role: "CITY_ADMIN", cityId: await cityId("oulu") }] } });
    expect(otherList.drafts).toBeNull();

    const network = await listConsultations({ viewer: null });
    expect(network.items.every((item) => item.status === "PUBLISHED")).toBe(true);
  });

  it("the page: drafts only for the city's admins; public ideas only; ranked by supports in RESULTS; the viewer's quota", async () => {
    const consultation = await createConsultation({ phase: "SUPPORTS", supportLimit: 3 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createConsultationIdea(consultation.id)));
    const unmoderated = await createIdea({ published: false });
    await db.idea.update({ where: { id: unmoderated.id }, data: { consultationId: consultation.id } });
    const hidden = await createConsultationIdea(consultation.id);
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const supporters = await Promise.all([1, 2].map(() => createUser()));
    for (const user of supporters) await castSupport(b.id, { id: user.id, roles: [] });
    await castSupport(c.id, { id: supporters[0].id, roles: [] });

    const viewer = { id: supporters[0].id, roles: [] };
    const running = await getConsultationPage({ citySlug: "oulu", slug: consultation.slug, viewer });
    expect(running).not.toBeNull();
    expect(running!.ideas.total).toBe(3);
    expect(running!.ideas.items.map((idea) => idea.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(running!.ranked).toBe(false);
    expect(running!.viewer.quota).toEqual({ limit: 3, used: 2, remaining: 1 });
    expect(running!.currentPhase).toBe("SUPPORTS");
    expect(running!.denials).toMatchObject({ propose: { code: "closed" }, support: null, comment: null, join: null });

    await movePhases(consultation.id, "RESULTS");
    const results = await getConsultationPage({ citySlug: "oulu", slug: consultation.slug, viewer: null });
    expect(results!.ranked).toBe(true);
    expect(results!.ideas.items.map((idea) => [idea.id, idea.rank])).toEqual([
      [b.id, 1],
      [c.id, 2],
      [a.id, 3],
    ]);
    expect(results!.viewer.quota).toBeNull();
    expect(await getConsultationPage({ citySlug: "messina", slug: consultation.slug, viewer: null })).toBeNull();

    const draft = await createConsultation({ status: "DRAFT" });
    expect(await getConsultationPage({ citySlug: "oulu", slug: draft.slug, viewer: null })).toBeNull();
    expect(await getConsultationPage({ citySlug: "oulu", slug: draft.slug, viewer: { id: "x", roles: [{ role: "CITY_ADMIN", cityId: await cityId("messina") }] } })).toBeNull();
    expect(await getConsultationPage({ citySlug: "oulu", slug: draft.slug, viewer: { id: "x", roles: [{ role: "CITY_ADMIN", cityId: draft.cityId }] } })).toMatchObject({ status: "DRAFT" });
  });
});

describe("routes", () => {
  it("new: only the city's admins (login for anonymous, 403 for citizens and other cities' admins)", async () => {
    expect((await run(newRoute.loader, get("/cities/oulu/consultations/new"), { city: "oulu" })).status).toBe(302);
    const citizen = await sessionCookie((await createUser()).id);
    expect((await run(newRoute.loader, get("/cities/oulu/consultations/new", citizen), { city: "oulu" })).status).toBe(403);
    const messinaAdmin = await sessionCookie((await createCityAdmin("messina")).id);
    expect((await run(newRoute.loader, get("/cities/oulu/consultations/new", messinaAdmin), { city: "oulu" })).status).toBe(403);
    expect((await run(newRoute.action, post("/cities/oulu/consultations/new", validForm(), messinaAdmin), { city: "oulu" })).status).toBe(403);
    const admin = await sessionCookie((await createCityAdmin("oulu")).id);
    const page = await run(newRoute.loader, get("/cities/oulu/consultations/new", admin), { city: "oulu" });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ city: { slug: "oulu", timeZone: HELSINKI }, defaultLanguage: "fi" });
    expect((await run(newRoute.loader, get("/cities/atlantis/consultations/new", admin), { city: "atlantis" })).status).toBe(404);
  });

  it("new: invalid input is a 400 with localized errors and every value kept; nothing is saved", async () => {
    const admin = await sessionCookie((await createCityAdmin("oulu")).id);
    const title = `Refused consultation ${randomUUID().slice(0, 6)}`;
    const fields = validForm({ title, supportsStart: "2026-03-29T03:30", resultsStart: "2026-05-01T09:00" });
    const outcome = await run(newRoute.action, post("/cities/oulu/consultations/new", fields, admin), { city: "oulu" });
    expect(outcome.status).toBe(400);
    expect(outcome.data!.fieldErrors).toEqual({ supportsStart: "consultations:errors.timeDoesNotExist", resultsStart: "consultations:errors.phaseOverlap" });
    expect(outcome.data!.values).toMatchObject({ title, supportsStart: "2026-03-29T03:30", resultsStart: "2026-05-01T09:00", summary: fields.summary });
    expect(await db.consultation.count({ where: { title } })).toBe(0);
  });

  it("new: a valid form creates a draft and redirects to its page", async () => {
    const admin = await createCityAdmin("oulu");
    const cookie = await sessionCookie(admin.id);
    const fields = validForm();
    const outcome = await run(newRoute.action, post("/cities/oulu/consultations/new", fields, cookie), { city: "oulu" });
    expect(outcome.status).toBe(302);
    const location = outcome.headers!.get("Location")!;
    expect(location).toBe(`/cities/oulu/consultations/${slugify(fields.title)}`);
    const row = await db.consultation.findFirstOrThrow({ where: { title: fields.title }, select: { status: true, createdById: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } } });
    expect(row.status).toBe("DRAFT");
    expect(row.createdById).toBe(admin.id);
    const ideation = row.phases.find((phase) => phase.kind === "IDEATION")!;
    expect([ideation.startsAt.toISOString(), ideation.endsAt.toISOString()]).toEqual(["2026-03-12T07:00:00.000Z", "2026-03-29T01:00:00.000Z"]);
  });

  it("edit: 403 for another city's admin, 404 for a consultation of another city, values shown in the city's time", async () => {
    const consultation = await createConsultation({ status: "DRAFT", phases: input().phases });
    const params = { city: "oulu", slug: consultation.slug };
    const path = `/cities/oulu/consultations/${consultation.slug}/edit`;
    const messinaAdmin = await sessionCookie((await createCityAdmin("messina")).id);
    expect((await run(editRoute.loader, get(path, messinaAdmin), params)).status).toBe(403);
    expect((await run(editRoute.action, post(path, validForm({ title: "Hijacked by Messina" }), messinaAdmin), params)).status).toBe(403);
    // A Messina admin going through Messina's URL finds nothing there.
    expect((await run(editRoute.action, post(`/cities/messina/consultations/${consultation.slug}/edit`, validForm(), messinaAdmin), { city: "messina", slug: consultation.slug })).status).toBe(404);
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { title: true } })).title).not.toBe("Hijacked by Messina");

    const admin = await sessionCookie((await createCityAdmin("oulu")).id);
    const page = await run(editRoute.loader, get(path, admin), params);
    expect(page.status).toBe(200);
    expect(page.data!.defaults).toMatchObject(phaseFields(OULU_BOUNDS));
    expect((await run(editRoute.loader, get("/cities/oulu/consultations/nope/edit", admin), { city: "oulu", slug: "nope" })).status).toBe(404);

    const invalid = await run(editRoute.action, post(path, validForm({ reviewEnd: "" }), admin), params);
    expect(invalid.status).toBe(400);
    expect(invalid.data!.fieldErrors).toEqual({ reviewEnd: "consultations:errors.dateRequired" });
    const saved = await run(editRoute.action, post(path, validForm({ title: "Edited by Oulu" }), admin), params);
    expect(saved.status).toBe(302);
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { title: true } })).title).toBe("Edited by Oulu");
  });

  it("page: a draft is a 404 except for the city's admins, who can publish it", async () => {
    const consultation = await createConsultation({ status: "DRAFT" });
    const params = { city: "oulu", slug: consultation.slug };
    const path = `/cities/oulu/consultations/${consultation.slug}`;
    const citizen = await sessionCookie((await createUser()).id);
    expect((await run(pageRoute.loader, get(path), params)).status).toBe(404);
    expect((await run(pageRoute.loader, get(path, citizen), params)).status).toBe(404);
    expect((await run(pageRoute.action, post(path, { intent: "publish" }, citizen), params)).status).toBe(404);
    const admin = await sessionCookie((await createCityAdmin("oulu")).id);
    const page = await run(pageRoute.loader, get(path, admin), params);
    expect(page.status).toBe(200);
    expect(page.data!.consultation).toMatchObject({ status: "DRAFT", viewer: { isAdmin: true } });
    expect(page.data!.participation).toBeNull();

    expect((await run(pageRoute.action, post(path, { intent: "publish" }, admin), params)).status).toBe(302);
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { status: true } })).status).toBe("PUBLISHED");
    const published = await run(pageRoute.loader, get(path), params);
    expect(published.status).toBe(200);
    expect(published.data!.participation).toMatchObject({ participantCount: 0 });
    // Citizens may not publish (403 once it is visible to them), nor post unknown intents.
    expect((await run(pageRoute.action, post(path, { intent: "publish" }, citizen), params)).status).toBe(403);
    expect((await run(pageRoute.action, post(path, { intent: "forged" }, citizen), params)).status).toBe(400);
  });

  it("page: results are published by the city's admins during RESULTS only, with a 400 for an empty text", async () => {
    const consultation = await createConsultation({ phase: "REVIEW" });
    const params = { city: "oulu", slug: consultation.slug };
    const path = `/cities/oulu/consultations/${consultation.slug}`;
    const admin = await sessionCookie((await createCityAdmin("oulu")).id);
    const text = "The city will pilot paying by phone in the centre from September.";
    const early = await run(pageRoute.action, post(path, { intent: "publish-results", resultsText: text }, admin), params);
    expect(early.status).toBe(302);
    expect(early.headers!.get("Set-Cookie")).toContain("civicloop_flash=");
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id }, select: { resultsText: true } })).resultsText).toBeNull();

    await movePhases(consultation.id, "RESULTS");
    const empty = await run(pageRoute.action, post(path, { intent: "publish-results", resultsText: "  " }, admin), params);
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ form: "results", fieldErrors: { resultsText: "consultations:errors.resultsRequired" } });
    const citizen = await sessionCookie((await createUser()).id);
    expect((await run(pageRoute.action, post(path, { intent: "publish-results", resultsText: text }, citizen), params)).status).toBe(403);
    expect((await run(pageRoute.action, post(path, { intent: "publish-results", resultsText: text }, admin), params)).status).toBe(302);
    const page = await run(pageRoute.loader, get(path), params);
    expect(page.data!.consultation).toMatchObject({ ranked: true, resultsText: null });
    expect(String((page.data!.consultation as { resultsHtml: string }).resultsHtml)).toContain("pilot paying by phone");
  });

  it("page: join intents go to the participation module", async () => {
    const consultation = await createConsultation({ phase: "IDEATION" });
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const path = `/cities/oulu/consultations/${consultation.slug}`;
    const outcome = await run(pageRoute.action, post(path, { intent: "join-participant" }, cookie), { city: "oulu", slug: consultation.slug });
    expect(outcome.status).toBe(302);
    expect(await db.consultationParticipant.count({ where: { consultationId: consultation.id, userId: user.id } })).toBe(1);
  });

  it("lists: the city list and the network list (with a city filter) never show drafts to the public", async () => {
    const published = await createConsultation({ citySlug: "portalegre", phase: "INFORMATION" });
    const draft = await createConsultation({ citySlug: "portalegre", status: "DRAFT" });
    const city = await run(cityListRoute.loader, get("/cities/portalegre/consultations"), { city: "portalegre" });
    const ids = (city.data!.list as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect(city.data!.canCreate).toBe(false);
    expect((await run(cityListRoute.loader, get("/cities/atlantis/consultations"), { city: "atlantis" })).status).toBe(404);

    const admin = await sessionCookie((await createCityAdmin("portalegre")).id);
    const asAdmin = await run(cityListRoute.loader, get("/cities/portalegre/consultations", admin), { city: "portalegre" });
    expect(asAdmin.data!.canCreate).toBe(true);
    expect((asAdmin.data!.list as { drafts: { id: string }[] }).drafts.map((item) => item.id)).toContain(draft.id);

    const network = await run(networkListRoute.loader, get("/consultations?city=portalegre", admin), {});
    const networkIds = (network.data!.list as { items: { id: string }[]; drafts: unknown }).items.map((item) => item.id);
    expect(networkIds).toContain(published.id);
    expect(networkIds).not.toContain(draft.id);
    expect((network.data!.list as { drafts: unknown }).drafts).toBeNull();
    expect((await run(networkListRoute.loader, get("/consultations?city=atlantis&page=abc"), {})).status).toBe(200);
  });
});
