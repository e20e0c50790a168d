import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listUserSessions, revokeOtherSessions, revokeUserSession } from "~/modules/accounts/accounts.server";
import { endAllUserSessions, endSession, getAuth, requireUser } from "~/modules/accounts/session.server";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import { setFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/route-handle";
import { describeUserAgent } from "~/utils/user-agent";
import { intlLocale } from "~/i18n/options";

export const handle: RouteHandle = { title: (t) => t("account:sessions.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { sessionId } = await getAuth(request);
  const sessions = await listUserSessions(user.id);
  return {
    sessions: sessions.map((session) => ({
      id: session.id,
      current: session.id === sessionId,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      ...describeUserAgent(session.userAgent),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { sessionId } = await getAuth(request);
  const formData = await readFormData(request);
  switch (formData.get("intent")) {
    case "revoke": {
      const target = String(formData.get("sessionId") ?? "");
      if (target === sessionId) {
        return redirect("/", { headers: { "Set-Cookie": await endSession(target) } });
      }
      const revoked = await revokeUserSession(user.id, target);
      return redirectWithFlash(request, "/account/sessions", {
        kind: revoked ? "success" : "info",
        key: revoked ? "account:sessions.revoked" : "account:sessions.notFound",
      });
    }
    case "revoke-others": {
      if (sessionId) await revokeOtherSessions(user.id, sessionId);
      return redirectWithFlash(request, "/account/sessions", { kind: "success", key: "account:sessions.othersRevoked" });
    }
    case "revoke-all": {
      await endAllUserSessions(user.id);
      const headers = new Headers();
      headers.append("Set-Cookie", await endSession(sessionId ?? ""));
      headers.append("Set-Cookie", await setFlash(request, { kind: "info", key: "account:sessions.allRevoked" }));
      return redirect("/", { headers });
    }
    default:
      return data({ error: "unknown intent" }, { status: 400 });
  }
}

export default function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { sessions } = useLoaderData<typeof loader>();
  const format = (iso: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <div className="max-w-2xl">
      <h1>{t("account:sessions.title")}</h1>
      <p className="mb-6">{t("account:sessions.intro")}</p>
      <ul className="mb-8 flex flex-col gap-3" aria-label={t("account:sessions.listLabel")}>
        {sessions.map((session) => {
          const device =
            session.browser && session.os
              ? t("account:sessions.device", { browser: session.browser, os: session.os })
              : (session.browser ?? session.os ?? t("account:sessions.unknownDevice"));
          return (
            <li key={session.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-semibold">
                  {device}
                  {session.current ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">{t("account:sessions.current")}</span> : null}
                </p>
                <p className="text-sm text-slate-700">
                  {t("account:sessions.started", { date: format(session.createdAt) })} · {t("account:sessions.lastSeen", { date: format(session.lastSeenAt) })}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="btn-secondary">
                  {session.current ? t("account:sessions.logoutHere") : t("account:sessions.revoke")}
                  <span className="sr-only"> ({device})</span>
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-3">
        {sessions.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke-others" />
            <button type="submit" className="btn-secondary">
              {t("account:sessions.revokeOthers")}
            </button>
          </Form>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="revoke-all" />
          <button type="submit" className="btn-danger">
            {t("account:sessions.revokeAll")}
          </button>
        </Form>
      </div>
    </div>
  );
}
