// Idea commands: one function per mutation, each one transaction that also writes the
// timeline event. Transition rules come from lifecycle.policy.ts only.
import { recordAudit, type AuditAction } from "~/modules/moderation/audit.server";
import { follow } from "~/modules/notifications/follows.server";
import { notify } from "~/modules/notifications/notify.server";
import { db, type DbTransaction } from "~/utils/db.server";
import { phaseDenial, type PhaseDenial } from "~/modules/consultations/phases.policy";
import {
  editDenial,
  findTransition,
  PUBLIC_STATUSES,
  withdrawDenial,
  type Denial,
  type IdeaStatus,
  type TransitionActor,
  type Viewer,
} from "./lifecycle.policy";

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; error: Denial | "notFound" | "conflict" | "reasonRequired" | "invalidTransition" };

export async function nextIdeaNumber(tx: DbTransaction): Promise<number> {
  // One atomic upsert-increment: concurrent submissions never get the same number.
  const sequence = await tx.sequence.upsert({
    where: { name: "idea" },
    create: { name: "idea", value: 1 },
    update: { value: { increment: 1 } },
    select: { value: true },
  });
  return sequence.value;
}

export type NewIdea = {
  cityId: string;
  authorId: string;
  title: string;
  summary: string;
  body: string;
  categoryId: string;
  consultationId?: string | null;
  organizationId?: string | null;
  language: string;
  /** The idea of another city this one is proposed from ("inspired by"); checked again here. */
  inspiredById?: string | null;
};

/**
 * Thrown by submitIdea (rolling its transaction back) when the chosen consultation does
 * not take ideas at the moment of writing: not published, not in its IDEATION phase
 * (phases.policy.ts), or not a consultation of the idea's city. The form checks the same
 * before; this is the authority when a phase ends, or the form is posted directly.
 */
export class ProposalRefused extends Error {
  constructor(readonly denial: PhaseDenial | null) {
    super(`the consultation does not take ideas: ${denial?.code ?? "notFound"}`);
  }

  /** The idea form's error for its consultation field. */
  get fieldError(): string {
    // A draft is as unknown to authors as another city's consultation.
    return !this.denial || this.denial.code === "draft" ? "ideaForm:errors.consultationInvalid" : `consultations:errors.propose.${this.denial.code}`;
  }
}

/**
 * Thrown by submitIdea (rolling its transaction back) when the idea it is proposed from is
 * no longer public, or is in the same city, at the moment of writing.
 */
export class InspirationRefused extends Error {
  constructor() {
    super("the idea this one is proposed from cannot be linked");
  }
}

/**
 * Submits an idea. With the city's pre-moderation on (the default) it waits in SUBMITTED
 * for a moderator; with it off, it is PUBLISHED at once (both events on the timeline).
 */
