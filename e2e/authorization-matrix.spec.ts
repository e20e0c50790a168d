// The authorization matrix: every route of the app (read from the Remix build's route
// manifest, so a new route cannot be forgotten) × every kind of person, for its loader
// (GET) and its action (POST with a harmless body). Plus checks that unpublished, hidden
// and draft content never leaks to people who may not see it.
//
// No browser: plain HTTP requests with each person's session cookie (sessions are
// created directly in the database), against the real production server of the e2e run.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { createPublishedIdea } from "./support/ideas";

const ROLES = [
  "anonymous",
  "citizen",
  "otherCitizen",
  "entrepreneur",
  "moderator",
  "otherModerator",
  "cityAdmin",
  "networkAdmin",
] as const;
type RoleKey = (typeof ROLES)[number];

/**
 * What a request must get:
 * - a status code (200, 400, 404, 405, 410, 403),
 * - "login": a redirect to /login?redirectTo=…,
 * - "redirect": a redirect elsewhere,
 * - "allowed" (actions): anything but a denial (401/403/login) or a server error.
 */
type Outcome = number | "login" | "redirect" | "allowed";
type PerRole = Record<RoleKey, Outcome>;
type Expectation = {
  url: (f: Fixtures) => string;
  get: PerRole;
  post: PerRole | null;
  body?: (f: Fixtures) => Record<string, string>;
};

type Fixtures = {
  city: string;
  ideaNumber: number;
  commentId: string;
  consultationSlug: string;
  draftConsultationSlug: string;
  organizationSlug: string;
  citizenId: string;
};

const all = (outcome: Outcome): PerRole =>
  Object.fromEntries(ROLES.map((role) => [role, outcome])) as PerRole;
/** Signed-in people only: anonymous visitors are sent to log in. */
const signedIn = (outcome: Outcome): PerRole => ({
  ...all(outcome),
  anonymous: "login",
});
const ALLOWED_BY_LEVEL = {
  moderator: ["moderator", "cityAdmin", "networkAdmin"],
  cityAdmin: ["cityAdmin", "networkAdmin"],
  networkAdmin: ["networkAdmin"],
} as const;
/** Officials of this city (or of the network) only; everybody else 403, anonymous → login. */
const officials = (
  level: keyof typeof ALLOWED_BY_LEVEL,
  outcome: Outcome = 200
): PerRole =>
  Object.fromEntries(
    ROLES.map((role) => [
      role,
      role === "anonymous"
        ? "login"
        : (ALLOWED_BY_LEVEL[level] as readonly string[]).includes(role)
        ? outcome
        : 403,
    ])
  ) as PerRole;
const only = (base: PerRole, changes: Partial<PerRole>): PerRole => ({
  ...base,
  ...changes,
});

const CITY = "oulu";
const OTHER_CITY = "messina";

/**
 * One entry per route id of the manifest. `url` is a concrete address whose request runs
 * the route's loader (for layouts: one of their pages).
 */
