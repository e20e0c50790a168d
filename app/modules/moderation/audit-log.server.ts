// Reading the audit log of one city: filterable by action, actor and date, paginated.
import { db } from "~/utils/db.server";
import { AUDIT_ACTIONS, type AuditAction } from "./audit.server";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
};

export type AuditRow = {
  id: string;
  createdAt: string;
  action: AuditAction | string;
  actorName: string | null;
  actorId: string | null;
  targetType: string;
  targetId: string;
  /** A readable name for the item and a link to it, when it still exists. */
  targetLabel: string | null;
  targetHref: string | null;
  reason: string | null;
  data: Record<string, unknown>;
};

function isAuditAction(value: string | undefined): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Dates are whole UTC days (inclusive), as typed in the filter form. */
function dayStart(value: string | undefined) {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

async function describeTargets(rows: { targetType: string; targetId: string }[], citySlug: string) {
  const ids = (type: string) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => row.targetId))];
  const [ideas, comments, organizations, users, feedback] = await Promise.all([
    db.idea.findMany({
      where: { id: { in: ids("IDEA") } },
      select: {
        id: true,
        number: true,
        title: true,
        city: { select: { slug: true } },
      },
    }),
    db.comment.findMany({
      where: { id: { in: ids("COMMENT") } },
      select: {
        id: true,
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
      where: { id: { in: ids("ORGANIZATION") } },
      select: { id: true, slug: true, name: true },
    }),
    db.user.findMany({
      where: { id: { in: ids("USER") } },
      select: { id: true, displayName: true },
    }),
    // A "what is missing" answer is shown by the service it is about (never by its author).
    db.adoptionFeedback.findMany({
      where: { id: { in: ids("FEEDBACK") } },
      select: { id: true, idea: { select: { number: true, title: true, city: { select: { slug: true } } } } },
    }),
  ]);
  const labels = new Map<string, { label: string; href: string | null }>();
  for (const idea of ideas)
    labels.set(`IDEA:${idea.id}`, {
      label: `#${idea.number} ${idea.title}`,
      href: `/cities/${idea.city.slug}/ideas/${idea.number}`,
    });
  for (const comment of comments) {
    labels.set(`COMMENT:${comment.id}`, {
      label: `#${comment.idea.number} ${comment.idea.title}`,
      href: `/cities/${comment.idea.city.slug}/ideas/${comment.idea.number}/comments/${comment.id}`,
    });
  }
  for (const organization of organizations)
    labels.set(`ORGANIZATION:${organization.id}`, {
      label: organization.name,
      href: `/organizations/${organization.slug}`,
    });
  for (const user of users)
    labels.set(`USER:${user.id}`, {
      label: user.displayName,
      href: `/cities/${citySlug}/moderation/users/${user.id}`,
    });
  for (const answer of feedback)
    labels.set(`FEEDBACK:${answer.id}`, {
      label: `#${answer.idea.number} ${answer.idea.title}`,
      href: `/cities/${answer.idea.city.slug}/ideas/${answer.idea.number}`,
    });
  return labels;
}

/** The city's audit entries, newest first. Unknown filter values are ignored (never an error). */
export async function listAuditEntries(city: { id: string; slug: string }, filters: AuditFilters) {
  const from = dayStart(filters.from);
  const toStart = dayStart(filters.to);
  const to = toStart ? new Date(toStart.getTime() + 86_400_000) : undefined;
  const where = {
    cityId: city.id,
    ...(isAuditAction(filters.action) ? { action: filters.action } : {}),
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(from || to
      ? {
          createdAt: {
            ...(from ? { gte: from } : {}),
            ...(to ? { lt: to } : {}),
          },
        }
      : {}),
  };
  const total = await db.auditLogEntry.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const [entries, actorIds] = await Promise.all([
    db.auditLogEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        actorId: true,
        actor: { select: { displayName: true } },
        targetType: true,
        targetId: true,
        reason: true,
        data: true,
      },
    }),
    db.auditLogEntry.groupBy({
      by: ["actorId"],
      where: { cityId: city.id, actorId: { not: null } },
    }),
  ]);
  const [labels, actors] = await Promise.all([
    describeTargets(entries, city.slug),
    db.user.findMany({
      where: {
        id: {
          in: actorIds.map((row) => row.actorId).filter((id): id is string => id !== null),
        },
      },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  const rows: AuditRow[] = entries.map((entry) => {
    const target = labels.get(`${entry.targetType}:${entry.targetId}`);
    return {
      id: entry.id,
      createdAt: entry.createdAt.toISOString(),
      action: entry.action,
      actorName: entry.actor?.displayName ?? null,
      actorId: entry.actorId,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: target?.label ?? null,
      targetHref: target?.href ?? null,
      reason: entry.reason,
      data: (entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? entry.data : {}) as Record<string, unknown>,
    };
  });
  return {
    rows,
    total,
    page,
    pages,
    actors: actors.map((actor) => ({ id: actor.id, name: actor.displayName })),
  };
}
