import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/modules/accounts/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function AccountLayout() {
  const { t } = useTranslation();
  const links = [
    { to: "/account", label: t("account:nav.profile"), end: true },
    { to: "/account/password", label: t("account:nav.password"), end: false },
    { to: "/account/sessions", label: t("account:nav.sessions"), end: false },
    { to: "/account/organizations", label: t("organizations:accountNav"), end: false },
    { to: "/account/notifications", label: t("notifications:preferences.title"), end: false },
  ];
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <nav aria-label={t("account:nav.label")} className="md:w-48 md:shrink-0">
        <ul className="flex flex-wrap gap-2 md:flex-col">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                end={link.end}
                className="block rounded px-3 py-2 no-underline hover:bg-slate-100 aria-[current=page]:bg-brand-light aria-[current=page]:font-semibold"
              >
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
