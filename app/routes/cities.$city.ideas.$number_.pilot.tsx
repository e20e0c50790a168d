import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { PilotTextArea } from "~/components/pilots/pilot-fields";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import { parseIdeaNumber } from "~/modules/ideas/queries.server";
import { CAPACITY_MAX, HOW_TO_MAX, PilotPlanSchema, PLAN_MAX, PLAN_MIN } from "~/modules/pilots/pilots.schema";
import { findIdeaForPilot, partnerChoices, pilotFormValues, planPilot, updatePilotPlan } from "~/modules/pilots/pilots.server";
import { echoValues, fieldErrorsFrom, formObject, type FormFailure } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("pilots:plan.title"),
};

async function loadContext(request: Request, params: LoaderFunctionArgs["params"]) {
  const { city, actor } = await requireCityAdmin(request, params.city);
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  // Another city's idea is not found here (its own city's page is the place for it).
  const idea = await findIdeaForPilot(city.id, number);
  if (!idea) notFound();
  return { city, actor, idea };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city, idea } = await loadContext(request, params);
  const mode = idea.status === "ACCEPTED" && !idea.hiddenAt ? "plan" : idea.status === "PILOTING" && idea.pilot ? "edit" : "unavailable";
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    idea: { number: idea.number, title: idea.title, status: idea.status },
    mode,
    choices: mode === "unavailable" ? null : await partnerChoices(idea),
    saved: idea.pilot && mode === "edit" ? pilotFormValues(idea.pilot, city.timeZone) : null,
    testerCount: idea.pilot?.testerCount ?? 0,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, actor, idea } = await loadContext(request, params);
  const formData = await readFormData(request);
  const partnerIds = formData.getAll("partnerIds").filter((value): value is string => typeof value === "string");
  const values: Record<string, string> = { ...echoValues(formData), partnerIds: partnerIds.join(",") };
  const parsed = PilotPlanSchema.safeParse({ ...formObject(formData), partnerIds });
  if (!parsed.success) {
    return data({ ok: false, fieldErrors: fieldErrorsFrom(parsed.error), values } satisfies FormFailure, { status: 400 });
  }
  const editing = idea.status === "PILOTING";
  const command = editing ? updatePilotPlan : planPilot;
  const result = await command({ ideaId: idea.id, actor, input: parsed.data });
  const ideaPath = `/cities/${city.slug}/ideas/${idea.number}`;
  if (!result.ok) {
    if (result.error === "invalid") return data({ ok: false, fieldErrors: result.fieldErrors, values } satisfies FormFailure, { status: 400 });
    if (result.error === "notFound") notFound();
    if (result.error === "forbidden") forbidden();
    return redirectWithFlash(request, ideaPath, { kind: "error", key: `pilots:flash.${result.error}` });
  }
  return redirectWithFlash(request, ideaPath, { kind: "success", key: editing ? "pilots:flash.updated" : "pilots:flash.planned" });
}

