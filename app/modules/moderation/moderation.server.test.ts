// Moderation commands against a real database: review decisions, reports with automatic
// hiding, hide/restore/dismiss, suspensions, each with its denials (no change) and its
// audit entry in the same transaction.
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { listAuditEntries } from "./audit-log.server";
import { dismissReports, hideContent, listHiddenItems, listReportedItems, reportContent, restoreContent } from "./reports.server";
import { listReviewQueue, publishSubmittedIdea, rejectSubmittedIdea, requestIdeaChanges } from "./review.server";
import { getModeratedUser, suspendUser, unsuspendUser } from "./suspensions.server";

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function audit(targetId: string) {
  return db.auditLogEntry.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, cityId: true, reason: true, data: true } });
}

async function createComment(ideaId: string, authorId?: string) {
  const author = authorId ?? (await createUser()).id;
  const comment = await db.comment.create({ data: { ideaId, authorId: author, body: "You are all idiots, this is a waste of money." } });
  await db.idea.update({ where: { id: ideaId }, data: { commentCount: { increment: 1 } } });
  return { id: comment.id, authorId: author };
}

describe("review decisions", () => {
  it("publishes a submitted idea with a timeline event and an audit entry", async () => {
    const oulu = await cityId("oulu");
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    expect(await publishSubmittedIdea({ ideaId: idea.id, actorId: moderator.id, cityId: oulu })).toEqual({ ok: true });
    const row = await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { status: true, publishedAt: true } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.publishedAt).not.toBeNull();
    expect(await audit(idea.id)).toEqual([expect.objectContaining({ action: "idea.publish", actorId: moderator.id, cityId: oulu })]);
    // A second moderator a moment later: a conflict, nothing written twice.
    expect(await publishSubmittedIdea({ ideaId: idea.id, actorId: moderator.id, cityId: oulu })).toEqual({ ok: false, error: "conflict" });
    expect(await db.ideaEvent.count({ where: { ideaId: idea.id, type: "PUBLISHED" } })).toBe(1);
    expect(await audit(idea.id)).toHaveLength(1);
  });

  it("rejects with a reason code and an explanation that becomes the official answer", async () => {
    const oulu = await cityId("oulu");
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    const message = "This duplicates idea 12, please support that one instead.";
    expect(await rejectSubmittedIdea({ ideaId: idea.id, actorId: moderator.id, cityId: oulu, reasonCode: "DUPLICATE", message })).toEqual({ ok: true });
    const row = await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { status: true, officialAnswer: true } });
    expect(row).toEqual({ status: "REJECTED", officialAnswer: message });
    const event = await db.ideaEvent.findFirstOrThrow({ where: { ideaId: idea.id, type: "REJECTED" } });
    expect(event).toMatchObject({ reasonCode: "DUPLICATE", reason: message, actorId: moderator.id, fromStatus: "SUBMITTED" });
    expect(await audit(idea.id)).toEqual([expect.objectContaining({ action: "idea.reject", reason: message, data: expect.objectContaining({ reasonCode: "DUPLICATE" }) })]);
  });

  it("asks for changes: the idea stays submitted, the request is on the timeline and in the log", async () => {
    const oulu = await cityId("oulu");
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    const message = "Please remove the phone number from the summary.";
    expect(await requestIdeaChanges({ ideaId: idea.id, actorId: moderator.id, cityId: oulu, reasonCode: "PERSONAL_DATA", message })).toEqual({ ok: true });
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("SUBMITTED");
    expect(await db.ideaEvent.findFirstOrThrow({ where: { ideaId: idea.id, type: "CHANGES_REQUESTED" } })).toMatchObject({ reasonCode: "PERSONAL_DATA", reason: message });
    expect((await audit(idea.id)).map((entry) => entry.action)).toEqual(["idea.request-changes"]);
  });

  it("refuses another city's idea (not found) and decided ideas, with no change", async () => {
    const messina = await cityId("messina");
    const oulu = await cityId("oulu");
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    const before = await db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(await publishSubmittedIdea({ ideaId: idea.id, actorId: moderator.id, cityId: messina })).toEqual({ ok: false, error: "notFound" });
    expect(
      await rejectSubmittedIdea({ ideaId: idea.id, actorId: moderator.id, cityId: messina, reasonCode: "OTHER", message: "Not for this city at all." }),
    ).toEqual({ ok: false, error: "notFound" });
    expect(await publishSubmittedIdea({ ideaId: "forged-id-000", actorId: moderator.id, cityId: oulu })).toEqual({ ok: false, error: "notFound" });
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toEqual(before);
    expect(await audit(idea.id)).toHaveLength(0);
    const published = await createIdea();
    expect(
      await requestIdeaChanges({ ideaId: published.id, actorId: moderator.id, cityId: oulu, reasonCode: "UNCLEAR", message: "Please explain it better." }),
    ).toEqual({ ok: false, error: "invalidTransition" });
    expect(
      await rejectSubmittedIdea({ ideaId: published.id, actorId: moderator.id, cityId: oulu, reasonCode: "UNCLEAR", message: "Please explain it better." }),
    ).toEqual({ ok: false, error: "invalidTransition" });
  });

  it("lists the queue oldest first with the author's earlier ideas and reports", async () => {
    const city = await db.city.create({
      data: { slug: `queue-${Date.now()}`, name: "Queue Town", countryCode: "FI", defaultLocale: "en", timeZone: "Europe/Helsinki" },
    });
    const author = await createUser();
    const category = await db.category.findUniqueOrThrow({ where: { slug: "mobility" } });
    const base = { cityId: city.id, authorId: author.id, categoryId: category.id, summary: "s", body: "b", language: "en" };
    const earlier = await db.idea.create({ data: { ...base, number: 900_000 + Math.floor(Math.random() * 90_000), title: "Earlier", status: "REJECTED", createdAt: new Date(Date.now() - 3_000) } });
    const first = await db.idea.create({ data: { ...base, number: 800_000 + Math.floor(Math.random() * 90_000), title: "First", createdAt: new Date(Date.now() - 2_000) } });
    await db.idea.create({ data: { ...base, number: 700_000 + Math.floor(Math.random() * 90_000), title: "Second", createdAt: new Date(Date.now() - 1_000) } });
    await db.report.create({ data: { reporterId: (await createUser()).id, cityId: city.id, targetType: "IDEA", targetId: earlier.id, reason: "SPAM" } });
    const queue = await listReviewQueue(city.id, 1);
    expect(queue.total).toBe(2);
    expect(queue.items.map((item) => item.title)).toEqual(["First", "Second"]);
    expect(queue.items[0]).toMatchObject({ id: first.id, author: { earlierIdeaCount: 1, reportsAgainst: 1, reportsActioned: 0 } });
    expect(queue.items[0].author.earlierIdeas).toEqual([expect.objectContaining({ title: "Earlier", status: "REJECTED" })]);
    expect(queue.items[1].author.earlierIdeaCount).toBe(2);
  });
});

