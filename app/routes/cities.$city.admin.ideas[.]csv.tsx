import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale, getT } from "~/i18n/i18n.server";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import { ideasCsv } from "~/modules/administration/statistics.server";

/**
 * /cities/:city/admin/ideas.csv — every idea of the city (all states, hidden ones too)
 * with its counts, for the city's admins. Header and states in the admin's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCityAdmin(request, params.city);
  const locale = await detectLocale(request, {
    userLocale: user.locale,
    cityLocale: city.defaultLocale,
  });
  const t = await getT(locale, ["administration", "ideas", "categories"]);
  const origin = new URL(request.url).origin;
  const csv = await ideasCsv({
    cityId: city.id,
    citySlug: city.slug,
    origin,
    locale,
    t: (key) => t(key),
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ideas-${city.slug}-${date}.csv"`,
      // Includes unpublished and hidden ideas: never kept by shared caches.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
