// The i18next settings shared by the server (app/i18n/i18n.server.ts) and the browser
// (app/entry.client.tsx), so both render the same text: a key missing in one language
// falls back to English on both sides (never the raw key, never a hydration mismatch),
// and each language counts with its own region's plural rules.
import type { i18n as I18n, InitOptions, Resource } from "i18next";
import { defaultNamespace, fallbackLocale, namespaces, supportedLocales, type Locale } from "./config";

/**
 * Where a language of the interface is the variant of one region, the BCP 47 tag of that
 * region for Intl (plural rules, language and country names). Portuguese here is the
 * Portuguese of Portugal (Portalegre): Intl's bare "pt" is Brazilian, which counts 0 as
 * singular ("0 apoio") and spells "Romênia"; pt-PT says "0 apoios" and "Roménia".
 */
const INTL_LOCALES: Partial<Record<Locale, string>> = { pt: "pt-PT" };

/** The tag to give Intl APIs for an interface or content language ("pt" → "pt-PT"). */
export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale as Locale] ?? locale;
}

/** Init options for one page language; `resources` must contain English (the fallback). */
export function i18nInitOptions(locale: Locale, resources: Resource): InitOptions {
  return {
    lng: locale,
    fallbackLng: fallbackLocale,
    supportedLngs: [...supportedLocales],
    resources,
    ns: [...namespaces],
    defaultNS: defaultNamespace,
    // React escapes; HTML emails escape explicitly (see app/modules/mail).
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  };
}

type PluralResolver = { getRule: (code: string, options?: object) => Intl.PluralRules | undefined; clearCache?: () => void };

/**
 * Makes an initialised instance choose plural forms by the regional rules of INTL_LOCALES.
 * i18next builds `new Intl.PluralRules(<language code>)` itself and has no option for
 * another tag, and the resources stay keyed by the interface code ("pt"), so the rule
 * lookup is redirected instead. Idempotent.
 */
export function applyRegionalPluralRules(instance: I18n): I18n {
  const resolver = instance.services.pluralResolver as PluralResolver & { regional?: boolean };
  if (!resolver || resolver.regional) return instance;
  const getRule = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options) => getRule(intlLocale(code), options);
  resolver.regional = true;
  resolver.clearCache?.();
  return instance;
}
