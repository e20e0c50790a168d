// Who sees hidden content: its author (or an organization's members) and the moderators of
// its city. Everyone else gets "hidden by moderation: <reason>" in its place.
import { hasCityRole } from "~/modules/accounts/roles.policy";
import { getRoles } from "~/modules/accounts/roles.server";
import { db } from "~/utils/db.server";

export type OrganizationModeration = {
  hidden: boolean;
  /** null when hidden automatically after reports (awaiting a moderator). */
  hiddenReason: string | null;
  /** The viewer moderates the organization's city (sees the content and a moderation link). */
  viewerModerates: boolean;
};

export async function organizationModeration(organizationId: string, viewerId: string | null | undefined): Promise<OrganizationModeration> {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { cityId: true, hiddenAt: true, hiddenReason: true } });
  if (!organization) return { hidden: false, hiddenReason: null, viewerModerates: false };
  const viewerModerates = viewerId ? hasCityRole(await getRoles(viewerId), organization.cityId, "MODERATOR") : false;
  return { hidden: organization.hiddenAt !== null, hiddenReason: organization.hiddenReason, viewerModerates };
}
