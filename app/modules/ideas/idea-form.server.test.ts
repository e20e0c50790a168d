// The propose/edit idea journey on the server: the module functions and the route
// loaders/actions, called directly with real requests against the test database.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import * as editRoute from "~/routes/cities.$city.ideas.$number_.edit";
import * as similarRoute from "~/routes/cities.$city.ideas.similar";
import * as newRoute from "~/routes/cities.$city.ideas.new";
import * as previewRoute from "~/routes/markdown-preview";
import { createConsultation as createTestConsultation } from "~/testing/consultations-factories";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { findSimilarIdeas, ideaFormChoices, ideaFormValues, parseIdeaNumber, resolveIdeaReferences } from "./idea-form.server";
import { BODY_MAX } from "./ideas.schema";

const BASE = "http://localhost";

function uniqueWord(prefix = "w") {
  return `${prefix}${randomUUID().replaceAll("-", "").replace(/[0-9]/g, (digit) => "ghijklmnop"[Number(digit)]).slice(0, 10)}`;
}

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

/** Runs a loader or action and reports what Remix would send: status, data, headers (thrown responses included). */
async function run(
  handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string>,
): Promise<Outcome> {
  try {
    const result = (await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } })) as unknown;
    if (result instanceof Response) {
      const type = result.headers.get("Content-Type") ?? "";
      return { status: result.status, headers: result.headers, data: type.includes("json") ? await result.json() : undefined };
    }
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

const validIdea = (overrides: Record<string, string> = {}) => ({
  intent: "submit",
  title: `Online parking permits ${uniqueWord()}`,
  summary: "Residents could renew their parking permit online instead of queueing at the town hall.",
  body: "## Why\n\nQueues are long. <script>alert(1)</script>",
  category: "mobility",
  language: "ro",
  consultation: "",
  organization: "",
  ...overrides,
});

async function createOrganization(citySlug: string, memberId?: string) {
  const organization = await db.organization.create({
    data: { slug: `org-${randomUUID().slice(0, 8)}`, name: `Org ${randomUUID().slice(0, 4)}`, cityId: await cityId(citySlug) },
  });
  if (memberId) await db.organizationMember.create({ data: { organizationId: organization.id, userId: memberId, role: "OWNER" } });
  return organization;
}

/** A published consultation in its ideation phase (the only one that takes ideas), or as asked. */
async function createConsultation(citySlug: string, options: { phase?: "IDEATION" | "SUPPORTS" | "before"; status?: "DRAFT" | "PUBLISHED" } = {}) {
  return createTestConsultation({ citySlug, phase: options.phase ?? "IDEATION", status: options.status });
}

