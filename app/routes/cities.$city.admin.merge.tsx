import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminBreadcrumb } from "~/components/administration/admin-breadcrumb";
import { ErrorSummary, TextField } from "~/components/forms";
import {
  MERGE_REASON_MAX,
  MergeSchema,
} from "~/modules/administration/administration.schema";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import {
  mergeIdeas,
  type MergeError,
} from "~/modules/administration/merge.server";
import { echoValues, parseForm, type FormFailure } from "~/utils/forms";
import {
  forbidden,
  readFormData,
  redirectWithFlash,
} from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("administration:merge.title"),
};

/** Which field a refusal belongs to (the others are about the whole form). */
const FIELD_OF: Partial<Record<MergeError, string>> = {
  duplicateNotFound: "duplicate",
  duplicateNotMergeable: "duplicate",
  keptNotFound: "kept",
  keptMerged: "kept",
  keptNotOpen: "kept",
  self: "kept",
  otherCity: "kept",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await requireCityAdmin(request, params.city);
  const duplicate = new URL(request.url).searchParams.get("duplicate") ?? "";
  return {
    city: { slug: city.slug, name: city.name },
    duplicate: /^\d{1,9}$/.test(duplicate) ? duplicate : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, actor } = await requireCityAdmin(request, params.city);
  const formData = await readFormData(request);
  const parsed = parseForm(MergeSchema, formData);
  if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
  const result = await mergeIdeas({
    cityId: city.id,
    duplicateNumber: parsed.data.duplicate,
    keptNumber: parsed.data.kept,
    reason: parsed.data.reason,
    actor,
  });
  if (!result.ok) {
    if (result.error === "forbidden") forbidden();
    const field = FIELD_OF[result.error] ?? "form";
    const failure: FormFailure = {
      ok: false,
      fieldErrors: { [field]: `administration:errors.${result.error}` },
      values: echoValues(formData),
    };
    return data(failure, { status: result.error === "conflict" ? 409 : 400 });
  }
  return redirectWithFlash(
    request,
    `/cities/${city.slug}/ideas/${parsed.data.kept}`,
    { kind: "success", key: "administration:flash.merged" }
  );
}

export default function MergeIdeasPage() {
  const { t } = useTranslation();
  const { city, duplicate } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.fieldErrors ?? {};
  const { form: formError, ...fieldErrors } = errors;
  const reasonError = errors.reason;
  return (
    <div className="max-w-2xl">
      <AdminBreadcrumb city={city} current={t("administration:merge.title")} />
      <h1>{t("administration:merge.heading", { city: city.name })}</h1>
      <p>{t("administration:merge.intro")}</p>
      <ErrorSummary
        errors={fieldErrors}
        formError={formError ? t(formError) : undefined}
      />
      <Form method="post" noValidate>
        <TextField
          name="duplicate"
          inputMode="numeric"
          label={t("administration:merge.duplicate")}
          hint={t("administration:merge.duplicateHint")}
          defaultValue={failure?.values.duplicate ?? duplicate}
          error={errors.duplicate}
          className="max-w-xs"
        />
        <TextField
          name="kept"
          inputMode="numeric"
          label={t("administration:merge.kept")}
          hint={t("administration:merge.keptHint")}
          defaultValue={failure?.values.kept ?? ""}
          error={errors.kept}
          className="max-w-xs"
        />
        <div className="mb-5">
          <label htmlFor="field-reason" className="mb-1 block font-semibold">
            {t("administration:merge.reason")}
          </label>
          <textarea
            id="field-reason"
            name="reason"
            rows={3}
            maxLength={MERGE_REASON_MAX}
            defaultValue={failure?.values.reason ?? ""}
            className="field-input"
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "field-reason-error" : undefined}
          />
          {reasonError ? (
            <p id="field-reason-error" className="field-error">
              <span className="sr-only">{t("validation:errorPrefix")} </span>
              {t(reasonError)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn-primary">
          {t("administration:merge.submit")}
        </button>
      </Form>
    </div>
  );
}
