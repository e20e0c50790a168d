import type { Resource } from "i18next";
import type { Locale } from "./config";

// Literal import() calls so the compiler emits one chunk per language: the browser
// downloads only the language of the page.
export const loadLocale: Record<Locale, () => Promise<{ default: Resource[string] }>> = {
  en: () => import("~/locales/en"),
  ro: () => import("~/locales/ro"),
  it: () => import("~/locales/it"),
  es: () => import("~/locales/es"),
  fi: () => import("~/locales/fi"),
  fr: () => import("~/locales/fr"),
  lv: () => import("~/locales/lv"),
  pt: () => import("~/locales/pt"),
};
