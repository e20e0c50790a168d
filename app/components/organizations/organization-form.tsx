import { Link, useActionData } from "@remix-run/react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, RadioGroup, SelectField, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { TextInputField } from "~/components/ideas/idea-form-fields";
import type { OrganizationFormFailure } from "~/modules/organizations/organization-form.server";
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  NAME_MAX,
  NAME_MIN,
  OrganizationSchema,
  SECTORS,
  SIZES,
  SKILL_MAX,
  SKILLS_MAX,
} from "~/modules/organizations/organizations.schema";

export type OrganizationFormValues = {
  name: string;
  skills: string;
  website: string;
  city: string;
  description: string;
  size: string;
  contactEmail: string;
  contactPhone: string;
};

/**
 * The sectors as a group of checkboxes. Ticked boxes come from the form's default values
 * (an array), so react-hook-form and the server-rendered page (defaultChecked) agree.
 */
function SectorCheckboxes({ form, checked, error }: { form: UseFormReturn<FieldValues>; checked: string[]; error?: string }) {
  const { t } = useTranslation();
  const errorId = error ? "field-sectors-error" : undefined;
  return (
    <fieldset className="mb-5" id="field-sectors" tabIndex={-1} aria-describedby={["field-sectors-hint", errorId].filter(Boolean).join(" ")}>
      <legend className="mb-1 font-semibold">{t("organizations:form.sectors")}</legend>
      <p id="field-sectors-hint" className="field-hint mb-2 mt-0">
        {t("organizations:form.sectorsHint")}
      </p>
      {error ? (
        <p id={errorId} className="field-error mb-2 mt-0">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
      <ul className="m-0 grid list-none gap-x-4 gap-y-1 p-0 sm:grid-cols-2">
        {SECTORS.map((sector) => (
          <li key={sector} className="flex min-h-[44px] items-center gap-2">
            <input
              type="checkbox"
              id={`sector-${sector}`}
              value={sector}
              defaultChecked={checked.includes(sector)}
              className="h-5 w-5"
              {...form.register("sectors")}
            />
            <label htmlFor={`sector-${sector}`}>{t(`organizations:sector.${sector}`)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The organization profile form (create and edit). Works without JavaScript; the server re-validates. */
export function OrganizationForm({
  defaults,
  sectors,
  cities,
  submitLabel,
  cancelHref,
}: {
  defaults: OrganizationFormValues;
  sectors: string[];
  cities: { slug: string; name: string }[];
  submitLabel: string;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<OrganizationFormFailure | { ok: true } | undefined>();
  const checked = actionData && actionData.ok === false && Array.isArray(actionData.sectors) ? actionData.sectors : sectors;
  // The sectors default is an array (the checkbox group's value); the helper types defaults as strings.
  const { form, failure, onSubmit } = useValidatedForm(OrganizationSchema, { ...defaults, sectors: checked } as unknown as Record<string, string>);
  const errors = {
    name: fieldError(form, "name"),
    sectors: fieldError(form, "sectors"),
    skills: fieldError(form, "skills"),
    website: fieldError(form, "website"),
    city: fieldError(form, "city"),
    description: fieldError(form, "description"),
    size: fieldError(form, "size"),
    contactEmail: fieldError(form, "contactEmail"),
    contactPhone: fieldError(form, "contactPhone"),
  };
  return (
    <>
      <ErrorSummary errors={errors} formError={failure?.formError ? t(failure.formError) : undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField
          form={form}
          name="name"
          autoComplete="organization"
          label={t("organizations:form.name")}
          hint={t("organizations:form.nameHint", { min: NAME_MIN, max: NAME_MAX })}
          error={errors.name}
          required
        />
        <SectorCheckboxes form={form} checked={checked} error={errors.sectors} />
        <TextField
          form={form}
          name="skills"
          label={t("organizations:form.skills")}
          hint={t("organizations:form.skillsHint", { max: SKILLS_MAX, length: SKILL_MAX })}
          error={errors.skills}
        />
        <TextField
          form={form}
          name="website"
          type="url"
          autoComplete="url"
          label={t("organizations:form.website")}
          hint={t("organizations:form.websiteHint")}
          error={errors.website}
        />
        <SelectField form={form} name="city" label={t("organizations:form.city")} hint={t("organizations:form.cityHint")} error={errors.city} required>
          <option value="">{t("organizations:form.chooseCity")}</option>
          {cities.map((city) => (
            <option key={city.slug} value={city.slug}>
              {city.name}
            </option>
          ))}
        </SelectField>
        <TextInputField
          form={form}
          name="description"
          rows={6}
          label={t("organizations:form.description")}
          hint={t("organizations:form.descriptionHint", { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX })}
          error={errors.description}
          required
        />
        <RadioGroup
          form={form}
          name="size"
          legend={t("organizations:form.size")}
          error={errors.size}
          options={SIZES.map((size) => ({ value: size, label: t(`organizations:size.${size}`) }))}
        />
        <fieldset className="mb-6 rounded-md border border-slate-300 p-4">
          <legend className="px-1 font-semibold">{t("organizations:form.contact")}</legend>
          <p className="field-hint mb-4 mt-0">{t("organizations:form.contactHint")}</p>
          <TextField
            form={form}
            name="contactEmail"
            type="email"
            autoComplete="email"
            label={t("organizations:form.contactEmail")}
            error={errors.contactEmail}
          />
          <TextField
            form={form}
            name="contactPhone"
            type="tel"
            autoComplete="tel"
            label={t("organizations:form.contactPhone")}
            hint={t("organizations:form.contactPhoneHint")}
            error={errors.contactPhone}
          />
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{submitLabel}</SubmitButton>
          <Link to={cancelHref} className="flex min-h-[44px] items-center">
            {t("organizations:form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
