import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { requestLocale } from "~/i18n/i18n.server";
import { PASSWORD_MAX, PASSWORD_MIN, ResetPasswordSchema } from "~/modules/accounts/accounts.schema";
import { resetPassword } from "~/modules/accounts/accounts.server";
import { inspectToken } from "~/modules/accounts/tokens.server";
import { parseForm } from "~/utils/forms";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("auth:reset.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const state = await inspectToken(token, "RESET_PASSWORD");
  return data({ token: state.status === "valid" ? token : "", status: state.status }, { status: state.status === "valid" ? 200 : 410 });
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(ResetPasswordSchema, await readFormData(request));
  if (!parsed.ok) return data({ ...parsed, tokenStatus: undefined }, { status: 400 });
  const result = await resetPassword(parsed.data.token, parsed.data.password, { locale: await requestLocale(request) });
  if (result.status === "common") {
    return data(
      { ok: false as const, fieldErrors: { password: "validation:password.common" }, values: {}, tokenStatus: undefined },
      { status: 400 },
    );
  }
  if (result.status !== "valid") {
    return data({ ok: false as const, fieldErrors: {}, values: {}, tokenStatus: result.status }, { status: 410 });
  }
  return redirectWithFlash(request, "/login", { kind: "success", key: "auth:reset.success" });
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(ResetPasswordSchema, { token: loaderData.token });
  const status = actionData?.tokenStatus ?? loaderData.status;
  const errors = { password: fieldError(form, "password") };
  return (
    <div className="mx-auto max-w-xl">
      <h1>{t("auth:reset.title")}</h1>
      {status === "valid" ? (
        <>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" name="token" value={loaderData.token} />
            <TextField
              form={form}
              name="password"
              type="password"
              autoComplete="new-password"
              label={t("auth:fields.newPassword")}
              hint={t("auth:fields.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
              error={errors.password}
              required
            />
            <SubmitButton>{t("auth:reset.submit")}</SubmitButton>
          </Form>
        </>
      ) : (
        <div role="alert">
          <p className="mb-4">{t(`auth:token.${status}`)}</p>
          <Link to="/forgot-password">{t("auth:reset.requestNew")}</Link>
        </div>
      )}
    </div>
  );
}
