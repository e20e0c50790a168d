// One-click unsubscribe from an email link, without logging in. GET shows what the link
// does and a confirm button (link scanners that prefetch GETs change nothing); POST applies
// it, from that button or from a mail client's RFC 8058 one-click request.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/utils/db.server";
import { applyUnsubscribe, verifyUnsubscribeToken, type UnsubscribeScope } from "~/modules/notifications/unsubscribe.server";
import { readFormData } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("notifications:unsubscribe.title"),
};

async function check(token: unknown) {
  const result = verifyUnsubscribeToken(token);
  if (!result.ok) return { state: "invalid" as const, error: result.error };
  const user = await db.user.findUnique({
    where: { id: result.userId },
    select: { email: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return { state: "invalid" as const, error: "invalid" as const };
  return {
    state: "valid" as const,
    scope: result.scope as UnsubscribeScope,
    email: user.email,
    userId: result.userId,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const result = await check(token);
  if (result.state === "invalid") return data({ ...result, token: "" }, { status: 400 });
  return {
    state: result.state,
    scope: result.scope,
    email: result.email,
    token: token ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const fromUrl = new URL(request.url).searchParams.get("token");
  const formData = await readFormData(request);
  const token = fromUrl ?? formData.get("token");
  const result = await check(token);
  if (result.state === "invalid") return data({ done: false as const, error: result.error }, { status: 400 });
  await applyUnsubscribe(result.userId, result.scope);
  return { done: true as const, error: null };
}

function confirmKey(scope: UnsubscribeScope) {
  if (scope === "all") return "notifications:unsubscribe.confirmAll";
  if (scope === "daily") return "notifications:unsubscribe.confirmDaily";
  if (scope === "weekly") return "notifications:unsubscribe.confirmWeekly";
  return "notifications:unsubscribe.confirmKind";
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const error = posted && !posted.done ? posted.error : loaded.state === "invalid" ? loaded.error : null;

  if (error) {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1>{t("notifications:unsubscribe.invalidTitle")}</h1>
        <p>{t(error === "expired" ? "notifications:unsubscribe.expired" : "notifications:unsubscribe.invalid")}</p>
        <p>
          <Link to="/account/notifications">{t("notifications:unsubscribe.preferences")}</Link>
        </p>
      </div>
    );
  }
  if (posted?.done) {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1>{t("notifications:unsubscribe.title")}</h1>
        <p role="status">{t("notifications:unsubscribe.done")}</p>
        <p>
          <Link to="/account/notifications">{t("notifications:unsubscribe.preferences")}</Link>
        </p>
      </div>
    );
  }
  if (loaded.state !== "valid") return null;
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1>{t("notifications:unsubscribe.title")}</h1>
      <p className="text-lg">
        {t(confirmKey(loaded.scope), {
          kind: t(`notifications:kind.${loaded.scope}`),
        })}
      </p>
      <p>{t("notifications:unsubscribe.account", { email: loaded.email })}</p>
      <Form method="post">
        <input type="hidden" name="token" value={loaded.token} />
        <button type="submit" className="btn-primary">
          {t("notifications:unsubscribe.confirm")}
        </button>
      </Form>
    </div>
  );
}
