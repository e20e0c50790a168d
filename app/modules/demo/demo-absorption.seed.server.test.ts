// The absorption demo: every city shows a pilot and a launched service with adoption
// answers. The database is shared with other test files, so everything is scoped to the
// demo cities' ideas written by demo accounts (@civicloop.example).
import { beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_SLUGS } from "~/modules/categories/categories";
import { SUMMARY_MAX, SUMMARY_MIN, TITLE_MAX, TITLE_MIN } from "~/modules/ideas/ideas.schema";
import { isServiceUrl, PilotPlanSchema } from "~/modules/pilots/pilots.schema";
import { withDemoSeedLock } from "~/testing/demo-seed-lock";
import { db } from "~/utils/db.server";
import { extraIdeas, seedDemoAbsorption } from "./demo-absorption.seed.server";
import { demoCities } from "./demo-ideas.data";
import { seedDemoData } from "./demo.seed.server";

const demoAuthor = { author: { emailNormalized: { endsWith: "@civicloop.example" } } };

describe("absorption demo (data)", () => {
  it("adds well-formed ideas only where a city's demo ideas reach no pilot or no launch", () => {
    for (const extra of extraIdeas) {
      const city = demoCities.find((candidate) => candidate.slug === extra.citySlug);
      expect(city, extra.citySlug).toBeDefined();
      expect(city!.ideas.some((idea) => idea.status === extra.reaches), extra.title).toBe(false);
      expect(Array.from(extra.title).length).toBeGreaterThanOrEqual(TITLE_MIN);
      expect(Array.from(extra.title).length).toBeLessThanOrEqual(TITLE_MAX);
      expect(Array.from(extra.summary).length).toBeGreaterThanOrEqual(SUMMARY_MIN);
      expect(Array.from(extra.summary).length).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(CATEGORY_SLUGS as readonly string[]).toContain(extra.category);
      expect(extra.by).toBeLessThan(city!.residents.length);
      const plan = PilotPlanSchema.safeParse({ plan: extra.plan, howToTakePart: extra.howToTakePart, startsAt: "2026-01-01", endsAt: "2026-02-01" });
      expect(plan.success, extra.title).toBe(true);
    }
  });
});

describe("seedDemoAbsorption", () => {
  beforeAll(async () => {
    // demo-ideas.seed.server.test.ts seeds too: the first runs take turns.
    await withDemoSeedLock(seedDemoData);
  }, 240_000);

  it("gives every city a pilot with partners and testers", async () => {
    for (const city of demoCities) {
      const pilots = await db.pilot.findMany({
        where: { idea: { ...demoAuthor, city: { slug: city.slug }, status: "PILOTING" } },
        select: {
          plan: true,
          startsAt: true,
          endsAt: true,
          capacity: true,
          testerCount: true,
          startNotifiedAt: true,
          partners: { select: { organization: { select: { hiddenAt: true } } } },
          _count: { select: { testers: true } },
          idea: { select: { events: { select: { type: true } } } },
        },
      });
      expect(pilots.length, city.slug).toBeGreaterThanOrEqual(1);
      for (const pilot of pilots) {
        expect(pilot.partners.length, city.slug).toBeGreaterThanOrEqual(1);
        expect(pilot.partners.every((partner) => partner.organization.hiddenAt === null)).toBe(true);
        expect(pilot._count.testers, city.slug).toBeGreaterThanOrEqual(2);
        expect(pilot.testerCount).toBe(pilot._count.testers);
        if (pilot.capacity !== null) expect(pilot.testerCount).toBeLessThanOrEqual(pilot.capacity);
        expect(pilot.endsAt.getTime()).toBeGreaterThan(pilot.startsAt.getTime());
        // Running now, and already announced: a fresh demo sends no start emails.
        expect(pilot.endsAt.getTime()).toBeGreaterThan(Date.now());
        expect(pilot.startNotifiedAt).not.toBeNull();
        expect(pilot.idea.events.filter((event) => event.type === "PILOT_PLANNED")).toHaveLength(1);
      }
    }
  });

  it("gives every city a launched service with its date, link, timeline entry and adoption answers", async () => {
    for (const city of demoCities) {
      const launched = await db.idea.findMany({
        where: { ...demoAuthor, city: { slug: city.slug }, status: "LAUNCHED" },
        select: {
          launchedAt: true,
          publishedAt: true,
          serviceUrl: true,
          authorId: true,
          events: { select: { type: true, createdAt: true } },
          adoptionFeedback: { select: { userId: true, usage: true, ease: true, missing: true, missingStatus: true } },
        },
      });
      expect(launched.length, city.slug).toBeGreaterThanOrEqual(1);
      for (const idea of launched) {
        expect(idea.launchedAt).not.toBeNull();
        expect(idea.launchedAt!.getTime()).toBeLessThanOrEqual(Date.now());
        expect(idea.launchedAt!.getTime()).toBeGreaterThan(idea.publishedAt!.getTime());
        expect(isServiceUrl(idea.serviceUrl ?? "")).toBe(true);
        expect(idea.serviceUrl).toMatch(new RegExp(`^https://services\\.${city.slug}\\.example/[a-z0-9-]+$`));
        expect(idea.events.filter((event) => event.type === "SERVICE_LAUNCHED")).toHaveLength(1);
        const answers = idea.adoptionFeedback;
        expect(answers.length, city.slug).toBeGreaterThanOrEqual(4);
        expect(answers.some((answer) => answer.userId === idea.authorId)).toBe(false);
        expect(new Set(answers.map((answer) => answer.usage)).size).toBeGreaterThanOrEqual(3);
        for (const answer of answers) {
          if (answer.usage === "REGULARLY" || answer.usage === "TRIED") expect(answer.ease).toBeGreaterThanOrEqual(1);
          else expect(answer.ease).toBeNull();
          if (answer.ease !== null) expect(answer.ease).toBeLessThanOrEqual(5);
        }
        const texts = answers.filter((answer) => answer.missing);
        expect(texts.some((answer) => answer.missingStatus === "PUBLISHED"), city.slug).toBe(true);
        expect(texts.some((answer) => answer.missingStatus === "PENDING"), city.slug).toBe(true);
      }
    }
  });

  it("is idempotent: a second run adds nothing", async () => {
    const counts = () =>
      Promise.all([
        db.idea.count({ where: demoAuthor }),
        db.pilot.count({ where: { idea: demoAuthor } }),
        db.pilotTester.count({ where: { pilot: { idea: demoAuthor } } }),
        db.pilotPartner.count({ where: { pilot: { idea: demoAuthor } } }),
        db.adoptionFeedback.count({ where: { idea: demoAuthor } }),
        db.ideaEvent.count({ where: { idea: demoAuthor, type: { in: ["PILOT_PLANNED", "SERVICE_LAUNCHED"] } } }),
      ]);
    const before = await counts();
    expect(await withDemoSeedLock(() => seedDemoAbsorption())).toEqual({ completedIdeas: 0, createdIdeas: 0 });
    expect(await counts()).toEqual(before);
  });
});
