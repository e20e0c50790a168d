import type { z } from "zod";

/** What an action returns when the input was refused: i18n keys per field, and what the user typed. */
export type FormFailure = {
  ok: false;
  fieldErrors: Record<string, string>;
  formError?: string;
  values: Record<string, string>;
};

// "namespace:some.key" — anything else (zod's own English messages, some of which contain
// a colon too) is not a translation key.
const I18N_KEY = /^[a-z][A-Za-z0-9_-]*:[A-Za-z0-9_.-]+$/;

/** Field name → first error key, from a zod error. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= I18N_KEY.test(issue.message) ? issue.message : "validation:invalid";
  }
  return errors;
}

/**
 * Plain-string view of a submitted form for echoing back, minus secrets. Files and
 * repeated fields are ignored; values are capped so a huge post is not reflected whole.
 */
export function echoValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string" || omit.includes(key) || key in values) continue;
    values[key] = value.slice(0, 10_000);
  }
  return values;
}

/** Object of the first string value of each field (files ignored), for zod. */
export function formObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in object)) object[key] = value;
  }
  return object;
}

export const SECRET_FIELDS = ["password", "currentPassword", "newPassword"] as const;

export function parseForm<T extends z.ZodTypeAny>(
  schema: T,
  formData: FormData,
): { ok: true; data: z.infer<T> } | FormFailure {
  const result = schema.safeParse(formObject(formData));
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: fieldErrorsFrom(result.error), values: echoValues(formData, SECRET_FIELDS) };
}
