import { afterEach, describe, expect, it } from "vitest";
import { networkCities } from "~/modules/cities/cities.seed";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { absorptionCsv } from "./absorption-csv.server";
import { cityAbsorption, networkComparison } from "./absorption.server";
import { saveAdoptionFeedback } from "./feedback.server";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const day = (n: number) => new Date(T0 + n * DAY);

type Step = [status: "SUBMITTED" | "PUBLISHED" | "UNDER_REVIEW" | "ACCEPTED" | "PILOTING" | "LAUNCHED" | "REJECTED", atDay: number, type?: "PILOT_PLANNED" | "SERVICE_LAUNCHED"];

/** An idea of the city whose timeline is exactly `steps` (the last status is its current one). */
async function ideaWithHistory(citySlug: string, steps: Step[]) {
  const idea = await createIdea({ citySlug, published: false });
  await db.ideaEvent.deleteMany({ where: { ideaId: idea.id } });
  let previous: string | null = null;
  for (const [status, atDay, type] of steps) {
    const eventType = type ?? (status === "SUBMITTED" ? "SUBMITTED" : status === "PUBLISHED" ? "PUBLISHED" : status === "REJECTED" ? "REJECTED" : "STATUS_CHANGED");
    await db.ideaEvent.create({ data: { ideaId: idea.id, type: eventType, fromStatus: type ? null : (previous as never), toStatus: status, createdAt: day(atDay) } });
    if (!type) previous = status;
  }
  const published = steps.find(([status]) => status === "PUBLISHED");
  const last = steps.filter(([, , type]) => !type).at(-1)![0];
  await db.idea.update({
    where: { id: idea.id },
    data: {
      status: last,
      createdAt: day(0),
      publishedAt: published ? day(published[1]) : null,
      ...(last === "LAUNCHED" ? { launchedAt: day(steps.at(-1)![1]), serviceUrl: "https://service.example/" } : {}),
    },
  });
  return idea;
}

const createdCities: string[] = [];

// Cities made for a test are removed afterwards: other test files count the network's cities.
afterEach(async () => {
  const ids = createdCities.splice(0);
  if (ids.length === 0) return;
  await db.idea.deleteMany({ where: { cityId: { in: ids } } });
  await db.organization.deleteMany({ where: { cityId: { in: ids } } });
  await db.city.deleteMany({ where: { id: { in: ids } } });
});

