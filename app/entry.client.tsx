import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadClientResources } from "~/i18n/client";
import { fallbackLocale, toSupportedLocale } from "~/i18n/config";
import { applyRegionalPluralRules, i18nInitOptions } from "~/i18n/options";

async function hydrate() {
  // The server rendered in <html lang>; load that language's bundle (and English, the fallback).
  const locale = toSupportedLocale(document.documentElement.lang) ?? fallbackLocale;
  await i18next.use(initReactI18next).init(i18nInitOptions(locale, await loadClientResources(locale)));
  applyRegionalPluralRules(i18next);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
