// The moderation pages as Remix runs them: 401 → login, 403 for citizens and other cities'
// moderators, 404 for forged ids, 400 with field errors for bad input — never a 500, never
// a changed row.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import * as auditRoute from "~/routes/cities.$city.moderation.audit";
import * as queueRoute from "~/routes/cities.$city.moderation._index";
import * as reportsRoute from "~/routes/cities.$city.moderation.reports";
import * as layoutRoute from "~/routes/cities.$city.moderation";
import * as userRoute from "~/routes/cities.$city.moderation.users.$userId";
import * as reportRoute from "~/routes/report";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";

const BASE = "http://localhost";

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

type Outcome = { status: number; data?: Record<string, unknown>; location?: string | null };

async function run(handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  try {
    const result = (await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } })) as unknown;
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
    if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
      const { data, init } = result as { data: Outcome["data"]; init?: ResponseInit };
      return { status: init?.status ?? 200, data };
    }
    return { status: 200, data: result as Outcome["data"] };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

async function person(roles: { role: "MODERATOR" | "CITY_ADMIN" | "NETWORK_ADMIN"; city?: string }[] = [], citySlug = "oulu") {
  const user = await createUser({ citySlug });
  for (const role of roles) {
    const cityId = role.city ? (await db.city.findUniqueOrThrow({ where: { slug: role.city } })).id : null;
    await db.roleAssignment.create({ data: { userId: user.id, role: role.role, cityId, scope: cityId ?? "network" } });
  }
  return { ...user, cookie: await sessionCookie(user.id) };
}

const OULU = { city: "oulu" };

describe("moderation pages: who may see them", () => {
  it("sends anonymous visitors to log in and refuses citizens and other cities' moderators", async () => {
    const citizen = await person();
    const messinaModerator = await person([{ role: "MODERATOR", city: "messina" }]);
    const ouluModerator = await person([{ role: "MODERATOR", city: "oulu" }]);
    const cityAdmin = await person([{ role: "CITY_ADMIN", city: "oulu" }]);
    const networkAdmin = await person([{ role: "NETWORK_ADMIN" }]);
    for (const [route, path] of [
      [layoutRoute, "/cities/oulu/moderation"],
      [queueRoute, "/cities/oulu/moderation"],
      [reportsRoute, "/cities/oulu/moderation/reports"],
      [auditRoute, "/cities/oulu/moderation/audit"],
    ] as const) {
      const anonymous = await run(route.loader, get(path), OULU);
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toContain("/login?redirectTo=");
      expect((await run(route.loader, get(path, citizen.cookie), OULU)).status).toBe(403);
      expect((await run(route.loader, get(path, messinaModerator.cookie), OULU)).status).toBe(403);
      for (const allowed of [ouluModerator, cityAdmin, networkAdmin]) expect((await run(route.loader, get(path, allowed.cookie), OULU)).status).toBe(200);
    }
    expect((await run(queueRoute.loader, get("/cities/nowhere/moderation", ouluModerator.cookie), { city: "nowhere" })).status).toBe(404);
  });
});

