import { describe, expect, it } from "vitest";
import type { Role } from "~/modules/accounts/roles.policy";
import { setIdeaStatus } from "~/modules/ideas/ideas.server";
import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { follow } from "~/modules/notifications/follows.server";
import { castSupport } from "~/modules/supports/supports.server";
import { createIdea, createUser } from "~/testing/factories";
import { createTestOrganization } from "~/testing/organizations-factories";
import { db } from "~/utils/db.server";
import { runPilotNotifications } from "./pilot-notifications.server";
import { LaunchSchema, PilotPlanSchema, type PilotPlanInput } from "./pilots.schema";
import { launchService, leaveTesting, planPilot, signUpAsTester, updatePilotPlan } from "./pilots.server";

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function admin(citySlug = "oulu"): Promise<NonNullable<Viewer>> {
  const user = await createUser({ citySlug });
  const roles: Role[] = [{ role: "CITY_ADMIN", cityId: await cityId(citySlug) }];
  return { id: user.id, roles };
}

async function citizen(): Promise<NonNullable<Viewer>> {
  return { id: (await createUser()).id, roles: [] };
}

/** A published idea moved to ACCEPTED through the real commands. */
async function acceptedIdea(citySlug = "oulu") {
  const idea = await createIdea({ citySlug });
  const official = await admin(citySlug);
  expect(await setIdeaStatus(idea.id, "UNDER_REVIEW", official.id)).toMatchObject({ ok: true });
  expect(await setIdeaStatus(idea.id, "ACCEPTED", official.id)).toMatchObject({ ok: true });
  return idea;
}

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function plan(overrides: Partial<Record<string, unknown>> = {}): PilotPlanInput {
  const parsed = PilotPlanSchema.safeParse({
    plan: "Residents of two districts book parking permits online for a month.",
    howToTakePart: "Sign up here, then use the test site with your bank ID.",
    startsAt: isoDay(-1),
    endsAt: isoDay(30),
    capacity: "",
    partnerIds: [],
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function state(ideaId: string) {
  return db.idea.findUniqueOrThrow({
    where: { id: ideaId },
    select: {
      status: true,
      launchedAt: true,
      serviceUrl: true,
      pilot: { select: { id: true, testerCount: true, capacity: true, partners: { select: { organizationId: true } }, _count: { select: { testers: true } } } },
      events: { select: { type: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

describe("pilot plan (schema)", () => {
  it("refuses bad input with field keys and keeps good input", () => {
    const bad = PilotPlanSchema.safeParse({ plan: "short", howToTakePart: "", startsAt: "2026-02-30", endsAt: "nope", capacity: "0", partnerIds: [] });
    expect(bad.success).toBe(false);
    const keys = Object.fromEntries((bad.success ? [] : bad.error.issues).map((issue) => [issue.path[0], issue.message]));
    expect(keys).toMatchObject({
      plan: "pilots:errors.planTooShort",
      howToTakePart: "pilots:errors.howToRequired",
      startsAt: "pilots:errors.startsAtInvalid",
      endsAt: "pilots:errors.endsAtInvalid",
      capacity: "pilots:errors.capacityInvalid",
    });
    const reversed = PilotPlanSchema.safeParse({ ...plan(), capacity: "2", startsAt: "2026-05-10", endsAt: "2026-05-01" });
    expect(reversed.success ? null : reversed.error.issues[0]).toMatchObject({ path: ["endsAt"], message: "pilots:errors.endsBeforeStart" });
    for (const capacity of ["1.5", "-3", "abc", "100001"]) expect(PilotPlanSchema.safeParse({ ...plan(), capacity }).success, capacity).toBe(false);
    expect(plan({ capacity: " 12 " }).capacity).toBe(12);
    expect(plan().capacity).toBeNull();
    for (const [startsAt, endsAt] of [["1000-01-01", "2026-05-01"], ["2026-05-01", "9999-12-31"]]) {
      const result = PilotPlanSchema.safeParse({ ...plan(), capacity: "", startsAt, endsAt });
      expect(result.success ? null : result.error.issues[0].message, startsAt).toBe("pilots:errors.dateOutOfRange");
    }
  });

  it("accepts only http(s) service links", () => {
    for (const serviceUrl of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "ftp://files.example/x", "//evil.example", "https://", "not a url", "https://user:pw@evil.example/", " "]) {
      const result = LaunchSchema.safeParse({ serviceUrl });
      expect(result.success, serviceUrl).toBe(false);
    }
    expect(LaunchSchema.safeParse({ serviceUrl: "javascript:alert(1)" })).toMatchObject({ success: false, error: { issues: [{ message: "pilots:errors.serviceUrlInvalid" }] } });
    expect(LaunchSchema.safeParse({ serviceUrl: " https://permits.oulu.example/apply " })).toMatchObject({ success: true, data: { serviceUrl: "https://permits.oulu.example/apply", launchedAt: "" } });
    expect(LaunchSchema.safeParse({ serviceUrl: "http://permits.example", launchedAt: "2026-13-01" }).success).toBe(false);
    expect(LaunchSchema.safeParse({ serviceUrl: "http://permits.example", launchedAt: "1999-12-31" })).toMatchObject({ success: false, error: { issues: [{ message: "pilots:errors.dateOutOfRange" }] } });
  });
});

describe("planPilot", () => {
  it("moves an accepted idea to piloting with its plan, partners, timeline event and audit entry in one go", async () => {
    const idea = await acceptedIdea();
    const official = await admin();
    const here = await createTestOrganization();
    const elsewhere = await createTestOrganization({ citySlug: "messina" });
    const result = await planPilot({ ideaId: idea.id, actor: official, input: plan({ capacity: "5", partnerIds: [here.id, elsewhere.id, here.id] }) });
    expect(result).toMatchObject({ ok: true });
    const after = await state(idea.id);
    expect(after.status).toBe("PILOTING");
    expect(after.pilot).toMatchObject({ capacity: 5, testerCount: 0 });
    expect(after.pilot?.partners.map((row) => row.organizationId).sort()).toEqual([here.id, elsewhere.id].sort());
    expect(after.events.map((event) => event.type).slice(-2)).toEqual(["STATUS_CHANGED", "PILOT_PLANNED"]);
    const audit = await db.auditLogEntry.findMany({ where: { targetId: idea.id, actorId: official.id }, select: { action: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["idea.status", "pilot.plan"]);
  });

  it("stores the dates as whole days in the city's time zone", async () => {
    const idea = await acceptedIdea();
    await planPilot({ ideaId: idea.id, actor: await admin(), input: plan({ startsAt: "2026-06-01", endsAt: "2026-06-30" }) });
    const pilot = await db.pilot.findUniqueOrThrow({ where: { ideaId: idea.id } });
    // Oulu is UTC+3 in summer.
    expect(pilot.startsAt.toISOString()).toBe("2026-05-31T21:00:00.000Z");
    expect(pilot.endsAt.toISOString()).toBe("2026-06-30T20:59:59.000Z");
  });

  it("refuses forged or hidden organization ids with a field error and changes nothing", async () => {
    const idea = await acceptedIdea();
    const official = await admin();
    const hidden = await createTestOrganization();
    await db.organization.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const visible = await createTestOrganization();
    const before = await state(idea.id);
    for (const partnerIds of [["forged-id"], [visible.id, hidden.id], [visible.id, "' OR 1=1 --"]]) {
      expect(await planPilot({ ideaId: idea.id, actor: official, input: plan({ partnerIds }) })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { partnerIds: "pilots:errors.partnerInvalid" },
      });
    }
    const after = await state(idea.id);
    expect(after).toEqual(before);
    expect(await db.auditLogEntry.count({ where: { targetId: idea.id, action: "pilot.plan" } })).toBe(0);
  });

  it("refuses other cities' admins, citizens and ideas that are not accepted", async () => {
    const idea = await acceptedIdea();
    expect(await planPilot({ ideaId: idea.id, actor: await admin("messina"), input: plan() })).toEqual({ ok: false, error: "forbidden" });
    expect(await planPilot({ ideaId: idea.id, actor: await citizen(), input: plan() })).toEqual({ ok: false, error: "forbidden" });
    expect(await planPilot({ ideaId: "no-such-idea", actor: await admin(), input: plan() })).toEqual({ ok: false, error: "notFound" });
    const published = await createIdea();
    expect(await planPilot({ ideaId: published.id, actor: await admin(), input: plan() })).toEqual({ ok: false, error: "invalidState" });
    expect((await state(published.id)).pilot).toBeNull();
    // Once piloting, planning again is refused (the edit command changes the plan).
    const official = await admin();
    expect(await planPilot({ ideaId: idea.id, actor: official, input: plan() })).toMatchObject({ ok: true });
    expect(await planPilot({ ideaId: idea.id, actor: official, input: plan() })).toEqual({ ok: false, error: "invalidState" });
  });

  it("edits the plan without dropping the capacity below the testers signed up", async () => {
    const idea = await acceptedIdea();
    const official = await admin();
    const partner = await createTestOrganization();
    await planPilot({ ideaId: idea.id, actor: official, input: plan({ capacity: "3" }) });
    await signUpAsTester(idea.id, await citizen());
    await signUpAsTester(idea.id, await citizen());
    expect(await updatePilotPlan({ ideaId: idea.id, actor: official, input: plan({ capacity: "1" }) })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { capacity: "pilots:errors.capacityBelowTesters" },
    });
    expect(await updatePilotPlan({ ideaId: idea.id, actor: official, input: plan({ capacity: "2", partnerIds: [partner.id] }) })).toMatchObject({ ok: true });
    expect((await state(idea.id)).pilot).toMatchObject({ capacity: 2, testerCount: 2, partners: [{ organizationId: partner.id }] });
  });
});

describe("pilot testers", () => {
  it("signs up once per person, follows the idea, and lets them leave", async () => {
    const idea = await acceptedIdea();
    await planPilot({ ideaId: idea.id, actor: await admin(), input: plan() });
    const tester = await citizen();
    expect(await signUpAsTester(idea.id, tester)).toEqual({ ok: true, already: false });
    expect(await signUpAsTester(idea.id, tester)).toEqual({ ok: true, already: true });
    expect((await state(idea.id)).pilot).toMatchObject({ testerCount: 1, _count: { testers: 1 } });
    expect(await db.follow.count({ where: { userId: tester.id, targetType: "IDEA", targetId: idea.id } })).toBe(1);
    expect(await leaveTesting(idea.id, tester)).toEqual({ ok: true, already: false });
    expect(await leaveTesting(idea.id, tester)).toEqual({ ok: true, already: true });
    expect((await state(idea.id)).pilot).toMatchObject({ testerCount: 0, _count: { testers: 0 } });
  });

  it("refuses anonymous and suspended people, ideas not piloting and ended pilots", async () => {
    const idea = await acceptedIdea();
    expect(await signUpAsTester(idea.id, await citizen())).toEqual({ ok: false, error: "notFound" });
    await planPilot({ ideaId: idea.id, actor: await admin(), input: plan({ startsAt: isoDay(-10), endsAt: isoDay(5) }) });
    expect(await signUpAsTester(idea.id, null)).toEqual({ ok: false, error: "signIn" });
    const suspended = await citizen();
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspendedUntil: null } });
    expect(await signUpAsTester(idea.id, suspended)).toEqual({ ok: false, error: "suspended" });
    expect(await signUpAsTester(idea.id, await citizen(), new Date(Date.now() + 10 * 86_400_000))).toEqual({ ok: false, error: "ended" });
    await launchService({ ideaId: idea.id, actor: await admin(), input: { serviceUrl: "https://permits.oulu.example/", launchedAt: "" } });
    expect(await signUpAsTester(idea.id, await citizen())).toEqual({ ok: false, error: "notPiloting" });
    expect((await state(idea.id)).pilot).toMatchObject({ testerCount: 0, _count: { testers: 0 } });
  });

  it("holds the capacity under 30 parallel sign-ups", async () => {
    const idea = await acceptedIdea();
    await planPilot({ ideaId: idea.id, actor: await admin(), input: plan({ capacity: "7" }) });
    const people = await Promise.all(Array.from({ length: 30 }, () => citizen()));
    const results = await Promise.all(people.map((person) => signUpAsTester(idea.id, person)));
    expect(results.filter((result) => result.ok && !result.already)).toHaveLength(7);
    expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 23 }, () => ({ ok: false, error: "full" })));
    const pilot = (await state(idea.id)).pilot;
    expect(pilot?.testerCount).toBe(7);
    expect(pilot?._count.testers).toBe(7);
  });
});

describe("launchService", () => {
  it("refuses bad links, future dates and wrong states with no change", async () => {
    const idea = await acceptedIdea();
    const official = await admin();
    const before = await state(idea.id);
    expect(await launchService({ ideaId: idea.id, actor: official, input: { serviceUrl: "https://x.example", launchedAt: isoDay(3) } })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { launchedAt: "pilots:errors.launchedAtFuture" },
    });
    expect(await launchService({ ideaId: idea.id, actor: await admin("messina"), input: { serviceUrl: "https://x.example", launchedAt: "" } })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await state(idea.id)).toEqual(before);
    const published = await createIdea();
    expect(await launchService({ ideaId: published.id, actor: official, input: { serviceUrl: "https://x.example", launchedAt: "" } })).toEqual({
      ok: false,
      error: "invalidState",
    });
  });

  it("launches with the date and link, and tells supporters, followers and testers once each (never the suspended)", async () => {
    const idea = await acceptedIdea();
    const official = await admin();
    await planPilot({ ideaId: idea.id, actor: official, input: plan() });
    const both = await createUser();
    const supporter = await createUser();
    const followerOnly = await createUser();
    const testerOnly = await createUser();
    const suspended = await createUser();
    for (const user of [both, supporter, suspended]) expect(await castSupport(idea.id, { id: user.id, roles: [] } as never)).toMatchObject({ ok: true });
    await follow(db, followerOnly.id, "IDEA", idea.id);
    for (const user of [both, testerOnly, suspended]) expect(await signUpAsTester(idea.id, { id: user.id, roles: [] })).toMatchObject({ ok: true });
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspendedUntil: null } });

    const result = await launchService({ ideaId: idea.id, actor: official, input: { serviceUrl: "https://permits.oulu.example/apply", launchedAt: isoDay(-2) } });
    expect(result).toEqual({ ok: true });
    const after = await state(idea.id);
    expect(after).toMatchObject({ status: "LAUNCHED", serviceUrl: "https://permits.oulu.example/apply" });
    expect(after.launchedAt?.toISOString().slice(0, 10)).toBe(isoDay(-2));
    expect(after.events.map((event) => event.type).slice(-2)).toEqual(["STATUS_CHANGED", "SERVICE_LAUNCHED"]);

    for (const user of [both, supporter, followerOnly, testerOnly]) {
      const rows = await db.notification.findMany({ where: { userId: user.id, ideaId: idea.id, kind: "SUPPORTED_IDEA_LAUNCHED" } });
      expect(rows, user.email).toHaveLength(1);
      expect(rows[0].data).toMatchObject({ serviceUrl: "https://permits.oulu.example/apply" });
    }
    expect(await db.notification.count({ where: { userId: suspended.id, kind: "SUPPORTED_IDEA_LAUNCHED" } })).toBe(0);
    expect(await db.notification.count({ where: { userId: official.id, ideaId: idea.id, kind: "SUPPORTED_IDEA_LAUNCHED" } })).toBe(0);
    expect(await db.auditLogEntry.count({ where: { targetId: idea.id, action: "idea.launch" } })).toBe(1);

    // Launching twice is refused.
    expect(await launchService({ ideaId: idea.id, actor: official, input: { serviceUrl: "https://other.example", launchedAt: "" } })).toEqual({
      ok: false,
      error: "invalidState",
    });
  });

  it("emails the link right away to those who chose immediate launch emails, in their language", async () => {
    const idea = await acceptedIdea();
    const supporter = await createUser({ locale: "fi" });
    await castSupport(idea.id, { id: supporter.id, roles: [] } as never);
    await db.notificationPreference.create({ data: { userId: supporter.id, kind: "SUPPORTED_IDEA_LAUNCHED", frequency: "IMMEDIATE" } });
    await launchService({ ideaId: idea.id, actor: await admin(), input: { serviceUrl: "https://permits.oulu.example/fi", launchedAt: "" } });
    const emails = await db.emailMessage.findMany({ where: { toAddress: supporter.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0].textBody).toContain("https://permits.oulu.example/fi");
    expect(emails[0].textBody).toContain("Käytä sitä täällä");
  });
});

