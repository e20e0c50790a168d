/**
 * Interface languages. A language is listed here once every namespace is translated
 * (the completeness test in app/i18n/resources.test.ts enforces it).
 * `label` is the language's own name, shown in the switcher whatever the page language.
 */
export const languages = [
  { code: "en", label: "English" },
  { code: "ro", label: "Română" },
  { code: "it", label: "Italiano" },
  { code: "es", label: "Español" },
  { code: "fi", label: "Suomi" },
  { code: "fr", label: "Français" },
  { code: "lv", label: "Latviešu" },
  { code: "pt", label: "Português" },
] as const;

export type Locale = (typeof languages)[number]["code"];

export const supportedLocales: readonly Locale[] = languages.map((language) => language.code);
export const fallbackLocale: Locale = "en";
export const namespaces = [
  "common",
  "auth",
  "account",
  "cities",
  "legal",
  "validation",
  "email",
  "errors",
  "categories",
  "ideas",
  "ideaForm",
  "browse",
  "ideaPage",
  "comments",
  "participation",
  "organizations",
  "consultations",
  "officials",
  "moderation",
  "notifications",
  "administration",
  "pilots",
  "services",
  "network",
] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace: Namespace = "common";

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** "ro-RO" → "ro" when supported. */
export function toSupportedLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const base = value.toLowerCase().split(/[-_]/)[0];
  return isSupportedLocale(base) ? base : null;
}
