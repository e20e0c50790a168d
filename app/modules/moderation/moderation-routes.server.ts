// Shared guard of the moderation routes: the city from the URL and a viewer who moderates it.
import { requireCityRole } from "~/modules/accounts/roles.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { notFound } from "~/utils/http.server";

/** The city (404 if unknown) and the signed-in moderator, city admin or network admin (401 → login, 403 otherwise). */
export async function requireModeratorOf(request: Request, citySlug: string | undefined) {
  const city = await findCityBySlug(citySlug ?? "");
  if (!city) notFound();
  const { user, roles } = await requireCityRole(request, city.id, "MODERATOR");
  return { city, user, roles };
}
