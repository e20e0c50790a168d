import type { ComponentProps, ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

type CommonProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  form?: UseFormReturn<FieldValues>;
  /** Shown under the field and read with it (e.g. a character count). */
  extra?: ReactNode;
};

/**
 * A text field (one line, or several with `multiline`) with label, hint, error and an
 * extra description such as a character count, all tied to the control for screen readers.
 */
export function TextInputField(props: CommonProps & { multiline?: true } & Omit<ComponentProps<"textarea">, "name" | "id" | "form">): JSX.Element;
export function TextInputField(props: CommonProps & { multiline: false } & Omit<ComponentProps<"input">, "name" | "id" | "form">): JSX.Element;
export function TextInputField({
  name,
  label,
  hint,
  error,
  form,
  extra,
  multiline = true,
  ...control
}: CommonProps & { multiline?: boolean } & Record<string, unknown>) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const extraId = extra ? `${id}-extra` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const registered = form ? form.register(name as Path<FieldValues>) : { name };
  const initial = form?.formState.defaultValues?.[name];
  const shared = {
    id,
    className: "field-input",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, extraId, errorId].filter(Boolean).join(" ") || undefined,
    defaultValue: typeof initial === "string" ? initial : undefined,
  };
  return (
    <div className="mb-5">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint mb-1 mt-0">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...shared} {...(control as ComponentProps<"textarea">)} {...registered} />
      ) : (
        <input {...shared} {...(control as ComponentProps<"input">)} {...registered} />
      )}
      {extra ? (
        <div id={extraId} className="field-hint">
          {extra}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** "Characters: 130 of 120", in red when over the limit. */
export function CharacterCount({ used, max }: { used: number; max: number }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  return (
    <span className={used > max ? "font-semibold text-red-800" : undefined}>
      {t("ideaForm:characters", { used: format.format(used), max: format.format(max) })}
    </span>
  );
}
