// Organization profiles: commands (one transaction each) and the queries the pages need.
// Contact data (email, phone) never leaves this module except through
// getOrganizationForEdit (owners only): public queries do not select it.
import { randomBytes } from "node:crypto";
import { PUBLIC_STATUSES, type IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { db, isUniqueViolation, type DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { isSector, type OrganizationInput, type OrganizationSize, type Sector } from "./organizations.schema";
import { removalDenial, roleChangeDenial, type MembershipDenial, type OrganizationRole } from "./organizations.policy";

/** What the commands store: the validated form, with the city resolved to its id. */
export type OrganizationData = Omit<OrganizationInput, "city"> & { cityId: string };

// ---------------------------------------------------------------------------------------
// Slugs

/** Paths under /organizations/ that are pages, not profiles. */
export const RESERVED_SLUGS = new Set(["new"]);
export const SLUG_MAX = 60;

const TRANSLITERATIONS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** "Băcănia Digitală S.R.L." → "bacania-digitala-s-r-l"; "organization" when nothing is left. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæœøłđðþı]/g, (letter) => TRANSLITERATIONS[letter] ?? "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  return slug && !RESERVED_SLUGS.has(slug) ? slug : slug ? `${slug}-org` : "organization";
}

/** The slug to try on the n-th attempt: the name's, then numbered, then random. */
function candidateSlug(base: string, attempt: number): string {
  if (attempt === 0) return base;
  const suffix = attempt < 5 ? String(attempt + 1) : randomBytes(3).toString("hex");
  return `${base.slice(0, SLUG_MAX - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
}

const SLUG_ATTEMPTS = 8;

// ---------------------------------------------------------------------------------------
// Commands

function profileData(input: OrganizationData) {
  return {
    name: input.name,
    cityId: input.cityId,
    description: input.description,
    website: input.website,
    sectors: input.sectors,
    skills: input.skills,
    size: input.size,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
  };
}

/**
 * Creates the organization with its creator as owner (one statement: the nested create
 * runs in the same transaction). The slug comes from the name; when it is taken (unique
 * violation) the whole insert is retried with a suffix.
 */
export async function createOrganization(ownerId: string, input: OrganizationData): Promise<{ id: string; slug: string }> {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    try {
      return await db.organization.create({
        data: { ...profileData(input), slug: candidateSlug(base, attempt), members: { create: { userId: ownerId, role: "OWNER" } } },
        select: { id: true, slug: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`no free slug for organization "${base}"`);
}

/**
 * Saves the profile if `actorId` is one of its owners (checked in the same statement).
 * The slug stays: links to the profile keep working after a rename.
 */
export async function updateOrganization(organizationId: string, actorId: string, input: OrganizationData): Promise<{ ok: boolean }> {
  const { count } = await db.organization.updateMany({
    where: { id: organizationId, members: { some: { userId: actorId, role: "OWNER" } } },
    data: profileData(input),
  });
  return { ok: count === 1 };
}

/**
 * Serializes membership changes of one organization: the row lock taken by this update is
 * held until the transaction ends, so two owners removing each other at the same moment
 * cannot both see "another owner is left" (PostgreSQL, read committed). SQLite runs one
 * write transaction at a time anyway.
 */
async function lockOrganization(tx: DbTransaction, organizationId: string): Promise<boolean> {
  const { count } = await tx.organization.updateMany({ where: { id: organizationId }, data: { updatedAt: new Date() } });
  return count === 1;
}

async function membershipFacts(tx: DbTransaction, organizationId: string, actorId: string, targetId: string) {
  const [members, ownerCount] = await Promise.all([
    tx.organizationMember.findMany({
      where: { organizationId, userId: { in: [actorId, targetId] } },
      select: { userId: true, role: true },
    }),
    tx.organizationMember.count({ where: { organizationId, role: "OWNER" } }),
  ]);
  const roleOf = (userId: string) => (members.find((member) => member.userId === userId)?.role ?? null) as OrganizationRole | null;
  return { actorRole: roleOf(actorId), targetRole: roleOf(targetId), ownerCount };
}

export type MembershipResult = { ok: true } | { ok: false; error: MembershipDenial };

/** An owner removes a member, or a member leaves (actor = target). Never the last owner. */
export async function removeMember({
  organizationId,
  actorId,
  targetId,
}: {
  organizationId: string;
  actorId: string;
  targetId: string;
}): Promise<MembershipResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockOrganization(tx, organizationId))) return { ok: false, error: "notMember" } as const;
    const facts = await membershipFacts(tx, organizationId, actorId, targetId);
    const denial = removalDenial({ actorId, targetId, ...facts });
    if (denial) return { ok: false, error: denial } as const;
    await tx.organizationMember.delete({ where: { organizationId_userId: { organizationId, userId: targetId } } });
    return { ok: true } as const;
  });
}

/** An owner makes a member an owner, or an owner a member. Never demotes the last owner. */
export async function changeMemberRole({
  organizationId,
  actorId,
  targetId,
  role,
}: {
  organizationId: string;
  actorId: string;
  targetId: string;
  role: OrganizationRole;
}): Promise<MembershipResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockOrganization(tx, organizationId))) return { ok: false, error: "notMember" } as const;
    const facts = await membershipFacts(tx, organizationId, actorId, targetId);
    const denial = roleChangeDenial({ ...facts, role });
    if (denial) return { ok: false, error: denial } as const;
    await tx.organizationMember.update({ where: { organizationId_userId: { organizationId, userId: targetId } }, data: { role } });
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------
// Queries used by other modules

/** The organizations a person belongs to (for "join on behalf of", the idea form …), by name. */
export async function listUserOrganizations(userId: string): Promise<{ id: string; slug: string; name: string }[]> {
  const memberships = await db.organizationMember.findMany({
    where: { userId },
    select: { organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
    take: 100,
  });
  return memberships.map((membership) => membership.organization);
}

export async function isOrganizationMember(organizationId: string, userId: string): Promise<boolean> {
  const membership = await db.organizationMember.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { userId: true },
  });
  return membership !== null;
}

export async function getMembershipRole(organizationId: string, userId: string | null | undefined): Promise<OrganizationRole | null> {
  if (!userId) return null;
  const membership = await db.organizationMember.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { role: true },
  });
  return (membership?.role ?? null) as OrganizationRole | null;
}

// ---------------------------------------------------------------------------------------
// Page queries

/** Sectors and skills are JSON columns: keep only what the app knows how to show. */
export function sectorList(value: unknown): Sector[] {
  return Array.isArray(value) ? value.filter(isSector) : [];
}

export function skillList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export async function findOrganizationBySlug(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return db.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, city: { select: { timeZone: true } } },
  });
}

/** The edit form's values (owners only: it includes the contact data). */
export async function getOrganizationForEdit(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const organization = await db.organization.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      website: true,
      sectors: true,
      skills: true,
      size: true,
      contactEmail: true,
      contactPhone: true,
      city: { select: { slug: true } },
    },
  });
  if (!organization) return null;
  return {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    sectors: sectorList(organization.sectors),
    values: {
      name: organization.name,
      skills: skillList(organization.skills).join(", "),
      website: organization.website ?? "",
      city: organization.city.slug,
      description: organization.description,
      size: organization.size ?? "",
      contactEmail: organization.contactEmail ?? "",
      contactPhone: organization.contactPhone ?? "",
    },
  };
}

export const PROFILE_IDEAS_LIMIT = 24;

/** Ideas listed on a profile: public, moderated, visible. Never SUBMITTED or hidden ones. */
function publicIdeaWhere(organizationId: string) {
  return { organizationId, status: { in: PUBLIC_STATUSES }, hiddenAt: null, publishedAt: { not: null } };
}

export type OrganizationProfile = Awaited<ReturnType<typeof getOrganizationProfile>>;

/** The public profile: no contact data. */
export async function getOrganizationProfile(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const organization = await db.organization.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      website: true,
      sectors: true,
      skills: true,
      size: true,
      createdAt: true,
      city: { select: { slug: true, name: true } },
    },
  });
  if (!organization) return null;
  const [ideas, ideaCount, partnerships] = await Promise.all([
    db.idea.findMany({
      where: publicIdeaWhere(organization.id),
      select: {
        id: true,
        number: true,
        title: true,
        summary: true,
        language: true,
        status: true,
        supportCount: true,
        commentCount: true,
        publishedAt: true,
        city: { select: { slug: true, name: true, timeZone: true } },
        category: { select: { slug: true } },
      },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: PROFILE_IDEAS_LIMIT,
    }),
    db.idea.count({ where: publicIdeaWhere(organization.id) }),
    db.consultationParticipant.findMany({
      where: { organizationId: organization.id, role: "SOLUTION_PARTNER", consultation: { status: "PUBLISHED" } },
      select: {
        consultation: { select: { id: true, slug: true, title: true, language: true, city: { select: { slug: true, name: true } } } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    description: organization.description,
    website: organization.website,
    sectors: sectorList(organization.sectors),
    skills: skillList(organization.skills),
    size: (organization.size ?? null) as OrganizationSize | null,
    city: organization.city,
    ideas: ideas.flatMap((idea) =>
      idea.publishedAt ? [{ ...idea, status: idea.status as IdeaStatus, publishedAt: idea.publishedAt.toISOString() }] : [],
    ),
    ideaCount,
    consultations: partnerships.map((partnership) => partnership.consultation),
  };
}

export const DIRECTORY_PAGE_SIZE = 20;

export type DirectoryFilters = { cityId?: string; sector?: Sector; page: number };

/**
 * One page of the directory, by name. Raw SQL for the ids because Prisma has no JSON
 * array filter on SQLite; the sector is a bound parameter on both databases.
 */
export async function listOrganizations({ cityId, sector, page }: DirectoryFilters) {
  const postgres = getEnv().database.provider === "postgresql";
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return postgres ? `$${params.length}` : "?";
  };
  const conditions: string[] = [];
  if (cityId) conditions.push(`o."cityId" = ${param(cityId)}`);
  if (sector) {
    conditions.push(
      postgres
        ? `o."sectors" @> jsonb_build_array(${param(sector)}::text)`
        : `EXISTS (SELECT 1 FROM json_each(o."sectors") WHERE json_each.value = ${param(sector)})`,
    );
  }
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const countRows = await db.$queryRawUnsafe<{ total: number | bigint }[]>(`SELECT COUNT(*) AS total FROM "Organization" o ${where}`, ...params);
  const total = Number(countRows[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const idRows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT o."id" AS id FROM "Organization" o ${where} ORDER BY LOWER(o."name"), o."id" LIMIT ${param(DIRECTORY_PAGE_SIZE)} OFFSET ${param(
      (current - 1) * DIRECTORY_PAGE_SIZE,
    )}`,
    ...params,
  );
  const ids = idRows.map((row) => row.id);
  const rows = ids.length
    ? await db.organization.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          slug: true,
          name: true,
          description: true,
          sectors: true,
          skills: true,
          size: true,
          city: { select: { slug: true, name: true } },
        },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const organizations = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        slug: row.slug,
        name: row.name,
        description: row.description,
        sectors: sectorList(row.sectors),
        skills: skillList(row.skills),
        size: (row.size ?? null) as OrganizationSize | null,
        city: row.city,
      },
    ];
  });
  return { organizations, total, page: current, pageCount };
}

