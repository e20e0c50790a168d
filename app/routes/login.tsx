import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { LoginSchema } from "~/modules/accounts/accounts.schema";
import { authenticate } from "~/modules/accounts/accounts.server";
import { createUserSession, getUser } from "~/modules/accounts/session.server";
import { echoValues, parseForm, SECRET_FIELDS } from "~/utils/forms";
import { readFormData, safeRedirectPath } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("auth:login.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const to = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirectPath(to, "/account"));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(LoginSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await authenticate(parsed.data, context);
  if (!result.ok) {
    const values = echoValues(formData, SECRET_FIELDS);
    const status = result.error === "auth:login.throttled" ? 429 : result.error === "auth:login.suspended" ? 403 : 400;
    return data(
      {
        ok: false as const,
        fieldErrors: {},
        formError: result.error,
        values,
        retryAfterMinutes: result.error === "auth:login.throttled" ? result.retryAfterMinutes : undefined,
        suspendedUntil: result.error === "auth:login.suspended" ? (result.until?.toISOString() ?? null) : undefined,
        suspensionReason: result.error === "auth:login.suspended" ? result.reason : undefined,
      },
      {
        status,
        headers: result.error === "auth:login.throttled" ? { "Retry-After": String(result.retryAfterMinutes * 60) } : undefined,
      },
    );
  }
  const cookie = await createUserSession(result.userId, request);
  return redirect(safeRedirectPath(parsed.data.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>() as
    | { formError?: string; values?: Record<string, string>; retryAfterMinutes?: number; suspendedUntil?: string | null; suspensionReason?: string | null }
    | undefined;
  const { form, onSubmit } = useValidatedForm(LoginSchema);
  const redirectTo = actionData?.values?.redirectTo ?? searchParams.get("redirectTo") ?? "";
  const errors = { email: fieldError(form, "email"), password: fieldError(form, "password") };
  let formError: string | undefined;
  if (actionData?.formError === "auth:login.throttled") {
    formError = t("auth:login.throttled", { count: actionData.retryAfterMinutes ?? 1 });
  } else if (actionData?.formError === "auth:login.suspended") {
    formError = actionData.suspendedUntil
      ? t("auth:login.suspendedUntil", { date: new Date(actionData.suspendedUntil) })
      : t("auth:login.suspended");
  } else if (actionData?.formError) {
    formError = t(actionData.formError);
  }
  return (
    <div className="mx-auto max-w-md">
      <h1>{t("auth:login.title")}</h1>
      <ErrorSummary errors={errors} formError={formError} />
      {actionData?.suspensionReason ? (
        <p className="mb-4">
          {t("auth:login.suspensionReason")} <q>{actionData.suspensionReason}</q>
        </p>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField form={form} name="email" type="email" autoComplete="username" label={t("auth:fields.email")} error={errors.email} required />
        <TextField
          form={form}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("auth:fields.password")}
          error={errors.password}
          required
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("auth:login.submit")}</SubmitButton>
          <Link to="/forgot-password">{t("auth:login.forgot")}</Link>
        </div>
      </Form>
      <p className="mt-6">
        {t("auth:login.noAccount")} <Link to="/register">{t("auth:login.registerLink")}</Link>
      </p>
    </div>
  );
}
