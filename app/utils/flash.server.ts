import { createCookieSessionStorage } from "@remix-run/node";
import { getEnv } from "./env.server";

// One-shot messages shown after a redirect ("Your password was changed"). The value is
// an i18n key, never free text, so a forged cookie cannot inject content.
export type Flash = { kind: "success" | "info" | "error"; key: string };

type FlashData = { flash: Flash };
let storage: ReturnType<typeof createCookieSessionStorage<Record<string, never>, FlashData>> | undefined;
function flashStorage() {
  const env = getEnv();
  storage ??= createCookieSessionStorage<Record<string, never>, FlashData>({
    cookie: {
      name: "civicloop_flash",
      httpOnly: true,
      path: "/",
      sameSite: "lax",
      secure: env.secureCookies,
      secrets: [env.sessionSecret],
    },
  });
  return storage;
}

export async function setFlash(request: Request, flash: Flash): Promise<string> {
  const session = await flashStorage().getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  return flashStorage().commitSession(session);
}

/** Reads and clears the flash; returns the Set-Cookie that clears it. */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("civicloop_flash=")) return { flash: null, setCookie: null };
  const session = await flashStorage().getSession(cookie);
  const value = session.get("flash") as Flash | undefined;
  const valid = value && typeof value.key === "string" && /^[a-zA-Z]+:[\w.]+$/.test(value.key) ? value : null;
  return { flash: valid, setCookie: await flashStorage().commitSession(session) };
}
