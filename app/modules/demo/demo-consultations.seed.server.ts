// Demo consultations for a first start (SEED_DEMO=true), from demo-consultations.data.ts:
// one published consultation per city, its phases placed relative to now so that the
// network shows every stage, the local organizations that joined it as solution partners,
// a few residents who joined as participants, and some of the city's public demo ideas.
//
// - Runs after seedDemoIdeas (the residents exist). One transaction per new consultation:
//   missing organizations (with their owner), the consultation with its five phases
//   (checked with validatePhases), its participants. Written directly rather than through
//   createConsultation/publishConsultation/joinAsPartner: those stamp "now" and refuse
//   joining once results are due, while the demo needs a history (publication weeks ago, a
//   consultation already in its results phase).
// - Idempotent and cheap at every boot: a city whose consultation slug exists is skipped
//   (two instances booting at once: the unique (cityId, slug) rolls the loser back), an
//   organization is created only when its slug is free. Ideas are attached whenever they
//   exist and have no consultation yet (so the order of the seeds does not matter); their
//   counters are untouched. In a consultation with a support limit, the supports its
//   attached ideas already had are counted in their supporters' quotas.
import { PUBLIC_STATUSES, type IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { PHASE_KINDS, validatePhases, type PhaseKind } from "~/modules/consultations/phases.policy";
import { db, isUniqueViolation } from "~/utils/db.server";
import { demoConsultations, PHASE_DAYS, type DemoConsultation } from "./demo-consultations.data";
import { demoCities, officialEmail, residentEmail } from "./demo-ideas.data";
import { DEMO_CITY_ADMIN_EMAIL } from "./demo-ideas.seed.server";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEMO_ENTREPRENEUR_EMAIL = "entrepreneur@civicloop.example";

export type DemoConsultationsResult = { createdConsultations: number; createdOrganizations: number; attachedIdeas: number };

export type PlannedPhase = { kind: PhaseKind; startsAt: Date; endsAt: Date };

/**
 * The five phases, back to back, with `current` running at `now` for `daysIntoPhase` days
 * (each phase starts at 07:00 UTC, a morning in every city of the network).
 */
export function planPhases(current: PhaseKind, daysIntoPhase: number, now: Date): PlannedPhase[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const index = PHASE_KINDS.indexOf(current);
  const starts: number[] = [];
  starts[index] = today - daysIntoPhase * DAY + 7 * HOUR;
  for (let i = index - 1; i >= 0; i--) starts[i] = starts[i + 1] - PHASE_DAYS[PHASE_KINDS[i]] * DAY;
  for (let i = index + 1; i < PHASE_KINDS.length; i++) starts[i] = starts[i - 1] + PHASE_DAYS[PHASE_KINDS[i - 1]] * DAY;
  return PHASE_KINDS.map((kind, i) => ({ kind, startsAt: new Date(starts[i]), endsAt: new Date(starts[i] + PHASE_DAYS[kind] * DAY) }));
}

type Context = {
  cityId: string;
  userOf: (email: string) => string | undefined;
  residentIds: (string | undefined)[];
  organizationIds: Map<string, string>;
  categoryId: string | null;
  now: Date;
};

function ownerEmail(demo: DemoConsultation, owner: number | "entrepreneur") {
  return owner === "entrepreneur" ? DEMO_ENTREPRENEUR_EMAIL : residentEmail(demo.citySlug, owner);
}

/** Creates the consultation, its missing organizations and its participants; false when another run got there first. */
async function createConsultation(demo: DemoConsultation, context: Context): Promise<{ created: boolean; organizations: number }> {
  const { cityId, userOf, residentIds, organizationIds, categoryId, now } = context;
  const phases = planPhases(demo.phase, demo.daysIntoPhase, now);
  if (validatePhases(phases).length > 0) throw new Error(`demo seed: invalid phases for ${demo.slug}`);
  if ((demo.phase === "RESULTS") !== Boolean(demo.resultsText)) throw new Error(`demo seed: results text of ${demo.slug}`);
  const publishedAt = new Date(phases[0].startsAt.getTime() - DAY);
  const adminId = userOf(demo.citySlug === "botosani" ? DEMO_CITY_ADMIN_EMAIL : officialEmail(demo.citySlug)) ?? null;
  // Joined one after another during the consultation, never later than an hour ago.
  const joinedAt = (position: number) => new Date(Math.min(publishedAt.getTime() + (position + 1) * 26 * HOUR, now.getTime() - HOUR));

  try {
    return await db.$transaction(async (tx) => {
      let createdOrganizations = 0;
      const partners: { userId: string; organizationId: string; statement: string; shareContact: boolean }[] = [];
      for (const organization of demo.organizations) {
        const ownerId = userOf(ownerEmail(demo, organization.owner));
        // The demo entrepreneur account is made by seedDemoData; a test may run without it.
        if (!ownerId) continue;
        let organizationId = organizationIds.get(organization.slug);
        if (!organizationId) {
          const created = await tx.organization.create({
            data: {
              slug: organization.slug,
              name: organization.name,
              cityId,
              description: organization.description,
              website: `https://${organization.slug}.example`,
              sectors: organization.sectors,
              skills: organization.skills,
              size: organization.size,
              contactEmail: `contact@${organization.slug}.example`,
              createdAt: new Date(publishedAt.getTime() - 30 * DAY),
              members: { create: { userId: ownerId, role: "OWNER" } },
            },
            select: { id: true },
          });
          organizationId = created.id;
          createdOrganizations++;
        }
        partners.push({ userId: ownerId, organizationId, statement: organization.statement, shareContact: organization.shareContact });
      }

      const consultation = await tx.consultation.create({
        data: {
          cityId,
          slug: demo.slug,
          title: demo.title,
          question: demo.question,
          summary: demo.summary,
          body: demo.body,
          language: demo.language,
          categoryId,
          status: "PUBLISHED",
          supportLimit: demo.supportLimit,
          resultsText: demo.resultsText ?? null,
          resultsPublishedAt: demo.resultsText ? new Date(phases[4].startsAt.getTime() + 2 * DAY) : null,
          createdById: adminId,
          publishedAt,
          createdAt: new Date(publishedAt.getTime() - 3 * DAY),
          phases: { create: phases },
        },
        select: { id: true },
      });

      const partnerIds = new Set(partners.map((partner) => partner.userId));
      const participantIds = demo.participants.map((index) => residentIds[index]).filter((id): id is string => Boolean(id) && !partnerIds.has(id!));
      const rows = [
        ...partners.map((partner) => ({ ...partner, role: "SOLUTION_PARTNER" as const })),
        ...participantIds.map((userId) => ({ userId, role: "PARTICIPANT" as const })),
      ];
      await tx.consultationParticipant.createMany({
        data: rows.map((row, position) => ({ consultationId: consultation.id, createdAt: joinedAt(position), ...row })),
      });
      return { created: true, organizations: createdOrganizations };
    });
  } catch (error) {
    // Another instance booting at the same moment created it.
    if (isUniqueViolation(error)) return { created: false, organizations: 0 };
    throw error;
  }
}

/** Attaches the listed public ideas that have no consultation yet; returns how many. */
async function attachIdeas(demo: DemoConsultation, cityId: string): Promise<number> {
  const candidates = await db.idea.findMany({
    where: {
      cityId,
      title: { in: demo.ideaTitles },
      consultationId: null,
      status: { in: PUBLIC_STATUSES as IdeaStatus[] },
      publishedAt: { not: null },
      hiddenAt: null,
    },
    select: { id: true },
  });
  if (candidates.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const consultation = await tx.consultation.findUnique({
      where: { cityId_slug: { cityId, slug: demo.slug } },
      select: { id: true, supportLimit: true },
    });
    if (!consultation) return 0;
    const attached: string[] = [];
    for (const { id } of candidates) {
      const { count } = await tx.idea.updateMany({ where: { id, consultationId: null }, data: { consultationId: consultation.id } });
      if (count === 1) attached.push(id);
    }
    if (consultation.supportLimit !== null && attached.length > 0) {
      const used = await tx.support.groupBy({ by: ["userId"], where: { ideaId: { in: attached } }, _count: { _all: true } });
      for (const { userId, _count } of used) {
        await tx.consultationSupportQuota.upsert({
          where: { consultationId_userId: { consultationId: consultation.id, userId } },
          create: { consultationId: consultation.id, userId, used: _count._all },
          update: { used: { increment: _count._all } },
        });
      }
    }
    return attached.length;
  });
}

