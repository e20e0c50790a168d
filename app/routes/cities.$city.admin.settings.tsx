import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminBreadcrumb } from "~/components/administration/admin-breadcrumb";
import { ErrorSummary, TextField } from "~/components/forms";
import {
  CitySettingsSchema,
  REPORT_THRESHOLD_MAX,
} from "~/modules/administration/administration.schema";
import {
  getCitySettings,
  updateCitySettings,
} from "~/modules/administration/city-admin.server";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import {
  forbidden,
  notFound,
  readFormData,
  redirectWithFlash,
} from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("administration:settings.title"),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await requireCityAdmin(request, params.city);
  const settings = await getCitySettings(city.id);
  if (!settings) notFound();
  return { city: { slug: city.slug, name: city.name }, settings };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, actor } = await requireCityAdmin(request, params.city);
  const formData = await readFormData(request);
  const parsed = parseForm(CitySettingsSchema, formData);
  if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
  const result = await updateCitySettings(city.id, actor, parsed.data);
  if (!result.ok) {
    if (result.error === "forbidden") forbidden();
    notFound();
  }
  return redirectWithFlash(request, `/cities/${city.slug}/admin/settings`, {
    kind: "success",
    key: "administration:flash.settingsSaved",
  });
}

export default function CitySettingsPage() {
  const { t } = useTranslation();
  const { city, settings } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.fieldErrors ?? {};
  const preModeration = failure
    ? failure.values.preModeration === "on"
    : settings.preModeration;
  return (
    <div className="max-w-2xl">
      <AdminBreadcrumb
        city={city}
        current={t("administration:settings.title")}
      />
      <h1>{t("administration:settings.heading", { city: city.name })}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <div className="mb-6">
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id="field-preModeration"
              name="preModeration"
              value="on"
              defaultChecked={preModeration}
              aria-describedby="field-preModeration-hint"
              className="mt-1 h-5 w-5"
            />
            <label htmlFor="field-preModeration" className="font-semibold">
              {t("administration:settings.preModeration")}
            </label>
          </div>
          <p id="field-preModeration-hint" className="field-hint ml-7 mt-1">
            {t("administration:settings.preModerationHint")}
          </p>
        </div>
        <TextField
          name="reportThreshold"
          type="number"
          inputMode="numeric"
          min={1}
          max={REPORT_THRESHOLD_MAX}
          label={t("administration:settings.reportThreshold")}
          hint={t("administration:settings.reportThresholdHint", {
            max: REPORT_THRESHOLD_MAX,
          })}
          defaultValue={
            failure?.values.reportThreshold ?? String(settings.reportThreshold)
          }
          error={errors.reportThreshold}
          className="max-w-xs"
        />
        <button type="submit" className="btn-primary">
          {t("administration:settings.save")}
        </button>
      </Form>
    </div>
  );
}
