import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FlashMessage } from "~/components/flash-message";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { loadLocale } from "~/i18n/client";
import { fallbackLocale, toSupportedLocale } from "~/i18n/config";
import { detectLocale } from "~/i18n/i18n.server";
import { findCityById, listCities } from "~/modules/cities/cities.server";
import { getAuth } from "~/modules/accounts/session.server";
import { countUnread } from "~/modules/notifications/queries.server";
import { takeFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/route-handle";
import { useNonce } from "~/utils/nonce";
import { useRootData } from "~/utils/root-data";
import styles from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The live Markdown preview posts on every pause in typing; it changes no data.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/markdown-preview" ? false : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const cities = await listCities();
  const currentCity = params.city ? (cities.find((city) => city.slug === params.city) ?? null) : null;
  const homeCity = await findCityById(auth.user?.homeCityId);
  const locale = await detectLocale(request, {
    userLocale: auth.user?.locale,
    cityLocale: (currentCity ?? homeCity)?.defaultLocale,
  });
  const roles = auth.roles;
  const unreadNotifications = auth.user ? await countUnread(auth.user.id) : 0;
  const { flash, setCookie: flashCookie } = await takeFlash(request);

  const headers = new Headers();
  if (auth.setCookie) headers.append("Set-Cookie", auth.setCookie);
  if (flashCookie) headers.append("Set-Cookie", flashCookie);
  return data(
    {
      locale,
      user: auth.user
        ? {
            id: auth.user.id,
            displayName: auth.user.displayName,
            verified: auth.user.emailVerifiedAt !== null,
            staffCities: [
              ...new Set(
                roles
                  .filter((role) => role.cityId)
                  .map((role) => cities.find((city) => city.id === role.cityId)?.slug)
                  .filter((slug): slug is string => Boolean(slug)),
              ),
            ],
            // Cities whose administration pages the user may open (header menu links).
            adminCities: roles
              .filter((role) => role.role === "CITY_ADMIN")
              .map((role) => cities.find((city) => city.id === role.cityId)?.slug)
              .filter((slug): slug is string => Boolean(slug)),
            networkAdmin: roles.some((role) => role.role === "NETWORK_ADMIN"),
            unreadNotifications,
          }
        : null,
      cities: cities.map(({ slug, name, countryCode }) => ({ slug, name, countryCode })),
      currentCity: currentCity ? { slug: currentCity.slug, name: currentCity.name } : null,
      flash,
    },
    { headers },
  );
}

function usePageTitle(): string {
  const { t } = useTranslation();
  const matches = useMatches();
  const site = t("common:siteName");
  for (let index = matches.length - 1; index >= 0; index--) {
    const match = matches[index];
    const handle = match.handle as RouteHandle | undefined;
    if (handle?.title) {
      const title = handle.title(t, match.data);
      if (title) return `${title} – ${site}`;
    }
  }
  return site;
}

// Keeps the browser's i18next in step when the page language changes without a
// full reload (e.g. after logging in as a user with another language).
function useSyncLanguage(locale: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    const target = toSupportedLocale(locale) ?? fallbackLocale;
    if (i18n.language === target) return;
    let cancelled = false;
    loadLocale[target]().then(({ default: bundle }) => {
      if (cancelled) return;
      for (const [ns, resources] of Object.entries(bundle)) {
        i18n.addResourceBundle(target, ns, resources, true, true);
      }
      i18n.changeLanguage(target);
    });
    return () => {
      cancelled = true;
    };
  }, [locale, i18n]);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const nonce = useNonce();
  const { t } = useTranslation();
  const locale = root?.locale ?? fallbackLocale;
  useSyncLanguage(locale);
  useEffect(() => {
    // Marks the moment the page became interactive (used by the end-to-end tests).
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const title = usePageTitle();

  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col bg-white text-slate-900">
        <a href="#main-content" className="skip-link">
          {t("common:skipToContent")}
        </a>
        <SiteHeader />
        <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
          {root?.flash ? <FlashMessage flash={root.flash} /> : null}
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
