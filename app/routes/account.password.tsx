import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { requestLocale } from "~/i18n/i18n.server";
import { ChangePasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from "~/modules/accounts/accounts.schema";
import { changePassword, revokeOtherSessions } from "~/modules/accounts/accounts.server";
import { getAuth, requireUser } from "~/modules/accounts/session.server";
import { parseForm } from "~/utils/forms";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("account:password.title") };

export async function loader({ request }: { request: Request }) {
  await requireUser(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(ChangePasswordSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await changePassword(user.id, parsed.data, { locale: await requestLocale(request, user.locale), clientIp: context.clientIp });
  if (!result.ok) {
    return data(
      {
        ok: false as const,
        fieldErrors: result.field ? { [result.field]: result.error } : {},
        formError: result.field ? undefined : result.error,
        values: {},
      },
      { status: result.error === "auth:login.throttled" ? 429 : 400 },
    );
  }
  // A changed password should lock out whoever else may know the old one.
  const { sessionId } = await getAuth(request);
  if (sessionId) await revokeOtherSessions(user.id, sessionId);
  return redirectWithFlash(request, "/account/password", { kind: "success", key: "account:password.changed" });
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(ChangePasswordSchema);
  const errors = { currentPassword: fieldError(form, "currentPassword"), newPassword: fieldError(form, "newPassword") };
  const formError = actionData && !actionData.ok && actionData.formError ? t(actionData.formError, { count: 15 }) : undefined;
  return (
    <div className="max-w-xl">
      <h1>{t("account:password.title")}</h1>
      <p className="mb-6">{t("account:password.intro")}</p>
      <ErrorSummary errors={errors} formError={formError} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField
          form={form}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t("account:password.current")}
          error={errors.currentPassword}
          required
        />
        <TextField
          form={form}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t("account:password.new")}
          hint={t("auth:fields.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          error={errors.newPassword}
          required
        />
        <SubmitButton>{t("account:password.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
