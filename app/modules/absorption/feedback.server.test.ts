import { describe, expect, it } from "vitest";
import { createIdea, createUser } from "~/testing/factories";
import { listAuditEntries } from "~/modules/moderation/audit-log.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { AdoptionFeedbackSchema, MISSING_MAX, type AdoptionAnswer } from "./adoption.schema";
import { adoptionFiguresFor, decideMissing, listPendingMissing, publishedMissingTexts, saveAdoptionFeedback } from "./feedback.server";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function launchedIdea(citySlug = "oulu") {
  const idea = await createIdea({ citySlug });
  await db.idea.update({ where: { id: idea.id }, data: { status: "LAUNCHED", launchedAt: new Date(), serviceUrl: "https://service.example/" } });
  return idea;
}

async function feedbackRows(ideaId: string) {
  return db.adoptionFeedback.findMany({ where: { ideaId }, select: { userId: true, usage: true, ease: true, missing: true, missingStatus: true, reviewedAt: true } });
}

const regularly: AdoptionAnswer = { usage: "REGULARLY", ease: 4, missing: null };

describe("AdoptionFeedbackSchema", () => {
  it("accepts a full answer and turns ease into a number", () => {
    expect(parseForm(AdoptionFeedbackSchema, form({ usage: "TRIED", ease: "2", missing: "  An English version  " }))).toEqual({
      ok: true,
      data: { usage: "TRIED", ease: 2, missing: "An English version" },
    });
  });

  it("drops the ease of someone who has not used the service, and an empty text", () => {
    expect(parseForm(AdoptionFeedbackSchema, form({ usage: "UNAWARE", ease: "5", missing: "   " }))).toEqual({
      ok: true,
      data: { usage: "UNAWARE", ease: null, missing: null },
    });
  });

  it("refuses bad input field by field and echoes what was typed", () => {
    const noUsage = parseForm(AdoptionFeedbackSchema, form({ usage: "SOMETIMES", missing: "x".repeat(MISSING_MAX + 1) }));
    expect(noUsage.ok).toBe(false);
    if (noUsage.ok) return;
    expect(noUsage.fieldErrors).toEqual({ usage: "services:errors.usageRequired", missing: "services:errors.missingTooLong" });
    expect(noUsage.values.usage).toBe("SOMETIMES");

    const noEase = parseForm(AdoptionFeedbackSchema, form({ usage: "REGULARLY", missing: "More languages" }));
    expect(noEase).toMatchObject({ ok: false, fieldErrors: { ease: "services:errors.easeRequired" }, values: { missing: "More languages" } });

    const badEase = parseForm(AdoptionFeedbackSchema, form({ usage: "TRIED", ease: "7" }));
    expect(badEase).toMatchObject({ ok: false, fieldErrors: { ease: "services:errors.easeInvalid" } });
  });
});

describe("saveAdoptionFeedback", () => {
  it("keeps one row per person even when the same person answers twice in parallel", async () => {
    const idea = await launchedIdea();
    const person = await createUser();
    const results = await Promise.all([
      saveAdoptionFeedback({ ideaId: idea.id, userId: person.id, answer: regularly }),
      saveAdoptionFeedback({ ideaId: idea.id, userId: person.id, answer: { usage: "TRIED", ease: 2, missing: null } }),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const rows = await feedbackRows(idea.id);
    expect(rows).toHaveLength(1);
    expect(["REGULARLY", "TRIED"]).toContain(rows[0].usage);
  });

  it("lets a person change their answer; a changed text goes back to moderation, an unchanged one keeps its decision", async () => {
    const idea = await launchedIdea();
    const person = await createUser();
    const moderator = await createUser();
    await saveAdoptionFeedback({ ideaId: idea.id, userId: person.id, answer: { usage: "TRIED", ease: 3, missing: "Opening hours" } });
    const [row] = await db.adoptionFeedback.findMany({ where: { ideaId: idea.id }, select: { id: true, updatedAt: true } });
    expect(
      await decideMissing({ cityId: idea.cityId, actorId: moderator.id, feedbackId: row.id, version: row.updatedAt, decision: "publish" }),
    ).toEqual({ ok: true });

    await saveAdoptionFeedback({ ideaId: idea.id, userId: person.id, answer: { usage: "REGULARLY", ease: 5, missing: "Opening hours" } });
    expect(await feedbackRows(idea.id)).toEqual([
      expect.objectContaining({ usage: "REGULARLY", ease: 5, missing: "Opening hours", missingStatus: "PUBLISHED", reviewedAt: expect.any(Date) }),
    ]);

    await saveAdoptionFeedback({ ideaId: idea.id, userId: person.id, answer: { usage: "REGULARLY", ease: 5, missing: "Opening hours, and a map" } });
    expect(await feedbackRows(idea.id)).toEqual([
      expect.objectContaining({ missing: "Opening hours, and a map", missingStatus: "PENDING", reviewedAt: null }),
    ]);
  });

  it("refuses ideas that are not launched, hidden services and suspended people, writing nothing", async () => {
    const person = await createUser();
    const published = await createIdea();
    expect(await saveAdoptionFeedback({ ideaId: published.id, userId: person.id, answer: regularly })).toEqual({ ok: false, error: "notAllowed" });
    expect(await feedbackRows(published.id)).toEqual([]);

    const hidden = await launchedIdea();
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    expect(await saveAdoptionFeedback({ ideaId: hidden.id, userId: person.id, answer: regularly })).toEqual({ ok: false, error: "notAllowed" });
    expect(await feedbackRows(hidden.id)).toEqual([]);

    const launched = await launchedIdea();
    const suspended = await createUser();
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspendedUntil: new Date(Date.now() + 86_400_000) } });
    expect(await saveAdoptionFeedback({ ideaId: launched.id, userId: suspended.id, answer: regularly })).toEqual({ ok: false, error: "notAllowed" });
    // A suspension that has ended no longer stands in the way.
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(Date.now() - 2 * 86_400_000), suspendedUntil: new Date(Date.now() - 86_400_000) } });
    expect(await saveAdoptionFeedback({ ideaId: launched.id, userId: suspended.id, answer: regularly })).toEqual({ ok: true });
    expect(await feedbackRows(launched.id)).toHaveLength(1);

    expect(await saveAdoptionFeedback({ ideaId: "forged-idea-id", userId: person.id, answer: regularly })).toEqual({ ok: false, error: "notAllowed" });
  });

  it("counts the figures in the database: shares per usage and the average ease with its count", async () => {
    const idea = await launchedIdea();
    const answers: AdoptionAnswer[] = [
      { usage: "REGULARLY", ease: 5, missing: null },
      { usage: "REGULARLY", ease: 4, missing: null },
      { usage: "TRIED", ease: 2, missing: null },
      { usage: "NOT_YET", ease: null, missing: null },
      { usage: "UNAWARE", ease: null, missing: null },
    ];
    for (const answer of answers) {
      const person = await createUser();
      expect(await saveAdoptionFeedback({ ideaId: idea.id, userId: person.id, answer })).toEqual({ ok: true });
    }
    const figures = (await adoptionFiguresFor([idea.id])).get(idea.id);
    expect(figures).toEqual({ answers: 5, byUsage: { REGULARLY: 2, TRIED: 1, NOT_YET: 1, UNAWARE: 1 }, averageEase: 11 / 3, easeAnswers: 3, easeSum: 11 });
  });
});

