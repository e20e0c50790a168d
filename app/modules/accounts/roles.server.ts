import { db } from "~/utils/db.server";
import { forbidden } from "~/utils/http.server";
import { hasCityRole, isNetworkAdmin, type Role } from "./roles.policy";
import { requireUser, type SessionUser } from "./session.server";

export async function getRoles(userId: string): Promise<Role[]> {
  return db.roleAssignment.findMany({ where: { userId }, select: { role: true, cityId: true } });
}

/** The signed-in user with the given role in the city; 401 → login, 403 otherwise. */
export async function requireCityRole(
  request: Request,
  cityId: string,
  role: "MODERATOR" | "CITY_ADMIN",
): Promise<{ user: SessionUser; roles: Role[] }> {
  const user = await requireUser(request);
  const roles = await getRoles(user.id);
  if (!hasCityRole(roles, cityId, role)) forbidden();
  return { user, roles };
}

export async function requireNetworkAdmin(request: Request): Promise<{ user: SessionUser; roles: Role[] }> {
  const user = await requireUser(request);
  const roles = await getRoles(user.id);
  if (!isNetworkAdmin(roles)) forbidden();
  return { user, roles };
}
