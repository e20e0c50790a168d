// Consultations: a city's time-boxed question with five phases. One function per mutation,
// each ONE transaction; the phase rules come from phases.policy.ts only.
//
// Every command's where clause includes the city: a consultation is only ever changed
// through the city it belongs to (the route has checked the viewer's role in THAT city).
import { findCategoryBySlug } from "~/modules/categories/categories.server";
import { hasCityRole } from "~/modules/accounts/roles.policy";
import { PUBLIC_STATUSES, type IdeaStatus, type Viewer } from "~/modules/ideas/lifecycle.policy";
import { renderMarkdown } from "~/modules/ideas/markdown.server";
import { db, isUniqueViolation, type DbTransaction } from "~/utils/db.server";
import type { ConsultationInput } from "./consultations.schema";
import {
  consultationStage,
  currentPhase,
  phaseDenial,
  phaseState,
  resultsDenial,
  showsRanking,
  sortPhases,
  supportQuota,
  validatePhases,
  type ConsultationStage,
  type PhaseDenial,
  type PhaseKind,
  type PhaseState,
  type ResultsDenial,
  type SupportQuota,
} from "./phases.policy";

// ---------------------------------------------------------------------------------------
// Slugs

const SLUG_MAX = 60;
/** Path segments of /cities/:city/consultations/… that are pages, not consultations. */
const RESERVED_SLUGS = new Set(["new"]);

/** "Parking payment: going digital?" → "parking-payment-going-digital" (ASCII, diacritics dropped). */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  if (!slug) return "consultation";
  return RESERVED_SLUGS.has(slug) ? `${slug}-consultation` : slug;
}

/**
 * Whether a URL segment can be a slug made by slugify. Anything else (an edited address)
 * matches no consultation and must not reach the query: PostgreSQL refuses a NUL byte with
 * an error (a 500) instead of finding nothing.
 */
function isConsultationSlug(slug: string): boolean {
  return /^[a-z0-9-]{1,200}$/.test(slug);
}

/** The n-th candidate: "slug", "slug-2", "slug-3" … */
function slugCandidate(base: string, attempt: number): string {
  if (attempt === 1) return base;
  const suffix = attempt <= 50 ? `-${attempt}` : `-${Math.random().toString(36).slice(2, 8)}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, "")}${suffix}`;
}

// ---------------------------------------------------------------------------------------
// Commands

export type ConsultationCommandError = "notFound" | "alreadyPublished" | "invalidPhases" | ResultsDenial;
export type ConsultationCommandResult<T = object> = ({ ok: true } & T) | { ok: false; error: ConsultationCommandError };

/** Thrown inside a transaction to roll it back and report why. */
class Refusal extends Error {
  constructor(readonly reason: ConsultationCommandError) {
    super(reason);
  }
}

async function refusalOf<T>(work: () => Promise<T>): Promise<T | { ok: false; error: ConsultationCommandError }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.reason };
    throw error;
  }
}

async function categoryIdOf(slug: string | null): Promise<string | null> {
  if (!slug) return null;
  return (await findCategoryBySlug(slug))?.id ?? null;
}

function fieldsOf(input: ConsultationInput, categoryId: string | null) {
  return {
    title: input.title,
    question: input.question,
    summary: input.summary,
    body: input.body,
    language: input.language,
    categoryId,
    supportLimit: input.supportLimit,
  };
}

function assertValidPhases(input: ConsultationInput) {
  // The schema checked them already; a command must not trust its caller for an invariant.
  if (input.phases.length !== 5 || validatePhases(input.phases).length > 0) throw new Refusal("invalidPhases");
}

/**
 * Creates a draft consultation with its five phases. The slug comes from the title and is
 * unique per city (database constraint): on a collision the transaction rolls back and is
 * retried with "-2", "-3" …
 */
