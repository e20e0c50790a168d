// The review queue: moderators publish, reject (reason from a list + explanation) or send
// back for changes the ideas submitted in their city. One command per decision, each one
// transaction with the timeline event, the audit entry and the author's notification.
import { categoryNames } from "~/modules/categories/categories";
import { findTransition, type IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { notify } from "~/modules/notifications/notify.server";
import { db, type DbTransaction } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { ReviewReason } from "./moderation.schema";

export const QUEUE_PAGE_SIZE = 20;

export type ReviewResult = { ok: true } | { ok: false; error: "notFound" | "conflict" | "invalidTransition" };

type Decision = {
  ideaId: string;
  actorId: string;
  /** The city the moderator acts for: an idea of another city is "notFound" (no change). */
  cityId?: string;
};

async function loadSubmitted(tx: DbTransaction, { ideaId, cityId }: Decision) {
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: { id: true, status: true, cityId: true },
  });
  if (!idea || (cityId !== undefined && idea.cityId !== cityId)) return null;
  return idea as { id: string; status: IdeaStatus; cityId: string };
}

/** Moves the idea from its current status to `to` (guarded by the status read, so two moderators cannot both decide). */
async function move(
  tx: DbTransaction,
  idea: { id: string; status: IdeaStatus },
  to: IdeaStatus,
  data: { publishedAt?: Date; officialAnswer?: string }
) {
  const { count } = await tx.idea.updateMany({
    where: { id: idea.id, status: idea.status },
    data: { status: to, ...data },
  });
  return count === 1;
}

