import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationForm } from "~/components/consultations/consultation-form";
import { requireCityRole } from "~/modules/accounts/roles.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { consultationSchema } from "~/modules/consultations/consultations.schema";
import { createConsultation } from "~/modules/consultations/consultations.server";
import { isIdeaLanguage } from "~/modules/ideas/ideas.schema";
import { echoValues, parseForm, type FormFailure } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("consultations:form.newTitle") };

async function requireCity(slug: string | undefined) {
  const city = await findCityBySlug(slug ?? "");
  if (!city) notFound();
  return city;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const city = await requireCity(params.city);
  await requireCityRole(request, city.id, "CITY_ADMIN");
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    defaultLanguage: isIdeaLanguage(city.defaultLocale) ? city.defaultLocale : "en",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const city = await requireCity(params.city);
  const { user } = await requireCityRole(request, city.id, "CITY_ADMIN");
  const formData = await readFormData(request);
  // Dates are read in the city's time zone, whatever the browser's.
  const parsed = parseForm(consultationSchema(city.timeZone), formData);
  if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
  const result = await createConsultation({ cityId: city.id, createdById: user.id, input: parsed.data });
  // The schema has checked the phases; the command checks again (it trusts no caller).
  if (!result.ok) return data({ ok: false, fieldErrors: {}, formError: "consultations:errors.invalidPhases", values: echoValues(formData) } satisfies FormFailure, { status: 400 });
  return redirectWithFlash(request, `/cities/${city.slug}/consultations/${result.slug}`, { kind: "success", key: "consultations:flash.created" });
}

export default function NewConsultationPage() {
  const { t } = useTranslation();
  const { city, defaultLanguage } = useLoaderData<typeof loader>();
  const defaults: Record<string, string> = { title: "", question: "", summary: "", body: "", category: "", language: defaultLanguage, supportLimit: "" };
  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${city.slug}/consultations`}>{t("consultations:nav.consultations")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("consultations:form.newTitle")}</li>
        </ol>
      </nav>
      <h1>{t("consultations:form.newTitle")}</h1>
      <p className="mb-6">{t("consultations:form.newIntro", { city: city.name })}</p>
      <ConsultationForm
        mode="new"
        city={city}
        defaults={defaults}
        submitLabel={t("consultations:form.create")}
        cancelHref={`/cities/${city.slug}/consultations`}
      />
    </div>
  );
}
