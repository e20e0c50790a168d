import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useId, useMemo, useRef, type ComponentProps, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { SECRET_FIELDS, type FormFailure } from "~/utils/forms";

type ActionResult = FormFailure | { ok: true } | undefined;

/**
 * A Remix <Form> validated in the browser with the same zod schema the server uses.
 * Without JavaScript the form posts natively and the server's errors render instead.
 */
export function useValidatedForm<S extends z.ZodTypeAny>(schema: S, defaults: Record<string, string> = {}) {
  const actionData = useActionData<ActionResult>();
  const failure = actionData && actionData.ok === false ? actionData : undefined;
  const values = { ...defaults, ...(failure?.values ?? {}) };
  // Errors computed by the server (e.g. "email already registered") show up too. Memoised:
  // react-hook-form applies `errors` (and focuses the field) whenever the object changes,
  // so a new object on every render would re-render forever and keep stealing focus.
  const serverErrors = useMemo(
    () =>
      failure
        ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([name, message]) => [name, { type: "server", message }]))
        : undefined,
    [failure],
  );
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema),
    defaultValues: values,
    mode: "onSubmit",
    reValidateMode: "onChange",
    errors: serverErrors,
  });
  // After a refused submission the server never echoes secrets back, so a form that
  // stayed mounted (client-side navigation) must clear them too, like a fresh page would.
  useEffect(() => {
    if (!failure) return;
    for (const name of SECRET_FIELDS) {
      if (form.getValues(name) !== undefined) form.setValue(name, "");
    }
  }, [failure, form]);
  // Text typed before the page became interactive (a slow phone, a slow network) must
  // survive hydration: react-hook-form writes its default value into a field when it
  // registers it, so the typed value is put back (and into the form state).
  const { register, setValue } = form;
  const keepTyped = useCallback<typeof register>(
    (name, options) => {
      const registration = register(name, options);
      return {
        ...registration,
        ref: (element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
          const typed =
            element && !["radio", "checkbox", "hidden", "password"].includes((element as HTMLInputElement).type ?? "") ? element.value : undefined;
          registration.ref(element);
          if (element && typed !== undefined && element.value !== typed) {
            element.value = typed;
            setValue(name, typed as never);
          }
        },
      };
    },
    [register, setValue],
  );
  const submit = useSubmit();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.handleSubmit(() => submit(submitter ?? target, submitter ? { method: target.method as "post" } : undefined))(event);
  };
  return { form: { ...form, register: keepTyped } as UseFormReturn<FieldValues>, failure, onSubmit };
}

/** The value to render on the server (react-hook-form only fills inputs after hydration). */
function initialValue(form: UseFormReturn<FieldValues> | undefined, name: string): string | undefined {
  const value = form?.formState.defaultValues?.[name];
  return typeof value === "string" ? value : undefined;
}

export function fieldError(form: UseFormReturn<FieldValues>, name: string): string | undefined {
  const message = form.formState.errors[name]?.message;
  return typeof message === "string" ? message : undefined;
}

/**
 * Lists the errors at the top of the form and takes focus, so screen-reader users hear
 * them. Field errors are i18n keys; `formError` is already-translated text.
 */
export function ErrorSummary({ errors, formError }: { errors: Record<string, string | undefined>; formError?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const signature = entries.map(([name, message]) => `${name}:${message}`).join("|") + (formError ?? "");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!formError && entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 rounded-md border-2 border-red-700 bg-red-50 p-4">
      <h2 id="error-summary-title" className="m-0 text-lg font-semibold text-red-900">
        {t("validation:summaryTitle")}
      </h2>
      {formError ? <p className="mt-2 text-red-900">{formError}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {entries.map(([name, message]) => (
            <li key={name}>
              <a href={`#field-${name}`} className="text-red-900">
                {t(message)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  form?: UseFormReturn<FieldValues>;
} & Omit<ComponentProps<"input">, "name" | "id" | "form">;

export function TextField({ name, label, hint, error, form, className, ...input }: FieldProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const registered = form ? form.register(name as Path<FieldValues>) : { name };
  return (
    <div className={`mb-5 ${className ?? ""}`}>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint mb-1 mt-0">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        defaultValue={input.type === "password" ? undefined : initialValue(form, name)}
        {...input}
        {...registered}
      />
      {error ? (
        <p id={errorId} className="field-error">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  form,
  children,
  ...select
}: { name: string; label: ReactNode; hint?: ReactNode; error?: string; form?: UseFormReturn<FieldValues>; children: ReactNode } & Omit<
  ComponentProps<"select">,
  "name" | "id" | "form"
>) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const registered = form ? form.register(name as Path<FieldValues>) : { name };
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
      <select
        id={id}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        defaultValue={initialValue(form, name)}
        {...select}
        {...registered}
      >
        {children}
      </select>
      {error ? (
        <p id={errorId} className="field-error">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup({
  name,
  legend,
  options,
  error,
  form,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  error?: string;
  form?: UseFormReturn<FieldValues>;
  defaultValue?: string;
}) {
  const { t } = useTranslation();
  const groupId = useId();
  const errorId = error ? `field-${name}-error` : undefined;
  return (
    <fieldset className="mb-5" aria-describedby={errorId} id={`field-${name}`} tabIndex={-1}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {error ? (
        <p id={errorId} className="field-error mb-2 mt-0">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
      <div className="flex flex-col gap-2">
        {options.map((option) => {
          const id = `${groupId}-${option.value}`;
          const registered = form ? form.register(name as Path<FieldValues>) : { name };
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={id}
                value={option.value}
                defaultChecked={(initialValue(form, name) ?? defaultValue) === option.value}
                className="mt-1 h-5 w-5"
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                {...registered}
              />
              <label htmlFor={id}>
                <span className="font-medium">{option.label}</span>
                {option.hint ? (
                  <span id={`${id}-hint`} className="block text-sm text-slate-700">
                    {option.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField({
  name,
  label,
  error,
  form,
}: {
  name: string;
  label: ReactNode;
  error?: string;
  form?: UseFormReturn<FieldValues>;
}) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  const registered = form ? form.register(name as Path<FieldValues>) : { name };
  return (
    <div className="mb-6">
      {error ? (
        <p id={errorId} className="field-error mb-2 mt-0">
          <span className="sr-only">{t("validation:errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          value="on"
          className="mt-1 h-5 w-5"
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          defaultChecked={initialValue(form, name) === "on"}
          {...registered}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}

export function SubmitButton({ children, className = "btn-primary", ...props }: ComponentProps<"button">) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" className={className} aria-disabled={busy || undefined} {...props}>
      {children}
    </button>
  );
}

export { Form };
