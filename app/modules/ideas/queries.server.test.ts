import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Role } from "~/modules/accounts/roles.policy";
import { createUserSession } from "~/modules/accounts/session.server";
import * as ideaRoute from "~/routes/cities.$city.ideas.$number";
import { castSupport } from "~/modules/supports/supports.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { rejectIdea, setIdeaStatus, withdrawIdea } from "./ideas.server";
import { findIdeaForAction, getIdeaPage, parseIdeaNumber } from "./queries.server";

const as = (id: string, roles: Role[] = []) => ({ id, roles });

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

describe("parseIdeaNumber", () => {
  it("accepts positive integers only", () => {
    expect(parseIdeaNumber("1")).toBe(1);
    expect(parseIdeaNumber("2147483647")).toBe(2_147_483_647);
    for (const bad of ["", "0", "-1", "01", "1.5", "1e3", "abc", "2147483648", "99999999999", undefined, null]) {
      expect(parseIdeaNumber(bad as string | undefined)).toBeNull();
    }
  });
});

describe("getIdeaPage", () => {
  it("returns everything the page shows, with the rendered body and the timeline oldest first", async () => {
    const author = await createUser({ displayName: "Aino Author" });
    const idea = await createIdea({ authorId: author.id, body: "## Why\n<script>alert(1)</script> **bold**" });
    const admin = await createUser({ displayName: "Cai City" });
    await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id);

    const page = await getIdeaPage({ citySlug: "oulu", number: idea.number, viewer: null });
    expect(page).not.toBeNull();
    if (!page) return;
    expect(page).toMatchObject({
      number: idea.number,
      status: "UNDER_REVIEW",
      authorName: "Aino Author",
      categorySlug: "mobility",
      city: { slug: "oulu", name: expect.any(String), timeZone: "Europe/Helsinki" },
      consultation: null,
      organization: null,
      mergedInto: null,
      officialAnswer: null,
      supportCount: 0,
      hidden: false,
      viewer: { signedIn: false, isAuthor: false, supports: false, supportDenial: "signIn", editDenial: "signIn", withdrawDenial: "signIn" },
    });
    expect(page.bodyHtml).toContain("<h4>Why</h4>");
    expect(page.bodyHtml).toContain("<strong>bold</strong>");
    expect(page.bodyHtml).not.toContain("<script>");
    expect(page.publishedAt).toEqual(expect.any(String));
    expect(page.timeline.map((event) => [event.type, event.fromStatus, event.toStatus])).toEqual([
      ["SUBMITTED", null, "SUBMITTED"],
      ["PUBLISHED", "SUBMITTED", "PUBLISHED"],
      ["STATUS_CHANGED", "PUBLISHED", "UNDER_REVIEW"],
    ]);
    expect(page.timeline[0].actorName).toBe("Aino Author");
    expect(page.timeline[2].actorName).toBe("Cai City");
  });

  it("404s (null) for a number of another city, an unknown number, and unpublished or hidden ideas for outsiders", async () => {
    const idea = await createIdea({ citySlug: "oulu" });
    expect(await getIdeaPage({ citySlug: "messina", number: idea.number, viewer: null })).toBeNull();
    expect(await getIdeaPage({ citySlug: "oulu", number: 2_000_000_000, viewer: null })).toBeNull();

    const submitted = await createIdea({ published: false });
    const hidden = await createIdea();
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "Personal data" } });
    const stranger = await createUser();
    const ouluModerator = as("moderator", [{ role: "MODERATOR", cityId: await cityId("oulu") }]);
    const messinaModerator = as("moderator-2", [{ role: "MODERATOR", cityId: await cityId("messina") }]);

    for (const target of [submitted, hidden]) {
      for (const viewer of [null, as(stranger.id), messinaModerator]) {
        expect(await getIdeaPage({ citySlug: "oulu", number: target.number, viewer })).toBeNull();
        expect(await findIdeaForAction({ citySlug: "oulu", number: target.number, viewer })).toBeNull();
      }
      for (const viewer of [as(target.authorId), ouluModerator]) {
        expect(await getIdeaPage({ citySlug: "oulu", number: target.number, viewer })).not.toBeNull();
        expect(await findIdeaForAction({ citySlug: "oulu", number: target.number, viewer })).not.toBeNull();
      }
    }
    const seenByAuthor = await getIdeaPage({ citySlug: "oulu", number: hidden.number, viewer: as(hidden.authorId) });
    expect(seenByAuthor).toMatchObject({ hidden: true, hiddenReason: "Personal data", viewer: { isAuthor: true, supportDenial: "hidden" } });
  });

  it("tells the viewer what they may do: support, edit, withdraw", async () => {
    const idea = await createIdea();
    const supporter = await createUser();

    const authorView = await getIdeaPage({ citySlug: "oulu", number: idea.number, viewer: as(idea.authorId) });
    expect(authorView?.viewer).toMatchObject({ isAuthor: true, supportDenial: "ownIdea", editDenial: null, withdrawDenial: null });

    const before = await getIdeaPage({ citySlug: "oulu", number: idea.number, viewer: as(supporter.id) });
    expect(before?.viewer).toMatchObject({ isAuthor: false, supports: false, supportDenial: null, editDenial: "notAuthor", withdrawDenial: "notAuthor" });

    await castSupport(idea.id, as(supporter.id));
    const after = await getIdeaPage({ citySlug: "oulu", number: idea.number, viewer: as(supporter.id) });
    expect(after).toMatchObject({ supportCount: 1, viewer: { supports: true, supportDenial: null } });
    const authorLater = await getIdeaPage({ citySlug: "oulu", number: idea.number, viewer: as(idea.authorId) });
    expect(authorLater?.viewer.editDenial).toBe("hasActivity");
  });

  it("shows the official answer, the withdrawal reason and the idea it was merged into", async () => {
    const rejected = await createIdea();
    const admin = await createUser();
    await rejectIdea(rejected.id, admin.id, "Already planned for 2027.", "CITY_ADMIN");
    const rejectedPage = await getIdeaPage({ citySlug: "oulu", number: rejected.number, viewer: null });
    expect(rejectedPage).toMatchObject({ status: "REJECTED", officialAnswer: "Already planned for 2027." });
    expect(rejectedPage?.timeline.at(-1)).toMatchObject({ type: "REJECTED", reason: "Already planned for 2027." });

    const withdrawn = await createIdea();
    await withdrawIdea(withdrawn.id, as(withdrawn.authorId), "Duplicate of mine");
    const withdrawnPage = await getIdeaPage({ citySlug: "oulu", number: withdrawn.number, viewer: null });
    expect(withdrawnPage).toMatchObject({ status: "WITHDRAWN" });
    expect(withdrawnPage?.timeline.at(-1)).toMatchObject({ type: "WITHDRAWN", reason: "Duplicate of mine" });

    const kept = await createIdea({ title: "The one we keep" });
    const merged = await createIdea();
    await db.idea.update({ where: { id: merged.id }, data: { status: "MERGED", mergedIntoId: kept.id } });
    const mergedPage = await getIdeaPage({ citySlug: "oulu", number: merged.number, viewer: null });
    expect(mergedPage?.mergedInto).toEqual({ number: kept.number, title: "The one we keep", citySlug: "oulu" });

    // The merge target is not revealed to someone who may not see it.
    await db.idea.update({ where: { id: kept.id }, data: { hiddenAt: new Date() } });
    expect((await getIdeaPage({ citySlug: "oulu", number: merged.number, viewer: null }))?.mergedInto).toBeNull();
  });

  it("includes the organization and consultation when present", async () => {
    const author = await createUser();
    const idea = await createIdea({ authorId: author.id });
    const oulu = await cityId("oulu");
    const suffix = idea.number;
    const organization = await db.organization.create({ data: { slug: `org-${suffix}`, name: "Northern Apps Oy", cityId: oulu } });
    const consultation = await db.consultation.create({ data: { slug: `parking-${suffix}`, title: "How should parking go digital?", cityId: oulu } });
    await db.idea.update({ where: { id: idea.id }, data: { organizationId: organization.id, consultationId: consultation.id } });
    const page = await getIdeaPage({ citySlug: "oulu", number: idea.number, viewer: null });
    expect(page?.organization).toEqual({ name: "Northern Apps Oy", slug: `org-${suffix}` });
    expect(page?.consultation).toEqual({ title: "How should parking go digital?", slug: `parking-${suffix}` });
  });
});

