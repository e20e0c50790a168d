// Pilots and launches: the commands that take an accepted idea into a pilot with partners
// and testers, and then live as a service. Each command is one transaction that also moves
// the idea through the lifecycle (transitionWithin), writes the timeline and the audit log,
// and notifies through notify().
import { isCityAdmin, type Viewer } from "~/modules/ideas/lifecycle.policy";
import { transitionWithin } from "~/modules/ideas/ideas.server";
import { recordAudit } from "~/modules/moderation/audit.server";
import { follow } from "~/modules/notifications/follows.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/modules/consultations/timezone";
import { db, isUniqueViolation, type DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { RECORD_ID, type LaunchInput, type PilotPlanInput } from "./pilots.schema";

type Actor = NonNullable<Viewer>;

export type PilotCommandError = "notFound" | "forbidden" | "invalidState" | "conflict";
export type PilotCommandResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; error: PilotCommandError }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> };

/** Rolls a command's transaction back with an answer for the caller. */
class Refused extends Error {
  constructor(readonly result: Exclude<PilotCommandResult, { ok: true }>) {
    super(`refused: ${result.error}`);
  }
}

function refuse(error: PilotCommandError): never {
  throw new Refused({ ok: false, error });
}

function invalidField(field: string, key: string): never {
  throw new Refused({ ok: false, error: "invalid", fieldErrors: { [field]: key } });
}

async function run<T extends object>(work: (tx: DbTransaction) => Promise<T>): Promise<PilotCommandResult<T>> {
  try {
    return { ok: true, ...(await db.$transaction(work, TRANSACTION_OPTIONS)) };
  } catch (error) {
    if (error instanceof Refused) return error.result as PilotCommandResult<T>;
    throw error;
  }
}

// Sign-ups on a popular pilot queue on its row; waiting a few seconds for a turn beats failing.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

/** The city-local day [start 00:00, end 23:59:59] as instants; a day that does not exist there is refused. */
function pilotWindow(input: Pick<PilotPlanInput, "startsAt" | "endsAt">, timeZone: string) {
  const startsAt = zonedLocalToUtc(`${input.startsAt}T00:00`, timeZone);
  if (!startsAt.ok) return invalidField("startsAt", "pilots:errors.startsAtInvalid");
  const endsAt = zonedLocalToUtc(`${input.endsAt}T23:59:59`, timeZone);
  if (!endsAt.ok) return invalidField("endsAt", "pilots:errors.endsAtInvalid");
  return { startsAt: startsAt.date, endsAt: endsAt.date };
}

/** Forged, unknown or hidden organization ids are refused as a whole (no partial plan). */
async function checkPartners(tx: DbTransaction, partnerIds: string[]): Promise<string[]> {
  const unique = [...new Set(partnerIds)];
  if (!unique.length) return [];
  if (!unique.every((id) => RECORD_ID.test(id))) invalidField("partnerIds", "pilots:errors.partnerInvalid");
  const found = await tx.organization.count({ where: { id: { in: unique }, hiddenAt: null } });
  if (found !== unique.length) invalidField("partnerIds", "pilots:errors.partnerInvalid");
  return unique;
}

async function loadIdea(tx: DbTransaction, ideaId: string, actor: Actor) {
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: { id: true, status: true, cityId: true, hiddenAt: true, city: { select: { timeZone: true } }, pilot: { select: { id: true } } },
  });
  if (!idea) return refuse("notFound");
  if (!isCityAdmin(actor, idea.cityId)) return refuse("forbidden");
  return idea;
}

/**
 * A city admin moves an ACCEPTED idea to PILOTING and, in the same transaction, writes the
 * pilot plan with its partners. Anything refused leaves no row changed.
 */
