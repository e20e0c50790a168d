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

/** What the public sees of a hidden idea: that it is hidden, and why — nothing it says. */
export type HiddenIdeaNotice = {
  number: number;
  /** null when hidden automatically after reports (awaiting a moderator). */
  hiddenReason: string | null;
  city: { slug: string; name: string };
};

/**
 * The placeholder of a published idea that moderation hid, for people who may not see it
 * (everyone but its author and the city's moderators, who get the idea page itself). null
 * when there is no such idea in that city, or it never was public (awaiting moderation):
 * those stay a 404, so the placeholder tells nothing the public did not already see. Only
 * the number, the city and the public reason are selected, so nothing else can leak.
 */
export async function findHiddenIdeaNotice(citySlug: string, number: number): Promise<HiddenIdeaNotice | null> {
  const idea = await db.idea.findUnique({
    where: { number },
    select: { number: true, status: true, publishedAt: true, hiddenAt: true, hiddenReason: true, city: { select: { slug: true, name: true } } },
  });
  if (!idea || idea.city.slug !== citySlug || !idea.hiddenAt || !idea.publishedAt || idea.status === "SUBMITTED") return null;
  return { number: idea.number, hiddenReason: idea.hiddenReason, city: idea.city };
}
