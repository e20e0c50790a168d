// Joining consultations as a participant or as a solution partner (an entrepreneur on
// behalf of their organization), the public partner list, and the city admin's view and
// CSV export of everyone who joined.
//
// The invariants live in the database: one participation per person per consultation
// (primary key consultationId + userId) and one partnership per organization per
// consultation (unique consultationId + organizationId). The commands write and let those
// constraints answer (P2002), never check-then-insert.
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { hasCityRole } from "~/modules/accounts/roles.policy";
import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { listUserOrganizations } from "~/modules/organizations/organizations.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import { forbidden, notFound, redirectWithFlash } from "~/utils/http.server";
import { JoinPartnerSchema, joinDenial, PARTNER_FORM_ID, type JoinDenial, type PhaseWindow } from "./participation.schema";

export type ParticipationRole = "PARTICIPANT" | "SOLUTION_PARTNER";

type Refusal = "notFound" | JoinDenial | "alreadyJoined" | "organizationTaken" | "notEntrepreneur" | "notMember";
export type JoinResult = { ok: true; upgraded: boolean } | { ok: false; error: Refusal };

/** Thrown inside a transaction to roll it back and report why. */
class JoinRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

const phaseSelect = { select: { kind: true, startsAt: true, endsAt: true } } as const;

/** The consultation's state, read inside the joining transaction (the server's authority, not the form's). */
async function assertOpen(tx: Pick<typeof db, "consultation">, consultationId: string, now: Date) {
  const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { status: true, phases: phaseSelect } });
  if (!consultation) throw new JoinRefused("notFound");
  const denial = joinDenial(consultation, now);
  if (denial) throw new JoinRefused(denial);
}

async function refusalOf<T>(work: () => Promise<T>): Promise<T | { ok: false; error: Refusal }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof JoinRefused) return { ok: false, error: error.reason };
    throw error;
  }
}