export async function planPilot({ ideaId, actor, input }: { ideaId: string; actor: Actor; input: PilotPlanInput }): Promise<PilotCommandResult<{ pilotId: string }>> {
  return run(async (tx) => {
    const idea = await loadIdea(tx, ideaId, actor);
    if (idea.status !== "ACCEPTED" || idea.hiddenAt) refuse("invalidState");
    const window = pilotWindow(input, idea.city.timeZone);
    const partnerIds = await checkPartners(tx, input.partnerIds);
    // A pilot left from an earlier round (the city went back to ACCEPTED) is replaced.
    if (idea.pilot) await tx.pilot.delete({ where: { id: idea.pilot.id } });
    const moved = await transitionWithin(tx, idea.id, "PILOTING", { actorId: actor.id, by: "CITY_ADMIN" });
    if (!moved.ok) refuse(moved.error === "notFound" ? "notFound" : moved.error === "conflict" ? "conflict" : "invalidState");
    const pilot = await tx.pilot.create({
      data: {
        ideaId: idea.id,
        plan: input.plan,
        howToTakePart: input.howToTakePart,
        ...window,
        capacity: input.capacity,
        createdById: actor.id,
        partners: { create: partnerIds.map((organizationId) => ({ organizationId })) },
      },
      select: { id: true },
    });
    await tx.ideaEvent.create({ data: { ideaId: idea.id, type: "PILOT_PLANNED", actorId: actor.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      cityId: idea.cityId,
      action: "pilot.plan",
      targetType: "IDEA",
      targetId: idea.id,
      data: { partners: partnerIds.length, capacity: input.capacity },
    });
    return { pilotId: pilot.id };
  });
}

/**
 * Edits the plan of a pilot under way. The capacity cannot drop below the testers already
 * signed up (they keep their place).
 */
export async function updatePilotPlan({ ideaId, actor, input }: { ideaId: string; actor: Actor; input: PilotPlanInput }): Promise<PilotCommandResult<{ pilotId: string }>> {
  return run(async (tx) => {
    const idea = await loadIdea(tx, ideaId, actor);
    if (idea.status !== "PILOTING" || !idea.pilot) return refuse("invalidState");
    const window = pilotWindow(input, idea.city.timeZone);
    const partnerIds = await checkPartners(tx, input.partnerIds);
    const pilotId = idea.pilot.id;
    // Guarded: a sign-up arriving meanwhile cannot end up above the new capacity.
    const { count } = await tx.pilot.updateMany({
      where: { id: pilotId, ...(input.capacity !== null ? { testerCount: { lte: input.capacity } } : {}) },
      data: {
        plan: input.plan,
        howToTakePart: input.howToTakePart,
        ...window,
        capacity: input.capacity,
        // New dates mean new start/end messages (when the new date comes).
        ...(window.startsAt > new Date() ? { startNotifiedAt: null } : {}),
        ...(window.endsAt > new Date() ? { endNotifiedAt: null } : {}),
      },
    });
    if (count !== 1) invalidField("capacity", "pilots:errors.capacityBelowTesters");
    await tx.pilotPartner.deleteMany({ where: { pilotId, organizationId: { notIn: partnerIds } } });
    const existing = await tx.pilotPartner.findMany({ where: { pilotId }, select: { organizationId: true } });
    const kept = new Set(existing.map((row) => row.organizationId));
    const added = partnerIds.filter((id) => !kept.has(id));
    if (added.length) await tx.pilotPartner.createMany({ data: added.map((organizationId) => ({ pilotId, organizationId })) });
    await recordAudit(tx, {
      actorId: actor.id,
      cityId: idea.cityId,
      action: "pilot.update",
      targetType: "IDEA",
      targetId: idea.id,
      data: { partners: partnerIds.length, capacity: input.capacity },
    });
    return { pilotId };
  });
}

/** Today in the city's time zone, as YYYY-MM-DD. */
export function cityToday(timeZone: string, now = new Date()): string {
  return utcToZonedLocal(now, timeZone).slice(0, 10);
}

/** Midday of a past launch day in the city (never near a date boundary in any time zone's display). */
function launchDay(day: string, timeZone: string): Date {
  const noon = zonedLocalToUtc(`${day}T12:00`, timeZone);
  if (!noon.ok) invalidField("launchedAt", "pilots:errors.launchedAtInvalid");
  return noon.date;
}

/**
 * A city admin launches the service: PILOTING or ACCEPTED → LAUNCHED with its date and link.
 * The lifecycle's notification (written by the same transaction, after the link is stored)
 * tells supporters, followers and testers, each once, with the link.
 */
export async function launchService({ ideaId, actor, input, now = new Date() }: { ideaId: string; actor: Actor; input: LaunchInput; now?: Date }): Promise<PilotCommandResult> {
  return run(async (tx) => {
    const idea = await loadIdea(tx, ideaId, actor);
    if ((idea.status !== "PILOTING" && idea.status !== "ACCEPTED") || idea.hiddenAt) refuse("invalidState");
    const today = cityToday(idea.city.timeZone, now);
    const day = input.launchedAt || today;
    // A launch is a fact: a date still to come is not one yet.
    if (day > today) invalidField("launchedAt", "pilots:errors.launchedAtFuture");
    const launchedAt = day === today ? now : launchDay(day, idea.city.timeZone);
    const { count } = await tx.idea.updateMany({
      where: { id: idea.id, status: idea.status },
      data: { launchedAt, serviceUrl: input.serviceUrl },
    });
    if (count !== 1) refuse("conflict");
    const moved = await transitionWithin(tx, idea.id, "LAUNCHED", { actorId: actor.id, by: "CITY_ADMIN" });
    if (!moved.ok) refuse(moved.error === "conflict" ? "conflict" : "invalidState");
    await tx.ideaEvent.create({ data: { ideaId: idea.id, type: "SERVICE_LAUNCHED", actorId: actor.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      cityId: idea.cityId,
      action: "idea.launch",
      targetType: "IDEA",
      targetId: idea.id,
      data: { serviceUrl: input.serviceUrl, launchedOn: day },
    });
    return {};
  });
}

export type TesterError = "notFound" | "signIn" | "suspended" | "notPiloting" | "ended" | "full";
export type TesterResult = { ok: true; already: boolean } | { ok: false; error: TesterError };

function guardedIncrementSql(postgres: boolean) {
  let index = 0;
  const param = () => (postgres ? `$${++index}` : "?");
  return `UPDATE "Pilot" SET "testerCount" = "testerCount" + 1, "updatedAt" = ${param()}
    WHERE "id" = ${param()} AND "endsAt" > ${param()} AND ("capacity" IS NULL OR "testerCount" < "capacity")
    AND EXISTS (SELECT 1 FROM "Idea" WHERE "Idea"."id" = "Pilot"."ideaId" AND "Idea"."status" = 'PILOTING' AND "Idea"."hiddenAt" IS NULL)`;
}

function insertTesterSql(postgres: boolean) {
  let index = 0;
  const param = () => (postgres ? `$${++index}` : "?");
  return `INSERT INTO "PilotTester" ("pilotId", "userId", "createdAt") VALUES (${param()}, ${param()}, ${param()}) ON CONFLICT DO NOTHING`;
}

const TESTER_SQL = {
  sqlite: { increment: guardedIncrementSql(false), insert: insertTesterSql(false) },
  postgresql: { increment: guardedIncrementSql(true), insert: insertTesterSql(true) },
};

class AlreadyTester extends Error {}
class TesterRefusal extends Error {
  constructor(readonly error: TesterError) {
    super(error);
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, meta } = error as { code?: string; meta?: { code?: string } };
  return meta?.code ?? code;
}

function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return code === "P2034" || code === "40001" || code === "40P01" || code === "P1008" || code === "SQLITE_BUSY";
}

async function withRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      // Small random back-off so the retries do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

async function isSuspended(userId: string, now: Date) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { suspendedAt: true, suspendedUntil: true, deletedAt: true } });
  if (!user || user.deletedAt) return true;
  return user.suspendedAt !== null && (user.suspendedUntil === null || user.suspendedUntil > now);
}

