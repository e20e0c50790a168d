import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale, getT } from "~/i18n/i18n.server";
import { absorptionCsv } from "~/modules/absorption/absorption-csv.server";
import { cityAbsorption } from "~/modules/absorption/absorption.server";
import { requireCityAdmin } from "~/modules/administration/guard.server";

/**
 * /cities/:city/admin/absorption.csv — the absorption dashboard's figures and every "what
 * is missing" answer (pending ones too), for the city's admins, in the admin's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCityAdmin(request, params.city);
  const locale = await detectLocale(request, { userLocale: user.locale, cityLocale: city.defaultLocale });
  const t = await getT(locale, ["services"]);
  const csv = absorptionCsv(await cityAbsorption(city.id), (key) => t(key));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="absorption-${city.slug}-${date}.csv"`,
      // Holds unmoderated answers: never kept by shared caches.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
