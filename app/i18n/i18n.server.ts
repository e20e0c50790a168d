import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { getEnv } from "~/utils/env.server";
import { defaultNamespace, fallbackLocale, supportedLocales, toSupportedLocale, type Locale, type Namespace } from "./config";
import { applyRegionalPluralRules, i18nInitOptions } from "./options";
import { resources } from "./resources";

export const localeCookie = createCookie("civicloop_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  get secure() {
    return getEnv().secureCookies;
  },
});

/**
 * The page language: the signed-in user's choice, then the language cookie, then the
 * browser's Accept-Language, then the city's default language, then English.
 */
export async function detectLocale(
  request: Request,
  { userLocale, cityLocale }: { userLocale?: string | null; cityLocale?: string | null },
): Promise<Locale> {
  const fromUser = toSupportedLocale(userLocale);
  if (fromUser) return fromUser;
  const detector = new RemixI18Next({
    detection: {
      supportedLanguages: [...supportedLocales],
      fallbackLanguage: toSupportedLocale(cityLocale) ?? fallbackLocale,
      cookie: localeCookie,
      order: ["cookie", "header"],
    },
  });
  return toSupportedLocale(await detector.getLocale(request)) ?? fallbackLocale;
}

const instances = new Map<Locale, Promise<I18n>>();

function instanceFor(locale: Locale): Promise<I18n> {
  let pending = instances.get(locale);
  if (!pending) {
    const instance = createInstance();
    pending = instance.init(i18nInitOptions(locale, resources)).then(() => applyRegionalPluralRules(instance));
    instances.set(locale, pending);
  }
  return pending;
}

/** A translation function for server-side text (emails, meta titles, CSV headers). */
export async function getT(locale: Locale, ns: Namespace | Namespace[] = defaultNamespace): Promise<TFunction> {
  const instance = await instanceFor(locale);
  return instance.getFixedT(locale, ns);
}

/** A fresh i18next instance for one server render (react-i18next binds to it). */
export async function createRenderInstance(locale: Locale): Promise<I18n> {
  const instance = createInstance();
  await instance.init(i18nInitOptions(locale, resources));
  return applyRegionalPluralRules(instance);
}

/** The language of the person making this request (for emails and server-side text). */
export async function requestLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  return detectLocale(request, { userLocale });
}
