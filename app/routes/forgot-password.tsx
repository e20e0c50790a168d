import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { requestLocale } from "~/i18n/i18n.server";
import { ForgotPasswordSchema } from "~/modules/accounts/accounts.schema";
import { requestPasswordReset } from "~/modules/accounts/accounts.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("auth:forgot.title") };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  await requestPasswordReset(parsed.data.email, { clientIp: context.clientIp, locale: await requestLocale(request) });
  // Same answer whether or not the address has an account.
  return { ok: true as const, sentTo: parsed.data.email };
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(ForgotPasswordSchema);
  const errors = { email: fieldError(form, "email") };
  if (actionData?.ok) {
    return (
      <div className="mx-auto max-w-xl">
        <h1>{t("auth:forgot.sentTitle")}</h1>
        <p role="status" className="mb-4">
          {t("auth:forgot.sentBody", { email: actionData.sentTo })}
        </p>
        <Link to="/login">{t("auth:forgot.backToLogin")}</Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl">
      <h1>{t("auth:forgot.title")}</h1>
      <p className="mb-6">{t("auth:forgot.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField form={form} name="email" type="email" autoComplete="email" label={t("auth:fields.email")} error={errors.email} required />
        <SubmitButton>{t("auth:forgot.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
