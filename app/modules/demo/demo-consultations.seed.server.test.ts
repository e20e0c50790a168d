// The demo consultations: valid data, phases at every stage whenever the seed runs,
// partners in every city, idempotent. The test database is shared with other test files
// running in parallel (demo-ideas.seed.server.test.ts seeds the demo ideas at the same
// time), so this file creates only the residents it needs (as seedDemoIdeas would, racing
// safely) and runs seedDemoConsultations alone; ideas are attached whenever they exist.
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/accounts/password.server";
import { CATEGORY_SLUGS } from "~/modules/categories/categories";
import { QUESTION_MAX, QUESTION_MIN, SUMMARY_MAX, SUMMARY_MIN, TITLE_MAX, TITLE_MIN } from "~/modules/consultations/consultations.schema";
import { consultationStage, currentPhase, PHASE_KINDS, validatePhases } from "~/modules/consultations/phases.policy";
import { PUBLIC_STATUSES } from "~/modules/ideas/lifecycle.policy";
import { DESCRIPTION_MAX, DESCRIPTION_MIN, isSector, SIZES } from "~/modules/organizations/organizations.schema";
import { db, isUniqueViolation } from "~/utils/db.server";
import { demoConsultations } from "./demo-consultations.data";
import { planPhases, seedDemoConsultations } from "./demo-consultations.seed.server";
import { demoCities, residentEmail } from "./demo-ideas.data";
import { DEMO_PASSWORD } from "./demo.seed.server";

const length = (value: string) => Array.from(value).length;

