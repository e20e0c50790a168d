import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/modules/accounts/session.server";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { PreferencesSchema } from "~/modules/notifications/notifications.schema";
import { getPreferences, savePreferences } from "~/modules/notifications/queries.server";
import { parseForm } from "~/utils/forms";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("notifications:preferences.title"),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { preferences: await getPreferences(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(PreferencesSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  await savePreferences(user.id, parsed.data);
  return redirectWithFlash(request, "/account/notifications", {
    kind: "success",
    key: "notifications:flash.preferencesSaved",
  });
}

export default function NotificationPreferences() {
  const { t } = useTranslation();
  const { preferences } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure && !failure.ok ? failure.values : {};
  const errors = failure && !failure.ok ? failure.fieldErrors : {};
  return (
    <div className="flex flex-col gap-4">
      <h1>{t("notifications:preferences.title")}</h1>
      <p>{t("notifications:preferences.intro")}</p>
      <p className="text-sm text-slate-700">{t("notifications:preferences.defaultNote")}</p>
      {Object.keys(errors).length ? (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t("notifications:preferences.invalid")}
        </div>
      ) : null}
      <Form method="post" className="flex flex-col gap-4">
        {NOTIFICATION_KINDS.map((kind) => {
          const current = values[kind] ?? preferences[kind];
          const errorId = `${kind}-error`;
          return (
            <fieldset key={kind} className="card" aria-describedby={errors[kind] ? errorId : undefined}>
              <legend className="font-semibold">{t(`notifications:kind.${kind}`)}</legend>
              {errors[kind] ? (
                <p id={errorId} className="text-sm text-red-800">
                  {t(errors[kind])}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                {EMAIL_FREQUENCIES.map((frequency) => (
                  <label key={frequency} className="flex min-h-[44px] items-center gap-2">
                    <input type="radio" name={kind} value={frequency} defaultChecked={current === frequency} />
                    {t(`notifications:frequency.${frequency}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <div>
          <button type="submit" className="btn-primary">
            {t("notifications:preferences.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
