import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { getRoles } from "./roles.server";
import { getUser } from "./session.server";

/** The signed-in person with their roles (for policy checks), or null. */
export async function getViewer(request: Request): Promise<Viewer> {
  const user = await getUser(request);
  if (!user) return null;
  return { id: user.id, roles: await getRoles(user.id) };
}