/** Why the guarded increment matched nothing, read in the same transaction. */
async function refusalFor(tx: DbTransaction, pilotId: string, now: Date): Promise<TesterRefusal> {
  const pilot = await tx.pilot.findUnique({
    where: { id: pilotId },
    select: { endsAt: true, capacity: true, testerCount: true, idea: { select: { status: true, hiddenAt: true } } },
  });
  if (!pilot || pilot.idea.hiddenAt) return new TesterRefusal("notFound");
  if (pilot.idea.status !== "PILOTING") return new TesterRefusal("notPiloting");
  if (pilot.endsAt <= now) return new TesterRefusal("ended");
  return new TesterRefusal("full");
}

/**
 * The viewer signs up to test the pilot of an idea. The counter's guarded update (capacity
 * and dates in its where clause) and the insert are one transaction: parallel sign-ups
 * never exceed the capacity, and signing up twice inserts nothing and rolls the increment back.
 * Testers follow the idea.
 */
export async function signUpAsTester(ideaId: string, viewer: Viewer, now = new Date()): Promise<TesterResult> {
  if (!viewer) return { ok: false, error: "signIn" };
  const pilot = await db.pilot.findUnique({ where: { ideaId }, select: { id: true } });
  if (!pilot) return { ok: false, error: "notFound" };
  if (await isSuspended(viewer.id, now)) return { ok: false, error: "suspended" };
  if (await db.pilotTester.findUnique({ where: { pilotId_userId: { pilotId: pilot.id, userId: viewer.id } }, select: { userId: true } })) {
    return { ok: true, already: true };
  }
  const sql = TESTER_SQL[getEnv().database.provider];
  try {
    await withRetry(() =>
      db.$transaction(async (tx) => {
        const updated = await tx.$executeRawUnsafe(sql.increment, now, pilot.id, now);
        if (updated !== 1) throw await refusalFor(tx, pilot.id, now);
        const inserted = await tx.$executeRawUnsafe(sql.insert, pilot.id, viewer.id, now);
        if (inserted !== 1) throw new AlreadyTester();
        await follow(tx, viewer.id, "IDEA", ideaId, now);
      }, TRANSACTION_OPTIONS),
    );
    return { ok: true, already: false };
  } catch (error) {
    if (error instanceof TesterRefusal) return { ok: false, error: error.error };
    if (error instanceof AlreadyTester || isUniqueViolation(error)) return { ok: true, already: true };
    throw error;
  }
}