describe("idea-form.server helpers", () => {
  it("parseIdeaNumber accepts positive integers only", () => {
    expect(parseIdeaNumber("42")).toBe(42);
    for (const value of [undefined, "", "0", "-1", "01", "1.5", "1e3", "abc", "9999999999"]) expect(parseIdeaNumber(value), value).toBeNull();
  });

  it("ideaFormValues echoes the form's fields only, keeping an over-long description to fix", () => {
    const formData = new FormData();
    formData.set("title", "A title");
    formData.set("body", "b".repeat(BODY_MAX + 5000));
    formData.set("password", "never echoed");
    const values = ideaFormValues(formData);
    expect(values).toEqual({ title: "A title", body: "b".repeat(BODY_MAX + 5000) });
  });

  it("ideaFormChoices lists the city's consultations and the author's organizations only", async () => {
    const author = await createUser();
    const own = await createConsultation("oulu");
    const foreign = await createConsultation("messina");
    const member = await createOrganization("oulu", author.id);
    const notMember = await createOrganization("oulu");
    const choices = await ideaFormChoices(await cityId("oulu"), author.id);
    expect(choices.consultations.map((item) => item.id)).toContain(own.id);
    expect(choices.consultations.map((item) => item.id)).not.toContain(foreign.id);
    expect(choices.organizations).toEqual([{ id: member.id, name: member.name }]);
    expect(choices.organizations.map((item) => item.id)).not.toContain(notMember.id);
  });

  it("resolveIdeaReferences refuses another city's consultation and organizations the author is not in", async () => {
    const author = await createUser();
    const oulu = await cityId("oulu");
    const own = await createConsultation("oulu");
    const foreign = await createConsultation("messina");
    const member = await createOrganization("messina", author.id);
    const notMember = await createOrganization("oulu");
    const context = { cityId: oulu, userId: author.id };
    expect(await resolveIdeaReferences({ category: "mobility", consultation: own.id, organization: member.id }, context)).toEqual({
      ok: true,
      categoryId: expect.any(String),
      consultationId: own.id,
      organizationId: member.id,
    });
    expect(await resolveIdeaReferences({ category: "mobility", consultation: foreign.id, organization: notMember.id }, context)).toEqual({
      ok: false,
      fieldErrors: { consultation: "ideaForm:errors.consultationInvalid", organization: "ideaForm:errors.organizationInvalid" },
    });
    expect(await resolveIdeaReferences({ category: "mobility", consultation: "nonexistent" }, context)).toMatchObject({ ok: false });
    expect(await resolveIdeaReferences({ category: "mobility" }, context)).toMatchObject({ ok: true, consultationId: null, organizationId: null });
  });

  it("findSimilarIdeas returns public visible ideas of the city only, at most five, and can exclude one", async () => {
    const word = uniqueWord();
    const ideas = [];
    for (let index = 0; index < 6; index++) ideas.push(await createIdea({ title: `Shared ${word} idea ${index}` }));
    const submitted = await createIdea({ title: `Shared ${word} submitted`, published: false });
    const hidden = await createIdea({ title: `Shared ${word} hidden` });
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await createIdea({ title: `Shared ${word} abroad`, citySlug: "portalegre" });
    const similar = await findSimilarIdeas(await cityId("oulu"), word);
    expect(similar).toHaveLength(5);
    const numbers = similar.map((idea) => idea.number);
    expect(numbers).not.toContain(submitted.number);
    expect(numbers).not.toContain(hidden.number);
    for (const idea of similar) {
      expect(Object.keys(idea).sort()).toEqual(["number", "status", "supportCount", "title"]);
      expect(idea.status).toBe("PUBLISHED");
    }
    const excluded = await findSimilarIdeas(await cityId("oulu"), word, { excludeNumber: numbers[0] });
    expect(excluded.map((idea) => idea.number)).not.toContain(numbers[0]);
    expect(excluded).toHaveLength(5);
  });
});

describe("GET /cities/:city/ideas/similar", () => {
  it("returns public ideas of that city, never submitted ones, to anyone", async () => {
    const word = uniqueWord();
    const published = await createIdea({ title: `Bike ${word} sharing` });
    const submitted = await createIdea({ title: `Bike ${word} parking`, published: false });
    const outcome = await run(similarRoute.loader, get(`/cities/oulu/ideas/similar?title=${encodeURIComponent(`${word}!`)}`), { city: "oulu" });
    expect(outcome.status).toBe(200);
    const ideas = outcome.data!.ideas as { number: number; title: string }[];
    expect(ideas.map((idea) => idea.number)).toEqual([published.number]);
    expect(ideas.map((idea) => idea.number)).not.toContain(submitted.number);
    const other = await run(similarRoute.loader, get(`/cities/messina/ideas/similar?title=${word}`), { city: "messina" });
    expect(other.data!.ideas).toEqual([]);
  });

  it("validates the query: too long → 400, too short → empty, unknown city → 404, bad exclude → 400", async () => {
    expect((await run(similarRoute.loader, get(`/cities/oulu/ideas/similar?title=${"a".repeat(201)}`), { city: "oulu" })).status).toBe(400);
    expect((await run(similarRoute.loader, get(`/cities/oulu/ideas/similar?title=ab`), { city: "oulu" })).data).toEqual({ ideas: [] });
    expect((await run(similarRoute.loader, get(`/cities/oulu/ideas/similar`), { city: "oulu" })).data).toEqual({ ideas: [] });
    expect((await run(similarRoute.loader, get(`/cities/atlantis/ideas/similar?title=bike`), { city: "atlantis" })).status).toBe(404);
    expect((await run(similarRoute.loader, get(`/cities/oulu/ideas/similar?title=bike&exclude=x`), { city: "oulu" })).status).toBe(400);
    const syntax = await run(similarRoute.loader, get(`/cities/oulu/ideas/similar?title=${encodeURIComponent('NEAR( "x* OR -y:')}`), { city: "oulu" });
    expect(syntax.status).toBe(200);
  });
});