describe("reports", () => {
  it("counts one report per person, even in parallel, and hides the item at the city's threshold", async () => {
    const oulu = await cityId("oulu");
    await db.city.update({ where: { id: oulu }, data: { reportThreshold: 3 } });
    const idea = await createIdea();
    const comment = await createComment(idea.id);
    const [a, b, c] = [await createUser(), await createUser(), await createUser()];
    const report = (reporterId: string) => reportContent({ reporterId, targetType: "COMMENT", targetId: comment.id, reason: "OFFENSIVE", details: "insults" });
    const twice = await Promise.all([report(a.id), report(a.id), report(a.id)]);
    expect(twice.filter((result) => result.ok && !result.already)).toHaveLength(1);
    expect(twice.filter((result) => result.ok && result.already)).toHaveLength(2);
    expect(await report(b.id)).toEqual({ ok: true, already: false, hidden: false });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).toBeNull();
    expect(await report(c.id)).toEqual({ ok: true, already: false, hidden: true });
    const hidden = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(hidden.hiddenAt).not.toBeNull();
    expect(hidden.hiddenReason).toBeNull();
    expect(await db.report.count({ where: { targetId: comment.id } })).toBe(3);
    expect(await audit(comment.id)).toEqual([expect.objectContaining({ action: "comment.auto-hide", actorId: null, cityId: oulu })]);
    // Once hidden, more reports are not needed.
    expect(await report((await createUser()).id)).toEqual({ ok: false, error: "alreadyHidden" });
  });

  it("hides at the threshold even when the reports arrive at the same moment", async () => {
    const idea = await createIdea();
    const comment = await createComment(idea.id);
    const reporters = [await createUser(), await createUser(), await createUser()];
    const results = await Promise.all(
      reporters.map((reporter) => reportContent({ reporterId: reporter.id, targetType: "COMMENT", targetId: comment.id, reason: "SPAM", details: "" })),
    );
    expect(results.filter((result) => result.ok && result.hidden)).toHaveLength(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).not.toBeNull();
  });

  it("refuses own content, unpublished ideas and forged ids, writing nothing", async () => {
    const idea = await createIdea();
    const submitted = await createIdea({ published: false });
    const someone = await createUser();
    expect(await reportContent({ reporterId: idea.authorId, targetType: "IDEA", targetId: idea.id, reason: "SPAM", details: "" })).toEqual({ ok: false, error: "ownContent" });
    expect(await reportContent({ reporterId: someone.id, targetType: "IDEA", targetId: submitted.id, reason: "SPAM", details: "" })).toEqual({ ok: false, error: "notFound" });
    for (const targetType of ["IDEA", "COMMENT", "ORGANIZATION", "USER"] as const) {
      expect(await reportContent({ reporterId: someone.id, targetType, targetId: "forged-0000", reason: "OTHER", details: "" })).toEqual({ ok: false, error: "notFound" });
    }
    expect(await db.report.count({ where: { reporterId: someone.id } })).toBe(0);
  });

  it("reports a person in the city it was filed from, without hiding anything", async () => {
    const messina = await cityId("messina");
    const person = await createUser();
    const reporter = await createUser();
    expect(await reportContent({ reporterId: reporter.id, targetType: "USER", targetId: person.id, reason: "SPAM", details: "posts ads", contextCityId: messina })).toEqual({
      ok: true,
      already: false,
      hidden: false,
    });
    expect(await db.report.findFirstOrThrow({ where: { targetId: person.id } })).toMatchObject({ cityId: messina, targetType: "USER" });
    const queue = await listReportedItems(messina, 1);
    expect(queue.items.find((item) => item.targetId === person.id)).toMatchObject({ targetType: "USER", openReports: 1, reasons: [{ reason: "SPAM", count: 1 }] });
  });

  it("groups open reports by item; moderators hide with a public reason, restore and dismiss, each audited", async () => {
    const oulu = await cityId("oulu");
    const idea = await createIdea();
    const moderator = await createUser();
    const [a, b] = [await createUser(), await createUser()];
    await reportContent({ reporterId: a.id, targetType: "IDEA", targetId: idea.id, reason: "SPAM", details: "an advert" });
    await reportContent({ reporterId: b.id, targetType: "IDEA", targetId: idea.id, reason: "OFF_TOPIC", details: "" });
    const group = (await listReportedItems(oulu, 1)).items.find((item) => item.targetId === idea.id);
    expect(group).toMatchObject({ targetType: "IDEA", openReports: 2, item: { hidden: false } });
    expect(group?.reasons.map((row) => row.reason).sort()).toEqual(["OFF_TOPIC", "SPAM"]);

    expect(await hideContent({ cityId: oulu, actorId: moderator.id, targetType: "IDEA", targetId: idea.id, reason: "Advertising" })).toEqual({ ok: true });
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { hiddenReason: true } })).toEqual({ hiddenReason: "Advertising" });
    expect(await db.report.count({ where: { targetId: idea.id, status: "ACTIONED", resolvedById: moderator.id } })).toBe(2);
    expect((await listHiddenItems(oulu)).some((item) => item.targetId === idea.id)).toBe(true);
    expect(await db.ideaEvent.count({ where: { ideaId: idea.id, type: "HIDDEN" } })).toBe(1);

    expect(await restoreContent({ cityId: oulu, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: true });
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { hiddenAt: true, hiddenReason: true } })).toEqual({ hiddenAt: null, hiddenReason: null });
    expect(await restoreContent({ cityId: oulu, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: false, error: "notHidden" });

    const c = await createUser();
    await reportContent({ reporterId: c.id, targetType: "IDEA", targetId: idea.id, reason: "OTHER", details: "" });
    expect(await dismissReports({ cityId: oulu, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: true });
    expect(await dismissReports({ cityId: oulu, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: false, error: "nothingOpen" });
    // (The test idea was published through the lifecycle command first, which is audited too.)
    expect((await audit(idea.id)).map((entry) => entry.action).filter((action) => action !== "idea.publish")).toEqual([
      "idea.hide",
      "idea.restore",
      "report.dismiss",
    ]);
  });

  it("refuses decisions on another city's items (not found), with no change", async () => {
    const messina = await cityId("messina");
    const idea = await createIdea();
    const comment = await createComment(idea.id);
    const moderator = await createUser();
    expect(await hideContent({ cityId: messina, actorId: moderator.id, targetType: "COMMENT", targetId: comment.id, reason: "Abuse" })).toEqual({ ok: false, error: "notFound" });
    expect(await restoreContent({ cityId: messina, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: false, error: "notFound" });
    expect(await dismissReports({ cityId: messina, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: false, error: "notFound" });
    expect(await hideContent({ cityId: messina, actorId: moderator.id, targetType: "ORGANIZATION", targetId: "forged-0000", reason: "Abuse" })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).toBeNull();
    expect(await audit(comment.id)).toHaveLength(0);
  });
});

describe("suspensions", () => {
  it("suspends for some days with a reason, ends every session at once, and lifts it", async () => {
    const oulu = await cityId("oulu");
    const moderator = await createUser();
    const person = await createUser();
    await createUserSession(person.id, new Request("http://localhost/"));
    await createUserSession(person.id, new Request("http://localhost/"));
    expect(await db.session.count({ where: { userId: person.id } })).toBe(2);
    expect(await suspendUser({ cityId: oulu, actorId: moderator.id, userId: person.id, days: 7, reason: "Repeated insults" })).toEqual({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(row.suspensionReason).toBe("Repeated insults");
    expect(row.suspendedUntil!.getTime() - row.suspendedAt!.getTime()).toBe(7 * 86_400_000);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await getModeratedUser(oulu, person.id))?.suspension).toMatchObject({ reason: "Repeated insults" });

    expect(await unsuspendUser({ cityId: oulu, actorId: moderator.id, userId: person.id })).toEqual({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { suspendedAt: true } })).toEqual({ suspendedAt: null });
    expect(await unsuspendUser({ cityId: oulu, actorId: moderator.id, userId: person.id })).toEqual({ ok: false, error: "notSuspended" });
    expect((await audit(person.id)).map((entry) => entry.action)).toEqual(["user.suspend", "user.unsuspend"]);
  });

  it("suspends indefinitely", async () => {
    const oulu = await cityId("oulu");
    const person = await createUser();
    expect(await suspendUser({ cityId: oulu, actorId: (await createUser()).id, userId: person.id, days: null, reason: "Spam bot" })).toEqual({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { suspendedUntil: true } })).toEqual({ suspendedUntil: null });
  });

  it("refuses oneself, a network admin, another city's people and forged ids, with no change", async () => {
    const oulu = await cityId("oulu");
    const messina = await cityId("messina");
    const moderator = await createUser();
    const admin = await createUser();
    await db.roleAssignment.create({ data: { userId: admin.id, role: "NETWORK_ADMIN", scope: "network" } });
    const stranger = await createUser({ citySlug: "messina" });
    expect(await suspendUser({ cityId: oulu, actorId: moderator.id, userId: moderator.id, days: 1, reason: "test" })).toEqual({ ok: false, error: "self" });
    expect(await suspendUser({ cityId: oulu, actorId: moderator.id, userId: admin.id, days: 1, reason: "test" })).toEqual({ ok: false, error: "networkAdmin" });
    expect(await suspendUser({ cityId: oulu, actorId: moderator.id, userId: stranger.id, days: 1, reason: "test" })).toEqual({ ok: false, error: "notFound" });
    expect(await suspendUser({ cityId: oulu, actorId: moderator.id, userId: "forged-0000", days: 1, reason: "test" })).toEqual({ ok: false, error: "notFound" });
    expect(await getModeratedUser(oulu, stranger.id)).toBeNull();
    expect(await getModeratedUser(messina, stranger.id)).not.toBeNull();
    const rows = await db.user.findMany({ where: { id: { in: [moderator.id, admin.id, stranger.id] } }, select: { suspendedAt: true } });
    expect(rows.every((row) => row.suspendedAt === null)).toBe(true);
    expect(await db.auditLogEntry.count({ where: { targetId: { in: [moderator.id, admin.id, stranger.id] } } })).toBe(0);
  });
});

