import { redirect } from "@remix-run/node";
import { setFlash, type Flash } from "./flash.server";

/** Only same-site paths: "//evil.example" and "/\\evil" are open redirects, not paths. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters never belong in a path
  if (/[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}

export async function redirectWithFlash(request: Request, to: string, flash: Flash, headers?: HeadersInit) {
  const responseHeaders = new Headers(headers);
  responseHeaders.append("Set-Cookie", await setFlash(request, flash));
  return redirect(to, { headers: responseHeaders });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function methodNotAllowed(): never {
  throw new Response("Method Not Allowed", { status: 405 });
}

/** The submitted form, or a 400 for bodies that are not forms (never a 500). */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    throw new Response("Expected a form submission", { status: 400 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Malformed form submission", { status: 400 });
  }
  return withoutNulCharacters(form);
}

/**
 * NUL never belongs in anything typed into a form, and PostgreSQL refuses it in text
 * (error 22021): dropped here, once for every action, so no field or forged id can turn it
 * into a server error. Other control characters are the schemas' business.
 */
function withoutNulCharacters(form: FormData): FormData {
  let hasNul = false;
  for (const value of form.values()) {
    if (typeof value === "string" && value.includes("\0")) {
      hasNul = true;
      break;
    }
  }
  if (!hasNul) return form;
  const clean = new FormData();
  for (const [name, value] of form.entries()) {
    clean.append(name.replaceAll("\0", ""), typeof value === "string" ? value.replaceAll("\0", "") : value);
  }
  return clean;
}
