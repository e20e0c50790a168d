import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "~/components/notification-bell";
import { languages } from "~/i18n/config";
import { useRootData } from "~/utils/root-data";

function Disclosure({ label, children, align = "left" }: { label: React.ReactNode; children: React.ReactNode; align?: "left" | "right" }) {
  const location = useLocation();
  // Re-mounting on navigation closes the menu after a link is followed.
  // On narrow screens the panel spans the header (positioned against it) instead of
  // hanging off its button, which pushed it past the right edge at 320px (WCAG 1.4.10).
  return (
    <details key={location.key} className="group sm:relative">
      <summary className="flex min-h-[44px] cursor-pointer list-none items-center gap-1 rounded px-2 font-medium text-slate-900 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        {label}
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div
        className={`absolute inset-x-4 z-40 mt-1 rounded-md border border-slate-300 bg-white p-2 shadow-lg sm:inset-x-auto sm:w-64 ${
          align === "right" ? "sm:right-0" : "sm:left-0"
        }`}
      >
        {children}
      </div>
    </details>
  );
}

function LanguageSwitcher() {
  const { t } = useTranslation();
  const root = useRootData();
  const location = useLocation();
  return (
    // A full document request, so the whole page (and the script bundle) switches language.
    <Form method="post" action="/language" reloadDocument className="flex items-center gap-1">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-select" className="sr-only">
        {t("common:language.label")}
      </label>
      <select
        id="language-select"
        name="locale"
        defaultValue={root?.locale}
        className="min-h-[44px] rounded-md border border-slate-500 bg-white px-2 text-sm"
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-secondary px-3 text-sm">
        {t("common:language.submit")}
      </button>
    </Form>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  const location = useLocation();
  const user = root?.user;
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="relative mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link to="/" className="mr-auto flex min-h-[44px] items-center gap-2 text-lg font-bold text-slate-900 no-underline">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t("common:siteName")}
        </Link>
        <nav aria-label={t("common:nav.main")} className="flex flex-wrap items-center gap-2">
          {[
            { to: "/ideas", label: t("browse:nav.ideas") },
            { to: "/consultations", label: t("consultations:nav.consultations") },
            { to: "/network", label: t("network:title") },
            { to: "/organizations", label: t("common:nav.organizations") },
          ].map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end
              className="flex min-h-[44px] items-center rounded px-2 font-medium text-slate-900 no-underline hover:bg-slate-100 aria-[current=page]:underline"
            >
              {item.label}
            </NavLink>
          ))}
          <Disclosure label={root?.currentCity ? root.currentCity.name : t("common:nav.cities")}>
            <p className="px-2 pb-1 text-sm text-slate-700">{t("common:nav.chooseCity")}</p>
            <ul>
              {root?.cities.map((city) => (
                <li key={city.slug}>
                  <Link
                    to={`/cities/${city.slug}`}
                    aria-current={root.currentCity?.slug === city.slug ? "page" : undefined}
                    className="block rounded px-2 py-2 text-slate-900 no-underline hover:bg-slate-100 aria-[current=page]:font-semibold"
                  >
                    {city.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Disclosure>
          {user ? <NotificationBell unread={user.unreadNotifications} /> : null}
          {user ? (
            <Disclosure label={<span className="max-w-[12rem] truncate">{user.displayName}</span>} align="right">
              <ul>
                <li>
                  <Link to="/account" className="block rounded px-2 py-2 text-slate-900 no-underline hover:bg-slate-100">
                    {t("common:nav.account")}
                  </Link>
                </li>
                <li>
                  <Link to="/account/sessions" className="block rounded px-2 py-2 text-slate-900 no-underline hover:bg-slate-100">
                    {t("common:nav.sessions")}
                  </Link>
                </li>
                {user.staffCities.map((slug) => (
                  <li key={slug}>
                    <Link
                      to={`/cities/${slug}/moderation`}
                      className="block rounded px-2 py-2 text-slate-900 no-underline hover:bg-slate-100"
                    >
                      {t("common:nav.moderation", { city: root?.cities.find((city) => city.slug === slug)?.name ?? slug })}
                    </Link>
                  </li>
                ))}
                {user.adminCities.map((slug) => (
                  <li key={`admin-${slug}`}>
                    <Link to={`/cities/${slug}/admin`} className="block rounded px-2 py-2 text-slate-900 no-underline hover:bg-slate-100">
                      {t("administration:nav.cityAdmin", { city: root?.cities.find((city) => city.slug === slug)?.name ?? slug })}
                    </Link>
                  </li>
                ))}
                {user.networkAdmin ? (
                  <li>
                    <Link to="/network/admin" className="block rounded px-2 py-2 text-slate-900 no-underline hover:bg-slate-100">
                      {t("administration:nav.networkAdmin")}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="w-full rounded px-2 py-2 text-left font-medium text-slate-900 hover:bg-slate-100">
                      {t("common:nav.logout")}
                    </button>
                  </Form>
                </li>
              </ul>
            </Disclosure>
          ) : (
            <>
              <Link
                to={`/login?${new URLSearchParams({ redirectTo: `${location.pathname}${location.search}` })}`}
                className="flex min-h-[44px] items-center px-2 font-medium"
              >
                {t("common:nav.login")}
              </Link>
              <Link to="/register" className="btn-primary">
                {t("common:nav.register")}
              </Link>
            </>
          )}
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