describe("pilot start/end notifications", () => {
  it("tells testers once when the pilot starts and once when it ends, even when run twice", async () => {
    const idea = await acceptedIdea();
    await planPilot({ ideaId: idea.id, actor: await admin(), input: plan({ startsAt: isoDay(2), endsAt: isoDay(4) }) });
    const tester = await createUser();
    const other = await createUser();
    await signUpAsTester(idea.id, { id: tester.id, roles: [] });
    const count = (kind: "PILOT_STARTED" | "PILOT_ENDED") => db.notification.count({ where: { userId: tester.id, ideaId: idea.id, kind } });

    await runPilotNotifications(new Date());
    expect(await count("PILOT_STARTED")).toBe(0);

    const started = new Date(Date.now() + 3 * 86_400_000);
    await Promise.all([runPilotNotifications(started), runPilotNotifications(started)]);
    await runPilotNotifications(started);
    expect(await count("PILOT_STARTED")).toBe(1);
    expect(await count("PILOT_ENDED")).toBe(0);
    // Immediate by default: the email is queued with the notification.
    expect(await db.emailMessage.count({ where: { toAddress: tester.email } })).toBe(1);

    const ended = new Date(Date.now() + 6 * 86_400_000);
    await runPilotNotifications(ended);
    await runPilotNotifications(ended);
    expect(await count("PILOT_STARTED")).toBe(1);
    expect(await count("PILOT_ENDED")).toBe(1);
    expect(await db.emailMessage.count({ where: { toAddress: tester.email } })).toBe(2);
    expect(await db.notification.count({ where: { userId: other.id } })).toBe(0);
  });
});
