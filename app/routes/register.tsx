import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, ErrorSummary, fieldError, Form, RadioGroup, SelectField, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { requestLocale } from "~/i18n/i18n.server";
import { RegisterSchema, PASSWORD_MAX, PASSWORD_MIN } from "~/modules/accounts/accounts.schema";
import { registerAccount } from "~/modules/accounts/accounts.server";
import { createUserSession, getUser } from "~/modules/accounts/session.server";
import { clientAddress, limiter, REGISTER_LIMITS } from "~/modules/accounts/throttle.server";
import { listCities } from "~/modules/cities/cities.server";
import { echoValues, parseForm, SECRET_FIELDS, type FormFailure } from "~/utils/forms";
import { readFormData, safeRedirectPath } from "~/utils/http.server";
import { setFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("auth:register.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/account");
  const cities = await listCities();
  return { cities: cities.map(({ slug, name }) => ({ slug, name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(RegisterSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const perIp = limiter(REGISTER_LIMITS.ip);
  const ip = clientAddress(context);
  if ((await perIp.retryAfterMs(ip)) > 0) {
    const failure: FormFailure = {
      ok: false,
      fieldErrors: {},
      formError: "auth:register.throttled",
      values: echoValues(formData, SECRET_FIELDS),
    };
    return data(failure, { status: 429 });
  }
  const locale = await requestLocale(request);
  const result = await registerAccount(parsed.data, { locale });
  if (!result.ok) {
    const failure: FormFailure = {
      ok: false,
      fieldErrors: { [result.field ?? "form"]: result.error },
      values: echoValues(formData, SECRET_FIELDS),
    };
    return data(failure, { status: 400 });
  }
  await perIp.hit(ip);
  const headers = new Headers();
  headers.append("Set-Cookie", await createUserSession(result.userId, request));
  headers.append("Set-Cookie", await setFlash(request, { kind: "success", key: "auth:register.success" }));
  return redirect(safeRedirectPath(parsed.data.redirectTo, "/account"), { headers });
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const { cities } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { form, failure, onSubmit } = useValidatedForm(RegisterSchema, { kind: "CITIZEN", homeCity: "" });
  const errors = {
    email: fieldError(form, "email"),
    displayName: fieldError(form, "displayName"),
    password: fieldError(form, "password"),
    homeCity: fieldError(form, "homeCity"),
    kind: fieldError(form, "kind"),
    acceptPrivacy: fieldError(form, "acceptPrivacy"),
  };
  return (
    <div className="mx-auto max-w-xl">
      <h1>{t("auth:register.title")}</h1>
      <p className="mb-6">{t("auth:register.intro")}</p>
      <ErrorSummary errors={errors} formError={failure?.formError ? t(failure.formError) : undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField form={form} name="email" type="email" autoComplete="email" label={t("auth:fields.email")} error={errors.email} required maxLength={254} />
        <TextField
          form={form}
          name="displayName"
          autoComplete="nickname"
          label={t("auth:fields.displayName")}
          hint={t("auth:fields.displayNameHint")}
          error={errors.displayName}
          required
        />
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
        <SelectField form={form} name="homeCity" label={t("auth:fields.homeCity")} error={errors.homeCity} required>
          <option value="">{t("auth:fields.chooseCity")}</option>
          {cities.map((city) => (
            <option key={city.slug} value={city.slug}>
              {city.name}
            </option>
          ))}
        </SelectField>
        <RadioGroup
          form={form}
          name="kind"
          legend={t("auth:fields.kind")}
          error={errors.kind}
          options={[
            { value: "CITIZEN", label: t("auth:kind.CITIZEN"), hint: t("auth:kind.CITIZEN_hint") },
            { value: "ENTREPRENEUR", label: t("auth:kind.ENTREPRENEUR"), hint: t("auth:kind.ENTREPRENEUR_hint") },
          ]}
        />
        <CheckboxField
          form={form}
          name="acceptPrivacy"
          error={errors.acceptPrivacy}
          label={
            <>
              {t("auth:fields.acceptPrivacy")}{" "}
              <Link to="/privacy" target="_blank" rel="noopener">
                {t("auth:fields.privacyLink")}
                <span className="sr-only"> {t("common:opensInNewTab")}</span>
              </Link>
            </>
          }
        />
        <SubmitButton>{t("auth:register.submit")}</SubmitButton>
      </Form>
      <p className="mt-6">
        {t("auth:register.haveAccount")} <Link to="/login">{t("auth:register.loginLink")}</Link>
      </p>
    </div>
  );
}
