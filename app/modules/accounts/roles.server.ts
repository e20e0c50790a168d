import { db } from "~/utils/db.server";
import { forbidden } from "~/utils/http.server";
import { perDialect } from "~/utils/sql-dialect.server";
import { hasCityRole, isNetworkAdmin, type Role } from "./roles.policy";
import { getAuth, requireUser, type SessionUser } from "./session.server";

// Raw: asked on many requests (a Prisma model query is compiled anew on every call).
const rolesSql = perDialect(({ placeholders }) => `SELECT "role" AS "role", "cityId" AS "cityId" FROM "RoleAssignment" WHERE "userId" = ${placeholders(1)[0]}`);

/** Anyone's roles, read now. For the signed-in person, requestRoles() has them already. */
export async function getRoles(userId: string): Promise<Role[]> {
  const rows = await db.$queryRawUnsafe<Role[]>(rolesSql(), userId);
  return rows.map(({ role, cityId }) => ({ role, cityId }));
}

/** The signed-in person's roles, read with their session in this request (empty when signed out). */
async function requestRoles(request: Request, user: SessionUser): Promise<Role[]> {
  const auth = await getAuth(request);
  return auth.user?.id === user.id ? auth.roles : getRoles(user.id);
}

/** The signed-in user with the given role in the city; 401 → login, 403 otherwise. */
export async function requireCityRole(
  request: Request,
  cityId: string,
  role: "MODERATOR" | "CITY_ADMIN",
): Promise<{ user: SessionUser; roles: Role[] }> {
  const user = await requireUser(request);
  const roles = await requestRoles(request, user);
  if (!hasCityRole(roles, cityId, role)) forbidden();
  return { user, roles };
}

export async function requireNetworkAdmin(request: Request): Promise<{ user: SessionUser; roles: Role[] }> {
  const user = await requireUser(request);
  const roles = await requestRoles(request, user);
  if (!isNetworkAdmin(roles)) forbidden();
  return { user, roles };
}
