// Network administration: who moderates or administers which city, and who administers
// the network. Only network admins; every change is audited in its transaction.
import {
  isNetworkAdmin,
  roleScope,
  type Role,
  type RoleName,
} from "~/modules/accounts/roles.policy";
import { recordAudit } from "~/modules/moderation/audit.server";
import { db, isUniqueViolation } from "~/utils/db.server";

export type Actor = { id: string; roles: readonly Role[] };

export type RoleError =
  | "forbidden"
  | "userNotFound"
  | "cityNotFound"
  | "already"
  | "notFound"
  | "lastNetworkAdmin";
export type RoleResult = { ok: true } | { ok: false; error: RoleError };

export async function listCitiesWithTeams() {
  const cities = await db.city.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      preModeration: true,
      reportThreshold: true,
      _count: { select: { ideas: true, residents: true } },
      roles: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          role: true,
          user: { select: { displayName: true, email: true } },
        },
      },
    },
  });
  const networkAdmins = await db.roleAssignment.findMany({
    where: { role: "NETWORK_ADMIN" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      userId: true,
      user: { select: { displayName: true, email: true } },
    },
  });
  return { cities, networkAdmins };
}

/** Grants `role` (in the city `citySlug` for city roles) to the account with this email. */
export async function grantRole(
  actor: Actor,
  input: { email: string; role: RoleName; citySlug: string }
): Promise<RoleResult> {
  if (!isNetworkAdmin(actor.roles)) return { ok: false, error: "forbidden" };
  const user = await db.user.findUnique({
    where: { emailNormalized: input.email.trim().toLowerCase() },
    select: { id: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return { ok: false, error: "userNotFound" };
  let cityId: string | null = null;
  if (input.role !== "NETWORK_ADMIN") {
    const city = await db.city.findUnique({
      where: { slug: input.citySlug },
      select: { id: true },
    });
    if (!city) return { ok: false, error: "cityNotFound" };
    cityId = city.id;
  }
  try {
    return await db.$transaction(async (tx) => {
      const assignment = await tx.roleAssignment.create({
        data: {
          userId: user.id,
          role: input.role,
          cityId,
          scope: roleScope(input.role, cityId),
          grantedById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        cityId,
        action: "role.grant",
        targetType: "USER",
        targetId: user.id,
        data: { role: input.role, assignment: assignment.id },
      });
      return { ok: true as const };
    });
  } catch (error) {
    // The unique index (user, role, scope) answers "already has it", even under a race.
    if (isUniqueViolation(error)) return { ok: false, error: "already" };
    throw error;
  }
}

/**
 * Revokes a role assignment. A network admin cannot revoke their own network-admin role
 * when it is the last one (the network would have nobody left to administer it). The
 * check counts inside the transaction after deleting, so two admins revoking each other
 * at once cannot both succeed on PostgreSQL either: the loser's count sees zero and rolls back.
 */
export async function revokeRole(
  actor: Actor,
  assignmentId: string
): Promise<RoleResult> {
  if (!isNetworkAdmin(actor.roles)) return { ok: false, error: "forbidden" };
  class LastAdmin extends Error {}
  try {
    return await db.$transaction(async (tx) => {
      const assignment = await tx.roleAssignment.findUnique({
        where: { id: assignmentId },
        select: { id: true, userId: true, role: true, cityId: true },
      });
      if (!assignment)
        return { ok: false as const, error: "notFound" as const };
      if (
        assignment.role === "NETWORK_ADMIN" &&
        assignment.userId === actor.id
      ) {
        const others = await tx.roleAssignment.count({
          where: { role: "NETWORK_ADMIN", id: { not: assignment.id } },
        });
        if (others === 0)
          return { ok: false as const, error: "lastNetworkAdmin" as const };
      }
      const { count } = await tx.roleAssignment.deleteMany({
        where: { id: assignment.id },
      });
      if (count !== 1)
        return { ok: false as const, error: "notFound" as const };
      if (
        assignment.role === "NETWORK_ADMIN" &&
        (await tx.roleAssignment.count({
          where: { role: "NETWORK_ADMIN" },
        })) === 0
      )
        throw new LastAdmin();
      await recordAudit(tx, {
        actorId: actor.id,
        cityId: assignment.cityId,
        action: "role.revoke",
        targetType: "USER",
        targetId: assignment.userId,
        data: { role: assignment.role, assignment: assignment.id },
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof LastAdmin)
      return { ok: false, error: "lastNetworkAdmin" };
    throw error;
  }
}