export async function submitIdea(input: NewIdea): Promise<{ id: string; number: number; status: "SUBMITTED" | "PUBLISHED" }> {
  return db.$transaction(async (tx) => {
    const city = await tx.city.findUnique({ where: { id: input.cityId }, select: { preModeration: true, name: true } });
    const publishNow = city ? !city.preModeration : false;
    const number = await nextIdeaNumber(tx);
    const now = new Date();
    if (input.consultationId) {
      // Read after the first write (the sequence): the phases as they are when the idea is written.
      const consultation = await tx.consultation.findFirst({
        where: { id: input.consultationId, cityId: input.cityId },
        select: { status: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
      });
      if (!consultation) throw new ProposalRefused(null);
      const denial = phaseDenial("propose", consultation, now);
      if (denial) throw new ProposalRefused(denial);
    }
    if (input.inspiredById) {
      // Public and in another city now, not only when the form was shown.
      const source = await tx.idea.findFirst({
        where: { id: input.inspiredById, cityId: { not: input.cityId }, status: { in: PUBLIC_STATUSES }, publishedAt: { not: null }, hiddenAt: null },
        select: { id: true },
      });
      if (!source || !city) throw new InspirationRefused();
      // The source's timeline says where it travelled (reason: the new idea's city).
      await tx.ideaEvent.create({
        data: { ideaId: source.id, type: "PROPOSED_ELSEWHERE", actorId: input.authorId, reason: city.name, createdAt: now },
      });
    }
    const idea = await tx.idea.create({
      data: { ...input, number, status: publishNow ? "PUBLISHED" : "SUBMITTED", ...(publishNow ? { publishedAt: now } : {}) },
      select: { id: true, number: true },
    });
    await tx.ideaEvent.create({
      data: { ideaId: idea.id, type: "SUBMITTED", toStatus: "SUBMITTED", actorId: input.authorId, createdAt: now },
    });
    // Authors follow their own ideas.
    await follow(tx, input.authorId, "IDEA", idea.id, now);
    if (publishNow) {
      await tx.ideaEvent.create({
        data: { ideaId: idea.id, type: "PUBLISHED", fromStatus: "SUBMITTED", toStatus: "PUBLISHED", actorId: input.authorId, createdAt: now },
      });
    }
    return { ...idea, status: publishNow ? ("PUBLISHED" as const) : ("SUBMITTED" as const) };
  });
}

/** The audit log name of an official transition (authors' own withdrawals are not audited). */
function auditActionFor(from: IdeaStatus, to: IdeaStatus, by: TransitionActor): AuditAction | null {
  if (by === "AUTHOR") return null;
  if (from === "SUBMITTED" && to === "PUBLISHED") return "idea.publish";
  if (to === "REJECTED") return "idea.reject";
  if (to === "MERGED") return "idea.merge";
  return "idea.status";
}

const EVENT_FOR: Partial<Record<IdeaStatus, "PUBLISHED" | "REJECTED" | "WITHDRAWN">> = {
  PUBLISHED: "PUBLISHED",
  REJECTED: "REJECTED",
  WITHDRAWN: "WITHDRAWN",
};

type TransitionOptions = { actorId: string; by: TransitionActor; reason?: string | null; officialAnswer?: string | null };

/**
 * Moves an idea from `expectedFrom` to `to`. The update's where clause includes the
 * current status, so two officials acting at once cannot both succeed (the second gets
 * "conflict") and no transition skips the rules.
 */
async function transition(ideaId: string, to: IdeaStatus, options: TransitionOptions): Promise<CommandResult<{ from: IdeaStatus }>> {
  return db.$transaction((tx) => transitionWithin(tx, ideaId, to, options));
}

/**
 * The same move inside the caller's transaction, for commands that write more with it (a
 * pilot plan, a launch): on failure the caller rolls its own writes back.
 */
export async function transitionWithin(
  tx: DbTransaction,
  ideaId: string,
  to: IdeaStatus,
  { actorId, by, reason, officialAnswer }: TransitionOptions,
): Promise<CommandResult<{ from: IdeaStatus }>> {
  const idea = await tx.idea.findUnique({ where: { id: ideaId }, select: { status: true, cityId: true } });
  if (!idea) return { ok: false as const, error: "notFound" as const };
  // Already there: someone made this same move a moment ago. Where transactions are
  // serialized (SQLite) the loser of a race sees the new status here rather than failing
  // the guarded update below; both cases are the same conflict.
  if (idea.status === to) return { ok: false as const, error: "conflict" as const };
  const rule = findTransition(idea.status, to, by);
  if (!rule) return { ok: false as const, error: "invalidTransition" as const };
  const why = (reason ?? officialAnswer ?? "").trim();
  if (rule.reasonRequired && !why) return { ok: false as const, error: "reasonRequired" as const };
  const now = new Date();
  const { count } = await tx.idea.updateMany({
    where: { id: ideaId, status: idea.status },
    data: {
      status: to,
      ...(to === "PUBLISHED" && idea.status === "SUBMITTED" ? { publishedAt: now } : {}),
      ...(officialAnswer !== undefined && officialAnswer !== null ? { officialAnswer } : {}),
    },
  });
  if (count !== 1) return { ok: false as const, error: "conflict" as const };
  await tx.ideaEvent.create({
    data: {
      ideaId,
      type: EVENT_FOR[to] ?? "STATUS_CHANGED",
      fromStatus: idea.status,
      toStatus: to,
      actorId,
      reason: why || null,
      createdAt: now,
    },
  });
  // Moderators' publish/reject notify through the moderation commands (MODERATION_DECISION).
  if (by !== "MODERATOR") {
    await notify(tx, { kind: "IDEA_STATUS_CHANGED", ideaId, actorId, fromStatus: idea.status, toStatus: to, reason: why || null });
  }
  const auditAction = auditActionFor(idea.status, to, by);
  if (auditAction) {
    await recordAudit(tx, {
      actorId,
      cityId: idea.cityId,
      action: auditAction,
      targetType: "IDEA",
      targetId: ideaId,
      reason: why || null,
      data: { from: idea.status, to, ...(officialAnswer ? { answered: true } : {}) },
    });
  }
  return { ok: true as const, from: idea.status };
}

/** A moderator publishes a submitted idea. */
export function publishIdea(ideaId: string, moderatorId: string) {
  return transition(ideaId, "PUBLISHED", { actorId: moderatorId, by: "MODERATOR" });
}

/** Rejects with an official answer (moderator from the queue, or city admin later). */
export async function rejectIdea(ideaId: string, actorId: string, answer: string, by: "MODERATOR" | "CITY_ADMIN") {
  return transition(ideaId, "REJECTED", { actorId, by, reason: answer, officialAnswer: answer });
}

export async function withdrawIdea(ideaId: string, viewer: NonNullable<Viewer>, reason?: string | null) {
  const idea = await db.idea.findUnique({
    where: { id: ideaId },
    select: { status: true, authorId: true, cityId: true, hiddenAt: true, supportCount: true, commentCount: true },
  });
  if (!idea) return { ok: false as const, error: "notFound" as const };
  const denial = withdrawDenial(idea, viewer);
  if (denial) return { ok: false as const, error: denial };
  return transition(ideaId, "WITHDRAWN", { actorId: viewer.id, by: "AUTHOR", reason });
}

/** A city admin moves an idea through the decision states (under review → … → launched). */
export function setIdeaStatus(ideaId: string, to: IdeaStatus, adminId: string, answer?: string | null) {
  return transition(ideaId, to, { actorId: adminId, by: "CITY_ADMIN", reason: answer, officialAnswer: answer || undefined });
}

export type IdeaEdit = { title: string; summary: string; body: string; categoryId: string; language: string };

/**
 * The author edits the idea. The activity check is part of the update's where clause, so
 * a support or comment arriving at the same moment wins and the edit is refused.
 */
export async function editIdea(ideaId: string, viewer: NonNullable<Viewer>, changes: IdeaEdit): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({
      where: { id: ideaId },
      select: { status: true, authorId: true, cityId: true, hiddenAt: true, supportCount: true, commentCount: true },
    });
    if (!idea) return { ok: false as const, error: "notFound" as const };
    const denial = editDenial(idea, viewer);
    if (denial) return { ok: false as const, error: denial };
    const now = new Date();
    const { count } = await tx.idea.updateMany({
      where: { id: ideaId, authorId: viewer.id, supportCount: 0, commentCount: 0, status: idea.status },
      data: { ...changes, editedAt: now },
    });
    if (count !== 1) return { ok: false as const, error: "hasActivity" as const };
    await tx.ideaEvent.create({ data: { ideaId, type: "EDITED", actorId: viewer.id, createdAt: now } });
    return { ok: true as const };
  });
}
