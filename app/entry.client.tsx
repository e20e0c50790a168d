import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadLocale } from "~/i18n/client";
import { defaultNamespace, fallbackLocale, namespaces, toSupportedLocale } from "~/i18n/config";

async function hydrate() {
  // The server rendered in <html lang>; load only that language's bundle.
  const locale = toSupportedLocale(document.documentElement.lang) ?? fallbackLocale;
  const bundle = (await loadLocale[locale]()).default;
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: bundle },
    ns: [...namespaces],
    defaultNS: defaultNamespace,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
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