/** The signed-in person's organizations with their role, for the account page. */
export async function listMemberships(userId: string) {
  const memberships = await db.organizationMember.findMany({
    where: { userId },
    select: {
      role: true,
      organization: { select: { id: true, slug: true, name: true, city: { select: { name: true } } } },
    },
    orderBy: { organization: { name: "asc" } },
    take: 100,
  });
  const ownerCounts = await db.organizationMember.groupBy({
    by: ["organizationId"],
    where: { organizationId: { in: memberships.map((membership) => membership.organization.id) }, role: "OWNER" },
    _count: { _all: true },
  });
  return memberships.map((membership) => ({
    role: membership.role as OrganizationRole,
    organization: membership.organization,
    ownerCount: ownerCounts.find((row) => row.organizationId === membership.organization.id)?._count._all ?? 0,
  }));
}

/** The members page: everyone in the organization, owners first. */
export async function listMembers(organizationId: string) {
  const members = await db.organizationMember.findMany({
    where: { organizationId },
    select: { role: true, createdAt: true, user: { select: { id: true, displayName: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    take: 500,
  });
  // Owners first (sorted here: enums sort by name on SQLite, by declaration on PostgreSQL).
  return members
    .map((member) => ({
      userId: member.user.id,
      displayName: member.user.displayName,
      role: member.role as OrganizationRole,
      joinedAt: member.createdAt.toISOString(),
    }))
    .sort((a, b) => Number(b.role === "OWNER") - Number(a.role === "OWNER"));
}
