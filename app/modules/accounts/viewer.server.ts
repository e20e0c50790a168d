import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { getAuth } from "./session.server";

/**
 * The signed-in person with their roles (for policy checks), or null. The roles come with
 * the session check (one statement, once per request: session.server.ts), so asking for
 * the viewer after requireUser costs no query.
 */
export async function getViewer(request: Request): Promise<Viewer> {
  const { user, roles } = await getAuth(request);
  if (!user) return null;
  return { id: user.id, roles };
}
