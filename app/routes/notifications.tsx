import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/modules/accounts/session.server";
import { describeNotification } from "~/modules/notifications/messages.server";
import { MarkReadSchema, NOTIFICATION_ID } from "~/modules/notifications/notifications.schema";
import { countUnread, listNotifications, markAllRead, markRead } from "~/modules/notifications/queries.server";
import { detectLocale, getT } from "~/i18n/i18n.server";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import { parseForm } from "~/utils/forms";
import type { RouteHandle } from "~/utils/route-handle";
import { intlLocale } from "~/i18n/options";

export const handle: RouteHandle = {
  title: (t) => t("notifications:page.title"),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  // An edited cursor that is no notification id starts from the newest (never reaches the query).
  const cursor = url.searchParams.get("before");
  const before = cursor && NOTIFICATION_ID.test(cursor) ? cursor : null;
  const [{ items, nextBefore }, unread] = await Promise.all([listNotifications(user.id, before), countUnread(user.id)]);
  // Rendered on the server in the page language (titles are built from stored data).
  const locale = await detectLocale(request, { userLocale: user.locale });
  const t = await getT(locale, ["notifications", "ideas", "consultations", "moderation"]);
  return {
    unread,
    nextBefore,
    paged: Boolean(before),
    items: items.map((item) => ({
      id: item.id,
      read: item.readAt !== null,
      createdAt: item.createdAt.toISOString(),
      timeZone: item.city?.timeZone ?? "UTC",
      ...describeNotification(t, item),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  switch (formData.get("intent")) {
    case "mark-read": {
      const parsed = parseForm(MarkReadSchema, formData);
      if (parsed.ok) await markRead(user.id, parsed.data.id);
      return redirectWithFlash(request, "/notifications", {
        kind: "success",
        key: "notifications:flash.markedRead",
      });
    }
    case "mark-all-read":
      await markAllRead(user.id);
      return redirectWithFlash(request, "/notifications", {
        kind: "success",
        key: "notifications:flash.allRead",
      });
    default:
      return data({ error: "Unknown intent" }, { status: 400 });
  }
}

function useDayLabel() {
  const { t, i18n } = useTranslation();
  return (iso: string, timeZone: string) => {
    const format = (date: Date) =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(date);
    const day = format(new Date(iso));
    const now = Date.now();
    if (day === format(new Date(now))) return t("notifications:page.today");
    if (day === format(new Date(now - 86_400_000))) return t("notifications:page.yesterday");
    return new Intl.DateTimeFormat(intlLocale(i18n.language), {
      timeZone,
      dateStyle: "full",
    }).format(new Date(iso));
  };
}

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { items, unread, nextBefore, paged } = useLoaderData<typeof loader>();
  const dayLabel = useDayLabel();
  const groups: { label: string; items: typeof items }[] = [];
  for (const item of items) {
    const label = dayLabel(item.createdAt, item.timeZone);
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }
  const time = (iso: string, timeZone: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      timeZone,
      timeStyle: "short",
    }).format(new Date(iso));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-1">{t("notifications:page.title")}</h1>
          <p className="text-slate-700">{t("notifications:page.intro")}</p>
          <p className="font-medium">{t("notifications:page.unreadCount", { count: unread })}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link to="/account/notifications">{t("notifications:page.preferences")}</Link>
          {unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="mark-all-read" />
              <button type="submit" className="btn-secondary">
                {t("notifications:page.markAllRead")}
              </button>
            </Form>
          ) : null}
        </div>
      </header>

      {items.length === 0 ? <p>{t("notifications:page.empty")}</p> : null}

      {groups.map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h2 className="mb-2 text-lg">{group.label}</h2>
          <ul className="flex flex-col gap-2">
            {group.items.map((item) => (
              <li key={item.id} className={`card flex flex-wrap items-start justify-between gap-3 ${item.read ? "" : "border-l-4 border-l-brand"}`}>
                <div className="min-w-0 flex-1">
                  {item.read ? null : <span className="mr-2 text-sm font-bold">{t("notifications:page.unread")}:</span>}
                  <Link to={item.path} className={item.read ? "" : "font-semibold"}>
                    {item.title}
                  </Link>
                  {item.detail ? <p className="mt-1 text-sm text-slate-700">{item.detail}</p> : null}
                  <p className="mt-1 text-sm text-slate-700">
                    <time dateTime={item.createdAt}>{time(item.createdAt, item.timeZone)}</time>
                  </p>
                </div>
                {item.read ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="mark-read" />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="btn-secondary">
                      {t("notifications:page.markRead")}
                      <span className="sr-only">: {item.title}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <nav aria-label={t("notifications:page.title")} className="flex gap-4">
        {paged ? <Link to="/notifications">{t("notifications:page.newest")}</Link> : null}
        {nextBefore ? <Link to={`/notifications?${new URLSearchParams({ before: nextBefore })}`}>{t("notifications:page.older")}</Link> : null}
      </nav>
    </div>
  );
}
