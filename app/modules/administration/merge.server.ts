// Merging duplicate ideas: the duplicate becomes MERGED and points at the kept idea, its
// supporters are carried over (once each), and both timelines say so. One transaction.
import { hasCityRole, type Role } from "~/modules/accounts/roles.policy";
import {
  findTransition,
  type IdeaStatus,
} from "~/modules/ideas/lifecycle.policy";
import { recordAudit } from "~/modules/moderation/audit.server";
import { db } from "~/utils/db.server";

/** States an idea may be kept in (it receives supporters, so it must be public and open). */
export const KEEPABLE_STATUSES: IdeaStatus[] = [
  "PUBLISHED",
  "UNDER_REVIEW",
  "ACCEPTED",
  "PILOTING",
  "LAUNCHED",
];

export type MergeError =
  | "forbidden"
  | "duplicateNotFound"
  | "keptNotFound"
  | "self"
  | "otherCity"
  | "keptMerged"
  | "keptNotOpen"
  | "duplicateNotMergeable"
  | "conflict";

export type MergeResult =
  | { ok: true; carried: number; supportCount: number }
  | { ok: false; error: MergeError };

export type MergeInput = {
  cityId: string;
  duplicateNumber: number;
  keptNumber: number;
  reason: string;
  actor: { id: string; roles: readonly Role[] };
};

/**
 * Merges idea #duplicateNumber into #keptNumber, both of the city `cityId`, by a city admin
 * of that city. Refuses (no row changed): another city's idea, an idea into itself, into a
 * merged (or otherwise closed) idea, or a duplicate the lifecycle does not let merge.
 *
 * Supports: every supporter of the duplicate who does not already support the kept idea
 * (and is not its author) gets a support on the kept idea with the original weight and
 * date — one INSERT … SELECT … ON CONFLICT DO NOTHING, so a person never counts twice even
 * if they support the kept idea at the same moment. The kept idea's supportCount and
 * trendScore are then recomputed from its Support rows; its row is locked first (the
 * first statement is a write), so concurrent supports queue behind the merge and their
 * increments apply on top of exact figures.
 */
export async function mergeIdeas(input: MergeInput): Promise<MergeResult> {
  if (!hasCityRole(input.actor.roles, input.cityId, "CITY_ADMIN"))
    return { ok: false, error: "forbidden" };
  if (input.duplicateNumber === input.keptNumber)
    return { ok: false, error: "self" };
  return db.$transaction(async (tx) => {
    const select = {
      id: true,
      cityId: true,
      status: true,
      authorId: true,
      hiddenAt: true,
      mergedIntoId: true,
    } as const;
    const [duplicate, kept] = await Promise.all([
      tx.idea.findUnique({ where: { number: input.duplicateNumber }, select }),
      tx.idea.findUnique({ where: { number: input.keptNumber }, select }),
    ]);
    if (!duplicate)
      return { ok: false as const, error: "duplicateNotFound" as const };
    if (!kept) return { ok: false as const, error: "keptNotFound" as const };
    if (duplicate.cityId !== input.cityId || kept.cityId !== input.cityId)
      return { ok: false as const, error: "otherCity" as const };
    if (kept.status === "MERGED")
      return { ok: false as const, error: "keptMerged" as const };
    if (!KEEPABLE_STATUSES.includes(kept.status) || kept.hiddenAt)
      return { ok: false as const, error: "keptNotOpen" as const };
    if (!findTransition(duplicate.status, "MERGED", "CITY_ADMIN"))
      return { ok: false as const, error: "duplicateNotMergeable" as const };

    const now = new Date();
    // Lock the kept idea (still open) before touching its supports.
    const locked = await tx.idea.updateMany({
      where: { id: kept.id, status: { in: KEEPABLE_STATUSES }, hiddenAt: null },
      data: { updatedAt: now },
    });
    if (locked.count !== 1)
      return { ok: false as const, error: "conflict" as const };
    const moved = await tx.idea.updateMany({
      where: { id: duplicate.id, status: duplicate.status },
      data: { status: "MERGED", mergedIntoId: kept.id },
    });
    if (moved.count !== 1)
      return { ok: false as const, error: "conflict" as const };

    const carried = await tx.$executeRaw`
      INSERT INTO "Support" ("ideaId", "userId", "weight", "createdAt")
      SELECT ${kept.id}, s."userId", s."weight", s."createdAt"
      FROM "Support" s
      WHERE s."ideaId" = ${duplicate.id}
        AND s."userId" <> ${kept.authorId}
        AND NOT EXISTS (SELECT 1 FROM "Support" k WHERE k."ideaId" = ${kept.id} AND k."userId" = s."userId")
      ON CONFLICT DO NOTHING`;
    const totals = await tx.support.aggregate({
      where: { ideaId: kept.id },
      _count: { _all: true },
      _sum: { weight: true },
    });
    const supportCount = totals._count._all;
    await tx.idea.update({
      where: { id: kept.id },
      data: { supportCount, trendScore: totals._sum.weight ?? 0 },
    });

    const reason = input.reason.trim();
    await tx.ideaEvent.create({
      data: {
        ideaId: duplicate.id,
        type: "MERGED",
        fromStatus: duplicate.status,
        toStatus: "MERGED",
        actorId: input.actor.id,
        reason,
        createdAt: now,
      },
    });
    await tx.ideaEvent.create({
      data: {
        ideaId: kept.id,
        type: "MERGED",
        fromStatus: null,
        toStatus: null,
        actorId: input.actor.id,
        reason,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      cityId: input.cityId,
      action: "idea.merge",
      targetType: "IDEA",
      targetId: duplicate.id,
      reason,
      data: {
        from: duplicate.status,
        into: kept.id,
        intoNumber: input.keptNumber,
        carried,
      },
    });
    return { ok: true as const, carried, supportCount };
  });
}
