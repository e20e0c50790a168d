import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isSupportedLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";
import { getUser } from "~/modules/accounts/session.server";
import { db } from "~/utils/db.server";
import { readFormData, safeRedirectPath } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

/** Remembers the chosen language: on the account when signed in, in a cookie always. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const locale = formData.get("locale");
  const back = safeRedirectPath(formData.get("redirectTo"), "/");
  if (!isSupportedLocale(locale)) return redirect(back, { status: 303 });
  const user = await getUser(request);
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  return redirect(back, { status: 303, headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
