import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";

/** A labelled textarea with hint and error, ids matching the error summary's links (#field-<name>). */
export function PilotTextArea({
  name,
  label,
  hint,
  error,
  ...textarea
}: { name: string; label: string; hint?: string; error?: string } & Omit<ComponentProps<"textarea">, "name" | "id">) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-5">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint mb-1 mt-0">
          {hint}
        </p>
      ) : null}
      <textarea id={id} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