describe("POST /markdown-preview", () => {
  it("renders safe HTML for signed-in people", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    const outcome = await run(previewRoute.action, post("/markdown-preview", { body: "# Hi\n\n<script>x</script> [a](javascript:alert(1))" }, cookie), {});
    expect(outcome.status).toBe(200);
    expect(outcome.data!.html).toContain("<h3>Hi</h3>");
    expect(outcome.data!.html).not.toContain("<script>");
    expect(outcome.data!.html).not.toContain("href");
  });

  it("refuses anonymous requests, too long descriptions and non-form bodies", async () => {
    expect((await run(previewRoute.action, post("/markdown-preview", { body: "x" }), {})).status).toBe(401);
    const cookie = await sessionCookie((await createUser()).id);
    const tooLong = await run(previewRoute.action, post("/markdown-preview", { body: "x".repeat(BODY_MAX + 1) }, cookie), {});
    expect(tooLong).toMatchObject({ status: 400, data: { error: "ideaForm:errors.bodyTooLong" } });
    const json = new Request(`${BASE}/markdown-preview`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: "{}" });
    expect((await run(previewRoute.action, json, {})).status).toBe(400);
    expect((await run(previewRoute.loader, get("/markdown-preview", cookie), {})).status).toBe(405);
  });
});

describe("/cities/:city/ideas/new", () => {
  it("sends anonymous visitors to log in and back, and 404s unknown cities", async () => {
    const anonymous = await run(newRoute.loader, get("/cities/oulu/ideas/new"), { city: "oulu" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers!.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/cities/oulu/ideas/new" })}`);
    const anonymousPost = await run(newRoute.action, post("/cities/oulu/ideas/new", validIdea()), { city: "oulu" });
    expect(anonymousPost.status).toBe(302);
    const cookie = await sessionCookie((await createUser()).id);
    expect((await run(newRoute.loader, get("/cities/atlantis/ideas/new", cookie), { city: "atlantis" })).status).toBe(404);
  });

  it("preselects a consultation of the city from the query string, never another city's", async () => {
    const author = await createUser();
    const cookie = await sessionCookie(author.id);
    const own = await createConsultation("oulu");
    const foreign = await createConsultation("messina");
    expect((await run(newRoute.loader, get(`/cities/oulu/ideas/new?consultation=${own.id}`, cookie), { city: "oulu" })).data!.consultation).toBe(own.id);
    expect((await run(newRoute.loader, get(`/cities/oulu/ideas/new?consultation=${foreign.id}`, cookie), { city: "oulu" })).data!.consultation).toBeNull();
  });

  it("submits a valid idea for moderation and redirects to it with a flash", async () => {
    const author = await createUser();
    const cookie = await sessionCookie(author.id);
    const consultation = await createConsultation("oulu");
    const organization = await createOrganization("oulu", author.id);
    const fields = validIdea({ title: `  Online   parking permits ${uniqueWord()} `, consultation: consultation.id, organization: organization.id });
    const outcome = await run(newRoute.action, post("/cities/oulu/ideas/new", fields, cookie), { city: "oulu" });
    expect(outcome.status).toBe(302);
    const location = outcome.headers!.get("Location")!;
    expect(location).toMatch(/^\/cities\/oulu\/ideas\/\d+$/);
    expect(outcome.headers!.get("Set-Cookie")).toContain("civicloop_flash=");
    const idea = await db.idea.findUniqueOrThrow({
      where: { number: Number(location.split("/").pop()) },
      select: { status: true, authorId: true, cityId: true, title: true, body: true, language: true, consultationId: true, organizationId: true, category: { select: { slug: true } }, events: { select: { type: true } } },
    });
    expect(idea).toMatchObject({
      status: "SUBMITTED",
      authorId: author.id,
      cityId: await cityId("oulu"),
      title: fields.title.trim().replace(/\s+/g, " "),
      body: fields.body,
      language: "ro",
      consultationId: consultation.id,
      organizationId: organization.id,
      category: { slug: "mobility" },
      events: [{ type: "SUBMITTED" }],
    });
  });

  it("refuses invalid input with 400, field errors and every value kept", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    const longBody = "x".repeat(BODY_MAX + 10);
    const fields = validIdea({ title: "short", category: "forged", language: "de", body: longBody });
    const outcome = await run(newRoute.action, post("/cities/oulu/ideas/new", fields, cookie), { city: "oulu" });
    expect(outcome.status).toBe(400);
    expect(outcome.data!.fieldErrors).toEqual({
      title: "ideaForm:errors.titleTooShort",
      body: "ideaForm:errors.bodyTooLong",
      category: "ideaForm:errors.categoryRequired",
      language: "ideaForm:errors.languageInvalid",
    });
    expect(outcome.data!.values).toMatchObject({ title: "short", summary: fields.summary, body: longBody, category: "forged" });
  });

  it("refuses a consultation of another city and an organization the author is not in", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    const foreign = await createConsultation("messina");
    const notMine = await createOrganization("oulu");
    const title = `Forged references ${uniqueWord()}`;
    const outcome = await run(newRoute.action, post("/cities/oulu/ideas/new", validIdea({ title, consultation: foreign.id, organization: notMine.id }), cookie), {
      city: "oulu",
    });
    expect(outcome.status).toBe(400);
    expect(outcome.data!.fieldErrors).toEqual({ consultation: "ideaForm:errors.consultationInvalid", organization: "ideaForm:errors.organizationInvalid" });
    expect(await db.idea.count({ where: { title } })).toBe(0);
  });

  it("refuses a consultation outside its ideation phase, or a draft, and lists only those taking ideas", async () => {
    const author = await createUser();
    const cookie = await sessionCookie(author.id);
    const early = await createConsultation("oulu", { phase: "before" });
    const late = await createConsultation("oulu", { phase: "SUPPORTS" });
    const draft = await createConsultation("oulu", { status: "DRAFT" });
    const choices = (await ideaFormChoices(await cityId("oulu"), author.id)).consultations.map((item) => item.id);
    for (const consultation of [early, late, draft]) expect(choices).not.toContain(consultation.id);
    const expected = { [early.id]: "consultations:errors.propose.notYet", [late.id]: "consultations:errors.propose.closed", [draft.id]: "ideaForm:errors.consultationInvalid" };
    for (const consultation of [early, late, draft]) {
      const title = `Closed phase ${uniqueWord()}`;
      const outcome = await run(newRoute.action, post("/cities/oulu/ideas/new", validIdea({ title, consultation: consultation.id }), cookie), { city: "oulu" });
      expect(outcome.status).toBe(400);
      expect(outcome.data!.fieldErrors).toEqual({ consultation: expected[consultation.id] });
      expect(outcome.data!.values).toMatchObject({ title, consultation: consultation.id });
      expect(await db.idea.count({ where: { title } })).toBe(0);
    }
  });

  it("previews the description without JavaScript, keeping the values and saving nothing", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    const title = `${uniqueWord()} ${uniqueWord()}`;
    const outcome = await run(newRoute.action, post("/cities/oulu/ideas/new", validIdea({ intent: "preview", title, summary: "" }), cookie), { city: "oulu" });
    expect(outcome.status).toBe(200);
    expect(outcome.data!.previewHtml).toContain("<h4>Why</h4>");
    expect(outcome.data!.previewHtml).not.toContain("<script>");
    expect(outcome.data!.values).toMatchObject({ title, summary: "" });
    expect(outcome.data!.fieldErrors).toEqual({});
    expect(outcome.data!.similar).toEqual([]); // shown together, so neither disappears
    expect(await db.idea.count({ where: { title } })).toBe(0);
  });

  it("lists similar ideas without JavaScript, never submitted ones", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    const word = uniqueWord();
    const published = await createIdea({ title: `Library ${word} opening hours` });
    await createIdea({ title: `Library ${word} pending`, published: false });
    const outcome = await run(newRoute.action, post("/cities/oulu/ideas/new", validIdea({ intent: "similar", title: word }), cookie), { city: "oulu" });
    expect(outcome.status).toBe(200);
    expect((outcome.data!.similar as { number: number }[]).map((idea) => idea.number)).toEqual([published.number]);
    expect(outcome.data!.values).toMatchObject({ title: word });
  });

  it("refuses unknown intents", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    expect((await run(newRoute.action, post("/cities/oulu/ideas/new", validIdea({ intent: "delete" }), cookie), { city: "oulu" })).status).toBe(400);
  });
});

