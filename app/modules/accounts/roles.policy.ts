// Pure role rules, shared by loaders/actions (authorization) and the UI (what to show).
export type RoleName = "MODERATOR" | "CITY_ADMIN" | "NETWORK_ADMIN";
export type Role = { role: RoleName; cityId: string | null };

/**
 * A network admin may do everything; a city admin may also moderate their city;
 * city roles never reach another city.
 */
export function hasCityRole(roles: readonly Role[], cityId: string, needed: "MODERATOR" | "CITY_ADMIN"): boolean {
  return roles.some(
    (assignment) =>
      assignment.role === "NETWORK_ADMIN" ||
      (assignment.cityId === cityId &&
        (assignment.role === needed || (needed === "MODERATOR" && assignment.role === "CITY_ADMIN"))),
  );
}

export function isNetworkAdmin(roles: readonly Role[]): boolean {
  return roles.some((assignment) => assignment.role === "NETWORK_ADMIN");
}

/** Role scope key used by the unique index (cityId, or "network"). */
export function roleScope(role: RoleName, cityId: string | null): string {
  if (role === "NETWORK_ADMIN") return "network";
  if (!cityId) throw new Error(`${role} needs a city`);
  return cityId;
}
