// The reports queue grouped and paged by the database, the automatic hiding on an idea's
// timeline, and what the public sees of a hidden idea. Each test works in a city of its own:
// other test files report content in the seeded cities at the same time.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getIdeaPage } from "~/modules/ideas/queries.server";
import { describeNotification, translatorFor } from "~/modules/notifications/messages.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { listReportedItems, reportContent, REPORTS_PAGE_SIZE, restoreContent } from "./reports.server";
import { findHiddenIdeaNotice } from "./visibility.server";

async function createCity(reportThreshold = 3) {
  const slug = `reports-${randomUUID().slice(0, 8)}`;
  const city = await db.city.create({
    data: { slug, name: "Reportville", countryCode: "FI", defaultLocale: "en", timeZone: "Europe/Helsinki", reportThreshold },
    select: { id: true, slug: true },
  });
  return city;
}

const MINUTE = 60_000;

describe("the reports queue", () => {
  it("groups, orders and pages open reports in the database, with counts and reasons per item", async () => {
    const city = await createCity();
    const other = await createCity();
    const reporters = await Promise.all(Array.from({ length: 7 }, () => createUser({ citySlug: city.slug })));
    const base = Date.UTC(2026, 0, 1);
    const targets = Array.from({ length: REPORTS_PAGE_SIZE + 5 }, () => `forged-${randomUUID()}`);
    const reasons = ["SPAM", "OFFENSIVE", "OFF_TOPIC"] as const;
    // Target i: (i % 3) + 1 open reports, the first at base + i minutes (so the queue order is i).
    // Rows are written newest first, so an order taken from insertion would be wrong.
    const rows = targets.flatMap((targetId, i) =>
      Array.from({ length: (i % 3) + 1 }, (_, n) => ({
        reporterId: reporters[n].id,
        cityId: city.id,
        targetType: "COMMENT" as const,
        targetId,
        reason: reasons[n],
        details: `report ${n} on ${i}`,
        createdAt: new Date(base + i * MINUTE + n * 1000),
      })),
    );
    await db.report.createMany({ data: rows.reverse() });
    // Not in the queue: a dismissed report, and an open one filed in another city.
    await db.report.create({
      data: { reporterId: reporters[6].id, cityId: city.id, targetType: "COMMENT", targetId: targets[0], reason: "OTHER", status: "DISMISSED", createdAt: new Date(base - MINUTE) },
    });
    await db.report.create({ data: { reporterId: reporters[5].id, cityId: other.id, targetType: "COMMENT", targetId: targets[1], reason: "OTHER" } });

    const first = await listReportedItems(city.id, 1);
    expect({ total: first.total, page: first.page, pages: first.pages }).toEqual({ total: targets.length, page: 1, pages: 2 });
    expect(first.items.map((item) => item.targetId)).toEqual(targets.slice(0, REPORTS_PAGE_SIZE));
    expect(first.items[0]).toMatchObject({
      targetType: "COMMENT",
      openReports: 1,
      firstReportedAt: new Date(base).toISOString(),
      reasons: [{ reason: "SPAM", count: 1 }],
      details: [{ reason: "SPAM", details: "report 0 on 0" }],
      // The item no longer exists (a forged id): the queue still lists its reports.
      item: null,
    });
    expect(first.items[2]).toMatchObject({
      openReports: 3,
      firstReportedAt: new Date(base + 2 * MINUTE).toISOString(),
      reasons: [
        { reason: "OFF_TOPIC", count: 1 },
        { reason: "OFFENSIVE", count: 1 },
        { reason: "SPAM", count: 1 },
      ],
    });
    // The latest reports first.
    expect(first.items[2].details.map((detail) => detail.details)).toEqual(["report 2 on 2", "report 1 on 2", "report 0 on 2"]);

    const second = await listReportedItems(city.id, 2);
    expect(second.items.map((item) => item.targetId)).toEqual(targets.slice(REPORTS_PAGE_SIZE));
    expect(second.page).toBe(2);
    // Past the last page: the last page.
    expect((await listReportedItems(city.id, 99)).items.map((item) => item.targetId)).toEqual(targets.slice(REPORTS_PAGE_SIZE));
    expect((await listReportedItems(other.id, 1)).items.map((item) => item.targetId)).toEqual([targets[1]]);
  });

  it("counts reasons per item and quotes at most five of its latest reports", async () => {
    const city = await createCity();
    const targetId = `forged-${randomUUID()}`;
    const reporters = await Promise.all(Array.from({ length: 7 }, () => createUser({ citySlug: city.slug })));
    const base = Date.UTC(2026, 1, 1);
    await db.report.createMany({
      data: reporters.map((reporter, n) => ({
        reporterId: reporter.id,
        cityId: city.id,
        targetType: "USER" as const,
        targetId,
        reason: n < 4 ? ("SPAM" as const) : ("OTHER" as const),
        details: `report ${n}`,
        createdAt: new Date(base + n * MINUTE),
      })),
    });
    const queue = await listReportedItems(city.id, 1);
    expect(queue.total).toBe(1);
    expect(queue.items[0]).toMatchObject({
      targetType: "USER",
      openReports: 7,
      reasons: [
        { reason: "SPAM", count: 4 },
        { reason: "OTHER", count: 3 },
      ],
    });
    expect(queue.items[0].details.map((detail) => detail.details)).toEqual(["report 6", "report 5", "report 4", "report 3", "report 2"]);
  });

  it("is empty for a city without open reports", async () => {
    const city = await createCity();
    expect(await listReportedItems(city.id, 1)).toEqual({ items: [], total: 0, page: 1, pages: 1 });
  });
});

