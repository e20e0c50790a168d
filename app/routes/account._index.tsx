import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form as PlainForm, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, SelectField, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { languages } from "~/i18n/config";
import { localeCookie, requestLocale } from "~/i18n/i18n.server";
import { ProfileSchema } from "~/modules/accounts/accounts.schema";
import { resendVerification, updateProfile } from "~/modules/accounts/accounts.server";
import { requireUser } from "~/modules/accounts/session.server";
import { findCityById, listCities } from "~/modules/cities/cities.server";
import { echoValues, parseForm } from "~/utils/forms";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("account:profile.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [cities, homeCity] = await Promise.all([listCities(), findCityById(user.homeCityId)]);
  return {
    profile: {
      email: user.email,
      displayName: user.displayName,
      kind: user.kind,
      locale: user.locale ?? "",
      homeCity: homeCity?.slug ?? "",
      verified: user.emailVerifiedAt !== null,
    },
    cities: cities.map(({ slug, name }) => ({ slug, name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "resend-verification") {
    const result = await resendVerification(user.id, { clientIp: context.clientIp, locale: await requestLocale(request, user.locale) });
    const key = result.ok ? "account:verification.sent" : result.reason === "throttled" ? "account:verification.throttled" : "account:verification.already";
    return redirectWithFlash(request, "/account", { kind: result.ok ? "success" : "info", key });
  }
  if (intent !== "profile") return data({ ok: false as const, fieldErrors: {}, values: {} }, { status: 400 });
  const parsed = parseForm(ProfileSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await updateProfile(user.id, parsed.data);
  if (!result.ok) {
    return data({ ok: false as const, fieldErrors: { [result.field ?? "form"]: result.error }, values: echoValues(formData) }, { status: 400 });
  }
  // Keep the visitor cookie in step so the language stays after logging out.
  const headers = new Headers();
  if (parsed.data.locale) headers.append("Set-Cookie", await localeCookie.serialize(parsed.data.locale));
  return redirectWithFlash(request, "/account", { kind: "success", key: "account:profile.saved" }, headers);
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { profile, cities } = useLoaderData<typeof loader>();
  useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(ProfileSchema, {
    displayName: profile.displayName,
    homeCity: profile.homeCity,
    locale: profile.locale,
  });
  const errors = {
    displayName: fieldError(form, "displayName"),
    homeCity: fieldError(form, "homeCity"),
    locale: fieldError(form, "locale"),
  };
  return (
    <div className="max-w-xl">
      <h1>{t("account:profile.title")}</h1>
      <section aria-labelledby="email-heading" className="card mb-8">
        <h2 id="email-heading" className="mt-0">
          {t("account:verification.heading")}
        </h2>
        <p className="mb-2 break-all">{profile.email}</p>
        {profile.verified ? (
          <p className="font-medium text-green-800">{t("account:verification.verified")}</p>
        ) : (
          <>
            <p className="mb-3">{t("account:verification.pending")}</p>
            <PlainForm method="post">
              <input type="hidden" name="intent" value="resend-verification" />
              <button type="submit" className="btn-secondary">
                {t("account:verification.resend")}
              </button>
            </PlainForm>
          </>
        )}
        <p className="mt-3 text-sm text-slate-700">{t("account:profile.kind", { kind: t(`auth:kind.${profile.kind}`) })}</p>
      </section>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="profile" />
        <TextField form={form} name="displayName" autoComplete="nickname" label={t("auth:fields.displayName")} error={errors.displayName} required />
        <SelectField form={form} name="homeCity" label={t("auth:fields.homeCity")} error={errors.homeCity} required>
          {cities.map((city) => (
            <option key={city.slug} value={city.slug}>
              {city.name}
            </option>
          ))}
        </SelectField>
        <SelectField form={form} name="locale" label={t("account:profile.language")} hint={t("account:profile.languageHint")} error={errors.locale}>
          <option value="">{t("account:profile.languageAuto")}</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.label}
            </option>
          ))}
        </SelectField>
        <SubmitButton>{t("account:profile.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
