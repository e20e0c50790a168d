// The city admin's form for a new consultation and for editing one: a plain POST form
// (works without JavaScript), validated in the browser with the same schema as on the
// server. The phases' dates are datetime-local inputs read in the CITY's time zone.
import { Link } from "@remix-run/react";
import { useEffect, useMemo, useRef } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError, Form, SelectField, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { TextInputField } from "~/components/ideas/idea-form-fields";
import { CATEGORY_SLUGS } from "~/modules/categories/categories";
import {
  BODY_MAX,
  CONSULTATION_FIELDS,
  consultationSchema,
  PHASE_FIELDS,
  QUESTION_MAX,
  SUMMARY_MAX,
  SUPPORT_LIMIT_MAX,
  TITLE_MAX,
} from "~/modules/consultations/consultations.schema";
import { IDEA_LANGUAGES } from "~/modules/ideas/ideas.schema";
import { intlLocale } from "~/i18n/options";

export type ConsultationFormProps = {
  mode: "new" | "edit";
  city: { name: string; timeZone: string };
  defaults: Record<string, string>;
  submitLabel: string;
  cancelHref: string;
};

/**
 * Lists the errors at the top and takes focus (like ErrorSummary in forms.tsx), with the
 * time zone available to the messages ("… does not exist in Europe/Helsinki …").
 */
function ConsultationErrorSummary({ errors, formError, zone }: { errors: Record<string, string | undefined>; formError?: string; zone: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const signature = entries.map(([name, message]) => `${name}:${message}`).join("|") + (formError ?? "");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (entries.length === 0 && !formError) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 rounded-md border-2 border-red-700 bg-red-50 p-4">
      <h2 id="error-summary-title" className="m-0 text-lg font-semibold text-red-900">
        {t("validation:summaryTitle")}
      </h2>
      {formError ? <p className="mt-2 text-red-900">{t(formError)}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {entries.map(([name, message]) => (
            <li key={name}>
              <a href={`#field-${name}`} className="text-red-900">
                {t(`consultations:fields.${name}`)}: {t(message, { zone })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function DateTimeField({
  name,
  label,
  error,
  form,
  zone,
  describedBy,
}: {
  name: string;
  label: string;
  error?: string;
  form: UseFormReturn<FieldValues>;
  zone: string;
  describedBy: string;
}) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  const initial = form.formState.defaultValues?.[name];
  return (
    <div className="mb-3 min-w-[14rem] flex-1">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        step={60}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, errorId].filter(Boolean).join(" ")}
        defaultValue={typeof initial === "string" ? initial : undefined}
        {...form.register(name as Path<FieldValues>)}
      />
      {error ? (
        <p id={errorId} className="field-error">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error, { zone })}
        </p>
      ) : null}
    </div>
  );
}

export function ConsultationForm({ mode, city, defaults, submitLabel, cancelHref }: ConsultationFormProps) {
  const { t, i18n } = useTranslation();
  const schema = useMemo(() => consultationSchema(city.timeZone), [city.timeZone]);
  const { form, failure, onSubmit } = useValidatedForm(schema, defaults);
  const errors = Object.fromEntries(CONSULTATION_FIELDS.map((name) => [name, fieldError(form, name)])) as Record<string, string | undefined>;
  const languageName = new Intl.DisplayNames([intlLocale(i18n.language)], { type: "language" });

  return (
    <>
      <ConsultationErrorSummary errors={errors} formError={failure?.formError} zone={city.timeZone} />
      <Form method="post" noValidate onSubmit={onSubmit} aria-label={mode === "new" ? t("consultations:form.newLabel") : t("consultations:form.editLabel")}>
        <TextInputField
          multiline={false}
          form={form}
          name="title"
          dir="auto"
          autoComplete="off"
          maxLength={TITLE_MAX * 2}
          label={t("consultations:fields.title")}
          hint={t("consultations:hints.title")}
          error={errors.title}
          required
        />
        <TextInputField
          multiline={false}
          form={form}
          name="question"
          dir="auto"
          autoComplete="off"
          maxLength={QUESTION_MAX * 2}
          label={t("consultations:fields.question")}
          hint={t("consultations:hints.question")}
          error={errors.question}
          required
        />
        <TextInputField
          form={form}
          name="summary"
          dir="auto"
          rows={3}
          maxLength={SUMMARY_MAX * 2}
          label={t("consultations:fields.summary")}
          hint={t("consultations:hints.summary")}
          error={errors.summary}
          required
        />
        <TextInputField
          form={form}
          name="body"
          dir="auto"
          rows={10}
          maxLength={BODY_MAX * 2}
          label={t("consultations:fields.body")}
          hint={t("consultations:hints.body")}
          error={errors.body}
        />
        <SelectField form={form} name="category" label={t("consultations:fields.category")} error={errors.category}>
          <option value="">{t("consultations:form.noCategory")}</option>
          {CATEGORY_SLUGS.map((slug) => (
            <option key={slug} value={slug}>
              {t(`categories:${slug}`)}
            </option>
          ))}
        </SelectField>
        <SelectField form={form} name="language" label={t("consultations:fields.language")} hint={t("consultations:hints.language")} error={errors.language} required>
          {IDEA_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName.of(code) ?? code}
            </option>
          ))}
        </SelectField>
        <TextField
          form={form}
          name="supportLimit"
          inputMode="numeric"
          autoComplete="off"
          className="max-w-xs"
          label={t("consultations:fields.supportLimit")}
          hint={t("consultations:hints.supportLimit", { max: SUPPORT_LIMIT_MAX })}
          error={errors.supportLimit}
        />

        <fieldset className="mb-6">
          <legend className="mb-1 text-xl font-semibold">{t("consultations:form.phasesLegend")}</legend>
          <p id="phases-hint" className="field-hint mb-4 mt-0">
            {t("consultations:hints.phases", { city: city.name, zone: city.timeZone })}
          </p>
          {PHASE_FIELDS.map(({ kind, start, end }) => (
            <fieldset key={kind} className="mb-4 rounded-md border border-slate-300 p-4">
              <legend className="px-1 font-semibold">{t(`consultations:phase.${kind}`)}</legend>
              <p id={`phase-${kind}-hint`} className="field-hint mb-2 mt-0">
                {t(`consultations:phaseAllows.${kind}`)}
              </p>
              <div className="flex flex-wrap gap-x-4">
                <DateTimeField
                  name={start}
                  label={t("consultations:form.startsAt", { phase: t(`consultations:phase.${kind}`) })}
                  error={errors[start]}
                  form={form}
                  zone={city.timeZone}
                  describedBy={`phases-hint phase-${kind}-hint`}
                />
                <DateTimeField
                  name={end}
                  label={t("consultations:form.endsAt", { phase: t(`consultations:phase.${kind}`) })}
                  error={errors[end]}
                  form={form}
                  zone={city.timeZone}
                  describedBy={`phases-hint phase-${kind}-hint`}
                />
              </div>
            </fieldset>
          ))}
        </fieldset>

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{submitLabel}</SubmitButton>
          <Link to={cancelHref} className="btn-secondary">
            {t("consultations:form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
