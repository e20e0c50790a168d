import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, RadioGroup, SubmitButton, useValidatedForm } from "~/components/forms";
import { requireUser } from "~/modules/accounts/session.server";
import { ADOPTION_USAGES, AdoptionFeedbackSchema, EASE_VALUES, MISSING_MAX } from "~/modules/absorption/adoption.schema";
import { findOwnFeedback, saveAdoptionFeedback } from "~/modules/absorption/feedback.server";
import { findLaunchedIdea } from "~/modules/absorption/services.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { parseIdeaNumber } from "~/modules/ideas/queries.server";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("services:feedback.title"),
};

/**
 * The launched, visible idea of the URL; anything else (unknown city or number, an idea
 * not launched, a hidden one) is a 404: there is no service to give feedback on.
 */
async function launchedIdeaOf(params: LoaderFunctionArgs["params"]) {
  const city = await findCityBySlug(params.city ?? "");
  const number = parseIdeaNumber(params.number);
  if (!city || !number) notFound();
  const idea = await findLaunchedIdea(city.id, number);
  if (!idea) notFound();
  return { city, idea };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Signed-in people only (suspended accounts have no session): anonymous → login and back.
  const user = await requireUser(request);
  const { city, idea } = await launchedIdeaOf(params);
  const own = await findOwnFeedback(idea.id, user.id);
  return {
    city: { slug: city.slug, name: city.name },
    idea: { number: idea.number, title: idea.title, language: idea.language },
    own: own
      ? { usage: own.usage, ease: own.ease === null ? "" : String(own.ease), missing: own.missing ?? "", missingStatus: own.missingStatus }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { city, idea } = await launchedIdeaOf(params);
  const formData = await readFormData(request);
  const parsed = parseForm(AdoptionFeedbackSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await saveAdoptionFeedback({ ideaId: idea.id, userId: user.id, answer: parsed.data });
  if (!result.ok) {
    // The statement re-checks everything: the idea may have been hidden meanwhile, or the
    // account suspended.
    if (!(await findLaunchedIdea(city.id, idea.number))) notFound();
    forbidden();
  }
  return redirectWithFlash(request, `/cities/${city.slug}/ideas/${idea.number}`, { kind: "success", key: "services:flash.saved" });
}

export default function AdoptionFeedbackPage() {
  const { t, i18n } = useTranslation();
  const { city, idea, own } = useLoaderData<typeof loader>();
  useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(AdoptionFeedbackSchema, {
    usage: own?.usage ?? "",
    ease: own?.ease ?? "",
    missing: own?.missing ?? "",
  });
  const errors = {
    usage: fieldError(form, "usage"),
    ease: fieldError(form, "ease"),
    missing: fieldError(form, "missing"),
  };
  const ideaPath = `/cities/${city.slug}/ideas/${idea.number}`;
  const lang = idea.language !== i18n.language ? idea.language : undefined;
  const missingDefault = form.formState.defaultValues?.missing;
  const missingHint = "field-missing-hint";
  const missingError = errors.missing ? "field-missing-error" : undefined;
  return (
    <div className="max-w-2xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${city.slug}/services`}>{t("services:title")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={ideaPath} lang={lang}>
              {idea.title}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("services:feedback.title")}</li>
        </ol>
      </nav>
      <h1>{t("services:feedback.heading")}</h1>
      <p className="text-lg" lang={lang}>
        {idea.title}
      </p>
      <p>{own ? t("services:feedback.introEdit") : t("services:feedback.intro")}</p>
      <p className="text-sm text-slate-700">{t("services:feedback.privacy")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <RadioGroup
          form={form}
          name="usage"
          legend={t("services:feedback.usageLegend")}
          error={errors.usage}
          options={ADOPTION_USAGES.map((usage) => ({ value: usage, label: t(`services:usage.${usage}`) }))}
        />
        <RadioGroup
          form={form}
          name="ease"
          legend={
            <>
              {t("services:feedback.easeLegend")}
              <span className="block text-sm font-normal text-slate-700">{t("services:feedback.easeHint")}</span>
            </>
          }
          error={errors.ease}
          options={EASE_VALUES.map((value) => ({ value, label: t(`services:ease.${value}`) }))}
        />
        <div className="mb-5">
          <label htmlFor="field-missing" className="mb-1 block font-semibold">
            {t("services:feedback.missingLabel")}
          </label>
          <p id={missingHint} className="field-hint mb-1 mt-0">
            {t("services:feedback.missingHint", { max: MISSING_MAX })}
          </p>
          <textarea
            id="field-missing"
            rows={4}
            maxLength={MISSING_MAX}
            className="field-input"
            defaultValue={typeof missingDefault === "string" ? missingDefault : ""}
            aria-invalid={errors.missing ? true : undefined}
            aria-describedby={[missingHint, missingError].filter(Boolean).join(" ")}
            {...form.register("missing")}
          />
          {errors.missing ? (
            <p id={missingError} className="field-error">
              <span className="sr-only">{t("validation:errorPrefix")} </span>
              {t(errors.missing)}
            </p>
          ) : null}
          {own?.missing && own.missingStatus !== "PENDING" ? (
            <p className="mt-1 text-sm text-slate-700">{t(`services:feedback.textStatus.${own.missingStatus}`)}</p>
          ) : null}
        </div>
        <SubmitButton>{own ? t("services:feedback.update") : t("services:feedback.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
