import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationForm } from "~/components/consultations/consultation-form";
import { requireCityRole } from "~/modules/accounts/roles.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { consultationSchema, phaseFieldName } from "~/modules/consultations/consultations.schema";
import { findConsultationForEdit, updateConsultation } from "~/modules/consultations/consultations.server";
import { isPhaseKind } from "~/modules/consultations/phases.policy";
import { utcToZonedLocal } from "~/modules/consultations/timezone";
import { echoValues, parseForm, type FormFailure } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("consultations:form.editTitle") };

/**
 * The city from the URL, and the viewer must be one of ITS admins (403 otherwise) before
 * anything about its consultations is read: an admin of another city gets 403, and the
 * consultation is then looked up within this city only.
 */
async function requireAdminAndConsultation(request: Request, params: { city?: string; slug?: string }) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  const { user } = await requireCityRole(request, city.id, "CITY_ADMIN");
  const consultation = await findConsultationForEdit({ cityId: city.id, slug: params.slug ?? "" });
  if (!consultation) notFound();
  return { city, user, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city, consultation } = await requireAdminAndConsultation(request, params);
  const defaults: Record<string, string> = {
    title: consultation.title,
    question: consultation.question,
    summary: consultation.summary,
    body: consultation.body,
    category: consultation.category?.slug ?? "",
    language: consultation.language,
    supportLimit: consultation.supportLimit === null ? "" : String(consultation.supportLimit),
  };
  for (const phase of consultation.phases) {
    if (!isPhaseKind(phase.kind)) continue;
    defaults[phaseFieldName(phase.kind, "startsAt")] = utcToZonedLocal(phase.startsAt, city.timeZone);
    defaults[phaseFieldName(phase.kind, "endsAt")] = utcToZonedLocal(phase.endsAt, city.timeZone);
  }
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    consultation: { slug: consultation.slug, title: consultation.title, status: consultation.status },
    defaults,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, consultation } = await requireAdminAndConsultation(request, params);
  const formData = await readFormData(request);
  const parsed = parseForm(consultationSchema(city.timeZone), formData);
  if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
  // The where clause of the update includes the city as well.
  const result = await updateConsultation({ id: consultation.id, cityId: city.id, input: parsed.data });
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return data({ ok: false, fieldErrors: {}, formError: "consultations:errors.invalidPhases", values: echoValues(formData) } satisfies FormFailure, { status: 400 });
  }
  return redirectWithFlash(request, `/cities/${city.slug}/consultations/${result.slug}`, { kind: "success", key: "consultations:flash.updated" });
}

export default function EditConsultationPage() {
  const { t } = useTranslation();
  const { city, consultation, defaults } = useLoaderData<typeof loader>();
  const path = `/cities/${city.slug}/consultations/${consultation.slug}`;
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
          <li>
            <Link to={path}>{consultation.title}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("consultations:form.editTitle")}</li>
        </ol>
      </nav>
      <h1>{t("consultations:form.editTitle")}</h1>
      <p className="mb-6">{consultation.status === "PUBLISHED" ? t("consultations:form.editPublishedIntro") : t("consultations:form.editDraftIntro")}</p>
      <ConsultationForm mode="edit" city={city} defaults={defaults} submitLabel={t("consultations:form.save")} cancelHref={path} />
    </div>
  );
}
