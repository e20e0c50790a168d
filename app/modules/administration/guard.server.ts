import { requireCityRole } from "~/modules/accounts/roles.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { notFound } from "~/utils/http.server";

/**
 * The city of the URL and its signed-in admin (city admin of this city, or network admin).
 * Unknown city → 404, anonymous → login, anyone else → 403.
 */
export async function requireCityAdmin(
  request: Request,
  citySlug: string | undefined
) {
  const city = await findCityBySlug(citySlug ?? "");
  if (!city) notFound();
  const { user, roles } = await requireCityRole(request, city.id, "CITY_ADMIN");
  return { city, user, actor: { id: user.id, roles } };
}
