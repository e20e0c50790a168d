// The organization pages as Remix runs them: authorization (401 → login, 403, 404), bad
// input (400 with localized field errors, never a 500) and the invitation link's states.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import * as accountRoute from "~/routes/account.organizations";
import * as invitationRoute from "~/routes/invitations.$token";
import * as directoryRoute from "~/routes/organizations._index";
import * as editRoute from "~/routes/organizations.$slug_.edit";
import * as membersRoute from "~/routes/organizations.$slug_.members";
import * as profileRoute from "~/routes/organizations.$slug";
import * as newRoute from "~/routes/organizations.new";
import { createUser, uniqueEmail } from "~/testing/factories";
import { createTestOrganization } from "~/testing/organizations-factories";
import { db } from "~/utils/db.server";
import { hashInvitationToken, inviteMember } from "./invitations.server";

const BASE = "http://localhost";

async function sessionCookie(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

function get(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

function post(path: string, fields: [string, string][] | Record<string, string>, cookie?: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

type Outcome = { status: number; data?: Record<string, unknown>; headers?: Headers };

async function run(handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
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

const profileFields = (overrides: Record<string, string> = {}, sectors = ["software", "civic-tech"]): [string, string][] => [
  ...Object.entries({
    name: "Route Studio",
    skills: "React, GIS",
    website: "studio.example",
    city: "botosani",
    description: "We build accessible web services for the city.",
    size: "SMALL",
    contactEmail: "",
    contactPhone: "",
    ...overrides,
  }),
  ...sectors.map((sector): [string, string] => ["sectors", sector]),
];

describe("/organizations/new", () => {
  it("sends visitors to the login page and back", async () => {
    const outcome = await run(newRoute.loader, get("/organizations/new"));
    expect(outcome.status).toBe(302);
    expect(outcome.headers?.get("Location")).toBe("/login?redirectTo=%2Forganizations%2Fnew");
    expect((await run(newRoute.action, post("/organizations/new", profileFields()))).status).toBe(302);
    expect(await db.organization.count({ where: { name: "Route Studio" } })).toBe(0);
  });

  it("creates the organization from a plain form post with several sectors", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const outcome = await run(newRoute.action, post("/organizations/new", profileFields({ name: "Route Studio Botoșani" }), cookie));
    expect(outcome.status).toBe(302);
    expect(outcome.headers?.get("Location")).toMatch(/^\/organizations\/route-studio-botosani(-[a-z0-9]+)?$/);
    const slug = outcome.headers!.get("Location")!.split("/").pop()!;
    const organization = await db.organization.findUniqueOrThrow({
      where: { slug },
      select: { sectors: true, skills: true, website: true, city: { select: { slug: true } }, members: { select: { userId: true, role: true } } },
    });
    expect(organization).toEqual({
      sectors: ["software", "civic-tech"],
      skills: ["React", "GIS"],
      website: "https://studio.example/",
      city: { slug: "botosani" },
      members: [{ userId: user.id, role: "OWNER" }],
    });
  });

  it("answers bad input with 400 and localized errors, keeping what was typed", async () => {
    const cookie = await sessionCookie((await createUser()).id);
    const outcome = await run(
      newRoute.action,
      post("/organizations/new", profileFields({ website: "javascript:alert(1)", city: "atlantis", name: "X" }, ["software", "nope"]), cookie),
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      ok: false,
      fieldErrors: {
        name: "organizations:errors.nameTooShort",
        website: "organizations:errors.websiteInvalid",
        city: "organizations:errors.cityRequired",
        sectors: "organizations:errors.sectorInvalid",
      },
      values: { website: "javascript:alert(1)", name: "X" },
      sectors: ["software"],
    });
    // Not a form at all: 400, not 500.
    const json = new Request(`${BASE}/organizations/new`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: "{}" });
    expect((await run(newRoute.action, json)).status).toBe(400);
  });
});

describe("/organizations/:slug/edit and /members", () => {
  it("are for owners: members and strangers get 403, visitors the login page, unknown slugs 404", async () => {
    const member = await createUser();
    const stranger = await createUser();
    const organization = await createTestOrganization({ members: [member.id] });
    const params = { slug: organization.slug };
    for (const route of [editRoute, membersRoute]) {
      const path = `/organizations/${organization.slug}/${route === editRoute ? "edit" : "members"}`;
      expect((await run(route.loader, get(path, await sessionCookie(organization.ownerId)), params)).status).toBe(200);
      expect((await run(route.loader, get(path, await sessionCookie(member.id)), params)).status).toBe(403);
      expect((await run(route.loader, get(path, await sessionCookie(stranger.id)), params)).status).toBe(403);
      expect((await run(route.loader, get(path), params)).status).toBe(302);
      expect((await run(route.loader, get(path, await sessionCookie(stranger.id)), { slug: "no-such-org" })).status).toBe(404);
    }
    const edit = await run(editRoute.action, post(`/organizations/${organization.slug}/edit`, profileFields({ name: "Hijacked" }), await sessionCookie(member.id)), params);
    expect(edit.status).toBe(403);
    const invite = await run(
      membersRoute.action,
      post(`/organizations/${organization.slug}/members`, { intent: "invite", email: uniqueEmail() }, await sessionCookie(member.id)),
      params,
    );
    expect(invite.status).toBe(403);
    const remove = await run(
      membersRoute.action,
      post(`/organizations/${organization.slug}/members`, { intent: "remove", userId: organization.ownerId }, await sessionCookie(stranger.id)),
      params,
    );
    expect(remove.status).toBe(403);
    expect(await db.organizationMember.count({ where: { organizationId: organization.id } })).toBe(2);
  });

  it("lets an owner save the profile, and gives the contact data to owners only", async () => {
    const organization = await createTestOrganization();
    const cookie = await sessionCookie(organization.ownerId);
    const params = { slug: organization.slug };
    const loaded = await run(editRoute.loader, get(`/organizations/${organization.slug}/edit`, cookie), params);
    expect(loaded.data).toMatchObject({ organization: { values: { contactEmail: "hello@studio.example" } } });
    const saved = await run(
      editRoute.action,
      post(`/organizations/${organization.slug}/edit`, profileFields({ name: "Saved Studio", contactEmail: "new@studio.example" }, ["energy"]), cookie),
      params,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers?.get("Location")).toBe(`/organizations/${organization.slug}`);
    const page = await run(profileRoute.loader, get(`/organizations/${organization.slug}`), params);
    expect(page.data).toMatchObject({ organization: { name: "Saved Studio", sectors: ["energy"] }, role: null });
    expect(JSON.stringify(page.data)).not.toContain("new@studio.example");
  });

  it("invites from the members page with localized errors, and refuses removing the last owner", async () => {
    const organization = await createTestOrganization();
    const cookie = await sessionCookie(organization.ownerId);
    const params = { slug: organization.slug };
    const path = `/organizations/${organization.slug}/members`;
    expect((await run(membersRoute.action, post(path, { intent: "invite", email: "not-an-email" }, cookie), params)).data).toMatchObject({
      fieldErrors: { email: "validation:email.invalid" },
    });
    const email = uniqueEmail();
    expect((await run(membersRoute.action, post(path, { intent: "invite", email }, cookie), params)).status).toBe(302);
    expect(await db.organizationInvitation.count({ where: { organizationId: organization.id, emailNormalized: email.toLowerCase() } })).toBe(1);
    const owner = await db.user.findUniqueOrThrow({ where: { id: organization.ownerId }, select: { email: true } });
    const alreadyIn = await run(membersRoute.action, post(path, { intent: "invite", email: owner.email }, cookie), params);
    expect(alreadyIn).toMatchObject({ status: 400, data: { fieldErrors: { email: "organizations:errors.alreadyMember" } } });
    const lastOwner = await run(membersRoute.action, post(path, { intent: "remove", userId: organization.ownerId }, cookie), params);
    expect(lastOwner.status).toBe(302);
    expect(await db.organizationMember.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
    expect((await run(membersRoute.action, post(path, { intent: "explode" }, cookie), params)).status).toBe(400);
  });
});

describe("/invitations/:token", () => {
  async function invitation() {
    const organization = await createTestOrganization();
    const invitee = await createUser();
    const result = await inviteMember({
      organizationId: organization.id,
      inviter: { id: organization.ownerId, displayName: "Owner", emailVerified: true },
      email: invitee.email,
      locale: "en",
    });
    if (!result.ok) throw new Error(result.error);
    return { organization, invitee, token: result.token, path: `/invitations/${result.token}` };
  }

  it("explains each state with its own status", async () => {
    const { organization, invitee, token, path } = await invitation();
    expect(await run(invitationRoute.loader, get("/invitations/nonsense"), { token: "nonsense" })).toMatchObject({ status: 404, data: { state: "invalid" } });
    expect(await run(invitationRoute.loader, get(path), { token })).toMatchObject({
      status: 200,
      data: { state: "signIn", loginHref: `/login?redirectTo=${encodeURIComponent(path)}`, organization: { slug: organization.slug } },
    });
    const other = await createUser();
    const wrong = await run(invitationRoute.loader, get(path, await sessionCookie(other.id)), { token });
    expect(wrong).toMatchObject({ status: 403, data: { state: "wrongAccount" } });
    expect(JSON.stringify(wrong.data)).not.toContain(invitee.email);
    const cookie = await sessionCookie(invitee.id);
    expect(await run(invitationRoute.loader, get(path, cookie), { token })).toMatchObject({ status: 200, data: { state: "ready" } });

    // Accepting needs a session; the login page brings people back.
    const anonymous = await run(invitationRoute.action, post(path, {}), { token });
    expect(anonymous.headers?.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    // Another account: nothing changes, back to the page that explains.
    expect((await run(invitationRoute.action, post(path, {}, await sessionCookie(other.id)), { token })).headers?.get("Location")).toBe(path);
    expect(await db.organizationMember.count({ where: { organizationId: organization.id, userId: other.id } })).toBe(0);

    const accepted = await run(invitationRoute.action, post(path, {}, cookie), { token });
    expect(accepted.headers?.get("Location")).toBe(`/organizations/${organization.slug}`);
    expect(await run(invitationRoute.loader, get(path, cookie), { token })).toMatchObject({ data: { state: "member" } });
    expect(await run(invitationRoute.loader, get(path, await sessionCookie(other.id)), { token })).toMatchObject({ status: 410, data: { state: "used" } });
    // Twice: still one membership.
    expect((await run(invitationRoute.action, post(path, {}, cookie), { token })).headers?.get("Location")).toBe(`/organizations/${organization.slug}`);
    expect(await db.organizationMember.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(1);
  });

  it("shows an expired invitation as expired", async () => {
    const { invitee, token, path } = await invitation();
    await db.organizationInvitation.update({ where: { tokenHash: hashInvitationToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await run(invitationRoute.loader, get(path, await sessionCookie(invitee.id)), { token })).toMatchObject({ status: 410, data: { state: "expired" } });
  });
});

describe("/account/organizations and /organizations", () => {
  it("lets a member leave but not the last owner", async () => {
    const member = await createUser();
    const organization = await createTestOrganization({ members: [member.id] });
    const ownerCookie = await sessionCookie(organization.ownerId);
    await run(accountRoute.action, post("/account/organizations", { intent: "leave", organizationId: organization.id }, ownerCookie));
    expect(await db.organizationMember.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
    await run(accountRoute.action, post("/account/organizations", { intent: "leave", organizationId: organization.id }, await sessionCookie(member.id)));
    expect(await db.organizationMember.count({ where: { organizationId: organization.id } })).toBe(1);
    const page = await run(accountRoute.loader, get("/account/organizations", ownerCookie));
    expect(page.data).toMatchObject({ memberships: [{ role: "OWNER", ownerCount: 1, organization: { id: organization.id } }] });
  });

  it("shows the directory with bad filters falling back to defaults", async () => {
    const outcome = await run(directoryRoute.loader, get("/organizations?city=atlantis&sector=%3Cscript%3E&page=-4"));
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({ query: { city: "", sector: "" }, page: 1 });
    expect((await run(profileRoute.loader, get("/organizations/nope"), { slug: "nope" })).status).toBe(404);
  });
});