/** A city of its own: other test files fill the network's cities at the same time. */
async function ownCity() {
  const slug = `absorb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const city = await db.city.create({ data: { slug, name: `Absorbtown ${slug}`, countryCode: "FI", defaultLocale: "en", timeZone: "Europe/Helsinki" }, select: { id: true } });
  createdCities.push(city.id);
  return { slug, id: city.id };
}

/**
 * Five ideas: A goes all the way through a pilot, E is launched straight after acceptance
 * (with a second "launched" event), B is rejected after review, C waits after publication,
 * D was never published. Six answers about A and E; two come from supporters of the idea.
 */
async function dataset() {
  const city = await ownCity();
  const a = await ideaWithHistory(city.slug, [
    ["SUBMITTED", 0],
    ["PUBLISHED", 1],
    ["UNDER_REVIEW", 3],
    ["ACCEPTED", 7],
    ["PILOTING", 10],
    ["PILOTING", 10.5, "PILOT_PLANNED"],
    ["LAUNCHED", 20],
  ]);
  const b = await ideaWithHistory(city.slug, [
    ["SUBMITTED", 0],
    ["PUBLISHED", 2],
    ["UNDER_REVIEW", 4],
    ["REJECTED", 5],
  ]);
  await ideaWithHistory(city.slug, [
    ["SUBMITTED", 0],
    ["PUBLISHED", 3],
  ]);
  await ideaWithHistory(city.slug, [["SUBMITTED", 0]]);
  const e = await ideaWithHistory(city.slug, [
    ["SUBMITTED", 0],
    ["PUBLISHED", 1],
    ["UNDER_REVIEW", 2],
    ["ACCEPTED", 6],
    ["LAUNCHED", 8],
    ["LAUNCHED", 8, "SERVICE_LAUNCHED"],
  ]);
  const [u1, u2, u3, u4, u5] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  await db.support.createMany({ data: [u1, u2].map((user) => ({ ideaId: a.id, userId: user.id, weight: 1 })) });
  // A supporter of B answers about E: not a supporter of the idea answered about.
  await db.support.create({ data: { ideaId: b.id, userId: u5.id, weight: 1 } });
  const answers = [
    [a, u1, { usage: "REGULARLY", ease: 5, missing: null }],
    [a, u2, { usage: "TRIED", ease: 3, missing: "Works only in Finnish" }],
    [a, u3, { usage: "NOT_YET", ease: null, missing: null }],
    [a, u4, { usage: "UNAWARE", ease: null, missing: '=HYPERLINK("http://evil.example","click")' }],
    [e, u1, { usage: "REGULARLY", ease: 4, missing: null }],
    [e, u5, { usage: "TRIED", ease: 2, missing: null }],
  ] as const;
  for (const [idea, user, answer] of answers) {
    expect(await saveAdoptionFeedback({ ideaId: idea.id, userId: user.id, answer: { ...answer } })).toEqual({ ok: true });
  }
  return { city, a, e };
}

describe("absorption figures", () => {
  it("computes the funnel, the time in each stage and adoption by supporters versus everyone", async () => {
    const { city, a, e } = await dataset();
    const result = await cityAbsorption(city.id);

    expect(result.funnel).toEqual({ SUBMITTED: 5, PUBLISHED: 4, UNDER_REVIEW: 3, ACCEPTED: 2, PILOTING: 2, LAUNCHED: 2 });

    const byStage = Object.fromEntries(result.durations.map((duration) => [duration.stage, duration]));
    const days = (seconds: number | null) => (seconds === null ? null : seconds / 86_400);
    // SUBMITTED: A 1, B 2, C 3, E 1 → [1, 1, 2, 3]
    expect(byStage.SUBMITTED.stays).toBe(4);
    expect(days(byStage.SUBMITTED.medianSeconds)).toBeCloseTo(1.5, 5);
    expect(days(byStage.SUBMITTED.averageSeconds)).toBeCloseTo(1.75, 5);
    // PUBLISHED: A 2, B 2, E 1 (C has not moved on)
    expect(byStage.PUBLISHED.stays).toBe(3);
    expect(days(byStage.PUBLISHED.medianSeconds)).toBeCloseTo(2, 5);
    expect(days(byStage.PUBLISHED.averageSeconds)).toBeCloseTo(5 / 3, 5);
    // UNDER_REVIEW: A 4, B 1, E 4
    expect(byStage.UNDER_REVIEW.stays).toBe(3);
    expect(days(byStage.UNDER_REVIEW.medianSeconds)).toBeCloseTo(4, 5);
    expect(days(byStage.UNDER_REVIEW.averageSeconds)).toBeCloseTo(3, 5);
    // ACCEPTED: A 3, E 2
    expect(byStage.ACCEPTED.stays).toBe(2);
    expect(days(byStage.ACCEPTED.medianSeconds)).toBeCloseTo(2.5, 5);
    // PILOTING: A 10 (the pilot planned while piloting is the same stay)
    expect(byStage.PILOTING.stays).toBe(1);
    expect(days(byStage.PILOTING.medianSeconds)).toBeCloseTo(10, 5);
    expect(days(byStage.PILOTING.averageSeconds)).toBeCloseTo(10, 5);

    expect(result.adoption.everyone).toEqual({
      answers: 6,
      byUsage: { REGULARLY: 2, TRIED: 2, NOT_YET: 1, UNAWARE: 1 },
      averageEase: 3.5,
      easeAnswers: 4,
      easeSum: 14,
    });
    expect(result.adoption.supporters).toEqual({
      answers: 2,
      byUsage: { REGULARLY: 1, TRIED: 1, NOT_YET: 0, UNAWARE: 0 },
      averageEase: 4,
      easeAnswers: 2,
      easeSum: 8,
    });
    expect(Object.fromEntries(result.services.map((service) => [service.number, service.figures.answers]))).toEqual({ [a.number]: 4, [e.number]: 2 });
    expect(result.missing.map((answer) => [answer.text, answer.status]).sort()).toEqual([
      ['=HYPERLINK("http://evil.example","click")', "PENDING"],
      ["Works only in Finnish", "PENDING"],
    ]);
  });

  it("puts every city side by side, the empty ones with zeros", async () => {
    const { city } = await dataset();
    const comparison = await networkComparison();
    for (const network of networkCities) expect(comparison.map((row) => row.slug)).toContain(network.slug);
    const mine = comparison.find((row) => row.slug === city.slug)!;
    expect(mine.funnel).toEqual({ SUBMITTED: 5, PUBLISHED: 4, UNDER_REVIEW: 3, ACCEPTED: 2, PILOTING: 2, LAUNCHED: 2 });
    expect(mine.launched).toBe(2);
    expect(mine.adoption).toMatchObject({ answers: 6, byUsage: { REGULARLY: 2 }, averageEase: 3.5, easeAnswers: 4 });

    // Public: a hidden idea and the answers about it leave the comparison.
    const empty = await ownCity();
    const hidden = await ideaWithHistory(empty.slug, [
      ["SUBMITTED", 0],
      ["PUBLISHED", 1],
    ]);
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const after = (await networkComparison()).find((row) => row.slug === empty.slug)!;
    expect(after.funnel).toEqual({ SUBMITTED: 0, PUBLISHED: 0, UNDER_REVIEW: 0, ACCEPTED: 0, PILOTING: 0, LAUNCHED: 0 });
    expect(after.launched).toBe(0);
    expect(after.adoption.answers).toBe(0);
  });

  it("exports the dashboard as CSV with formulas defused", async () => {
    const { city } = await dataset();
    const csv = absorptionCsv(await cityAbsorption(city.id), (key) => key);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("services:csv.section,services:csv.item,services:csv.measure,services:csv.value");
    expect(lines).toContain("services:csv.funnel,services:stages.SUBMITTED,services:csv.ideas,5");
    expect(lines).toContain("services:csv.funnel,services:stages.LAUNCHED,services:csv.ideas,2");
    expect(lines).toContain("services:csv.time,services:stages.SUBMITTED,services:csv.medianDays,1.5");
    expect(lines).toContain("services:csv.adoption,services:dashboard.everyone,services:usage.REGULARLY,2");
    expect(lines).toContain("services:csv.adoption,services:dashboard.supporters,services:csv.averageEase,4.00");
    // The formula is written as text (leading apostrophe), quoted because of its quotes and commas.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