describe("audit log", () => {
  it("filters by action, actor and date, newest first", async () => {
    const city = await db.city.create({
      data: { slug: `audit-${Date.now()}`, name: "Audit Town", countryCode: "FI", defaultLocale: "en", timeZone: "Europe/Helsinki" },
    });
    const [alice, bob] = [await createUser({ displayName: "Alice" }), await createUser({ displayName: "Bob" })];
    const entry = (actorId: string, action: string, createdAt: string) =>
      db.auditLogEntry.create({ data: { actorId, cityId: city.id, action, targetType: "USER", targetId: bob.id, createdAt: new Date(createdAt) } });
    await entry(alice.id, "user.suspend", "2026-01-10T10:00:00Z");
    await entry(alice.id, "user.unsuspend", "2026-01-11T10:00:00Z");
    await entry(bob.id, "report.dismiss", "2026-01-12T10:00:00Z");
    const all = await listAuditEntries(city, {});
    expect(all.rows.map((row) => row.action)).toEqual(["report.dismiss", "user.unsuspend", "user.suspend"]);
    expect(all.actors.map((actor) => actor.name)).toEqual(["Alice", "Bob"]);
    expect(all.rows[0]).toMatchObject({ actorName: "Bob", targetLabel: "Bob", targetHref: `/cities/${city.slug}/moderation/users/${bob.id}` });
    expect((await listAuditEntries(city, { action: "user.suspend" })).rows).toHaveLength(1);
    expect((await listAuditEntries(city, { actor: alice.id })).total).toBe(2);
    expect((await listAuditEntries(city, { from: "2026-01-11", to: "2026-01-11" })).rows.map((row) => row.action)).toEqual(["user.unsuspend"]);
    // Unknown filter values are ignored, never an error.
    expect((await listAuditEntries(city, { action: "drop table", page: 99 })).total).toBe(3);
  });
});