/** A moderator publishes a submitted idea. */
export async function publishSubmittedIdea(decision: Decision): Promise<ReviewResult> {
  return db.$transaction(async (tx) => {
    const idea = await loadSubmitted(tx, decision);
    if (!idea) return { ok: false as const, error: "notFound" as const };
    if (idea.status === "PUBLISHED") return { ok: false as const, error: "conflict" as const };
    if (!findTransition(idea.status, "PUBLISHED", "MODERATOR")) return { ok: false as const, error: "invalidTransition" as const };
    const now = new Date();
    if (!(await move(tx, idea, "PUBLISHED", { publishedAt: now }))) return { ok: false as const, error: "conflict" as const };
    await tx.ideaEvent.create({
      data: {
        ideaId: idea.id,
        type: "PUBLISHED",
        fromStatus: idea.status,
        toStatus: "PUBLISHED",
        actorId: decision.actorId,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: decision.actorId,
      cityId: idea.cityId,
      action: "idea.publish",
      targetType: "IDEA",
      targetId: idea.id,
      data: { from: idea.status, to: "PUBLISHED" },
    });
    await notify(tx, {
      kind: "MODERATION_DECISION",
      targetType: "IDEA",
      targetId: idea.id,
      decision: "PUBLISHED",
      actorId: decision.actorId,
    });
    return { ok: true as const };
  });
}

/**
 * A moderator rejects a submitted idea. The explanation becomes the idea's public official
 * answer (a rejection is always explained); the reason code is kept on the timeline.
 */
export async function rejectSubmittedIdea(
  decision: Decision & { reasonCode: ReviewReason | null; message: string }
): Promise<ReviewResult> {
  return db.$transaction(async (tx) => {
    const idea = await loadSubmitted(tx, decision);
    if (!idea) return { ok: false as const, error: "notFound" as const };
    if (idea.status === "REJECTED") return { ok: false as const, error: "conflict" as const };
    if (!findTransition(idea.status, "REJECTED", "MODERATOR")) return { ok: false as const, error: "invalidTransition" as const };
    const now = new Date();
    const message = decision.message.trim();
    if (!(await move(tx, idea, "REJECTED", { officialAnswer: message }))) return { ok: false as const, error: "conflict" as const };
    await tx.ideaEvent.create({
      data: {
        ideaId: idea.id,
        type: "REJECTED",
        fromStatus: idea.status,
        toStatus: "REJECTED",
        actorId: decision.actorId,
        reasonCode: decision.reasonCode,
        reason: message,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: decision.actorId,
      cityId: idea.cityId,
      action: "idea.reject",
      targetType: "IDEA",
      targetId: idea.id,
      reason: message,
      data: {
        from: idea.status,
        to: "REJECTED",
        reasonCode: decision.reasonCode,
      },
    });
    await notify(tx, {
      kind: "MODERATION_DECISION",
      targetType: "IDEA",
      targetId: idea.id,
      decision: "REJECTED",
      reasonCode: decision.reasonCode,
      reason: message,
      actorId: decision.actorId,
    });
    return { ok: true as const };
  });
}

/**
 * A moderator asks the author to change a submitted idea before publication. The idea stays
 * SUBMITTED (the author edits it; it stays in the queue); the request is on the timeline.
 */
export async function requestIdeaChanges(decision: Decision & { reasonCode: ReviewReason; message: string }): Promise<ReviewResult> {
  return db.$transaction(async (tx) => {
    const idea = await loadSubmitted(tx, decision);
    if (!idea) return { ok: false as const, error: "notFound" as const };
    if (idea.status !== "SUBMITTED") return { ok: false as const, error: "invalidTransition" as const };
    const now = new Date();
    // Guarded write: a decision made meanwhile (published, rejected) wins.
    const { count } = await tx.idea.updateMany({
      where: { id: idea.id, status: "SUBMITTED" },
      data: { updatedAt: now },
    });
    if (count !== 1) return { ok: false as const, error: "conflict" as const };
    const message = decision.message.trim();
    await tx.ideaEvent.create({
      data: {
        ideaId: idea.id,
        type: "CHANGES_REQUESTED",
        fromStatus: "SUBMITTED",
        toStatus: "SUBMITTED",
        actorId: decision.actorId,
        reasonCode: decision.reasonCode,
        reason: message,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: decision.actorId,
      cityId: idea.cityId,
      action: "idea.request-changes",
      targetType: "IDEA",
      targetId: idea.id,
      reason: message,
      data: { reasonCode: decision.reasonCode },
    });
    await notify(tx, {
      kind: "MODERATION_DECISION",
      targetType: "IDEA",
      targetId: idea.id,
      decision: "CHANGES_REQUESTED",
      reasonCode: decision.reasonCode,
      reason: message,
      actorId: decision.actorId,
    });
    return { ok: true as const };
  });
}

export type QueueItem = {
  id: string;
  number: number;
  title: string;
  summary: string;
  categorySlug: string;
  /** A city category's own names ({} for network categories, named in the i18n resources). */
  categoryNames: Record<string, string>;
  createdAt: string;
  editedAt: string | null;
  /** The last request for changes, if any (the author may have edited since). */
  changesRequestedAt: string | null;
  author: {
    id: string;
    name: string;
    joinedAt: string;
    /** Earlier ideas of the author in any city (most recent first, a few), and how many in all. */
    earlierIdeas: {
      number: number;
      title: string;
      status: IdeaStatus;
      citySlug: string;
    }[];
    earlierIdeaCount: number;
    /** Reports filed against the author or their content, and how many of them led to action. */
    reportsAgainst: number;
    reportsActioned: number;
    suspended: boolean;
  };
};

const HISTORY_SHOWN = 5;

/** Reports on a person and on everything they wrote (ideas, comments). */
async function reportsAgainstAuthor(authorId: string) {
  const [ideaIds, commentIds] = await Promise.all([
    db.idea.findMany({ where: { authorId }, select: { id: true }, take: 500 }),
    db.comment.findMany({
      where: { authorId },
      select: { id: true },
      take: 500,
    }),
  ]);
  const where = {
    OR: [
      { targetType: "USER" as const, targetId: authorId },
      {
        targetType: "IDEA" as const,
        targetId: { in: ideaIds.map((row) => row.id) },
      },
      {
        targetType: "COMMENT" as const,
        targetId: { in: commentIds.map((row) => row.id) },
      },
    ],
  };
  const [all, actioned] = await Promise.all([db.report.count({ where }), db.report.count({ where: { ...where, status: "ACTIONED" } })]);
  return { all, actioned };
}

/** The city's submitted ideas, oldest first, each with its author's history. */
export async function listReviewQueue(cityId: string, pageInput: number) {
  const total = await db.idea.count({ where: { cityId, status: "SUBMITTED" } });
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, pageInput), pages);
  const ideas = await db.idea.findMany({
    where: { cityId, status: "SUBMITTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      title: true,
      summary: true,
      createdAt: true,
      editedAt: true,
      category: { select: { slug: true, names: true } },
      author: {
        select: {
          id: true,
          displayName: true,
          createdAt: true,
          suspendedAt: true,
          suspendedUntil: true,
        },
      },
      events: {
        where: { type: "CHANGES_REQUESTED" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
  });
  const now = new Date();
  const items: QueueItem[] = await Promise.all(
    ideas.map(async (idea) => {
      const [earlier, earlierCount, reports] = await Promise.all([
        db.idea.findMany({
          where: {
            authorId: idea.author.id,
            id: { not: idea.id },
            createdAt: { lte: idea.createdAt },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: HISTORY_SHOWN,
          select: {
            number: true,
            title: true,
            status: true,
            city: { select: { slug: true } },
          },
        }),
        db.idea.count({
          where: {
            authorId: idea.author.id,
            id: { not: idea.id },
            createdAt: { lte: idea.createdAt },
          },
        }),
        reportsAgainstAuthor(idea.author.id),
      ]);
      return {
        id: idea.id,
        number: idea.number,
        title: idea.title,
        summary: idea.summary,
        categorySlug: idea.category.slug,
        categoryNames: categoryNames(idea.category.names),
        createdAt: idea.createdAt.toISOString(),
        editedAt: idea.editedAt?.toISOString() ?? null,
        changesRequestedAt: idea.events[0]?.createdAt.toISOString() ?? null,
        author: {
          id: idea.author.id,
          name: idea.author.displayName,
          joinedAt: idea.author.createdAt.toISOString(),
          earlierIdeas: earlier.map((row) => ({
            number: row.number,
            title: row.title,
            status: row.status as IdeaStatus,
            citySlug: row.city.slug,
          })),
          earlierIdeaCount: earlierCount,
          reportsAgainst: reports.all,
          reportsActioned: reports.actioned,
          suspended: idea.author.suspendedAt !== null && (idea.author.suspendedUntil === null || idea.author.suspendedUntil > now),
        },
      };
    })
  );
  return { items, total, page, pages };
}
