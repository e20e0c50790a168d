// Suspensions: a moderator suspends an account for a number of days or indefinitely, with
// a reason the person sees when they try to sign in. Their sessions end in the same
// transaction, so they are signed out at once on every device.
import { isSuspended } from "~/modules/accounts/session.server";
import { db, type DbTransaction } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export type SuspensionResult =
  | { ok: true }
  | {
      ok: false;
      error: "notFound" | "self" | "networkAdmin" | "notSuspended" | "conflict";
    };

/**
 * Whether the person has anything to do with the city (their home city, or ideas, comments
 * or reports in it): a city's moderators may act on them; for anyone else it is "not found".
 */
async function belongsToCity(client: DbTransaction | typeof db, userId: string, cityId: string) {
  const [home, idea, comment, report] = await Promise.all([
    client.user.count({ where: { id: userId, homeCityId: cityId } }),
    client.idea.count({ where: { authorId: userId, cityId } }),
    client.comment.count({ where: { authorId: userId, idea: { cityId } } }),
    client.report.count({
      where: { targetType: "USER", targetId: userId, cityId },
    }),
  ]);
  return home + idea + comment + report > 0;
}

export async function suspendUser(input: {
  cityId: string;
  actorId: string;
  userId: string;
  /** null = until a moderator lifts it. */
  days: number | null;
  reason: string;
}): Promise<SuspensionResult> {
  if (input.userId === input.actorId) return { ok: false, error: "self" };
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, deletedAt: true },
    });
    if (!user || user.deletedAt || !(await belongsToCity(tx, user.id, input.cityId)))
      return { ok: false as const, error: "notFound" as const };
    const networkAdmin = await tx.roleAssignment.count({
      where: { userId: user.id, role: "NETWORK_ADMIN" },
    });
    if (networkAdmin > 0) return { ok: false as const, error: "networkAdmin" as const };
    const now = new Date();
    const until = input.days === null ? null : new Date(now.getTime() + input.days * 86_400_000);
    const reason = input.reason.trim();
    await tx.user.update({
      where: { id: user.id },
      data: {
        suspendedAt: now,
        suspendedUntil: until,
        suspensionReason: reason,
      },
    });
    // Signed out everywhere now, not at their next request.
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.report.updateMany({
      where: {
        cityId: input.cityId,
        targetType: "USER",
        targetId: user.id,
        status: "OPEN",
      },
      data: {
        status: "ACTIONED",
        resolvedById: input.actorId,
        resolvedAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      cityId: input.cityId,
      action: "user.suspend",
      targetType: "USER",
      targetId: user.id,
      reason,
      data: { days: input.days, until: until?.toISOString() ?? null },
    });
    return { ok: true as const };
  });
}

export async function unsuspendUser(input: { cityId: string; actorId: string; userId: string }): Promise<SuspensionResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        id: true,
        deletedAt: true,
        suspendedAt: true,
        suspendedUntil: true,
      },
    });
    if (!user || user.deletedAt || !(await belongsToCity(tx, user.id, input.cityId)))
      return { ok: false as const, error: "notFound" as const };
    if (!isSuspended(user)) return { ok: false as const, error: "notSuspended" as const };
    const { count } = await tx.user.updateMany({
      where: { id: user.id, suspendedAt: user.suspendedAt },
      data: { suspendedAt: null, suspendedUntil: null, suspensionReason: null },
    });
    if (count !== 1) return { ok: false as const, error: "conflict" as const };
    await recordAudit(tx, {
      actorId: input.actorId,
      cityId: input.cityId,
      action: "user.unsuspend",
      targetType: "USER",
      targetId: user.id,
    });
    return { ok: true as const };
  });
}

/** What a moderator sees about a person: enough to judge, nothing more (no email address). */
export async function getModeratedUser(cityId: string, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      createdAt: true,
      deletedAt: true,
      suspendedAt: true,
      suspendedUntil: true,
      suspensionReason: true,
      roles: { select: { role: true } },
    },
  });
  if (!user || user.deletedAt || !(await belongsToCity(db, user.id, cityId))) return null;
  const [ideas, comments, reports, ideaCount, commentCount] = await Promise.all([
    db.idea.findMany({
      where: { authorId: userId, cityId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { number: true, title: true, status: true, hiddenAt: true },
    }),
    db.comment.findMany({
      where: { authorId: userId, idea: { cityId }, deletedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        id: true,
        body: true,
        hiddenAt: true,
        createdAt: true,
        idea: { select: { number: true, title: true } },
      },
    }),
    db.report.groupBy({
      by: ["status"],
      where: { cityId, targetType: "USER", targetId: userId },
      _count: { _all: true },
    }),
    db.idea.count({ where: { authorId: userId, cityId } }),
    db.comment.count({
      where: { authorId: userId, idea: { cityId }, deletedAt: null },
    }),
  ]);
  const suspended = isSuspended(user);
  return {
    id: user.id,
    name: user.displayName,
    joinedAt: user.createdAt.toISOString(),
    networkAdmin: user.roles.some((role) => role.role === "NETWORK_ADMIN"),
    suspension: suspended
      ? {
          since: user.suspendedAt?.toISOString() ?? null,
          until: user.suspendedUntil?.toISOString() ?? null,
          reason: user.suspensionReason,
        }
      : null,
    ideaCount,
    commentCount,
    ideas: ideas.map((idea) => ({
      number: idea.number,
      title: idea.title,
      status: idea.status,
      hidden: idea.hiddenAt !== null,
    })),
    comments: comments.map((comment) => ({
      id: comment.id,
      excerpt: comment.body.length > 200 ? `${comment.body.slice(0, 199)}…` : comment.body,
      hidden: comment.hiddenAt !== null,
      createdAt: comment.createdAt.toISOString(),
      ideaNumber: comment.idea.number,
      ideaTitle: comment.idea.title,
    })),
    reports: Object.fromEntries(reports.map((row) => [row.status, row._count._all])) as Partial<
      Record<"OPEN" | "DISMISSED" | "ACTIONED", number>
    >,
  };
}