/** Seeds the demo consultations (see the file comment). Runs after seedDemoIdeas. */
export async function seedDemoConsultations({ now = new Date() }: { now?: Date } = {}): Promise<DemoConsultationsResult> {
  const emails = [
    ...demoCities.flatMap((city) => [...city.residents.map((_, index) => residentEmail(city.slug, index)), officialEmail(city.slug)]),
    DEMO_ENTREPRENEUR_EMAIL,
    DEMO_CITY_ADMIN_EMAIL,
  ];
  const [cities, users, consultations, organizations, categories] = await Promise.all([
    db.city.findMany({ where: { slug: { in: demoConsultations.map((demo) => demo.citySlug) } }, select: { id: true, slug: true } }),
    db.user.findMany({ where: { emailNormalized: { in: emails } }, select: { id: true, emailNormalized: true } }),
    db.consultation.findMany({
      where: { slug: { in: demoConsultations.map((demo) => demo.slug) } },
      select: { slug: true, cityId: true },
    }),
    db.organization.findMany({
      where: { slug: { in: demoConsultations.flatMap((demo) => demo.organizations.map((organization) => organization.slug)) } },
      select: { id: true, slug: true },
    }),
    db.category.findMany({ select: { id: true, slug: true } }),
  ]);
  const idOf = new Map(users.map((user) => [user.emailNormalized, user.id]));
  const userOf = (email: string) => idOf.get(email);
  const organizationIds = new Map(organizations.map((organization) => [organization.slug, organization.id]));
  const existing = new Set(consultations.map((consultation) => `${consultation.cityId}\n${consultation.slug}`));

  const result: DemoConsultationsResult = { createdConsultations: 0, createdOrganizations: 0, attachedIdeas: 0 };
  for (const demo of demoConsultations) {
    const cityId = cities.find((city) => city.slug === demo.citySlug)?.id;
    if (!cityId) throw new Error(`demo seed: unknown city ${demo.citySlug}`);
    if (!existing.has(`${cityId}\n${demo.slug}`)) {
      const city = demoCities.find((candidate) => candidate.slug === demo.citySlug)!;
      const residentIds = city.residents.map((_, index) => userOf(residentEmail(city.slug, index)));
      if (residentIds.some((id) => !id)) throw new Error(`demo seed: residents of ${city.slug} are missing (seedDemoIdeas runs first)`);
      const categoryId = categories.find((category) => category.slug === demo.category)?.id ?? null;
      const { created, organizations: createdOrganizations } = await createConsultation(demo, {
        cityId,
        userOf,
        residentIds,
        organizationIds,
        categoryId,
        now,
      });
      if (created) result.createdConsultations++;
      result.createdOrganizations += createdOrganizations;
    }
    result.attachedIdeas += await attachIdeas(demo, cityId);
  }
  return result;
}