/** The viewer leaves the pilot's testers (while it runs); their place is freed. */
export async function leaveTesting(ideaId: string, viewer: Viewer): Promise<TesterResult> {
  if (!viewer) return { ok: false, error: "signIn" };
  const pilot = await db.pilot.findUnique({ where: { ideaId }, select: { id: true, idea: { select: { status: true } } } });
  if (!pilot) return { ok: false, error: "notFound" };
  if (pilot.idea.status !== "PILOTING") return { ok: false, error: "notPiloting" };
  return withRetry(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.pilotTester.deleteMany({ where: { pilotId: pilot.id, userId: viewer.id } });
      if (count !== 1) return { ok: true as const, already: true };
      await tx.pilot.updateMany({ where: { id: pilot.id, testerCount: { gt: 0 } }, data: { testerCount: { decrement: 1 } } });
      return { ok: true as const, already: false };
    }, TRANSACTION_OPTIONS),
  );
}

/** What the idea page shows about the pilot and the launch (null when there is neither). */
export async function getPilotPanel(ideaId: string, viewerId: string | null) {
  const idea = await db.idea.findUnique({
    where: { id: ideaId },
    select: {
      status: true,
      launchedAt: true,
      serviceUrl: true,
      pilot: {
        select: {
          id: true,
          plan: true,
          howToTakePart: true,
          startsAt: true,
          endsAt: true,
          capacity: true,
          testerCount: true,
          partners: {
            where: { organization: { hiddenAt: null } },
            select: { organization: { select: { slug: true, name: true } } },
            orderBy: { createdAt: "asc" },
          },
        },
      },
    },
  });
  if (!idea) return null;
  const launch = idea.status === "LAUNCHED" && idea.serviceUrl ? { launchedAt: (idea.launchedAt ?? new Date()).toISOString(), serviceUrl: idea.serviceUrl } : null;
  const pilot = idea.pilot && (idea.status === "PILOTING" || idea.status === "LAUNCHED") ? idea.pilot : null;
  if (!pilot && !launch) return null;
  const isTester =
    pilot && viewerId
      ? (await db.pilotTester.findUnique({ where: { pilotId_userId: { pilotId: pilot.id, userId: viewerId } }, select: { userId: true } })) !== null
      : false;
  const now = new Date();
  return {
    launch,
    pilot: pilot
      ? {
          plan: pilot.plan,
          howToTakePart: pilot.howToTakePart,
          startsAt: pilot.startsAt.toISOString(),
          endsAt: pilot.endsAt.toISOString(),
          capacity: pilot.capacity,
          testerCount: pilot.testerCount,
          partners: pilot.partners.map((partner) => partner.organization),
          isTester,
          open: idea.status === "PILOTING" && pilot.endsAt > now,
          full: pilot.capacity !== null && pilot.testerCount >= pilot.capacity,
          ended: pilot.endsAt <= now,
        }
      : null,
  };
}