describe("review queue actions", () => {
  it("refuses citizens (403) and other cities' moderators (403 on this city, 404 for this idea on theirs), with no change", async () => {
    const idea = await createIdea({ published: false });
    const citizen = await person();
    const messinaModerator = await person([{ role: "MODERATOR", city: "messina" }]);
    const before = await db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect((await run(queueRoute.action, post("/cities/oulu/moderation", { intent: "publish", ideaId: idea.id }, citizen.cookie), OULU)).status).toBe(403);
    expect((await run(queueRoute.action, post("/cities/oulu/moderation", { intent: "publish", ideaId: idea.id }, messinaModerator.cookie), OULU)).status).toBe(403);
    expect(
      (await run(queueRoute.action, post("/cities/messina/moderation", { intent: "publish", ideaId: idea.id }, messinaModerator.cookie), { city: "messina" })).status,
    ).toBe(404);
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toEqual(before);
  });

  it("publishes, rejects with a reason and asks for changes; bad input is a 400 with the text kept; forged ids are 404", async () => {
    const moderator = await person([{ role: "MODERATOR", city: "oulu" }]);
    const [first, second, third] = [await createIdea({ published: false }), await createIdea({ published: false }), await createIdea({ published: false })];
    const path = "/cities/oulu/moderation";
    const published = await run(queueRoute.action, post(path, { intent: "publish", ideaId: first.id }, moderator.cookie), OULU);
    expect(published).toMatchObject({ status: 302, location: path });

    const missing = await run(queueRoute.action, post(path, { intent: "reject", ideaId: second.id, reasonCode: "", message: "short" }, moderator.cookie), OULU);
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({
      form: `reject:${second.id}`,
      fieldErrors: { reasonCode: "moderation:errors.reasonRequired", message: "moderation:errors.messageTooShort" },
      values: { message: "short" },
    });
    const rejected = await run(
      queueRoute.action,
      post(path, { intent: "reject", ideaId: second.id, reasonCode: "NOT_DIGITAL", message: "This is about road repairs, not a digital service." }, moderator.cookie),
      OULU,
    );
    expect(rejected.status).toBe(302);
    const changes = await run(
      queueRoute.action,
      post(path, { intent: "request-changes", ideaId: third.id, reasonCode: "UNCLEAR", message: "Please say which permits you mean." }, moderator.cookie),
      OULU,
    );
    expect(changes.status).toBe(302);
    expect(await db.idea.findMany({ where: { id: { in: [first.id, second.id, third.id] } }, select: { id: true, status: true } })).toEqual(
      expect.arrayContaining([
        { id: first.id, status: "PUBLISHED" },
        { id: second.id, status: "REJECTED" },
        { id: third.id, status: "SUBMITTED" },
      ]),
    );
    for (const forged of ["forged-0000", "'; drop table", ""]) {
      expect((await run(queueRoute.action, post(path, { intent: "publish", ideaId: forged }, moderator.cookie), OULU)).status).toBe(404);
    }
    expect((await run(queueRoute.action, post(path, { intent: "explode" }, moderator.cookie), OULU)).status).toBe(400);
    // Deciding a decided idea again: a flash, no change.
    expect(await run(queueRoute.action, post(path, { intent: "publish", ideaId: second.id }, moderator.cookie), OULU)).toMatchObject({ status: 302 });
    expect((await db.idea.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("REJECTED");
  });
});

describe("reports pages", () => {
  it("lets signed-in people report once (a second report is a friendly no-op) and refuses forged or bad input", async () => {
    const idea = await createIdea();
    const reporter = await person();
    const path = "/report";
    const anonymous = await run(reportRoute.loader, get(`${path}?type=IDEA&id=${idea.id}`), {});
    expect(anonymous.status).toBe(302);
    expect((await run(reportRoute.loader, get(`${path}?type=IDEA&id=${idea.id}`, reporter.cookie), {})).status).toBe(200);
    expect((await run(reportRoute.loader, get(`${path}?type=IDEA&id=forged`, reporter.cookie), {})).status).toBe(404);
    expect((await run(reportRoute.loader, get(`${path}?type=PLANET&id=${idea.id}`, reporter.cookie), {})).status).toBe(404);

    const fields = { targetType: "IDEA", targetId: idea.id, reason: "SPAM", details: "advert" };
    const first = await run(reportRoute.action, post(path, fields, reporter.cookie), {});
    const second = await run(reportRoute.action, post(path, fields, reporter.cookie), {});
    expect(first).toMatchObject({ status: 302, location: `/cities/oulu/ideas/${idea.number}` });
    expect(second).toMatchObject({ status: 302, location: `/cities/oulu/ideas/${idea.number}` });
    expect(await db.report.count({ where: { targetId: idea.id } })).toBe(1);

    const bad = await run(reportRoute.action, post(path, { ...fields, reason: "BORED", details: "x".repeat(1001) }, reporter.cookie), {});
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ fieldErrors: { reason: "moderation:errors.reportReasonRequired", details: "moderation:errors.detailsTooLong" } });
    expect((await run(reportRoute.action, post(path, { ...fields, targetId: "forged" }, reporter.cookie), {})).status).toBe(404);
  });

  it("hides, restores and dismisses only in the moderator's city; forged targets are 404 and a missing reason 400", async () => {
    const idea = await createIdea();
    const moderator = await person([{ role: "MODERATOR", city: "oulu" }]);
    const messinaModerator = await person([{ role: "MODERATOR", city: "messina" }]);
    const citizen = await person();
    const path = "/cities/oulu/moderation/reports";
    const hide = { intent: "hide", targetType: "IDEA", targetId: idea.id, reason: "Advertising" };
    expect((await run(reportsRoute.action, post(path, hide, citizen.cookie), OULU)).status).toBe(403);
    expect((await run(reportsRoute.action, post(path, hide, messinaModerator.cookie), OULU)).status).toBe(403);
    expect((await run(reportsRoute.action, post("/cities/messina/moderation/reports", hide, messinaModerator.cookie), { city: "messina" })).status).toBe(404);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).hiddenAt).toBeNull();

    const noReason = await run(reportsRoute.action, post(path, { ...hide, reason: "" }, moderator.cookie), OULU);
    expect(noReason).toMatchObject({ status: 400, data: { form: `hide:${idea.id}`, fieldErrors: { reason: "moderation:errors.hideReasonRequired" } } });
    expect((await run(reportsRoute.action, post(path, { ...hide, targetId: "forged" }, moderator.cookie), OULU)).status).toBe(404);
    expect((await run(reportsRoute.action, post(path, { ...hide, targetType: "USER" }, moderator.cookie), OULU)).status).toBe(404);
    expect((await run(reportsRoute.action, post(path, { ...hide, targetType: "PLANET" }, moderator.cookie), OULU)).status).toBe(404);

    expect((await run(reportsRoute.action, post(path, hide, moderator.cookie), OULU)).status).toBe(302);
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { hiddenReason: true } })).toEqual({ hiddenReason: "Advertising" });
    expect((await run(reportsRoute.action, post(path, { intent: "restore", targetType: "IDEA", targetId: idea.id }, moderator.cookie), OULU)).status).toBe(302);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).hiddenAt).toBeNull();
  });
});

