// Rows for the participation tests, inserted directly with Prisma (the consultation and
// organization commands belong to other modules).
import { randomUUID } from "node:crypto";
import { db } from "~/utils/db.server";
import { createUser } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const PHASE_KINDS = ["INFORMATION", "IDEATION", "SUPPORTS", "REVIEW", "RESULTS"] as const;

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/**
 * A consultation with five consecutive phases of ten days each. By default "now" is in
 * the middle of ideation; `resultsStartsAt` moves the whole timeline so that the results
 * phase starts at that instant.
 */
export async function createConsultation(
  options: { citySlug?: string; status?: "DRAFT" | "PUBLISHED"; resultsStartsAt?: Date; title?: string; withPhases?: boolean } = {},
) {
  const citySlug = options.citySlug ?? "oulu";
  const resultsStartsAt = options.resultsStartsAt ?? new Date(Date.now() + 25 * DAY);
  const firstStart = resultsStartsAt.getTime() - 4 * 10 * DAY;
  const slug = `consultation-${randomUUID().slice(0, 8)}`;
  const consultation = await db.consultation.create({
    data: {
      cityId: await cityId(citySlug),
      slug,
      title: options.title ?? "How should parking payment go digital?",
      question: "How should parking payment go digital?",
      status: options.status ?? "PUBLISHED",
      publishedAt: options.status === "DRAFT" ? null : new Date(),
      phases:
        options.withPhases === false
          ? undefined
          : {
              create: PHASE_KINDS.map((kind, index) => ({
                kind,
                startsAt: new Date(firstStart + index * 10 * DAY),
                endsAt: new Date(firstStart + (index + 1) * 10 * DAY),
              })),
            },
    },
    select: { id: true, slug: true, cityId: true, status: true, city: { select: { slug: true } }, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
  });
  return { id: consultation.id, slug: consultation.slug, cityId: consultation.cityId, citySlug: consultation.city.slug, status: consultation.status, phases: consultation.phases };
}

export async function createEntrepreneur(options: { citySlug?: string; displayName?: string } = {}) {
  const user = await createUser({ citySlug: options.citySlug, displayName: options.displayName ?? "Entrepreneur" });
  return db.user.update({ where: { id: user.id }, data: { kind: "ENTREPRENEUR" } });
}

export async function createOrganization(
  options: {
    citySlug?: string;
    name?: string;
    ownerId?: string;
    memberIds?: string[];
    website?: string | null;
    sectors?: string[];
    contactEmail?: string | null;
    contactPhone?: string | null;
  } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  return db.organization.create({
    data: {
      slug: `org-${suffix}`,
      name: options.name ?? `Byte Works ${suffix}`,
      cityId: await cityId(options.citySlug ?? "oulu"),
      website: options.website === undefined ? "https://byteworks.example" : options.website,
      sectors: options.sectors ?? ["software", "mobility"],
      contactEmail: options.contactEmail === undefined ? "hello@byteworks.example" : options.contactEmail,
      contactPhone: options.contactPhone === undefined ? "+358 40 123 4567" : options.contactPhone,
      members: {
        create: [
          ...(options.ownerId ? [{ userId: options.ownerId, role: "OWNER" as const }] : []),
          ...(options.memberIds ?? []).map((userId) => ({ userId, role: "MEMBER" as const })),
        ],
      },
    },
    select: { id: true, slug: true, name: true, cityId: true },
  });
}

export async function grantRole(userId: string, role: "CITY_ADMIN" | "MODERATOR" | "NETWORK_ADMIN", citySlug?: string) {
  const id = citySlug ? await cityId(citySlug) : null;
  await db.roleAssignment.create({ data: { userId, role, cityId: id, scope: id ?? "network" } });
  return db.roleAssignment.findMany({ where: { userId }, select: { role: true, cityId: true } });
}