// ---------------------------------------------------------------------------------------
// The idea page's loader and action, called with real requests (what Remix would send).
// ---------------------------------------------------------------------------------------
const BASE = "http://localhost";

async function sessionCookie(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

type Outcome = { status: number; data?: unknown; location?: string | null };

async function run(handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown, request: Request, params: Record<string, string>): Promise<Outcome> {
  try {
    const result = await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
    if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
      const { data, init } = result as { data: unknown; init?: ResponseInit };
      return { status: init?.status ?? 200, data };
    }
    return { status: 200, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

describe("idea page route", () => {
  const params = (number: number, city = "oulu") => ({ city, number: String(number) });
  const path = (number: number, city = "oulu") => `/cities/${city}/ideas/${number}`;

  it("loader: the page with its comments, 404 for bad numbers, other cities and hidden ideas", async () => {
    const idea = await createIdea();
    const ok = await run(ideaRoute.loader, new Request(`${BASE}${path(idea.number)}`), params(idea.number));
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ idea: { number: idea.number }, comments: { mode: "idea" }, viewerId: null, path: path(idea.number) });
    expect((ok.data as { loginHref: string }).loginHref).toBe(`/login?redirectTo=${encodeURIComponent(path(idea.number))}`);

    for (const [number, city] of [["abc", "oulu"], ["0", "oulu"], [String(idea.number), "messina"], ["999999999", "oulu"]]) {
      const request = new Request(`${BASE}/cities/${city}/ideas/${number}`);
      expect((await run(ideaRoute.loader, request, { city, number })).status).toBe(404);
    }
    const submitted = await createIdea({ published: false });
    expect((await run(ideaRoute.loader, new Request(`${BASE}${path(submitted.number)}`), params(submitted.number))).status).toBe(404);
  });

  it("action: anonymous posts go to the login page and come back", async () => {
    const idea = await createIdea();
    const outcome = await run(ideaRoute.action, post(path(idea.number), { intent: "support" }), params(idea.number));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/login?redirectTo=${encodeURIComponent(path(idea.number))}`);
    expect(await db.support.count({ where: { ideaId: idea.id } })).toBe(0);
  });

  it("action: support and withdraw, by form post (redirect + flash) and by script (data)", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    const cookie = await sessionCookie(supporter.id);

    const byForm = await run(ideaRoute.action, post(path(idea.number), { intent: "support" }, cookie), params(idea.number));
    expect(byForm).toMatchObject({ status: 302, location: path(idea.number) });
    expect(await db.support.count({ where: { ideaId: idea.id } })).toBe(1);

    const again = await run(ideaRoute.action, post(path(idea.number), { intent: "support", async: "1" }, cookie), params(idea.number));
    expect(again).toEqual({ status: 200, data: { ok: true, intent: "support", supported: true, supportCount: 1 } });

    const withdrawn = await run(ideaRoute.action, post(path(idea.number), { intent: "unsupport", async: "1" }, cookie), params(idea.number));
    expect(withdrawn).toEqual({ status: 200, data: { ok: true, intent: "unsupport", supported: false, supportCount: 0 } });

    const authorCookie = await sessionCookie(idea.authorId);
    const own = await run(ideaRoute.action, post(path(idea.number), { intent: "support", async: "1" }, authorCookie), params(idea.number));
    expect(own).toEqual({ status: 409, data: { ok: false, intent: "support", error: "ownIdea" } });
    const ownByForm = await run(ideaRoute.action, post(path(idea.number), { intent: "support" }, authorCookie), params(idea.number));
    expect(ownByForm).toMatchObject({ status: 302, location: path(idea.number) });
    expect(await db.support.count({ where: { ideaId: idea.id } })).toBe(0);
  });

  it("action: unknown intents are a 400, hidden or foreign ideas a 404", async () => {
    const idea = await createIdea();
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    expect((await run(ideaRoute.action, post(path(idea.number), { intent: "explode" }, cookie), params(idea.number))).status).toBe(400);
    expect((await run(ideaRoute.action, post(path(idea.number), {}, cookie), params(idea.number))).status).toBe(400);
    expect((await run(ideaRoute.action, post(path(idea.number, "messina"), { intent: "support" }, cookie), params(idea.number, "messina"))).status).toBe(404);
    const submitted = await createIdea({ published: false });
    expect((await run(ideaRoute.action, post(path(submitted.number), { intent: "support" }, cookie), params(submitted.number))).status).toBe(404);
  });

  it("action: only the author withdraws the idea; the reason is checked and kept", async () => {
    const idea = await createIdea();
    const other = await createUser();
    const otherCookie = await sessionCookie(other.id);
    const forged = await run(ideaRoute.action, post(path(idea.number), { intent: "withdraw", reason: "mine now" }, otherCookie), params(idea.number));
    expect(forged.status).toBe(403);

    const authorCookie = await sessionCookie(idea.authorId);
    const tooLong = await run(ideaRoute.action, post(path(idea.number), { intent: "withdraw", reason: "x".repeat(1001) }, authorCookie), params(idea.number));
    expect(tooLong).toMatchObject({ status: 400, data: { ok: false, form: "withdraw", fieldErrors: { reason: "ideaPage:errors.reasonTooLong" } } });
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("PUBLISHED");

    const done = await run(ideaRoute.action, post(path(idea.number), { intent: "withdraw", reason: "  Solved elsewhere  " }, authorCookie), params(idea.number));
    expect(done).toMatchObject({ status: 302, location: path(idea.number) });
    const event = await db.ideaEvent.findFirstOrThrow({ where: { ideaId: idea.id, type: "WITHDRAWN" } });
    expect(event.reason).toBe("Solved elsewhere");

    // Still visible to everyone, marked as withdrawn.
    const page = await run(ideaRoute.loader, new Request(`${BASE}${path(idea.number)}`), params(idea.number));
    expect(page).toMatchObject({ status: 200, data: { idea: { status: "WITHDRAWN" } } });
    // A second (double) submission is refused with a message, not an error page.
    const twice = await run(ideaRoute.action, post(path(idea.number), { intent: "withdraw" }, authorCookie), params(idea.number));
    expect(twice).toMatchObject({ status: 302, location: path(idea.number) });
  });
});