describe("suspension page", () => {
  it("suspends and lifts; refuses oneself and network admins with a message, bad input with 400, unknown people with 404", async () => {
    const moderator = await person([{ role: "MODERATOR", city: "oulu" }]);
    const admin = await person([{ role: "NETWORK_ADMIN" }]);
    const target = await person();
    const citizen = await person();
    const path = (id: string) => `/cities/oulu/moderation/users/${id}`;
    const params = (id: string) => ({ city: "oulu", userId: id });
    const suspend = { intent: "suspend", duration: "7", reason: "Repeated insults" };

    expect((await run(userRoute.loader, get(path(target.id), moderator.cookie), params(target.id))).status).toBe(200);
    expect((await run(userRoute.loader, get(path("forged"), moderator.cookie), params("forged"))).status).toBe(404);
    expect((await run(userRoute.loader, get(path("bad id!"), moderator.cookie), params("bad id!"))).status).toBe(404);
    expect((await run(userRoute.action, post(path(target.id), suspend, citizen.cookie), params(target.id))).status).toBe(403);

    expect(await run(userRoute.action, post(path(moderator.id), suspend, moderator.cookie), params(moderator.id))).toMatchObject({ status: 302 });
    expect(await run(userRoute.action, post(path(admin.id), suspend, moderator.cookie), params(admin.id))).toMatchObject({ status: 302 });
    const bad = await run(userRoute.action, post(path(target.id), { intent: "suspend", duration: "forever", reason: "" }, moderator.cookie), params(target.id));
    expect(bad).toMatchObject({
      status: 400,
      data: { fieldErrors: { duration: "moderation:errors.durationRequired", reason: "moderation:errors.suspensionReasonRequired" } },
    });
    expect(
      await db.user.findMany({ where: { id: { in: [moderator.id, admin.id, target.id] }, suspendedAt: { not: null } }, select: { id: true } }),
    ).toEqual([]);

    expect(await run(userRoute.action, post(path(target.id), suspend, moderator.cookie), params(target.id))).toMatchObject({ status: 302, location: path(target.id) });
    // The suspended person's session is gone: their next request is anonymous.
    expect(await db.session.count({ where: { userId: target.id } })).toBe(0);
    expect((await run(reportRoute.loader, get(`/report?type=USER&id=${moderator.id}`, target.cookie), {})).status).toBe(302);
    expect(await run(userRoute.action, post(path(target.id), { intent: "unsuspend" }, moderator.cookie), params(target.id))).toMatchObject({ status: 302 });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();
  });
});
