import type { Resource } from "i18next";
import { fallbackLocale, type Locale } from "./config";

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

/**
 * The bundles the browser needs for a page in `locale`: that language and English, the
 * fallback for any key a translation lacks (as on the server), so a missing key shows
 * English text instead of its name.
 */
export async function loadClientResources(locale: Locale): Promise<Resource> {
  const wanted: Locale[] = locale === fallbackLocale ? [locale] : [locale, fallbackLocale];
  const bundles = await Promise.all(wanted.map(async (code) => [code, (await loadLocale[code]()).default] as const));
  return Object.fromEntries(bundles);
}
