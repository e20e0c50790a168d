import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CheckboxField, SelectField } from "~/components/forms";
import { CharacterCount, TextInputField } from "~/components/ideas/idea-form-fields";
import { JoinPartnerSchema, PARTNER_FORM_ID, STATEMENT_MAX } from "~/modules/consultations/participation.schema";

const resolver = zodResolver(JoinPartnerSchema) as unknown as Resolver<FieldValues>;

type Failure = { ok: false; form: string; fieldErrors: Record<string, string>; values: Record<string, string> };

function isOwnFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && (value as { form?: unknown }).form === PARTNER_FORM_ID;
}

export type PartnerOrganization = { id: string; name: string; hasContactDetails: boolean; taken: boolean };

/**
 * "Join as a solution partner": organization, statement and the explicit consent to share
 * the organization's contact data with the city (unticked by default). A real form posting
 * to the consultation page; the same zod schema checks it in the browser first, and a
 * refusal from the server (400) comes back with the typed values kept.
 */
export function JoinPartnerForm({
  organizations,
  cityName,
  upgrade,
}: {
  organizations: PartnerOrganization[];
  cityName: string;
  /** The viewer already participates and now offers an organization. */
  upgrade: boolean;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<unknown>();
  const failure = isOwnFailure(actionData) ? actionData : undefined;
  const available = organizations.filter((organization) => !organization.taken);
  const defaults = {
    organizationId: failure?.values.organizationId ?? (available.length === 1 ? available[0].id : ""),
    statement: failure?.values.statement ?? "",
    shareContact: failure?.values.shareContact === "on" ? "on" : "",
  };
  // Memoised: react-hook-form re-applies (and focuses) `errors` whenever the object changes.
  const serverErrors = useMemo(
    () =>
      failure
        ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([name, message]) => [name, { type: "server", message }]))
        : undefined,
    [failure],
  );
  const form = useForm<FieldValues>({ resolver, defaultValues: defaults, errors: serverErrors, mode: "onSubmit", reValidateMode: "onChange" });
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "join-partner";
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    form.handleSubmit(() => submit(target, { method: "post", preventScrollReset: true }))(event);
  };

  const statement = form.watch("statement");
  const used = typeof statement === "string" ? Array.from(statement.trim()).length : defaults.statement.length;
  const selectedId = form.watch("organizationId") ?? defaults.organizationId;
  const selected = organizations.find((organization) => organization.id === selectedId);
  const errorOf = (name: string) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === "string" ? message : undefined;
  };
  const headingId = `${PARTNER_FORM_ID}-heading`;

  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-slate-300 pt-4">
      <h3 id={headingId} className="mb-2 mt-0 text-lg font-semibold">
        {upgrade ? t("participation:panel.partnerForm.upgradeHeading") : t("participation:panel.partnerForm.heading")}
      </h3>
      {available.length === 0 ? (
        <p className="m-0">{t("participation:panel.partnerForm.allTaken")}</p>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit} id={PARTNER_FORM_ID} preventScrollReset>
          <input type="hidden" name="intent" value="join-partner" />
          <p className="mb-4 mt-0">{t("participation:panel.partnerForm.intro")}</p>
          <SelectField name="organizationId" label={t("participation:panel.partnerForm.organization")} error={errorOf("organizationId")} form={form}>
            <option value="">{t("participation:panel.partnerForm.chooseOrganization")}</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id} disabled={organization.taken}>
                {organization.taken ? t("participation:panel.partnerForm.taken", { name: organization.name }) : organization.name}
              </option>
            ))}
          </SelectField>
          <TextInputField
            name="statement"
            label={t("participation:panel.partnerForm.statement")}
            hint={t("participation:panel.partnerForm.statementHint")}
            error={errorOf("statement")}
            form={form}
            rows={6}
            extra={<CharacterCount used={used} max={STATEMENT_MAX} />}
          />
          <CheckboxField
            name="shareContact"
            label={
              <>
                <span className="block font-medium">{t("participation:panel.partnerForm.shareContact", { city: cityName })}</span>
                <span className="block text-sm text-slate-700">{t("participation:panel.partnerForm.shareContactHint")}</span>
                {selected && !selected.hasContactDetails ? (
                  <span className="block text-sm text-slate-700">{t("participation:panel.partnerForm.noContactDetails")}</span>
                ) : null}
              </>
            }
            error={errorOf("shareContact")}
            form={form}
          />
          <button type="submit" className="btn-primary" aria-disabled={busy || undefined}>
            {t("participation:panel.partnerForm.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