export type PilotPanelData = NonNullable<Awaited<ReturnType<typeof getPilotPanel>>>;

/** Organizations a city admin can choose as partners: the consultation's solution partners first. */
export async function partnerChoices(idea: { id: string; cityId: string; consultationId: string | null }) {
  const solutionPartners = idea.consultationId
    ? await db.consultationParticipant.findMany({
        where: { consultationId: idea.consultationId, role: "SOLUTION_PARTNER", organization: { hiddenAt: null } },
        select: { organization: { select: { id: true, name: true, slug: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const fromConsultation = solutionPartners.flatMap((row) => (row.organization ? [row.organization] : []));
  const taken = new Set(fromConsultation.map((organization) => organization.id));
  const organizations = await db.organization.findMany({
    where: { hiddenAt: null },
    select: { id: true, name: true, slug: true, cityId: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  const others = organizations.filter((organization) => !taken.has(organization.id));
  return {
    solutionPartners: fromConsultation,
    cityOrganizations: others.filter((organization) => organization.cityId === idea.cityId).map(({ id, name, slug }) => ({ id, name, slug })),
    otherOrganizations: others.filter((organization) => organization.cityId !== idea.cityId).map(({ id, name, slug }) => ({ id, name, slug })),
  };
}

/** The idea of a city by its number, as the pilot and launch forms need it; null when it is not this city's. */
export async function findIdeaForPilot(cityId: string, number: number) {
  const idea = await db.idea.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      cityId: true,
      consultationId: true,
      hiddenAt: true,
      launchedAt: true,
      serviceUrl: true,
      pilot: {
        select: {
          plan: true,
          howToTakePart: true,
          startsAt: true,
          endsAt: true,
          capacity: true,
          testerCount: true,
          partners: { select: { organizationId: true } },
        },
      },
    },
  });
  if (!idea || idea.cityId !== cityId) return null;
  return idea;
}

/** The saved plan as the form's values (dates back in the city's time zone). */
export function pilotFormValues(
  pilot: NonNullable<NonNullable<Awaited<ReturnType<typeof findIdeaForPilot>>>["pilot"]>,
  timeZone: string,
): Record<string, string> {
  return {
    plan: pilot.plan,
    howToTakePart: pilot.howToTakePart,
    startsAt: utcToZonedLocal(pilot.startsAt, timeZone).slice(0, 10),
    endsAt: utcToZonedLocal(pilot.endsAt, timeZone).slice(0, 10),
    capacity: pilot.capacity === null ? "" : String(pilot.capacity),
    partnerIds: pilot.partners.map((partner) => partner.organizationId).join(","),
  };
}

/** Statuses only the pilot and launch forms reach (they need a plan or a service link). */
export const DEDICATED_FORM_STATUSES = ["PILOTING", "LAUNCHED"] as const;

export function withDedicatedForms<T extends string>(targets: T[]): T[] {
  return targets.filter((target) => !(DEDICATED_FORM_STATUSES as readonly string[]).includes(target));
}
