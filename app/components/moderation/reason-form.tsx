import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** What a refused moderation form returns (400): which form on the page, its errors and what was typed. */
export type ModerationFormFailure = {
  ok: false;
  form: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

export function isModerationFailure(value: unknown): value is ModerationFormFailure {
  return typeof value === "object" && value !== null && "form" in value && "fieldErrors" in value;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span className="sr-only">{t("validation:errorPrefix")} </span>
      {t(error)}
    </p>
  );
}

/**
 * A disclosure (native <details>, works without JavaScript) holding one moderation form: an
 * optional reason from a list and a text. Ids are unique per form, so a page may hold many.
 */
export function ReasonForm({
  formKey,
  summary,
  intent,
  hidden,
  reasons,
  reasonLabel,
  textName,
  textLabel,
  textHint,
  maxLength,
  submitLabel,
  danger,
  failure,
  children,
}: {
  formKey: string;
  summary: ReactNode;
  intent: string;
  hidden: Record<string, string>;
  reasons?: { name: string; options: { value: string; label: string }[] };
  reasonLabel?: string;
  textName: string;
  textLabel: string;
  textHint?: string;
  maxLength: number;
  submitLabel: string;
  danger?: boolean;
  failure?: ModerationFormFailure;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const mine = failure?.form === formKey ? failure : undefined;
  const base = `f-${formKey.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const reasonError = reasons ? mine?.fieldErrors[reasons.name] : undefined;
  const textError = mine?.fieldErrors[textName];
  return (
    <details open={Boolean(mine) || undefined} className="mt-2">
      <summary className="inline-flex min-h-[44px] cursor-pointer items-center font-semibold text-brand underline underline-offset-2">
        {summary}
      </summary>
      <Form method="post" className="mt-2 rounded-md border border-slate-300 bg-slate-50 p-3">
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        {reasons ? (
          <div className="mb-4">
            <label htmlFor={`${base}-reason`} className="mb-1 block font-semibold">
              {reasonLabel}
            </label>
            <select
              id={`${base}-reason`}
              name={reasons.name}
              className="field-input"
              defaultValue={mine?.values[reasons.name] ?? ""}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${base}-reason-error` : undefined}
            >
              <option value="">{t("moderation:form.choose")}</option>
              {reasons.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <FieldError id={`${base}-reason-error`} error={reasonError} />
          </div>
        ) : null}
        <div className="mb-4">
          <label htmlFor={`${base}-text`} className="mb-1 block font-semibold">
            {textLabel}
          </label>
          {textHint ? (
            <p id={`${base}-text-hint`} className="field-hint mb-1 mt-0">
              {textHint}
            </p>
          ) : null}
          <textarea
            id={`${base}-text`}
            name={textName}
            rows={3}
            maxLength={maxLength}
            defaultValue={mine?.values[textName] ?? ""}
            className="field-input"
            aria-invalid={textError ? true : undefined}
            aria-describedby={
              [textHint ? `${base}-text-hint` : null, textError ? `${base}-text-error` : null].filter(Boolean).join(" ") || undefined
            }
          />
          <FieldError id={`${base}-text-error`} error={textError} />
        </div>
        <button type="submit" className={danger ? "btn-danger" : "btn-primary"}>
          {submitLabel}
        </button>
      </Form>
    </details>
  );
}