export default function PilotPlanPage() {
  const { t } = useTranslation();
  const { city, idea, mode, choices, saved, testerCount } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.fieldErrors ?? {};
  const values: Record<string, string> = failure?.values ?? saved ?? {};
  const chosen = new Set((values.partnerIds ?? "").split(",").filter(Boolean));
  const ideaPath = `/cities/${city.slug}/ideas/${idea.number}`;

  return (
    <div className="max-w-2xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={ideaPath}>{idea.title}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("pilots:plan.title")}</li>
        </ol>
      </nav>
      <h1>{t(mode === "edit" ? "pilots:plan.editHeading" : "pilots:plan.heading", { idea: idea.title })}</h1>
      {mode === "unavailable" ? (
        <p>
          {t("pilots:plan.unavailable", { status: t(`ideas:status.${idea.status}`) })} <Link to={ideaPath}>{t("pilots:backToIdea")}</Link>
        </p>
      ) : (
        <>
          <p>{t(mode === "edit" ? "pilots:plan.editIntro" : "pilots:plan.intro")}</p>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <PilotTextArea name="plan" label={t("pilots:plan.planLabel")} hint={t("pilots:plan.planHint", { min: PLAN_MIN, max: PLAN_MAX })} maxLength={PLAN_MAX} rows={6} defaultValue={values.plan ?? ""} error={errors.plan} />
            <PilotTextArea
              name="howToTakePart"
              label={t("pilots:plan.howToLabel")}
              hint={t("pilots:plan.howToHint")}
              maxLength={HOW_TO_MAX}
              rows={4}
              defaultValue={values.howToTakePart ?? ""}
              error={errors.howToTakePart}
            />
            <div className="grid gap-x-6 sm:grid-cols-2">
              <TextField name="startsAt" type="date" label={t("pilots:plan.startsAtLabel")} hint={t("pilots:plan.dateHint", { city: city.name })} defaultValue={values.startsAt ?? ""} error={errors.startsAt} required />
              <TextField name="endsAt" type="date" label={t("pilots:plan.endsAtLabel")} hint={t("pilots:plan.dateHint", { city: city.name })} defaultValue={values.endsAt ?? ""} error={errors.endsAt} required />
            </div>
            <TextField
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={CAPACITY_MAX}
              label={t("pilots:plan.capacityLabel")}
              hint={mode === "edit" ? t("pilots:plan.capacityHintEdit", { testers: testerCount }) : t("pilots:plan.capacityHint")}
              defaultValue={values.capacity ?? ""}
              error={errors.capacity}
            />
            {choices ? (
              <fieldset id="field-partnerIds" tabIndex={-1} className="mb-6" aria-describedby={errors.partnerIds ? "field-partnerIds-error" : "field-partnerIds-hint"}>
                <legend className="mb-1 font-semibold">{t("pilots:plan.partnersLegend")}</legend>
                <p id="field-partnerIds-hint" className="field-hint mb-2 mt-0">
                  {t("pilots:plan.partnersHint")}
                </p>
                {errors.partnerIds ? (
                  <p id="field-partnerIds-error" className="field-error mb-2 mt-0">
                    <span className="sr-only">{t("validation:errorPrefix")} </span>
                    {t(errors.partnerIds)}
                  </p>
                ) : null}
                <PartnerGroup title={t("pilots:plan.solutionPartners")} empty={t("pilots:plan.noSolutionPartners")} organizations={choices.solutionPartners} chosen={chosen} />
                <PartnerGroup title={t("pilots:plan.cityOrganizations", { city: city.name })} empty={t("pilots:plan.noOrganizations")} organizations={choices.cityOrganizations} chosen={chosen} />
                {choices.otherOrganizations.length ? (
                  <details className="mt-2" open={choices.otherOrganizations.some((organization) => chosen.has(organization.id))}>
                    <summary className="inline-flex min-h-[44px] cursor-pointer items-center font-semibold">{t("pilots:plan.otherOrganizations")}</summary>
                    <PartnerGroup organizations={choices.otherOrganizations} chosen={chosen} />
                  </details>
                ) : null}
              </fieldset>
            ) : null}
            <button type="submit" className="btn-primary">
              {t(mode === "edit" ? "pilots:plan.saveEdit" : "pilots:plan.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

function PartnerGroup({
  title,
  empty,
  organizations,
  chosen,
}: {
  title?: string;
  empty?: string;
  organizations: { id: string; name: string }[];
  chosen: Set<string>;
}) {
  return (
    <div className="mb-3">
      {title ? <p className="mb-1 mt-2 font-medium">{title}</p> : null}
      {organizations.length === 0 && empty ? <p className="m-0 text-sm text-slate-700">{empty}</p> : null}
      <ul className="m-0 list-none p-0">
        {organizations.map((organization) => (
          <li key={organization.id} className="flex items-start gap-2 py-1">
            <input type="checkbox" id={`partner-${organization.id}`} name="partnerIds" value={organization.id} defaultChecked={chosen.has(organization.id)} className="mt-1 h-5 w-5" />
            <label htmlFor={`partner-${organization.id}`}>{organization.name}</label>
          </li>
        ))}
      </ul>
    </div>
  );
}
