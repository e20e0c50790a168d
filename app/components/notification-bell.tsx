import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The header's link to the notifications page with the unread count (plain link: works without JavaScript). */
export function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const label = unread > 0 ? t("notifications:bell.labelUnread", { count: unread }) : t("notifications:bell.label");
  return (
    <Link
      to="/notifications"
      aria-label={label}
      className="relative flex min-h-[44px] min-w-[44px] items-center justify-center gap-1 rounded px-2 font-medium text-slate-900 no-underline hover:bg-slate-100"
    >
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      <span className="sr-only md:not-sr-only">{t("notifications:bell.label")}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="rounded-full bg-red-700 px-1.5 text-xs font-bold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