const EXPECTATIONS: Record<string, Expectation> = {
  root: { url: () => "/", get: all(200), post: all(405) },
  "routes/_index": { url: () => "/", get: all(200), post: all(405) },
  "routes/$": { url: () => "/no-such-page", get: all(404), post: all(404) },
  "routes/accessibility": {
    url: () => "/accessibility",
    get: all(200),
    post: all(405),
  },
  "routes/privacy": { url: () => "/privacy", get: all(200), post: all(405) },
  "routes/terms": { url: () => "/terms", get: all(200), post: all(405) },
  "routes/login": {
    url: () => "/login",
    get: only(all("redirect"), { anonymous: 200 }),
    post: all("allowed"),
  },
  "routes/register": {
    url: () => "/register",
    get: only(all("redirect"), { anonymous: 200 }),
    post: all("allowed"),
  },
  "routes/forgot-password": {
    url: () => "/forgot-password",
    get: all(200),
    post: all("allowed"),
  },
  "routes/reset-password": {
    url: () => "/reset-password?token=forged",
    get: all(410),
    post: all(400),
  },
  "routes/verify-email": {
    url: () => "/verify-email?token=forged",
    get: all(410),
    post: all(410),
  },
  "routes/logout": {
    url: () => "/logout",
    get: all("redirect"),
    post: all("redirect"),
  },
  "routes/language": {
    url: () => "/language",
    get: all("redirect"),
    post: all("redirect"),
  },
  "routes/markdown-preview": {
    url: () => "/markdown-preview",
    get: all(405),
    post: only(all(400), { anonymous: 401 }),
  },
  "routes/dev.outbox": {
    url: () => "/dev/outbox",
    get: only(all(404), { networkAdmin: 200 }),
    post: all(405),
  },
  // A layout without an action: a POST to its address (without ?index) is refused for everyone.
  "routes/account": {
    url: () => "/account",
    get: signedIn(200),
    post: all(405),
  },
  "routes/account._index": {
    url: () => "/account?index",
    get: signedIn(200),
    post: signedIn("allowed"),
  },
  "routes/account.password": {
    url: () => "/account/password",
    get: signedIn(200),
    post: signedIn(400),
  },
  "routes/account.sessions": {
    url: () => "/account/sessions",
    get: signedIn(200),
    post: signedIn("allowed"),
  },
  "routes/account.organizations": {
    url: () => "/account/organizations",
    get: signedIn(200),
    post: signedIn("allowed"),
  },
  "routes/ideas._index": { url: () => "/ideas", get: all(200), post: all(405) },
  "routes/consultations._index": {
    url: () => "/consultations",
    get: all(200),
    post: all(405),
  },
  "routes/network._index": {
    url: () => "/network",
    get: all(200),
    post: all(405),
  },
  "routes/organizations._index": {
    url: () => "/organizations",
    get: all(200),
    post: all(405),
  },
  "routes/organizations.new": {
    url: () => "/organizations/new",
    get: signedIn("allowed"),
    post: signedIn("allowed"),
  },
  "routes/organizations.$slug": {
    url: (f) => `/organizations/${f.organizationSlug}`,
    get: all(200),
    // Follow / unfollow; the matrix's unknown intent is a 400.
    post: signedIn(400),
  },
  "routes/organizations.$slug_.edit": {
    url: (f) => `/organizations/${f.organizationSlug}/edit`,
    get: only(signedIn(403), { entrepreneur: 200 }),
    post: only(signedIn(403), { entrepreneur: "allowed" }),
  },
  "routes/organizations.$slug_.members": {
    url: (f) => `/organizations/${f.organizationSlug}/members`,
    get: only(signedIn(403), { entrepreneur: 200 }),
    post: only(signedIn(403), { entrepreneur: "allowed" }),
  },
  // A forged invitation: 404 page; accepting it sends back to the page with an error.
  "routes/invitations.$token": {
    url: () => "/invitations/forged-token",
    get: all(404),
    post: signedIn("redirect"),
  },
  "routes/report": {
    url: () => "/report",
    get: signedIn(404),
    post: signedIn(404),
  },
  "routes/cities.$city": {
    url: (f) => `/cities/${f.city}`,
    get: all(200),
    post: all(405),
  },
  "routes/cities.$city._index": {
    url: (f) => `/cities/${f.city}`,
    get: all(200),
    post: all(405),
  },
  "routes/cities.$city.ideas._index": {
    url: (f) => `/cities/${f.city}/ideas`,
    get: all(200),
    post: all(405),
  },
  "routes/cities.$city.ideas.new": {
    url: (f) => `/cities/${f.city}/ideas/new`,
    get: signedIn(200),
    post: signedIn(400),
  },
  "routes/cities.$city.ideas.similar": {
    url: (f) => `/cities/${f.city}/ideas/similar?title=parking`,
    get: all(200),
    post: all(405),
  },
  "routes/cities.$city.ideas.$number": {
    url: (f) => `/cities/${f.city}/ideas/${f.ideaNumber}`,
    get: all(200),
    post: signedIn(400),
  },
  "routes/cities.$city.ideas.$number_.edit": {
    url: (f) => `/cities/${f.city}/ideas/${f.ideaNumber}/edit`,
    get: only(signedIn(403), { citizen: 200 }),
    post: only(signedIn(403), { citizen: "allowed" }),
  },
  // The fixture idea is published: the pilot and launch forms explain they are not available yet (200).
  "routes/cities.$city.ideas.$number_.pilot": {
    url: (f) => `/cities/${f.city}/ideas/${f.ideaNumber}/pilot`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", 400),
  },
  "routes/cities.$city.ideas.$number_.launch": {
    url: (f) => `/cities/${f.city}/ideas/${f.ideaNumber}/launch`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", 400),
  },
  "routes/cities.$city.ideas.$number_.testers": {
    url: (f) => `/cities/${f.city}/ideas/${f.ideaNumber}/testers`,
    get: all("redirect"),
    post: signedIn(400),
  },
  "routes/cities.$city.ideas.$number_.comments.$commentId": {
    url: (f) =>
      `/cities/${f.city}/ideas/${f.ideaNumber}/comments/${f.commentId}`,
    get: all(200),
    post: signedIn(400),
  },
  "routes/cities.$city.consultations._index": {
    url: (f) => `/cities/${f.city}/consultations`,
    get: all(200),
    post: all(405),
  },
  "routes/cities.$city.consultations.new": {
    url: (f) => `/cities/${f.city}/consultations/new`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", "allowed"),
  },
  "routes/cities.$city.consultations.$slug": {
    url: (f) => `/cities/${f.city}/consultations/${f.consultationSlug}`,
    get: all(200),
    post: signedIn("allowed"),
  },
  "routes/cities.$city.consultations.$slug_.edit": {
    url: (f) => `/cities/${f.city}/consultations/${f.consultationSlug}/edit`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", "allowed"),
  },
  "routes/cities.$city.consultations.$slug_.participants": {
    url: (f) =>
      `/cities/${f.city}/consultations/${f.consultationSlug}/participants`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  "routes/cities.$city.consultations.$slug_.partners[.]csv": {
    url: (f) =>
      `/cities/${f.city}/consultations/${f.consultationSlug}/partners.csv`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  // Notifications (issue 5).
  "routes/notifications": {
    url: () => "/notifications",
    get: signedIn(200),
    post: signedIn(400),
  },
  "routes/account.notifications": {
    url: () => "/account/notifications",
    get: signedIn(200),
    post: signedIn(400),
  },
  "routes/unsubscribe": {
    url: () => "/unsubscribe?token=forged",
    get: all(400),
    post: all(400),
  },
  // Moderation (issue 6, items 1–4).
  "routes/cities.$city.moderation": {
    url: (f) => `/cities/${f.city}/moderation`,
    get: officials("moderator"),
    post: all(405),
  },
  "routes/cities.$city.moderation._index": {
    url: (f) => `/cities/${f.city}/moderation?index`,
    get: officials("moderator"),
    post: officials("moderator", "allowed"),
  },
  "routes/cities.$city.moderation.reports": {
    url: (f) => `/cities/${f.city}/moderation/reports`,
    get: officials("moderator"),
    post: officials("moderator", "allowed"),
  },
  "routes/cities.$city.moderation.audit": {
    url: (f) => `/cities/${f.city}/moderation/audit`,
    get: officials("moderator"),
    post: all(405),
  },
  "routes/cities.$city.moderation.users.$userId": {
    url: (f) => `/cities/${f.city}/moderation/users/${f.citizenId}`,
    get: officials("moderator"),
    post: officials("moderator", "allowed"),
  },
  // City and network administration (issue 6, items 5–7).
  "routes/cities.$city.admin._index": {
    url: (f) => `/cities/${f.city}/admin`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  "routes/cities.$city.admin.settings": {
    url: (f) => `/cities/${f.city}/admin/settings`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", 400),
  },
  "routes/cities.$city.admin.categories": {
    url: (f) => `/cities/${f.city}/admin/categories`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", 400),
  },
  "routes/cities.$city.admin.merge": {
    url: (f) => `/cities/${f.city}/admin/merge`,
    get: officials("cityAdmin"),
    post: officials("cityAdmin", 400),
  },
  "routes/cities.$city.admin.statistics": {
    url: (f) => `/cities/${f.city}/admin/statistics`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  "routes/cities.$city.admin.ideas[.]csv": {
    url: (f) => `/cities/${f.city}/admin/ideas.csv`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  // Absorption (issue 8, items 3–6). The fixture idea is published, not launched: the
  // feedback form answers 404 to signed-in people (nothing to give feedback on).
  "routes/cities.$city.services": {
    url: (f) => `/cities/${f.city}/services`,
    get: all(200),
    post: all(405),
  },
  "routes/cities.$city.ideas.$number_.feedback": {
    url: (f) => `/cities/${f.city}/ideas/${f.ideaNumber}/feedback`,
    get: signedIn(404),
    post: signedIn(404),
  },
  "routes/cities.$city.moderation.feedback": {
    url: (f) => `/cities/${f.city}/moderation/feedback`,
    get: officials("moderator"),
    post: officials("moderator", 400),
  },
  "routes/cities.$city.admin.absorption": {
    url: (f) => `/cities/${f.city}/admin/absorption`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  "routes/cities.$city.admin.absorption[.]csv": {
    url: (f) => `/cities/${f.city}/admin/absorption.csv`,
    get: officials("cityAdmin"),
    post: all(405),
  },
  "routes/network.comparison": {
    url: () => "/network/comparison",
    get: all(200),
    post: all(405),
  },
  "routes/network.admin": {
    url: () => "/network/admin",
    get: officials("networkAdmin"),
    post: officials("networkAdmin", 400),
  },
};

/** The route ids of the production build's manifest. */
async function manifestRouteIds(): Promise<string[]> {
  const file = path.resolve("build/index.js");
  if (!existsSync(file))
    throw new Error("build/index.js is missing: run `npx remix build` first");
  const build = (await import(pathToFileURL(file).href)) as {
    routes: Record<string, unknown>;
  };
  return Object.keys(build.routes).sort();
}

function describeOutcome(status: number, location: string | null): string {
  if (status >= 300 && status < 400)
    return location?.startsWith("/login") ? "login" : `redirect(${location})`;
  return String(status);
}

function matches(
  expected: Outcome,
  status: number,
  location: string | null
): boolean {
  const isRedirect = status >= 300 && status < 400;
  const toLogin = isRedirect && Boolean(location?.startsWith("/login"));
  switch (expected) {
    case "login":
      return toLogin;
    case "redirect":
      return isRedirect && !toLogin;
    case "allowed":
      return status < 500 && status !== 401 && status !== 403 && !toLogin;
    default:
      return status === expected;
  }
}

const sessions = new Map<RoleKey, string | null>();
const userIds = new Map<RoleKey, string>();
let fixtures: Fixtures;
const secrets = {
  submittedTitle: "",
  submittedNumber: 0,
  hiddenTitle: "",
  hiddenNumber: 0,
  draftTitle: "",
  otherCitySubmittedNumber: 0,
};

async function sessionFor(userId: string): Promise<string> {
  const id =
    randomUUID().replaceAll("-", "") + randomUUID().replaceAll("-", "");
  await testDb().session.create({
    data: { id, userId, expiresAt: new Date(Date.now() + 24 * 3600_000) },
  });
  return id;
}

/**
 * One request with exactly this person's session cookie (plain fetch: no cookie jar, so
 * nothing carries over between people), redirects not followed.
 */
async function send(
  _request: APIRequestContext | null,
  role: RoleKey,
  method: "GET" | "POST",
  url: string,
  form?: Record<string, string>
) {
  const session = sessions.get(role);
  const headers: Record<string, string> = session
    ? { Cookie: `civicloop_session=${session}` }
    : {};
  const init: RequestInit = { method, headers, redirect: "manual" };
  if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams(
      form ?? { intent: "authorization-matrix" }
    ).toString();
  }
  const response = await fetch(new URL(url, process.env.E2E_BASE_URL), init);
  const body = await response.text();
  const location = response.headers.get("location");
  return {
    status: response.status,
    location: location
      ? location.replace(process.env.E2E_BASE_URL ?? "", "")
      : null,
    text: async () => body,
  };
}

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  const db = testDb();
  const citizen = await createUser({
    displayName: "Matrix Citizen",
    city: CITY,
  });
  const otherCitizen = await createUser({
    displayName: "Matrix Other Citizen",
    city: CITY,
  });
  const entrepreneur = await createUser({
    displayName: "Matrix Entrepreneur",
    city: CITY,
    kind: "ENTREPRENEUR",
  });
  const moderator = await createUser({
    displayName: "Matrix Moderator",
    roles: [{ role: "MODERATOR", city: CITY }],
  });
  const otherModerator = await createUser({
    displayName: "Matrix Other Moderator",
    roles: [{ role: "MODERATOR", city: OTHER_CITY }],
  });
  const cityAdmin = await createUser({
    displayName: "Matrix City Admin",
    roles: [{ role: "CITY_ADMIN", city: CITY }],
  });
  const networkAdmin = await createUser({
    displayName: "Matrix Network Admin",
    roles: [{ role: "NETWORK_ADMIN" }],
  });
  const people = {
    citizen,
    otherCitizen,
    entrepreneur,
    moderator,
    otherModerator,
    cityAdmin,
    networkAdmin,
  };
  sessions.set("anonymous", null);
  for (const [role, person] of Object.entries(people)) {
    userIds.set(role as RoleKey, person.id);
    sessions.set(role as RoleKey, await sessionFor(person.id));
  }

  // The citizen's published idea, with a comment.
  const idea = await createPublishedIdea({ authorId: citizen.id, city: CITY });
  const comment = await db.comment.create({
    data: {
      ideaId: idea.id,
      authorId: otherCitizen.id,
      body: "A matrix comment.",
    },
    select: { id: true },
  });
  // Secrets: a submitted idea, a hidden idea, a draft consultation (this city), and another city's submitted idea.
  secrets.submittedTitle = `Unpublished matrix idea ${randomUUID().slice(
    0,
    8
  )}`;
  const submitted = await createPublishedIdea({
    authorId: citizen.id,
    city: CITY,
    status: "SUBMITTED",
    title: secrets.submittedTitle,
  });
  secrets.submittedNumber = submitted.number;
  secrets.hiddenTitle = `Hidden matrix idea ${randomUUID().slice(0, 8)}`;
  const hidden = await createPublishedIdea({
    authorId: citizen.id,
    city: CITY,
    title: secrets.hiddenTitle,
  });
  await db.idea.update({
    where: { id: hidden.id },
    data: { hiddenAt: new Date(), hiddenReason: "matrix" },
  });
  secrets.hiddenNumber = hidden.number;
  const otherSubmitted = await createPublishedIdea({
    authorId: otherCitizen.id,
    city: OTHER_CITY,
    status: "SUBMITTED",
  });
  secrets.otherCitySubmittedNumber = otherSubmitted.number;

  const cityRow = await db.city.findUniqueOrThrow({
    where: { slug: CITY },
    select: { id: true },
  });
  const consultationSlug = `matrix-${randomUUID().slice(0, 8)}`;
  const day = 86_400_000;
  const now = Date.now();
  const phases = [
    "INFORMATION",
    "IDEATION",
    "SUPPORTS",
    "REVIEW",
    "RESULTS",
  ].map((kind, index) => ({
    kind: kind as "INFORMATION",
    startsAt: new Date(now - 15 * day + index * 10 * day),
    endsAt: new Date(now - 5 * day + index * 10 * day),
  }));
  await db.consultation.create({
    data: {
      cityId: cityRow.id,
      slug: consultationSlug,
      title: "Matrix consultation",
      status: "PUBLISHED",
      publishedAt: new Date(),
      phases: { create: phases },
    },
  });
  secrets.draftTitle = `Draft matrix consultation ${randomUUID().slice(0, 8)}`;
  const draftSlug = `matrix-draft-${randomUUID().slice(0, 8)}`;
  await db.consultation.create({
    data: {
      cityId: cityRow.id,
      slug: draftSlug,
      title: secrets.draftTitle,
      status: "DRAFT",
      phases: { create: phases },
    },
  });

  // The entrepreneur's organization (its owner may edit it and manage members).
  const organizationSlug = `matrix-org-${randomUUID().slice(0, 8)}`;
  const organization = await db.organization.create({
    data: {
      slug: organizationSlug,
      name: `Matrix Studio ${randomUUID().slice(0, 4)}`,
      cityId: cityRow.id,
      description: "A test organization.",
      size: "MICRO",
    },
    select: { id: true },
  });
  await db.organizationMember.create({
    data: {
      organizationId: organization.id,
      userId: entrepreneur.id,
      role: "OWNER",
    },
  });

  fixtures = {
    city: CITY,
    ideaNumber: idea.number,
    commentId: comment.id,
    consultationSlug,
    draftConsultationSlug: draftSlug,
    organizationSlug,
    citizenId: citizen.id,
  };
});

test("every route of the manifest has an expectation (and no expectation is stale)", async () => {
  const ids = await manifestRouteIds();
  const missing = ids.filter((id) => !(id in EXPECTATIONS));
  const stale = Object.keys(EXPECTATIONS).filter((id) => !ids.includes(id));
  expect(
    missing,
    `routes without an entry in EXPECTATIONS (e2e/authorization-matrix.spec.ts): ${missing.join(
      ", "
    )}`
  ).toEqual([]);
  expect(
    stale,
    `entries for routes that no longer exist: ${stale.join(", ")}`
  ).toEqual([]);
});

test("each route answers each kind of person as expected, for GET and POST", async ({
  request,
}) => {
  test.setTimeout(240_000);
  const ids = (await manifestRouteIds()).filter((id) => id in EXPECTATIONS);
  const problems: string[] = [];
  for (const id of ids) {
    const expectation = EXPECTATIONS[id];
    const url = expectation.url(fixtures);
    for (const role of ROLES) {
      const got = await send(request, role, "GET", url);
      if (!matches(expectation.get[role], got.status, got.location)) {
        problems.push(
          `GET  ${url} (${id}) as ${role}: expected ${
            expectation.get[role]
          }, got ${describeOutcome(got.status, got.location)}`
        );
      }
      if (expectation.post) {
        // Logging out ends the session: use a throw-away one.
        const saved = sessions.get(role);
        const userId = userIds.get(role);
        if (id === "routes/logout" && userId)
          sessions.set(role, await sessionFor(userId));
        const posted = await send(
          request,
          role,
          "POST",
          url,
          expectation.body?.(fixtures)
        );
        if (id === "routes/logout") sessions.set(role, saved ?? null);
        const stillSignedIn =
          !saved ||
          id === "routes/logout" ||
          (await testDb().session.count({ where: { id: saved } })) === 1;
        if (!stillSignedIn) {
          problems.push(
            `POST ${url} (${id}) as ${role} ended the session (a harmless post must not)`
          );
          sessions.set(role, await sessionFor(userIds.get(role) ?? ""));
        }
        if (!matches(expectation.post[role], posted.status, posted.location)) {
          problems.push(
            `POST ${url} (${id}) as ${role}: expected ${
              expectation.post[role]
            }, got ${describeOutcome(posted.status, posted.location)}`
          );
        }
      }
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
});

test("privileged intents on shared pages are refused to the wrong people, with no change", async ({
  request,
}) => {
  const url = `/cities/${fixtures.city}/ideas/${fixtures.ideaNumber}`;
  // A city admin decision with a forged status: allowed people get a 400 (nothing changes), others 403.
  const probes: { form: Record<string, string>; expected: PerRole }[] = [
    {
      form: { intent: "official-status", status: "FORGED" },
      expected: officials("cityAdmin", 400),
    },
    {
      form: { intent: "admin-answer", answer: "" },
      expected: officials("cityAdmin", 400),
    },
    {
      form: { intent: "official-reject", answer: "" },
      expected: only(officials("moderator", "allowed"), {}),
    },
  ];
  const problems: string[] = [];
  for (const probe of probes) {
    for (const role of ROLES) {
      const got = await send(request, role, "POST", url, probe.form);
      if (!matches(probe.expected[role], got.status, got.location)) {
        problems.push(
          `POST ${url} ${probe.form.intent} as ${role}: expected ${
            probe.expected[role]
          }, got ${describeOutcome(got.status, got.location)}`
        );
      }
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
  const row = await testDb().idea.findFirstOrThrow({
    where: { number: fixtures.ideaNumber },
    select: { status: true, officialAnswer: true },
  });
  expect(row).toEqual({ status: "PUBLISHED", officialAnswer: null });
});

test("unpublished, hidden and draft content never leaks", async ({
  request,
}) => {
  const city = fixtures.city;
  const problems: string[] = [];
  // Who may open each secret page (the author is the citizen).
  const privatePages: { url: string; expected: PerRole }[] = [
    {
      url: `/cities/${city}/ideas/${secrets.submittedNumber}`,
      expected: only(officials("moderator"), {
        anonymous: 404,
        citizen: 200,
        otherCitizen: 404,
        entrepreneur: 404,
        otherModerator: 404,
      }),
    },
    // A hidden idea: everyone gets a page, but only its author and the city's moderators the
    // idea itself; the others read "hidden by moderation" (checked for leaks below).
    {
      url: `/cities/${city}/ideas/${secrets.hiddenNumber}`,
      expected: all(200),
    },
    {
      url: `/cities/${city}/consultations/${fixtures.draftConsultationSlug}`,
      expected: only(officials("cityAdmin"), {
        anonymous: 404,
        citizen: 404,
        otherCitizen: 404,
        entrepreneur: 404,
        moderator: 404,
        otherModerator: 404,
      }),
    },
    {
      url: `/cities/${OTHER_CITY}/ideas/${secrets.otherCitySubmittedNumber}`,
      expected: {
        ...all(404),
        otherCitizen: 200,
        otherModerator: 200,
        networkAdmin: 200,
      },
    },
  ];
  // The pilot and launch forms of an idea under another city's address: 403 for people who
  // are not admins there, 404 for a network admin (the idea is not that city's).
  for (const form of ["pilot", "launch"]) {
    privatePages.push({
      url: `/cities/${OTHER_CITY}/ideas/${fixtures.ideaNumber}/${form}`,
      expected: only(officials("networkAdmin"), { networkAdmin: 404 }),
    });
  }
  for (const page of privatePages) {
    for (const role of ROLES) {
      const got = await send(request, role, "GET", page.url);
      if (!matches(page.expected[role], got.status, got.location)) {
        problems.push(
          `GET ${page.url} as ${role}: expected ${
            page.expected[role]
          }, got ${describeOutcome(got.status, got.location)}`
        );
      }
    }
  }
  // The hidden idea's placeholder says why, never what the idea says.
  for (const role of ["anonymous", "otherCitizen", "entrepreneur", "otherModerator"] as const) {
    const got = await send(request, role, "GET", `/cities/${city}/ideas/${secrets.hiddenNumber}`);
    const text = await got.text();
    if (text.includes(secrets.hiddenTitle)) problems.push(`GET the hidden idea as ${role} shows its title`);
    // The public reason ("matrix"), in whatever language the page is in.
    if (!text.includes("matrix")) problems.push(`GET the hidden idea as ${role} does not show the public reason`);
  }
  // Public lists and searches never mention the secret titles, whoever asks.
  const lists = [
    "/",
    "/ideas",
    `/cities/${city}`,
    `/cities/${city}/ideas`,
    `/cities/${city}/ideas?sort=new`,
    `/ideas?q=matrix`,
    `/cities/${city}/ideas/similar?title=${encodeURIComponent("matrix idea")}`,
    "/consultations",
    `/cities/${city}/consultations`,
    "/network",
    `/network?city=${city}`,
  ];
  for (const url of lists) {
    for (const role of ROLES) {
      const got = await send(request, role, "GET", url);
      const text = await got.text();
      // The city's admins work on their drafts from the consultations list; nobody else sees them.
      const hidden = [
        secrets.submittedTitle,
        secrets.hiddenTitle,
        ...(role === "cityAdmin" || role === "networkAdmin"
          ? []
          : [secrets.draftTitle]),
      ];
      for (const secret of hidden) {
        if (text.includes(secret))
          problems.push(`GET ${url} as ${role} shows “${secret}”`);
      }
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
});