export async function createConsultation({
  cityId,
  createdById,
  input,
}: {
  cityId: string;
  createdById: string;
  input: ConsultationInput;
}): Promise<ConsultationCommandResult<{ id: string; slug: string }>> {
  return refusalOf(async () => {
    assertValidPhases(input);
    const categoryId = await categoryIdOf(input.categorySlug);
    const base = slugify(input.title);
    for (let attempt = 1; ; attempt++) {
      const slug = slugCandidate(base, attempt);
      try {
        return await db.$transaction(async (tx) => {
          const consultation = await tx.consultation.create({
            data: { ...fieldsOf(input, categoryId), cityId, slug, createdById, status: "DRAFT" },
            select: { id: true, slug: true },
          });
          await tx.consultationPhase.createMany({
            data: input.phases.map((phase) => ({ consultationId: consultation.id, kind: phase.kind, startsAt: phase.startsAt, endsAt: phase.endsAt })),
          });
          return { ok: true as const, id: consultation.id, slug: consultation.slug };
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < 60) continue;
        throw error;
      }
    }
  });
}

/**
 * Changes a consultation of the city: its text, settings and five phases, replaced
 * atomically (delete + insert in the transaction). The slug stays, so links keep working.
 * A consultation of another city is "notFound": the where clause includes `cityId`.
 */
export async function updateConsultation({
  id,
  cityId,
  input,
}: {
  id: string;
  cityId: string;
  input: ConsultationInput;
}): Promise<ConsultationCommandResult<{ slug: string }>> {
  return refusalOf(async () => {
    assertValidPhases(input);
    const categoryId = await categoryIdOf(input.categorySlug);
    return db.$transaction(async (tx) => {
      const { count } = await tx.consultation.updateMany({ where: { id, cityId }, data: fieldsOf(input, categoryId) });
      if (count !== 1) throw new Refusal("notFound");
      await tx.consultationPhase.deleteMany({ where: { consultationId: id } });
      await tx.consultationPhase.createMany({
        data: input.phases.map((phase) => ({ consultationId: id, kind: phase.kind, startsAt: phase.startsAt, endsAt: phase.endsAt })),
      });
      const { slug } = await tx.consultation.findUniqueOrThrow({ where: { id }, select: { slug: true } });
      return { ok: true as const, slug };
    });
  });
}

/** Publishes a draft (once: a second publish is "alreadyPublished"). Its phases must be complete and valid. */
export async function publishConsultation({ id, cityId, now = new Date() }: { id: string; cityId: string; now?: Date }): Promise<ConsultationCommandResult> {
  return refusalOf(() =>
    db.$transaction(async (tx) => {
      // Guarded write first: two admins publishing at once cannot both succeed.
      const { count } = await tx.consultation.updateMany({ where: { id, cityId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: now } });
      if (count !== 1) {
        const exists = await tx.consultation.findFirst({ where: { id, cityId }, select: { id: true } });
        throw new Refusal(exists ? "alreadyPublished" : "notFound");
      }
      const phases = await tx.consultationPhase.findMany({ where: { consultationId: id }, select: { kind: true, startsAt: true, endsAt: true } });
      if (validatePhases(phases).length > 0) throw new Refusal("invalidPhases");
      return { ok: true as const };
    }),
  );
}

/**
 * Publishes (or corrects) the results text, during the RESULTS phase only. The update's
 * where clause is resultsDenial() as a query, so the phase is checked against the rows
 * at the moment of writing.
 */
export async function publishResults({
  id,
  cityId,
  resultsText,
  now = new Date(),
}: {
  id: string;
  cityId: string;
  resultsText: string;
  now?: Date;
}): Promise<ConsultationCommandResult> {
  return refusalOf(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.consultation.updateMany({
        where: { id, cityId, status: "PUBLISHED", phases: { some: { kind: "RESULTS", startsAt: { lte: now }, endsAt: { gt: now } } } },
        data: { resultsText, resultsPublishedAt: now },
      });
      if (count !== 1) {
        const consultation = await tx.consultation.findFirst({
          where: { id, cityId },
          select: { status: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
        });
        throw new Refusal(consultation ? (resultsDenial(consultation, now) ?? "notResultsPhase") : "notFound");
      }
      return { ok: true as const };
    }),
  );
}

// ---------------------------------------------------------------------------------------
// Support quota (used by supports.server.ts inside its transaction)