describe("/cities/:city/ideas/:number/edit", () => {
  async function authorWithIdea(options: { published?: boolean } = {}) {
    const author = await createUser();
    const idea = await createIdea({ authorId: author.id, published: options.published ?? false, title: `Editable ${uniqueWord()} idea` });
    return { author, idea, cookie: await sessionCookie(author.id), params: { city: "oulu", number: String(idea.number) } };
  }

  it("shows the author the form prefilled, with the rendered description", async () => {
    const { idea, cookie, params } = await authorWithIdea();
    const outcome = await run(editRoute.loader, get(`/cities/oulu/ideas/${idea.number}/edit`, cookie), params);
    expect(outcome.status).toBe(200);
    expect(outcome.data!.denial).toBeNull();
    const form = outcome.data!.form as { values: Record<string, string>; previewHtml: string };
    expect(form.values).toMatchObject({ category: "mobility", language: "en" });
    expect(form.previewHtml).toContain("<h4>Why</h4>");
  });

  it("sends anonymous visitors to log in; 404s unknown ideas, other cities and bad numbers", async () => {
    const { idea, cookie, params } = await authorWithIdea();
    expect((await run(editRoute.loader, get(`/cities/oulu/ideas/${idea.number}/edit`), params)).status).toBe(302);
    expect((await run(editRoute.loader, get(`/cities/messina/ideas/${idea.number}/edit`, cookie), { ...params, city: "messina" })).status).toBe(404);
    expect((await run(editRoute.loader, get(`/cities/oulu/ideas/999999999/edit`, cookie), { ...params, number: "999999999" })).status).toBe(404);
    expect((await run(editRoute.loader, get(`/cities/oulu/ideas/abc/edit`, cookie), { ...params, number: "abc" })).status).toBe(404);
  });

  it("hides someone else's unpublished idea (404) and forbids editing someone else's public idea (403)", async () => {
    const stranger = await sessionCookie((await createUser()).id);
    const submitted = await authorWithIdea();
    expect((await run(editRoute.loader, get("/x", stranger), submitted.params)).status).toBe(404);
    expect((await run(editRoute.action, post("/x", validIdea(), stranger), submitted.params)).status).toBe(404);
    const published = await authorWithIdea({ published: true });
    expect((await run(editRoute.loader, get("/x", stranger), published.params)).status).toBe(403);
    expect((await run(editRoute.action, post("/x", validIdea(), stranger), published.params)).status).toBe(403);
  });

  it("saves the author's changes and redirects to the idea with a flash", async () => {
    const { idea, cookie, params } = await authorWithIdea();
    const fields = validIdea({ category: "open-data", language: "fi" });
    const outcome = await run(editRoute.action, post(`/cities/oulu/ideas/${idea.number}/edit`, fields, cookie), params);
    expect(outcome.status).toBe(302);
    expect(outcome.headers!.get("Location")).toBe(`/cities/oulu/ideas/${idea.number}`);
    expect(outcome.headers!.get("Set-Cookie")).toContain("civicloop_flash=");
    const saved = await db.idea.findUniqueOrThrow({
      where: { id: idea.id },
      select: { title: true, language: true, editedAt: true, category: { select: { slug: true } }, events: { select: { type: true } } },
    });
    expect(saved).toMatchObject({ title: fields.title, language: "fi", category: { slug: "open-data" } });
    expect(saved.editedAt).not.toBeNull();
    expect(saved.events.map((event) => event.type)).toContain("EDITED");
  });

  it("refuses invalid changes with 400 and keeps the values", async () => {
    const { idea, cookie, params } = await authorWithIdea();
    const outcome = await run(editRoute.action, post(`/cities/oulu/ideas/${idea.number}/edit`, validIdea({ summary: "too short" }), cookie), params);
    expect(outcome.status).toBe(400);
    expect(outcome.data!.fieldErrors).toEqual({ summary: "ideaForm:errors.summaryTooShort" });
    expect(outcome.data!.values).toMatchObject({ summary: "too short" });
  });

  it("explains why an idea with supports can no longer be edited, and refuses a late edit with hasActivity", async () => {
    const { idea, cookie, params } = await authorWithIdea({ published: true });
    const page = await run(editRoute.loader, get(`/cities/oulu/ideas/${idea.number}/edit`, cookie), params);
    expect(page.status).toBe(200);
    // A supporter arrives while the author is still typing.
    await db.idea.update({ where: { id: idea.id }, data: { supportCount: 1 } });
    const outcome = await run(editRoute.action, post(`/cities/oulu/ideas/${idea.number}/edit`, validIdea(), cookie), params);
    expect(outcome.status).toBe(409);
    expect(outcome.data!.formError).toBe("ideas:denial.hasActivity");
    const after = await run(editRoute.loader, get(`/cities/oulu/ideas/${idea.number}/edit`, cookie), params);
    expect(after.status).toBe(403);
    expect(after.data).toMatchObject({ denial: "hasActivity", form: null });
  });

  it("lists similar ideas without the idea itself", async () => {
    const word = uniqueWord();
    const author = await createUser();
    const cookie = await sessionCookie(author.id);
    const own = await createIdea({ authorId: author.id, title: `Museum ${word} tickets online` });
    const other = await createIdea({ title: `Museum ${word} audio guide` });
    const outcome = await run(editRoute.action, post("/x", validIdea({ intent: "similar", title: word }), cookie), { city: "oulu", number: String(own.number) });
    expect((outcome.data!.similar as { number: number }[]).map((idea) => idea.number)).toEqual([other.number]);
  });
});
