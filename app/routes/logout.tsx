import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endAllUserSessions, endSession, getAuth } from "~/modules/accounts/session.server";
import { readFormData } from "~/utils/http.server";
import { setFlash } from "~/utils/flash.server";

// Logging out is a POST (a GET link could be triggered by any page or prefetch).
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { user, sessionId } = await getAuth(request);
  const headers = new Headers();
  if (user && sessionId) {
    if (formData.get("scope") === "everywhere") await endAllUserSessions(user.id);
    headers.append("Set-Cookie", await endSession(sessionId));
    headers.append("Set-Cookie", await setFlash(request, { kind: "info", key: "auth:logout.done" }));
  }
  return redirect("/", { headers });
}
