// Reports on any content (idea, comment, organization profile) or person, the automatic
// hiding at the city's threshold, and the moderators' decisions on reported items.
// Invariant carried by the database: one report per person and item (unique index), so
// reporting twice — even in parallel — counts once.
import { notify } from "~/modules/notifications/notify.server";
import { db, isUniqueViolation, type DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { recordAudit, type AuditAction } from "./audit.server";
import { AUTOMATIC_REASONS, type HideableTarget, type ReportReasonCode, type ReportTargetType } from "./moderation.schema";

type Client = DbTransaction | typeof db;

export type ReportTargetInfo = {
  type: ReportTargetType;
  id: string;
  cityId: string;
  /** The people whose content it is (the author; an organization's members; the person). */
  ownerIds: string[];
  hiddenAt: Date | null;
};

const AUTO_HIDE: Record<HideableTarget, AuditAction> = {
  IDEA: "idea.auto-hide",
  COMMENT: "comment.auto-hide",
  ORGANIZATION: "organization.auto-hide",
};
const HIDE: Record<HideableTarget, AuditAction> = {
  IDEA: "idea.hide",
  COMMENT: "comment.hide",
  ORGANIZATION: "organization.hide",
};
const RESTORE: Record<HideableTarget, AuditAction> = {
  IDEA: "idea.restore",
  COMMENT: "comment.restore",
  ORGANIZATION: "organization.restore",
};

export function isHideable(type: ReportTargetType): type is HideableTarget {
  return type !== "USER";
}

/**
 * What a report points at, if it exists and its reporter could see it (public ideas,
 * comments on them, organization profiles, accounts not deleted). Anything else is null,
 * so reports cannot probe for unpublished or hidden content.
 */
export async function findReportTarget(
  client: Client,
  type: ReportTargetType,
  id: string,
  contextCityId: string | null = null
): Promise<ReportTargetInfo | null> {
  switch (type) {
    case "IDEA": {
      const idea = await client.idea.findUnique({
        where: { id },
        select: { cityId: true, authorId: true, status: true, hiddenAt: true },
      });
      if (!idea || idea.status === "SUBMITTED") return null;
      return {
        type,
        id,
        cityId: idea.cityId,
        ownerIds: [idea.authorId],
        hiddenAt: idea.hiddenAt,
      };
    }
    case "COMMENT": {
      const comment = await client.comment.findUnique({
        where: { id },
        select: {
          authorId: true,
          deletedAt: true,
          hiddenAt: true,
          idea: { select: { cityId: true, status: true, hiddenAt: true } },
        },
      });
      if (!comment || comment.deletedAt || comment.idea.status === "SUBMITTED" || comment.idea.hiddenAt) return null;
      return {
        type,
        id,
        cityId: comment.idea.cityId,
        ownerIds: [comment.authorId],
        hiddenAt: comment.hiddenAt,
      };
    }
    case "ORGANIZATION": {
      const organization = await client.organization.findUnique({
        where: { id },
        select: {
          cityId: true,
          hiddenAt: true,
          members: { select: { userId: true } },
        },
      });
      if (!organization) return null;
      return {
        type,
        id,
        cityId: organization.cityId,
        ownerIds: organization.members.map((member) => member.userId),
        hiddenAt: organization.hiddenAt,
      };
    }
    case "USER": {
      const user = await client.user.findUnique({
        where: { id },
        select: { homeCityId: true, deletedAt: true },
      });
      if (!user || user.deletedAt) return null;
      const cityId = contextCityId ?? user.homeCityId;
      if (!cityId) return null;
      return { type, id, cityId, ownerIds: [id], hiddenAt: null };
    }
  }
}

/** Takes the item's row lock, so concurrent reports on one item are counted one after the other. */
async function lockTarget(tx: DbTransaction, type: HideableTarget, id: string) {
  const data = { updatedAt: new Date() };
  if (type === "IDEA") await tx.idea.updateMany({ where: { id }, data });
  else if (type === "COMMENT") await tx.comment.updateMany({ where: { id }, data });
  else await tx.organization.updateMany({ where: { id }, data });
}

/** Sets or clears the item's hidden state; returns whether a row changed. */
async function setHidden(
  tx: DbTransaction,
  type: HideableTarget,
  id: string,
  where: { hiddenAt?: null },
  data: { hiddenAt: Date | null; hiddenReason: string | null }
) {
  const args = { where: { id, ...where }, data };
  const { count } =
    type === "IDEA"
      ? await tx.idea.updateMany(args)
      : type === "COMMENT"
      ? await tx.comment.updateMany(args)
      : await tx.organization.updateMany(args);
  return count === 1;
}

export type ReportResult =
  | { ok: true; already: boolean; hidden: boolean }
  | { ok: false; error: "notFound" | "ownContent" | "alreadyHidden" };

/**
 * Someone reports an item. The report is inserted first (the unique index refuses a second
 * one, even from a parallel request: that is `already`), then the item's open reports are
 * counted in the same transaction: at the city's threshold the item is hidden until a
 * moderator decides, logged as an automatic action, and its author is told.
 */
export async function reportContent(input: {
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  reason: ReportReasonCode;
  details: string;
  contextCityId?: string | null;
}): Promise<ReportResult> {
  const target = await findReportTarget(db, input.targetType, input.targetId, input.contextCityId ?? null);
  if (!target) return { ok: false, error: "notFound" };
  if (target.ownerIds.includes(input.reporterId)) return { ok: false, error: "ownContent" };
  if (target.hiddenAt) return { ok: false, error: "alreadyHidden" };
  try {
    return await db.$transaction(async (tx) => {
      if (isHideable(target.type)) await lockTarget(tx, target.type, target.id);
      await tx.report.create({
        data: {
          reporterId: input.reporterId,
          cityId: target.cityId,
          targetType: target.type,
          targetId: target.id,
          reason: input.reason,
          details: input.details.trim(),
        },
      });
      if (!isHideable(target.type)) return { ok: true as const, already: false, hidden: false };
      // Each person has at most one report per item, so rows are distinct people.
      const [open, city] = await Promise.all([
        tx.report.count({
          where: {
            targetType: target.type,
            targetId: target.id,
            status: "OPEN",
          },
        }),
        tx.city.findUniqueOrThrow({
          where: { id: target.cityId },
          select: { reportThreshold: true },
        }),
      ]);
      if (open < Math.max(1, city.reportThreshold)) return { ok: true as const, already: false, hidden: false };
      const now = new Date();
      const hidden = await setHidden(tx, target.type, target.id, { hiddenAt: null }, { hiddenAt: now, hiddenReason: null });
      if (!hidden) return { ok: true as const, already: false, hidden: false };
      await recordAudit(tx, {
        actorId: null,
        cityId: target.cityId,
        action: AUTO_HIDE[target.type],
        targetType: target.type,
        targetId: target.id,
        data: { reports: open, threshold: city.reportThreshold },
      });
      // On the idea's timeline too, so its author and, after a restore, everyone can read
      // what happened: no actor and the code "REPORTS" read as "hidden automatically".
      if (target.type === "IDEA") {
        await tx.ideaEvent.create({
          data: { ideaId: target.id, type: "HIDDEN", actorId: null, reasonCode: AUTOMATIC_REASONS[0], createdAt: now },
        });
      }
      await notify(tx, {
        kind: "MODERATION_DECISION",
        targetType: target.type,
        targetId: target.id,
        decision: "HIDDEN",
        reasonCode: AUTOMATIC_REASONS[0],
        actorId: null,
      });
      return { ok: true as const, already: false, hidden: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: true, already: true, hidden: false };
    throw error;
  }
}

export type ModerationResult = { ok: true } | { ok: false; error: "notFound" | "notHidden" | "nothingOpen" };

type ItemDecision = {
  cityId: string;
  actorId: string;
  targetType: ReportTargetType;
  targetId: string;
};

/** The item in the moderator's city (whatever its visibility), or null: another city's item is not found. */
async function itemInCity(tx: DbTransaction, { cityId, targetType, targetId }: ItemDecision) {
  let itemCityId: string | null = null;
  let hiddenAt: Date | null = null;
  if (targetType === "IDEA") {
    const idea = await tx.idea.findUnique({
      where: { id: targetId },
      select: { cityId: true, hiddenAt: true },
    });
    itemCityId = idea?.cityId ?? null;
    hiddenAt = idea?.hiddenAt ?? null;
  } else if (targetType === "COMMENT") {
    const comment = await tx.comment.findUnique({
      where: { id: targetId },
      select: { hiddenAt: true, idea: { select: { cityId: true } } },
    });
    itemCityId = comment?.idea.cityId ?? null;
    hiddenAt = comment?.hiddenAt ?? null;
  } else if (targetType === "ORGANIZATION") {
    const organization = await tx.organization.findUnique({
      where: { id: targetId },
      select: { cityId: true, hiddenAt: true },
    });
    itemCityId = organization?.cityId ?? null;
    hiddenAt = organization?.hiddenAt ?? null;
  } else {
    // A person belongs to no city: reports on them are handled where they were filed.
    const reported = await tx.report.findFirst({
      where: { cityId, targetType, targetId },
      select: { cityId: true },
    });
    itemCityId = reported?.cityId ?? null;
  }
  if (itemCityId !== cityId) return null;
  return { hiddenAt };
}

async function closeReports(tx: DbTransaction, decision: ItemDecision, status: "ACTIONED" | "DISMISSED", now: Date) {
  const { count } = await tx.report.updateMany({
    where: {
      cityId: decision.cityId,
      targetType: decision.targetType,
      targetId: decision.targetId,
      status: "OPEN",
    },
    data: { status, resolvedById: decision.actorId, resolvedAt: now },
  });
  return count;
}

/** A moderator hides an item with a public reason ("hidden by moderation: …"); its open reports are closed as actioned. */
export async function hideContent(decision: ItemDecision & { targetType: HideableTarget; reason: string }): Promise<ModerationResult> {
  return db.$transaction(async (tx) => {
    const item = await itemInCity(tx, decision);
    if (!item) return { ok: false as const, error: "notFound" as const };
    const now = new Date();
    const reason = decision.reason.trim();
    await setHidden(tx, decision.targetType, decision.targetId, {}, { hiddenAt: item.hiddenAt ?? now, hiddenReason: reason });
    const closed = await closeReports(tx, decision, "ACTIONED", now);
    await recordAudit(tx, {
      actorId: decision.actorId,
      cityId: decision.cityId,
      action: HIDE[decision.targetType],
      targetType: decision.targetType,
      targetId: decision.targetId,
      reason,
      data: { reports: closed },
    });
    if (decision.targetType === "IDEA") {
      await tx.ideaEvent.create({
        data: {
          ideaId: decision.targetId,
          type: "HIDDEN",
          actorId: decision.actorId,
          reason,
          createdAt: now,
        },
      });
    }
    await notify(tx, {
      kind: "MODERATION_DECISION",
      targetType: decision.targetType,
      targetId: decision.targetId,
      decision: "HIDDEN",
      reason,
      actorId: decision.actorId,
    });
    return { ok: true as const };
  });
}

/** A moderator restores a hidden item; its open reports are dismissed (the item stays up). */
export async function restoreContent(decision: ItemDecision & { targetType: HideableTarget }): Promise<ModerationResult> {
  return db.$transaction(async (tx) => {
    const item = await itemInCity(tx, decision);
    if (!item) return { ok: false as const, error: "notFound" as const };
    if (!item.hiddenAt) return { ok: false as const, error: "notHidden" as const };
    const now = new Date();
    const restored = await setHidden(tx, decision.targetType, decision.targetId, {}, { hiddenAt: null, hiddenReason: null });
    if (!restored) return { ok: false as const, error: "notFound" as const };
    const dismissed = await closeReports(tx, decision, "DISMISSED", now);
    await recordAudit(tx, {
      actorId: decision.actorId,
      cityId: decision.cityId,
      action: RESTORE[decision.targetType],
      targetType: decision.targetType,
      targetId: decision.targetId,
      data: { reportsDismissed: dismissed },
    });
    if (decision.targetType === "IDEA") {
      await tx.ideaEvent.create({
        data: {
          ideaId: decision.targetId,
          type: "RESTORED",
          actorId: decision.actorId,
          createdAt: now,
        },
      });
    }
    await notify(tx, {
      kind: "MODERATION_DECISION",
      targetType: decision.targetType,
      targetId: decision.targetId,
      decision: "RESTORED",
      actorId: decision.actorId,
    });
    return { ok: true as const };
  });
}

/** A moderator dismisses an item's open reports as unfounded (its visibility does not change). */
export async function dismissReports(decision: ItemDecision): Promise<ModerationResult> {
  return db.$transaction(async (tx) => {
    const item = await itemInCity(tx, decision);
    if (!item) return { ok: false as const, error: "notFound" as const };
    const dismissed = await closeReports(tx, decision, "DISMISSED", new Date());
    if (dismissed === 0) return { ok: false as const, error: "nothingOpen" as const };
    await recordAudit(tx, {
      actorId: decision.actorId,
      cityId: decision.cityId,
      action: "report.dismiss",
      targetType: decision.targetType,
      targetId: decision.targetId,
      data: { reports: dismissed },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------
// The reports queue: open reports grouped by item, oldest first.

export const REPORTS_PAGE_SIZE = 20;
const EXCERPT = 280;

function excerpt(text: string) {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

export type ReportedItem = {
  targetType: ReportTargetType;
  targetId: string;
  openReports: number;
  firstReportedAt: string;
  reasons: { reason: ReportReasonCode; count: number }[];
  /** The latest reports' details (reporters are not shown). */
  details: { reason: ReportReasonCode; details: string; createdAt: string }[];
  /** null when the item no longer exists. */
  item: {
    title: string;
    excerpt: string;
    authorName: string | null;
    authorId: string | null;
    href: string | null;
    hidden: boolean;
    hiddenReason: string | null;
  } | null;
};

export async function describeItem(targetType: ReportTargetType, targetId: string): Promise<ReportedItem["item"]> {
  if (targetType === "IDEA") {
    const idea = await db.idea.findUnique({
      where: { id: targetId },
      select: {
        number: true,
        title: true,
        summary: true,
        hiddenAt: true,
        hiddenReason: true,
        authorId: true,
        author: { select: { displayName: true } },
        city: { select: { slug: true } },
      },
    });
    if (!idea) return null;
    return {
      title: idea.title,
      excerpt: excerpt(idea.summary),
      authorName: idea.author.displayName,
      authorId: idea.authorId,
      href: `/cities/${idea.city.slug}/ideas/${idea.number}`,
      hidden: idea.hiddenAt !== null,
      hiddenReason: idea.hiddenReason,
    };
  }
  if (targetType === "COMMENT") {
    const comment = await db.comment.findUnique({
      where: { id: targetId },
      select: {
        id: true,
        body: true,
        deletedAt: true,
        hiddenAt: true,
        hiddenReason: true,
        authorId: true,
        author: { select: { displayName: true } },
        idea: {
          select: {
            number: true,
            title: true,
            city: { select: { slug: true } },
          },
        },
      },
    });
    if (!comment) return null;
    return {
      title: comment.idea.title,
      excerpt: excerpt(comment.body),
      authorName: comment.author.displayName,
      authorId: comment.authorId,
      href: `/cities/${comment.idea.city.slug}/ideas/${comment.idea.number}/comments/${comment.id}`,
      hidden: comment.hiddenAt !== null,
      hiddenReason: comment.hiddenReason,
    };
  }
  if (targetType === "ORGANIZATION") {
    const organization = await db.organization.findUnique({
      where: { id: targetId },
      select: {
        slug: true,
        name: true,
        description: true,
        hiddenAt: true,
        hiddenReason: true,
      },
    });
    if (!organization) return null;
    return {
      title: organization.name,
      excerpt: excerpt(organization.description),
      authorName: null,
      authorId: null,
      href: `/organizations/${organization.slug}`,
      hidden: organization.hiddenAt !== null,
      hiddenReason: organization.hiddenReason,
    };
  }
  const user = await db.user.findUnique({
    where: { id: targetId },
    select: { displayName: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return null;
  return {
    title: user.displayName,
    excerpt: "",
    authorName: user.displayName,
    authorId: targetId,
    href: null,
    hidden: false,
    hiddenReason: null,
  };
}

/** How many of an item's latest reports the queue quotes. */
const DETAILS_SHOWN = 5;

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

/**
 * Items with open reports in the city, grouped, oldest first, with counts by reason. The
 * grouping, ordering and paging happen in the database (GROUP BY the item), so the page
 * costs the same with ten reports or a million; only the page's items are then described.
 */
export async function listReportedItems(cityId: string, pageInput: number) {
  const postgres = getEnv().database.provider === "postgresql";
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return postgres ? `$${params.length}` : "?";
  };
  // The status is a literal: PostgreSQL compares an enum column with a text parameter only through a cast.
  const openInCity = `"cityId" = ${param(cityId)} AND "status" = 'OPEN'`;
  const countRows = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
    `SELECT COUNT(*) AS "total" FROM (SELECT 1 AS "one" FROM "Report" WHERE ${openInCity} GROUP BY "targetType", "targetId") AS "groups"`,
    ...params
  );
  const total = Number(countRows[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(pageInput) || 1), pages);
  const groups = await db.$queryRawUnsafe<{ targetType: string; targetId: string; openReports: number | bigint; firstReportedAt: unknown }[]>(
    `SELECT "targetType" AS "targetType", "targetId" AS "targetId", COUNT(*) AS "openReports", MIN("createdAt") AS "firstReportedAt"
     FROM "Report" WHERE ${openInCity}
     GROUP BY "targetType", "targetId"
     ORDER BY MIN("createdAt") ASC, "targetId" ASC, "targetType" ASC
     LIMIT ${param(REPORTS_PAGE_SIZE)} OFFSET ${param((page - 1) * REPORTS_PAGE_SIZE)}`,
    ...params
  );
  if (groups.length === 0) return { items: [] as ReportedItem[], total, page, pages };

  const targetIds = [...new Set(groups.map((group) => group.targetId))];
  const key = (targetType: string, targetId: string) => `${targetType}:${targetId}`;
  // Reasons per item, and each item's latest reports, for this page's items only.
  const detailParams: unknown[] = [cityId];
  const detailParam = (value: unknown) => {
    detailParams.push(value);
    return postgres ? `$${detailParams.length}` : "?";
  };
  const idList = targetIds.map((id) => detailParam(id)).join(", ");
  const [reasonRows, latestRows, described] = await Promise.all([
    db.report.groupBy({
      by: ["targetType", "targetId", "reason"],
      where: { cityId, status: "OPEN", targetId: { in: targetIds } },
      _count: { _all: true },
    }),
    db.$queryRawUnsafe<{ targetType: string; targetId: string; reason: string; details: string; createdAt: unknown }[]>(
      `SELECT "targetType", "targetId", "reason", "details", "createdAt" FROM (
         SELECT "targetType", "targetId", "reason", "details", "createdAt",
                ROW_NUMBER() OVER (PARTITION BY "targetType", "targetId" ORDER BY "createdAt" DESC, "id" DESC) AS "position"
         FROM "Report" WHERE "cityId" = ${postgres ? "$1" : "?"} AND "status" = 'OPEN' AND "targetId" IN (${idList})
       ) AS "ranked" WHERE "position" <= ${detailParam(DETAILS_SHOWN)} ORDER BY "createdAt" DESC`,
      ...detailParams
    ),
    Promise.all(groups.map((group) => describeItem(group.targetType as ReportTargetType, group.targetId))),
  ]);
  const reasonsByItem = new Map<string, ReportedItem["reasons"]>();
  for (const row of reasonRows) {
    const list = reasonsByItem.get(key(row.targetType, row.targetId)) ?? [];
    list.push({ reason: row.reason as ReportReasonCode, count: row._count._all });
    reasonsByItem.set(key(row.targetType, row.targetId), list);
  }
  const detailsByItem = new Map<string, ReportedItem["details"]>();
  for (const row of latestRows) {
    const list = detailsByItem.get(key(row.targetType, row.targetId)) ?? [];
    list.push({ reason: row.reason as ReportReasonCode, details: row.details, createdAt: asDate(row.createdAt).toISOString() });
    detailsByItem.set(key(row.targetType, row.targetId), list);
  }
  const items: ReportedItem[] = groups.map((group, index) => ({
    targetType: group.targetType as ReportTargetType,
    targetId: group.targetId,
    openReports: Number(group.openReports),
    firstReportedAt: asDate(group.firstReportedAt).toISOString(),
    reasons: (reasonsByItem.get(key(group.targetType, group.targetId)) ?? []).sort(
      (a, b) => b.count - a.count || a.reason.localeCompare(b.reason)
    ),
    details: detailsByItem.get(key(group.targetType, group.targetId)) ?? [],
    item: described[index] ?? null,
  }));
  return { items, total, page, pages };
}

export type HiddenItem = {
  targetType: HideableTarget;
  targetId: string;
  title: string;
  href: string;
  hiddenAt: string;
  hiddenReason: string | null;
};

const HIDDEN_SHOWN = 50;

/** The city's hidden content (most recently hidden first, bounded), so a moderator can restore it. */
export async function listHiddenItems(cityId: string): Promise<HiddenItem[]> {
  const [ideas, comments, organizations] = await Promise.all([
    db.idea.findMany({
      where: { cityId, hiddenAt: { not: null } },
      orderBy: [{ hiddenAt: "desc" }, { id: "desc" }],
      take: HIDDEN_SHOWN,
      select: {
        id: true,
        number: true,
        title: true,
        hiddenAt: true,
        hiddenReason: true,
        city: { select: { slug: true } },
      },
    }),
    db.comment.findMany({
      where: { hiddenAt: { not: null }, idea: { cityId } },
      orderBy: [{ hiddenAt: "desc" }, { id: "desc" }],
      take: HIDDEN_SHOWN,
      select: {
        id: true,
        hiddenAt: true,
        hiddenReason: true,
        idea: {
          select: {
            number: true,
            title: true,
            city: { select: { slug: true } },
          },
        },
      },
    }),
    db.organization.findMany({
      where: { cityId, hiddenAt: { not: null } },
      orderBy: [{ hiddenAt: "desc" }, { id: "desc" }],
      take: HIDDEN_SHOWN,
      select: {
        id: true,
        slug: true,
        name: true,
        hiddenAt: true,
        hiddenReason: true,
      },
    }),
  ]);
  const items: HiddenItem[] = [
    ...ideas.map((idea) => ({
      targetType: "IDEA" as const,
      targetId: idea.id,
      title: `#${idea.number} ${idea.title}`,
      href: `/cities/${idea.city.slug}/ideas/${idea.number}`,
      hiddenAt: (idea.hiddenAt ?? new Date(0)).toISOString(),
      hiddenReason: idea.hiddenReason,
    })),
    ...comments.map((comment) => ({
      targetType: "COMMENT" as const,
      targetId: comment.id,
      title: `#${comment.idea.number} ${comment.idea.title}`,
      href: `/cities/${comment.idea.city.slug}/ideas/${comment.idea.number}/comments/${comment.id}`,
      hiddenAt: (comment.hiddenAt ?? new Date(0)).toISOString(),
      hiddenReason: comment.hiddenReason,
    })),
    ...organizations.map((organization) => ({
      targetType: "ORGANIZATION" as const,
      targetId: organization.id,
      title: organization.name,
      href: `/organizations/${organization.slug}`,
      hiddenAt: (organization.hiddenAt ?? new Date(0)).toISOString(),
      hiddenReason: organization.hiddenReason,
    })),
  ];
  return items.sort((a, b) => b.hiddenAt.localeCompare(a.hiddenAt)).slice(0, HIDDEN_SHOWN);
}
