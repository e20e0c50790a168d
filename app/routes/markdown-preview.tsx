// Resource route: renders Markdown for the live preview of the idea form (POST body=…).
// Same renderer as the idea page, so the preview shows exactly what will be published.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "~/modules/accounts/session.server";
import { BODY_MAX, normalizeMarkdown } from "~/modules/ideas/ideas.schema";
import { renderMarkdown } from "~/modules/ideas/markdown.server";
import { methodNotAllowed, readFormData } from "~/utils/http.server";

/** A form post bigger than this cannot be a description within the limit (escaped, UTF-8). */
const MAX_REQUEST_BYTES = BODY_MAX * 12;

export function loader(): never {
  methodNotAllowed();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") methodNotAllowed();
  // Only people writing an idea need previews; anonymous requests get nothing to render.
  if (!(await getUser(request))) return Response.json({ error: "ideaForm:preview.failed" }, { status: 401 });
  const declaredLength = Number(request.headers.get("Content-Length") ?? 0);
  if (declaredLength > MAX_REQUEST_BYTES) return Response.json({ error: "ideaForm:errors.bodyTooLong" }, { status: 413 });
  const formData = await readFormData(request);
  const body = formData.get("body");
  if (typeof body !== "string") return Response.json({ error: "validation:invalid" }, { status: 400 });
  const source = normalizeMarkdown(body);
  if (source.length > BODY_MAX) return Response.json({ error: "ideaForm:errors.bodyTooLong" }, { status: 400 });
  return Response.json({ html: renderMarkdown(source) }, { headers: { "Cache-Control": "no-store" } });
}
