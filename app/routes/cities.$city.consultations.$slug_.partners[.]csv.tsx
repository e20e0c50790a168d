import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale, getT } from "~/i18n/i18n.server";
import { requireCityRole } from "~/modules/accounts/roles.server";
import { requireUser } from "~/modules/accounts/session.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { csvFileName, findConsultationInCity, partnersCsv } from "~/modules/consultations/participation.server";
import { notFound } from "~/utils/http.server";

/**
 * /cities/:city/consultations/:slug/partners.csv — the solution partners of a consultation
 * for the city's administrators, with a header row in the admin's language and contact data
 * only where the partner agreed to share it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  await requireCityRole(request, city.id, "CITY_ADMIN");
  const consultation = await findConsultationInCity({ citySlug: city.slug, slug: params.slug ?? "" });
  if (!consultation) notFound();
  const locale = await detectLocale(request, { userLocale: user.locale, cityLocale: city.defaultLocale });
  const t = await getT(locale, ["participation", "organizations"]);
  const csv = await partnersCsv({ consultationId: consultation.id, timeZone: city.timeZone, t });
  const fileName = csvFileName(city.slug, consultation.slug);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // Personal data (contact details): never kept by shared caches or the browser.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