describe("moderation of what is missing", () => {
  it("publishes or rejects pending texts of the city once, audited, and shows only published ones publicly", async () => {
    const idea = await launchedIdea("oulu");
    const [first, second, third] = await Promise.all([createUser(), createUser(), createUser()]);
    const moderator = await createUser();
    await saveAdoptionFeedback({ ideaId: idea.id, userId: first.id, answer: { usage: "TRIED", ease: 3, missing: "A Sámi version" } });
    await saveAdoptionFeedback({ ideaId: idea.id, userId: second.id, answer: { usage: "NOT_YET", ease: null, missing: "Buy tickets here" } });
    await saveAdoptionFeedback({ ideaId: idea.id, userId: third.id, answer: { usage: "NOT_YET", ease: null, missing: null } });

    const pending = await listPendingMissing(idea.cityId);
    const mine = pending.items.filter((item) => item.idea.number === idea.number);
    expect(mine.map((item) => item.text).sort()).toEqual(["A Sámi version", "Buy tickets here"]);
    const sami = mine.find((item) => item.text === "A Sámi version")!;
    const tickets = mine.find((item) => item.text === "Buy tickets here")!;

    // Another city's moderator cannot reach this city's texts (forged id): nothing changes.
    const messina = await db.city.findUniqueOrThrow({ where: { slug: "messina" }, select: { id: true } });
    expect(
      await decideMissing({ cityId: messina.id, actorId: moderator.id, feedbackId: sami.id, version: new Date(sami.version), decision: "publish" }),
    ).toEqual({ ok: false, error: "notFound" });
    // A decision on a version the moderator did not read changes nothing.
    expect(
      await decideMissing({ cityId: idea.cityId, actorId: moderator.id, feedbackId: sami.id, version: new Date(0), decision: "publish" }),
    ).toEqual({ ok: false, error: "changed" });

    expect(
      await decideMissing({ cityId: idea.cityId, actorId: moderator.id, feedbackId: sami.id, version: new Date(sami.version), decision: "publish" }),
    ).toEqual({ ok: true });
    expect(
      await decideMissing({ cityId: idea.cityId, actorId: moderator.id, feedbackId: tickets.id, version: new Date(tickets.version), decision: "reject" }),
    ).toEqual({ ok: true });
    // Decided already: a second decision (double click, second moderator) changes nothing.
    expect(
      await decideMissing({ cityId: idea.cityId, actorId: moderator.id, feedbackId: tickets.id, version: new Date(tickets.version), decision: "publish" }),
    ).toEqual({ ok: false, error: "changed" });

    const audit = await db.auditLogEntry.findMany({
      where: { targetId: { in: [sami.id, tickets.id] } },
      select: { action: true, targetType: true, targetId: true, actorId: true, cityId: true },
    });
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "feedback.publish", targetType: "FEEDBACK", targetId: sami.id, actorId: moderator.id, cityId: idea.cityId },
        { action: "feedback.reject", targetType: "FEEDBACK", targetId: tickets.id, actorId: moderator.id, cityId: idea.cityId },
      ]),
    );
    // The city's audit log names the service the text is about, not the person who wrote it.
    const log = await listAuditEntries({ id: idea.cityId, slug: "oulu" }, { action: "feedback.publish", actor: moderator.id });
    expect(log.rows.map((row) => [row.targetId, row.targetHref])).toEqual([[sami.id, `/cities/oulu/ideas/${idea.number}`]]);
    expect((await publishedMissingTexts([idea.id])).get(idea.id)).toEqual([{ id: sami.id, text: "A Sámi version" }]);
    expect((await listPendingMissing(idea.cityId)).items.filter((item) => item.idea.number === idea.number)).toEqual([]);
  });
});
