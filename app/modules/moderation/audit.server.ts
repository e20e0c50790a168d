import type { Db, DbTransaction } from "~/utils/db.server";

/**
 * Audited actions. Dotted names ("<target>.<verb>") so the log can be filtered by target
 * kind; translated in the UI by name (moderation:audit.actions.<name>).
 */
export const AUDIT_ACTIONS = [
  "idea.publish",
  "idea.reject",
  "idea.request-changes",
  "idea.status",
  "idea.answer",
  "idea.merge",
  "idea.hide",
  "idea.restore",
  "idea.auto-hide",
  "comment.hide",
  "comment.restore",
  "comment.auto-hide",
  "organization.hide",
  "organization.restore",
  "organization.auto-hide",
  "report.dismiss",
  "user.suspend",
  "user.unsuspend",
  "category.create",
  "category.update",
  "category.archive",
  "city.settings",
  "role.grant",
  "role.revoke",
  "pilot.plan",
  "pilot.update",
  "idea.launch",
  "feedback.publish",
  "feedback.reject",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTarget =
  | "IDEA"
  | "COMMENT"
  | "ORGANIZATION"
  | "USER"
  | "CATEGORY"
  | "CITY"
  | "ROLE"
  | "FEEDBACK";

export type AuditEntry = {
  /** null when the system acted by itself (e.g. an item hidden automatically by reports). */
  actorId: string | null;
  /** The city whose officials may read the entry; null for network-wide actions. */
  cityId: string | null;
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string;
  reason?: string | null;
  /** Small, non-personal details worth keeping (e.g. { from: "PUBLISHED", to: "ACCEPTED" }). */
  data?: Record<string, string | number | boolean | null>;
};

/**
 * Records one moderation or administration action. Always called inside the transaction
 * that makes the change, so the log never claims what did not happen and never misses
 * what did.
 */
export async function recordAudit(tx: DbTransaction | Db, entry: AuditEntry) {
  await tx.auditLogEntry.create({
    data: {
      actorId: entry.actorId,
      cityId: entry.cityId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      data: entry.data ?? {},
    },
  });
}