describe("demo consultations (data)", () => {
  it("gives each city one consultation, at every stage: 1 information, 2 ideation, 2 supports, 2 review, 1 results", () => {
    expect(demoConsultations.map((demo) => demo.citySlug).sort()).toEqual(demoCities.map((city) => city.slug).sort());
    const count = (kind: string) => demoConsultations.filter((demo) => demo.phase === kind).length;
    expect(PHASE_KINDS.map(count)).toEqual([1, 2, 2, 2, 1]);
    expect(demoConsultations.some((demo) => demo.supportLimit === 5)).toBe(true);
    for (const demo of demoConsultations) expect(Boolean(demo.resultsText), demo.slug).toBe(demo.phase === "RESULTS");
    expect(demoConsultations.find((demo) => demo.citySlug === "limerick")?.language).toBe("en");
  });

  it("passes the consultation form's limits", () => {
    for (const demo of demoConsultations) {
      expect(length(demo.title), demo.slug).toBeGreaterThanOrEqual(TITLE_MIN);
      expect(length(demo.title), demo.slug).toBeLessThanOrEqual(TITLE_MAX);
      expect(length(demo.question), demo.slug).toBeGreaterThanOrEqual(QUESTION_MIN);
      expect(length(demo.question), demo.slug).toBeLessThanOrEqual(QUESTION_MAX);
      expect(length(demo.summary), demo.slug).toBeGreaterThanOrEqual(SUMMARY_MIN);
      expect(length(demo.summary), demo.slug).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(demo.body).toMatch(/^## /);
      expect(demo.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(CATEGORY_SLUGS).toContain(demo.category);
    }
  });

  it("has 2–3 valid organizations per city, owned by entrepreneurs, and lists public ideas of the city", () => {
    const slugs = demoConsultations.flatMap((demo) => demo.organizations.map((organization) => organization.slug));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const demo of demoConsultations) {
      const city = demoCities.find((candidate) => candidate.slug === demo.citySlug)!;
      expect(demo.organizations.length).toBeGreaterThanOrEqual(2);
      expect(demo.organizations.length).toBeLessThanOrEqual(3);
      const owners = demo.organizations.map((organization) => organization.owner);
      expect(new Set(owners).size, demo.slug).toBe(owners.length);
      for (const organization of demo.organizations) {
        if (organization.owner !== "entrepreneur") expect(city.residents[organization.owner].kind, organization.slug).toBe("ENTREPRENEUR");
        expect(organization.sectors.length).toBeGreaterThan(0);
        for (const sector of organization.sectors) expect(isSector(sector), sector).toBe(true);
        expect(SIZES).toContain(organization.size);
        expect(length(organization.description)).toBeGreaterThanOrEqual(DESCRIPTION_MIN);
        expect(length(organization.description)).toBeLessThanOrEqual(DESCRIPTION_MAX);
        expect(organization.statement.length).toBeGreaterThan(10);
      }
      expect(demo.ideaTitles.length).toBeGreaterThanOrEqual(2);
      for (const title of demo.ideaTitles) {
        const idea = city.ideas.find((candidate) => candidate.title === title);
        expect(idea, title).toBeDefined();
        expect(PUBLIC_STATUSES, title).toContain(idea!.status);
      }
    }
    expect(demoConsultations.some((demo) => demo.organizations.some((organization) => organization.owner === "entrepreneur"))).toBe(true);
  });

  it("places valid phases so that the planned phase is running, at any time of day", () => {
    for (const at of ["2026-03-29T00:30:00Z", "2026-06-15T06:59:59Z", "2026-10-25T23:59:59Z", new Date().toISOString()]) {
      const now = new Date(at);
      for (const demo of demoConsultations) {
        const phases = planPhases(demo.phase, demo.daysIntoPhase, now);
        expect(validatePhases(phases), demo.slug).toEqual([]);
        expect(currentPhase(phases, now)?.kind, `${demo.slug} at ${at}`).toBe(demo.phase);
      }
    }
  });
});

describe("seedDemoConsultations", () => {
  const slugs = demoConsultations.map((demo) => demo.slug);

  /** Creates the residents seedDemoIdeas would create, tolerating it doing so at the same moment. */
  async function ensureResidents() {
    const cities = await db.city.findMany({ select: { id: true, slug: true } });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const city of demoCities) {
      for (const [index, resident] of city.residents.entries()) {
        const email = residentEmail(city.slug, index);
        if (await db.user.findUnique({ where: { emailNormalized: email }, select: { id: true } })) continue;
        await db.user
          .create({
            data: {
              email,
              emailNormalized: email,
              displayName: resident.name,
              passwordHash,
              kind: resident.kind,
              homeCityId: cities.find((candidate) => candidate.slug === city.slug)!.id,
              emailVerifiedAt: new Date(),
              privacyAcceptedAt: new Date(),
            },
            select: { id: true },
          })
          .catch((error) => {
            if (!isUniqueViolation(error)) throw error;
          });
      }
    }
  }

  async function counts() {
    const where = { consultation: { slug: { in: slugs } } };
    const organizationSlugs = demoConsultations.flatMap((demo) => demo.organizations.map((organization) => organization.slug));
    const [consultations, phases, participants, organizations, members, ideas, quotas] = await Promise.all([
      db.consultation.count({ where: { slug: { in: slugs } } }),
      db.consultationPhase.count({ where }),
      db.consultationParticipant.count({ where }),
      db.organization.count({ where: { slug: { in: organizationSlugs } } }),
      db.organizationMember.count({ where: { organization: { slug: { in: organizationSlugs } } } }),
      db.idea.count({ where }),
      db.consultationSupportQuota.count({ where }),
    ]);
    return { consultations, phases, participants, organizations, members, ideas, quotas };
  }

  beforeAll(async () => {
    await ensureResidents();
    await seedDemoConsultations();
  }, 60_000);

  it("gives every city a published consultation with five valid phases, at different stages now", async () => {
    const now = new Date();
    const rows = await db.consultation.findMany({
      where: { slug: { in: slugs } },
      select: {
        slug: true,
        status: true,
        publishedAt: true,
        language: true,
        supportLimit: true,
        resultsText: true,
        resultsPublishedAt: true,
        city: { select: { slug: true } },
        phases: { select: { kind: true, startsAt: true, endsAt: true } },
      },
    });
    expect(rows.map((row) => row.city.slug).sort()).toEqual(demoConsultations.map((demo) => demo.citySlug).sort());
    const stages = rows.map((row) => consultationStage(row, now));
    for (const row of rows) {
      const demo = demoConsultations.find((candidate) => candidate.slug === row.slug)!;
      expect(row.status).toBe("PUBLISHED");
      expect(row.publishedAt!.getTime()).toBeLessThan(now.getTime());
      expect(row.phases).toHaveLength(5);
      expect(validatePhases(row.phases), row.slug).toEqual([]);
      expect(consultationStage(row, now), row.slug).toBe(demo.phase);
      expect(row.supportLimit).toBe(demo.supportLimit);
      expect(Boolean(row.resultsText && row.resultsPublishedAt), row.slug).toBe(demo.phase === "RESULTS");
    }
    expect(new Set(stages)).toEqual(new Set(PHASE_KINDS));
  });

  it("has solution partners with organizations and statements, and participants, in every city", async () => {
    for (const demo of demoConsultations) {
      const participants = await db.consultationParticipant.findMany({
        where: { consultation: { slug: demo.slug } },
        select: {
          role: true,
          statement: true,
          userId: true,
          organization: { select: { cityId: true, members: { select: { userId: true, role: true } } } },
          user: { select: { kind: true } },
        },
      });
      const partners = participants.filter((participant) => participant.role === "SOLUTION_PARTNER");
      expect(partners.length, demo.slug).toBeGreaterThanOrEqual(1);
      for (const partner of partners) {
        expect(partner.statement).toBeTruthy();
        expect(partner.user.kind).toBe("ENTREPRENEUR");
        expect(partner.organization?.members).toContainEqual({ userId: partner.userId, role: "OWNER" });
      }
      expect(participants.filter((participant) => participant.role === "PARTICIPANT").length, demo.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it("attaches only public ideas of the consultation's city", async () => {
    const ideas = await db.idea.findMany({
      where: { consultation: { slug: { in: slugs } } },
      select: { title: true, status: true, cityId: true, consultation: { select: { slug: true, cityId: true } } },
    });
    for (const idea of ideas) {
      const demo = demoConsultations.find((candidate) => candidate.slug === idea.consultation!.slug)!;
      expect(demo.ideaTitles).toContain(idea.title);
      expect(idea.cityId).toBe(idea.consultation!.cityId);
      expect(PUBLIC_STATUSES).toContain(idea.status);
    }
  });

  it("is idempotent and fast: a second run creates nothing and changes no count", async () => {
    const before = await counts();
    const started = Date.now();
    const result = await seedDemoConsultations();
    // Generous bound: the suite runs many test files at once on small machines.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.createdConsultations).toBe(0);
    expect(result.createdOrganizations).toBe(0);
    const after = await counts();
    // Demo ideas seeded meanwhile by another test file may be attached now; nothing else changes.
    expect({ ...after, ideas: 0, quotas: 0 }).toEqual({ ...before, ideas: 0, quotas: 0 });
    expect(after.ideas).toBeGreaterThanOrEqual(before.ideas);
  });
});