/** Join as a participant: one click, any signed-in person. */
export async function joinAsParticipant({
  consultationId,
  userId,
  now = new Date(),
}: {
  consultationId: string;
  userId: string;
  now?: Date;
}): Promise<JoinResult> {
  try {
    return await refusalOf(() =>
      db.$transaction(async (tx) => {
        await assertOpen(tx, consultationId, now);
        await tx.consultationParticipant.create({ data: { consultationId, userId, role: "PARTICIPANT" }, select: { userId: true } });
        // Issue "follows": joining also follows the consultation — create the Follow here, in this transaction.
        return { ok: true as const, upgraded: false };
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "alreadyJoined" };
    throw error;
  }
}

/**
 * Join as a solution partner on behalf of an organization the user belongs to (checked
 * here, whatever the form said), with a statement and the explicit choice to share the
 * organization's contact data with the city. A participant who joins as a partner later
 * becomes one (same row, updated only while it is still a plain participation).
 */
export async function joinAsPartner({
  consultationId,
  userId,
  organizationId,
  statement,
  shareContact,
  now = new Date(),
}: {
  consultationId: string;
  userId: string;
  organizationId: string;
  statement: string;
  shareContact: boolean;
  now?: Date;
}): Promise<JoinResult> {
  try {
    return await refusalOf(() =>
      db.$transaction(async (tx) => {
        await assertOpen(tx, consultationId, now);
        const user = await tx.user.findUnique({ where: { id: userId }, select: { kind: true } });
        if (user?.kind !== "ENTREPRENEUR") throw new JoinRefused("notEntrepreneur");
        const membership = await tx.organizationMember.findUnique({
          where: { organizationId_userId: { organizationId, userId } },
          select: { role: true },
        });
        if (!membership) throw new JoinRefused("notMember");
        const partnership = { role: "SOLUTION_PARTNER" as const, organizationId, statement, shareContact };
        const upgraded = await tx.consultationParticipant.updateMany({
          where: { consultationId, userId, role: "PARTICIPANT" },
          data: partnership,
        });
        if (upgraded.count === 0) {
          await tx.consultationParticipant.create({ data: { consultationId, userId, ...partnership }, select: { userId: true } });
          // Issue "follows": joining also follows the consultation — create the Follow here, in this transaction.
        }
        return { ok: true as const, upgraded: upgraded.count > 0 };
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Which of the two constraints answered? Only to word the message.
    const holder = await db.consultationParticipant.findFirst({ where: { consultationId, organizationId }, select: { userId: true } });
    return { ok: false, error: holder && holder.userId !== userId ? "organizationTaken" : "alreadyJoined" };
  }
}

/** Leave a consultation (allowed at any time): the participation row is deleted. */
export async function leaveConsultation({ consultationId, userId }: { consultationId: string; userId: string }): Promise<{ left: boolean }> {
  const deleted = await db.consultationParticipant.deleteMany({ where: { consultationId, userId } });
  // Issue "follows": leaving keeps the follow (people unfollow explicitly).
  return { left: deleted.count > 0 };
}

// ---------------------------------------------------------------------------------------
// The consultation page

/** How many partner organizations the page lists (the admin view and the CSV have them all). */
export const PUBLIC_PARTNER_LIMIT = 100;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The organizations the user may join for, with whether their profile has contact data. */
async function organizationsOf(userId: string) {
  const organizations = await listUserOrganizations(userId);
  if (organizations.length === 0) return [];
  const contacts = await db.organization.findMany({
    where: { id: { in: organizations.map((organization) => organization.id) } },
    select: { id: true, contactEmail: true, contactPhone: true },
  });
  return organizations.map((organization) => {
    const contact = contacts.find((row) => row.id === organization.id);
    return { ...organization, hasContactDetails: Boolean(contact?.contactEmail || contact?.contactPhone) };
  });
}

/**
 * Everything the participation panel of a consultation page shows: the viewer's
 * participation and what they may join for, the public partner list (no contact data)
 * and the counts. Serializable (dates as ISO strings).
 */
export async function loadParticipation({ consultationId, viewer }: { consultationId: string; viewer: Viewer }) {
  const [consultation, participantCount, partnerCount, partnerRows] = await Promise.all([
    db.consultation.findUnique({ where: { id: consultationId }, select: { cityId: true, city: { select: { name: true, timeZone: true } } } }),
    db.consultationParticipant.count({ where: { consultationId } }),
    db.consultationParticipant.count({ where: { consultationId, role: "SOLUTION_PARTNER", organizationId: { not: null } } }),
    db.consultationParticipant.findMany({
      where: { consultationId, role: "SOLUTION_PARTNER", organizationId: { not: null } },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      take: PUBLIC_PARTNER_LIMIT,
      select: {
        statement: true,
        organization: { select: { slug: true, name: true, city: { select: { name: true } } } },
      },
    }),
  ]);
  if (!consultation) throw new Error(`consultation ${consultationId} not found`);

  const partners = partnerRows.flatMap((row) =>
    row.organization
      ? [{ organization: { slug: row.organization.slug, name: row.organization.name, cityName: row.organization.city.name }, statement: row.statement ?? "" }]
      : [],
  );

  let own: {
    participation: {
      role: ParticipationRole;
      organization: { id: string; slug: string; name: string } | null;
      statement: string | null;
      shareContact: boolean;
      joinedAt: string;
    } | null;
    isEntrepreneur: boolean;
    organizations: { id: string; slug: string; name: string; hasContactDetails: boolean; taken: boolean }[];
  } = { participation: null, isEntrepreneur: false, organizations: [] };

  if (viewer) {
    const [user, participation] = await Promise.all([
      db.user.findUnique({ where: { id: viewer.id }, select: { kind: true } }),
      db.consultationParticipant.findUnique({
        where: { consultationId_userId: { consultationId, userId: viewer.id } },
        select: { role: true, statement: true, shareContact: true, createdAt: true, organization: { select: { id: true, slug: true, name: true } } },
      }),
    ]);
    const isEntrepreneur = user?.kind === "ENTREPRENEUR";
    const organizations = isEntrepreneur ? await organizationsOf(viewer.id) : [];
    const taken = organizations.length
      ? await db.consultationParticipant.findMany({
          where: { consultationId, organizationId: { in: organizations.map((organization) => organization.id) } },
          select: { organizationId: true },
        })
      : [];
    const takenIds = new Set(taken.map((row) => row.organizationId));
    own = {
      isEntrepreneur,
      participation: participation
        ? {
            role: participation.role,
            organization: participation.organization,
            statement: participation.statement,
            shareContact: participation.shareContact,
            joinedAt: participation.createdAt.toISOString(),
          }
        : null,
      organizations: organizations.map((organization) => ({
        id: organization.id,
        slug: organization.slug,
        name: organization.name,
        hasContactDetails: organization.hasContactDetails,
        taken: takenIds.has(organization.id),
      })),
    };
  }

  return {
    cityName: consultation.city.name,
    /** For dates on the panel (shown in the city's time zone). */
    timeZone: consultation.city.timeZone,
    signedIn: viewer !== null,
    /** City admins see links to the participant list and the CSV export. */
    canManage: viewer ? hasCityRole(viewer.roles, consultation.cityId, "CITY_ADMIN") : false,
    ...own,
    partners,
    partnerCount,
    participantCount,
  };
}

export type ParticipationData = Awaited<ReturnType<typeof loadParticipation>>;

// ---------------------------------------------------------------------------------------
// The action of the consultation page

export type ParticipationConsultation = {
  id: string;
  slug: string;
  cityId: string;
  citySlug: string;
  status: string;
  phases: readonly PhaseWindow[];
};

/** What a refused partner form returns (400); `form` tells it apart from the page's other forms. */
export type ParticipationFormFailure = FormFailure & { form: typeof PARTNER_FORM_ID };

export function consultationPath(consultation: { citySlug: string; slug: string }) {
  return `/cities/${consultation.citySlug}/consultations/${consultation.slug}`;
}

/**
 * Handles the intents "join-participant", "join-partner" and "leave-consultation" posted
 * to the consultation page. The route has already required a signed-in viewer who may see
 * the consultation. Success and honest refusals (joined already, joining closed): a
 * redirect back to the panel with a flash message. An invalid partner form: 400 with
 * field errors and the values kept. A forged request (not an entrepreneur): 403.
 */
export async function handleParticipationIntent({
  request,
  formData,
  consultation,
  viewer,
}: {
  request: Request;
  formData: FormData;
  consultation: ParticipationConsultation;
  viewer: NonNullable<Viewer>;
}) {
  const back = `${consultationPath(consultation)}#participation`;
  const refused = (error: Refusal) => {
    if (error === "notFound") notFound();
    if (error === "notEntrepreneur") forbidden();
    return redirectWithFlash(request, back, {
      kind: error === "alreadyJoined" ? "info" : "error",
      key: error === "alreadyJoined" ? "participation:flash.alreadyJoined" : `participation:denial.${error}`,
    });
  };
  const invalid = (failure: FormFailure) => data({ ...failure, form: PARTNER_FORM_ID } satisfies ParticipationFormFailure, { status: 400 });

  switch (formData.get("intent")) {
    case "join-participant": {
      const result = await joinAsParticipant({ consultationId: consultation.id, userId: viewer.id });
      if (!result.ok) return refused(result.error);
      return redirectWithFlash(request, back, { kind: "success", key: "participation:flash.joined" });
    }
    case "join-partner": {
      const parsed = parseForm(JoinPartnerSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      const result = await joinAsPartner({ consultationId: consultation.id, userId: viewer.id, ...parsed.data });
      if (!result.ok) {
        // Refusals that concern the chosen organization stay on the form, with the statement kept.
        if (result.error === "notMember" || result.error === "organizationTaken") {
          const values = Object.fromEntries(
            (["organizationId", "statement", "shareContact"] as const).flatMap((name) => {
              const value = formData.get(name);
              return typeof value === "string" ? [[name, value.slice(0, 10_000)]] : [];
            }),
          );
          return invalid({ ok: false, fieldErrors: { organizationId: `participation:errors.${result.error}` }, values });
        }
        return refused(result.error);
      }
      return redirectWithFlash(request, back, { kind: "success", key: result.upgraded ? "participation:flash.upgraded" : "participation:flash.joinedPartner" });
    }
    case "leave-consultation": {
      const result = await leaveConsultation({ consultationId: consultation.id, userId: viewer.id });
      return redirectWithFlash(request, back, {
        kind: result.left ? "success" : "info",
        key: result.left ? "participation:flash.left" : "participation:flash.notJoined",
      });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

// ---------------------------------------------------------------------------------------
// The city admin's view and export

/** The consultation of a city, for the admin pages (drafts included: authorization is the caller's). */
export async function findConsultationInCity({ citySlug, slug }: { citySlug: string; slug: string }) {
  if (!citySlug || !slug || slug.length > 200) return null;
  return db.consultation.findFirst({
    where: { slug, city: { slug: citySlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      status: true,
      city: { select: { id: true, slug: true, name: true, timeZone: true, defaultLocale: true } },
    },
  });
}

export const ADMIN_PAGE_SIZE = 50;

/** Contact data leaves the database only for partners who agreed to share it. */
function sharedContact(row: { shareContact: boolean; organization: { contactEmail: string | null; contactPhone: string | null } | null }) {
  if (!row.shareContact || !row.organization) return null;
  return { email: row.organization.contactEmail ?? null, phone: row.organization.contactPhone ?? null };
}

const partnerSelect = {
  statement: true,
  shareContact: true,
  createdAt: true,
  user: { select: { displayName: true, deletedAt: true } },
  organization: {
    select: {
      slug: true,
      name: true,
      website: true,
      sectors: true,
      contactEmail: true,
      contactPhone: true,
      city: { select: { name: true } },
    },
  },
} as const;

type PartnerRow = {
  statement: string | null;
  shareContact: boolean;
  createdAt: Date;
  user: { displayName: string; deletedAt: Date | null };
  organization: {
    slug: string;
    name: string;
    website: string | null;
    sectors: unknown;
    contactEmail: string | null;
    contactPhone: string | null;
    city: { name: string };
  } | null;
};

function toPartner(row: PartnerRow) {
  return {
    organization: row.organization
      ? {
          slug: row.organization.slug,
          name: row.organization.name,
          website: row.organization.website,
          cityName: row.organization.city.name,
          sectors: stringList(row.organization.sectors),
        }
      : null,
    memberName: row.user.deletedAt ? null : row.user.displayName,
    statement: row.statement ?? "",
    joinedAt: row.createdAt.toISOString(),
    contact: sharedContact(row),
  };
}

function pageNumber(value: string | null | undefined): number {
  const page = Number.parseInt(value ?? "", 10);
  return Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/**
 * Everyone who joined (paginated, oldest first) and the solution partners with their
 * statements; contact data only where the partner agreed.
 */
export async function loadParticipantsForAdmin({
  consultationId,
  page: pageParam,
  partnersPage: partnersPageParam,
}: {
  consultationId: string;
  page?: string | null;
  partnersPage?: string | null;
}) {
  const page = pageNumber(pageParam);
  const partnersPage = pageNumber(partnersPageParam);
  const partnerWhere = { consultationId, role: "SOLUTION_PARTNER" as const };
  const [participantCount, partnerCount, participantRows, partnerRows] = await Promise.all([
    db.consultationParticipant.count({ where: { consultationId } }),
    db.consultationParticipant.count({ where: partnerWhere }),
    db.consultationParticipant.findMany({
      where: { consultationId },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        userId: true,
        role: true,
        createdAt: true,
        user: { select: { displayName: true, kind: true, deletedAt: true } },
        organization: { select: { slug: true, name: true } },
      },
    }),
    db.consultationParticipant.findMany({
      where: partnerWhere,
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      skip: (partnersPage - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: partnerSelect,
    }),
  ]);
  return {
    participantCount,
    partnerCount,
    page,
    pageCount: Math.max(1, Math.ceil(participantCount / ADMIN_PAGE_SIZE)),
    partnersPage,
    partnersPageCount: Math.max(1, Math.ceil(partnerCount / ADMIN_PAGE_SIZE)),
    participants: participantRows.map((row) => ({
      id: row.userId,
      displayName: row.user.deletedAt ? null : row.user.displayName,
      kind: row.user.kind,
      role: row.role,
      organization: row.organization,
      joinedAt: row.createdAt.toISOString(),
    })),
    partners: partnerRows.map(toPartner),
  };
}

export type AdminParticipants = Awaited<ReturnType<typeof loadParticipantsForAdmin>>;

// ---------------------------------------------------------------------------------------
// CSV

/** Cells a spreadsheet would run as a formula (or split) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, semicolon or line break
 * (quotes doubled). A cell a spreadsheet would read as a formula gets a leading
 * apostrophe first (OWASP "CSV injection").
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends, as spreadsheets expect. */
export function toCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** "2026-03-29 14:05" in the given time zone (sortable, and read as a date by spreadsheets). */
export function localDateTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A download name made only of safe characters. */
export function csvFileName(citySlug: string, consultationSlug: string): string {
  const safe = (value: string) =>
    value
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase()
      .slice(0, 80) || "consultation";
  return `partners-${safe(citySlug)}-${safe(consultationSlug)}.csv`;
}

/**
 * The partner list as CSV: a header row in the admin's language (t of the `participation`
 * namespace), then one row per partner organization. Contact email and phone only for
 * partners who agreed to share them; empty cells otherwise.
 */
export async function partnersCsv({
  consultationId,
  timeZone,
  t,
}: {
  consultationId: string;
  /** The city's IANA time zone: "joined at" is written as local "YYYY-MM-DD HH:MM". */
  timeZone: string;
  /** Translates `participation:csv.*` and `organizations:sector.*` in the admin's language. */
  t: TFunction;
}) {
  const rows = await db.consultationParticipant.findMany({
    where: { consultationId, role: "SOLUTION_PARTNER", organizationId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: partnerSelect,
  });
  const header = ["organization", "website", "city", "sectors", "statement", "joinedAt", "contactEmail", "contactPhone"].map((column) =>
    t(`participation:csv.${column}`),
  );
  const body = rows.map(toPartner).map((partner) => [
    partner.organization?.name,
    partner.organization?.website,
    partner.organization?.cityName,
    (partner.organization?.sectors ?? []).map((slug) => t(`organizations:sector.${slug}`, { defaultValue: slug })).join("; "),
    partner.statement,
    localDateTime(partner.joinedAt, timeZone),
    partner.contact?.email,
    partner.contact?.phone,
  ]);
  return "\uFEFF" + toCsv([header, ...body]);
}