describe("automatic hiding on the idea's timeline", () => {
  it("writes a HIDDEN event without an actor when reports reach the threshold, and RESTORED when a moderator restores", async () => {
    const city = await createCity(2);
    const idea = await createIdea({ citySlug: city.slug });
    const [a, b] = [await createUser({ citySlug: city.slug }), await createUser({ citySlug: city.slug })];
    expect(await reportContent({ reporterId: a.id, targetType: "IDEA", targetId: idea.id, reason: "SPAM", details: "" })).toMatchObject({ hidden: false });
    expect(await db.ideaEvent.count({ where: { ideaId: idea.id, type: "HIDDEN" } })).toBe(0);
    expect(await reportContent({ reporterId: b.id, targetType: "IDEA", targetId: idea.id, reason: "SPAM", details: "" })).toMatchObject({ hidden: true });
    const hidden = await db.ideaEvent.findMany({ where: { ideaId: idea.id, type: "HIDDEN" }, select: { actorId: true, reasonCode: true, reason: true } });
    expect(hidden).toEqual([{ actorId: null, reasonCode: "REPORTS", reason: null }]);

    // The author reads "hidden automatically" on the timeline (not "a former member hid it").
    const author = { id: idea.authorId, roles: [] };
    const page = await getIdeaPage({ citySlug: city.slug, number: idea.number, viewer: author });
    expect(page?.timeline.find((event) => event.type === "HIDDEN")).toMatchObject({ automatic: true, actorName: null });

    // The author's notification gives the reason in their language.
    const notification = await db.notification.findFirstOrThrow({ where: { userId: idea.authorId, kind: "MODERATION_DECISION", ideaId: idea.id } });
    const described = describeNotification(await translatorFor("en"), notification);
    expect(described.detail).toBe("Reason: Reported by several people");

    const moderator = await createUser({ citySlug: city.slug });
    expect(await restoreContent({ cityId: city.id, actorId: moderator.id, targetType: "IDEA", targetId: idea.id })).toEqual({ ok: true });
    const restored = await db.ideaEvent.findMany({ where: { ideaId: idea.id, type: "RESTORED" }, select: { actorId: true } });
    expect(restored).toEqual([{ actorId: moderator.id }]);
    // Now public again: everyone sees both steps.
    const publicPage = await getIdeaPage({ citySlug: city.slug, number: idea.number, viewer: null });
    expect(publicPage?.timeline.filter((event) => event.type === "HIDDEN" || event.type === "RESTORED").map((event) => [event.type, event.automatic])).toEqual([
      ["HIDDEN", true],
      ["RESTORED", false],
    ]);
  });

  it("does not mark a comment's or an organization's hiding on any idea timeline", async () => {
    const city = await createCity(1);
    const idea = await createIdea({ citySlug: city.slug });
    const troll = await createUser({ citySlug: city.slug });
    const comment = await db.comment.create({ data: { ideaId: idea.id, authorId: troll.id, body: "Nonsense." } });
    const reporter = await createUser({ citySlug: city.slug });
    expect(await reportContent({ reporterId: reporter.id, targetType: "COMMENT", targetId: comment.id, reason: "OFFENSIVE", details: "" })).toMatchObject({ hidden: true });
    expect(await db.ideaEvent.count({ where: { ideaId: idea.id, type: "HIDDEN" } })).toBe(0);
  });
});

describe("the public placeholder of a hidden idea", () => {
  it("gives the number, the city and the public reason, nothing the idea says", async () => {
    const city = await createCity();
    const idea = await createIdea({ citySlug: city.slug, title: "Secret title of a hidden idea" });
    expect(await findHiddenIdeaNotice(city.slug, idea.number)).toBeNull();
    await db.idea.update({ where: { id: idea.id }, data: { hiddenAt: new Date(), hiddenReason: "Advertising" } });
    const notice = await findHiddenIdeaNotice(city.slug, idea.number);
    expect(notice).toEqual({ number: idea.number, hiddenReason: "Advertising", city: { slug: city.slug, name: "Reportville" } });
    expect(JSON.stringify(notice)).not.toContain("Secret title");
    // Another city's address, or an idea that was never public: no placeholder (a 404).
    expect(await findHiddenIdeaNotice("oulu", idea.number)).toBeNull();
    const submitted = await createIdea({ citySlug: city.slug, published: false });
    await db.idea.update({ where: { id: submitted.id }, data: { hiddenAt: new Date() } });
    expect(await findHiddenIdeaNotice(city.slug, submitted.number)).toBeNull();
  });
});
