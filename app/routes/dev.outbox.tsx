import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isNetworkAdmin } from "~/modules/accounts/roles.policy";
import { getRoles } from "~/modules/accounts/roles.server";
import { getUser } from "~/modules/accounts/session.server";
import { outboxDir } from "~/modules/mail/transport.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("common:devOutbox.title") };

type StoredEmail = { id: string; to: string; subject: string; text: string; sentAt: string };

/**
 * The development outbox: emails written to <DATA_DIR>/outbox when no SMTP server is
 * configured. Emails hold one-time links, so outside development only a network admin
 * may read them, and with SMTP configured the page does not exist.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const env = getEnv();
  if (env.smtpUrl) notFound();
  if (!env.devOutboxEnabled) {
    const user = await getUser(request);
    if (!user || !isNetworkAdmin(await getRoles(user.id))) notFound();
  }
  const dir = outboxDir();
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith(".json")).sort().reverse().slice(0, 50);
  const emails: StoredEmail[] = [];
  for (const file of files) {
    try {
      const stored = JSON.parse(await readFile(path.join(dir, file), "utf8")) as StoredEmail;
      emails.push({ id: stored.id, to: stored.to, subject: stored.subject, text: stored.text, sentAt: stored.sentAt });
    } catch {
      // A half-written or foreign file is skipped, not fatal.
    }
  }
  return { emails };
}

export default function DevOutbox() {
  const { t } = useTranslation();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("common:devOutbox.title")}</h1>
      <p className="mb-6">{t("common:devOutbox.intro")}</p>
      {emails.length === 0 ? <p>{t("common:devOutbox.empty")}</p> : null}
      <ol className="flex flex-col gap-4">
        {emails.map((email) => (
          <li key={email.id} className="card">
            <h2 className="mt-0 text-lg">{email.subject}</h2>
            <p className="text-sm text-slate-700">
              {t("common:devOutbox.to")} {email.to} · {email.sentAt}
            </p>
            <pre className="mt-3 whitespace-pre-wrap break-words text-sm">{email.text}</pre>
          </li>
        ))}
      </ol>
    </>
  );
}