/** The consultation rules a support on one of its ideas needs, read inside the caller's transaction. */
export async function consultationRulesFor(tx: Pick<DbTransaction, "consultation">, consultationId: string) {
  return tx.consultation.findUnique({
    where: { id: consultationId },
    select: { id: true, status: true, supportLimit: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
  });
}

/** How many of the consultation's supports the user has used (0 without a quota row). */
export async function supportsUsed(consultationId: string, userId: string): Promise<number> {
  const quota = await db.consultationSupportQuota.findUnique({
    where: { consultationId_userId: { consultationId, userId } },
    select: { used: true },
  });
  return quota?.used ?? 0;
}

// ---------------------------------------------------------------------------------------
// Queries

export const CONSULTATIONS_PAGE_SIZE = 20;
export const CONSULTATION_IDEAS_PAGE_SIZE = 20;
const MAX_PAGE = 1_000;
const DRAFTS_LIMIT = 50;

export function parsePage(value: string | null | undefined): number {
  const page = Number.parseInt(value ?? "", 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Ideas of a consultation anyone may see (the same rule as canView for strangers). */
function publicIdeasOf(consultationId: string) {
  return { consultationId, status: { in: PUBLIC_STATUSES as IdeaStatus[] }, publishedAt: { not: null }, hiddenAt: null };
}

const phaseSelect = { select: { kind: true, startsAt: true, endsAt: true } } as const;

export type PhaseView = { kind: PhaseKind; startsAt: string; endsAt: string; state: PhaseState };

function phaseViews(phases: { kind: string; startsAt: Date; endsAt: Date }[], now: Date): PhaseView[] {
  return sortPhases(phases).map((phase) => ({
    kind: phase.kind as PhaseKind,
    startsAt: phase.startsAt.toISOString(),
    endsAt: phase.endsAt.toISOString(),
    state: phaseState(phase, now),
  }));
}

export type ConsultationListItem = {
  id: string;
  slug: string;
  title: string;
  question: string;
  summary: string;
  language: string;
  status: "DRAFT" | "PUBLISHED";
  stage: ConsultationStage;
  /** The current phase with its end, or the next one with its start. */
  currentPhase: PhaseView | null;
  nextPhase: PhaseView | null;
  categorySlug: string | null;
  ideaCount: number;
  city: { slug: string; name: string; timeZone: string };
};

const listSelect = {
  id: true,
  slug: true,
  title: true,
  question: true,
  summary: true,
  language: true,
  status: true,
  category: { select: { slug: true } },
  city: { select: { slug: true, name: true, timeZone: true } },
  phases: phaseSelect,
} as const;

type ListRow = {
  id: string;
  slug: string;
  title: string;
  question: string;
  summary: string;
  language: string;
  status: "DRAFT" | "PUBLISHED";
  category: { slug: string } | null;
  city: { slug: string; name: string; timeZone: string };
  phases: { kind: string; startsAt: Date; endsAt: Date }[];
};

async function toListItems(rows: ListRow[], now: Date): Promise<ConsultationListItem[]> {
  if (rows.length === 0) return [];
  const counts = await db.idea.groupBy({
    by: ["consultationId"],
    where: { consultationId: { in: rows.map((row) => row.id) }, status: { in: PUBLIC_STATUSES as IdeaStatus[] }, publishedAt: { not: null }, hiddenAt: null },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((row) => [row.consultationId, row._count._all]));
  return rows.map((row) => {
    const phases = phaseViews(row.phases, now);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      question: row.question,
      summary: row.summary,
      language: row.language,
      status: row.status,
      stage: consultationStage(row, now),
      currentPhase: phases.find((phase) => phase.state === "current") ?? null,
      nextPhase: phases.find((phase) => phase.state === "upcoming") ?? null,
      categorySlug: row.category?.slug ?? null,
      ideaCount: countOf.get(row.id) ?? 0,
      city: row.city,
    };
  });
}

export type ConsultationList = {
  items: ConsultationListItem[];
  page: number;
  hasNextPage: boolean;
  /** Drafts, for the city's admins on the city list only (null for everyone else). */
  drafts: ConsultationListItem[] | null;
};

/**
 * Published consultations, newest first, of one city or of the whole network (optionally
 * one country). Drafts are never in this list; the city's admins get them separately.
 */
export async function listConsultations({
  cityId,
  countryCode,
  viewer,
  page: pageParam,
  withDrafts = true,
  now = new Date(),
}: {
  cityId?: string;
  countryCode?: string;
  viewer: Viewer;
  page?: string | null;
  /** The city list shows its admins the drafts; the network list never does. */
  withDrafts?: boolean;
  now?: Date;
}): Promise<ConsultationList> {
  const page = parsePage(pageParam);
  const isAdmin = Boolean(withDrafts && cityId && viewer && hasCityRole(viewer.roles, cityId, "CITY_ADMIN"));
  const [rows, draftRows] = await Promise.all([
    db.consultation.findMany({
      where: { status: "PUBLISHED", ...(cityId ? { cityId } : {}), ...(countryCode ? { city: { countryCode } } : {}) },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CONSULTATIONS_PAGE_SIZE,
      take: CONSULTATIONS_PAGE_SIZE + 1,
      select: listSelect,
    }),
    isAdmin
      ? db.consultation.findMany({
          where: { status: "DRAFT", cityId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: DRAFTS_LIMIT,
          select: listSelect,
        })
      : Promise.resolve(null),
  ]);
  return {
    items: await toListItems(rows.slice(0, CONSULTATIONS_PAGE_SIZE) as ListRow[], now),
    page,
    hasNextPage: rows.length > CONSULTATIONS_PAGE_SIZE,
    drafts: draftRows ? await toListItems(draftRows as ListRow[], now) : null,
  };
}

/**
 * Published consultations that have not ended yet (a phase still to come or under way, or
 * no phases planned), newest first, of some cities or of the whole network (`cityIds`
 * undefined). For the network overview; `limit + 1` rows are read to tell if there are more.
 */
export async function listOpenConsultations({
  cityIds,
  limit,
  now = new Date(),
}: {
  cityIds?: string[];
  limit: number;
  now?: Date;
}): Promise<{ items: ConsultationListItem[]; hasMore: boolean }> {
  const rows = await db.consultation.findMany({
    where: {
      status: "PUBLISHED",
      ...(cityIds ? { cityId: { in: cityIds } } : {}),
      OR: [{ phases: { none: {} } }, { phases: { some: { endsAt: { gt: now } } } }],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: listSelect,
  });
  return { items: await toListItems(rows.slice(0, limit) as ListRow[], now), hasMore: rows.length > limit };
}

export type ConsultationIdea = {
  id: string;
  number: number;
  title: string;
  summary: string;
  language: string;
  status: IdeaStatus;
  supportCount: number;
  commentCount: number;
  publishedAt: string;
  officialAnswer: string | null;
  /** 1-based position in the ranking by supports (results), null otherwise. */
  rank: number | null;
  category: { slug: string };
  city: { slug: string; name: string; timeZone: string };
};

export type ConsultationPage = {
  id: string;
  slug: string;
  title: string;
  question: string;
  summary: string;
  bodyHtml: string;
  language: string;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: string | null;
  supportLimit: number | null;
  categorySlug: string | null;
  resultsHtml: string | null;
  resultsText: string | null;
  resultsPublishedAt: string | null;
  city: { id: string; slug: string; name: string; timeZone: string };
  phases: PhaseView[];
  stage: ConsultationStage;
  currentPhase: PhaseKind | null;
  /** Why each action is refused by the phases now (null: open). */
  denials: Record<"propose" | "support" | "comment" | "join", PhaseDenial | null>;
  resultsDenial: ResultsDenial | null;
  ranked: boolean;
  ideas: { items: ConsultationIdea[]; total: number; page: number; hasNextPage: boolean };
  viewer: { signedIn: boolean; isAdmin: boolean; quota: SupportQuota | null };
  /** The server's clock when the page was made (the page is about "now"). */
  now: string;
};

/**
 * The consultation page of `slug` in the city `citySlug`, as `viewer` may see it: null
 * when there is no such consultation, or it is a draft and the viewer is not one of the
 * city's admins (the same 404 either way, so drafts do not leak).
 */
export async function getConsultationPage({
  citySlug,
  slug,
  viewer,
  ideasPage,
  now = new Date(),
}: {
  citySlug: string;
  slug: string;
  viewer: Viewer;
  ideasPage?: string | null;
  now?: Date;
}): Promise<ConsultationPage | null> {
  if (!citySlug || !isConsultationSlug(slug)) return null;
  const consultation = await db.consultation.findFirst({
    where: { slug, city: { slug: citySlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      question: true,
      summary: true,
      body: true,
      language: true,
      status: true,
      publishedAt: true,
      supportLimit: true,
      resultsText: true,
      resultsPublishedAt: true,
      category: { select: { slug: true } },
      city: { select: { id: true, slug: true, name: true, timeZone: true } },
      phases: phaseSelect,
    },
  });
  if (!consultation) return null;
  const isAdmin = Boolean(viewer && hasCityRole(viewer.roles, consultation.city.id, "CITY_ADMIN"));
  if (consultation.status !== "PUBLISHED" && !isAdmin) return null;

  const ranked = showsRanking(consultation, now);
  const page = parsePage(ideasPage);
  const where = publicIdeasOf(consultation.id);
  const [rows, total, used] = await Promise.all([
    db.idea.findMany({
      where,
      orderBy: ranked ? [{ supportCount: "desc" }, { publishedAt: "asc" }, { id: "asc" }] : [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CONSULTATION_IDEAS_PAGE_SIZE,
      take: CONSULTATION_IDEAS_PAGE_SIZE + 1,
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
        officialAnswer: true,
        category: { select: { slug: true } },
      },
    }),
    db.idea.count({ where }),
    viewer && consultation.supportLimit !== null ? supportsUsed(consultation.id, viewer.id) : Promise.resolve(0),
  ]);
  const city = consultation.city;
  const phases = phaseViews(consultation.phases, now);
  const offset = (page - 1) * CONSULTATION_IDEAS_PAGE_SIZE;
  return {
    id: consultation.id,
    slug: consultation.slug,
    title: consultation.title,
    question: consultation.question,
    summary: consultation.summary,
    bodyHtml: consultation.body ? renderMarkdown(consultation.body) : "",
    language: consultation.language,
    status: consultation.status,
    publishedAt: iso(consultation.publishedAt),
    supportLimit: consultation.supportLimit,
    categorySlug: consultation.category?.slug ?? null,
    resultsHtml: consultation.resultsText ? renderMarkdown(consultation.resultsText) : null,
    // The raw text only for the admins' correction form.
    resultsText: isAdmin ? consultation.resultsText : null,
    resultsPublishedAt: iso(consultation.resultsPublishedAt),
    city,
    phases,
    stage: consultationStage(consultation, now),
    currentPhase: (currentPhase(consultation.phases, now)?.kind as PhaseKind | undefined) ?? null,
    denials: {
      propose: phaseDenial("propose", consultation, now),
      support: phaseDenial("support", consultation, now),
      comment: phaseDenial("comment", consultation, now),
      join: phaseDenial("join", consultation, now),
    },
    resultsDenial: resultsDenial(consultation, now),
    ranked,
    ideas: {
      items: rows.slice(0, CONSULTATION_IDEAS_PAGE_SIZE).map((idea, index) => ({
        id: idea.id,
        number: idea.number,
        title: idea.title,
        summary: idea.summary,
        language: idea.language,
        status: idea.status,
        supportCount: idea.supportCount,
        commentCount: idea.commentCount,
        publishedAt: (idea.publishedAt ?? now).toISOString(),
        officialAnswer: idea.officialAnswer,
        rank: ranked ? offset + index + 1 : null,
        category: idea.category,
        city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
      })),
      total,
      page,
      hasNextPage: rows.length > CONSULTATION_IDEAS_PAGE_SIZE,
    },
    viewer: {
      signedIn: viewer !== null,
      isAdmin,
      quota: viewer ? supportQuota(consultation.supportLimit, used) : null,
    },
    now: now.toISOString(),
  };
}

/** What the page's action needs: the consultation of the city by slug (drafts included; authorization is the caller's). */
export async function findConsultationForAction({ citySlug, slug }: { citySlug: string; slug: string }) {
  if (!citySlug || !isConsultationSlug(slug)) return null;
  return db.consultation.findFirst({
    where: { slug, city: { slug: citySlug } },
    select: {
      id: true,
      slug: true,
      cityId: true,
      status: true,
      city: { select: { slug: true } },
      phases: phaseSelect,
    },
  });
}

/** The consultation of the city with the edit form's values (dates as UTC instants; the route shows them in the city's zone). */
export async function findConsultationForEdit({ cityId, slug }: { cityId: string; slug: string }) {
  if (!isConsultationSlug(slug)) return null;
  return db.consultation.findUnique({
    where: { cityId_slug: { cityId, slug } },
    select: {
      id: true,
      slug: true,
      cityId: true,
      title: true,
      question: true,
      summary: true,
      body: true,
      language: true,
      status: true,
      supportLimit: true,
      category: { select: { slug: true } },
      phases: phaseSelect,
    },
  });
}
