// Who may do what with an organization profile. Pure functions, used by the server (the
// authority, which also enforces the last-owner rule atomically) and by the UI (which
// explains instead of offering a button that fails).
//
// Creating an organization: any signed-in account may create one. The profile is meant
// for entrepreneurs (companies, start-ups, freelancers, NGOs), but the account kind is a
// label people choose at registration and cannot change later; a freelancer or an NGO
// volunteer who registered as a citizen must not be locked out, and restricting it would
// not make the profiles more trustworthy. The create page says who the profile is for.

export type OrganizationRole = "OWNER" | "MEMBER";

export type OrganizationPermissions = {
  isMember: boolean;
  canEdit: boolean;
  canManageMembers: boolean;
};

/** What someone with this membership (null = not a member) may do. */
export function organizationPermissions(role: OrganizationRole | null | undefined): OrganizationPermissions {
  return {
    isMember: role === "OWNER" || role === "MEMBER",
    canEdit: role === "OWNER",
    canManageMembers: role === "OWNER",
  };
}

export type MembershipDenial = "notOwner" | "lastOwner" | "notMember";

/**
 * Why `actor` may not remove `target` from the organization (or leave, when they are the
 * same person), or null when they may. Owners remove anyone; everyone may leave; the last
 * owner may do neither, so an organization always has someone who can manage it.
 */
export function removalDenial({
  actorId,
  actorRole,
  targetId,
  targetRole,
  ownerCount,
}: {
  actorId: string;
  actorRole: OrganizationRole | null;
  targetId: string;
  targetRole: OrganizationRole | null;
  ownerCount: number;
}): MembershipDenial | null {
  if (!targetRole) return "notMember";
  if (actorId !== targetId && actorRole !== "OWNER") return "notOwner";
  if (targetRole === "OWNER" && ownerCount <= 1) return "lastOwner";
  return null;
}

/** Why `actor` may not give `target` the role `role`, or null. Demoting the last owner is refused. */
export function roleChangeDenial({
  actorRole,
  targetRole,
  role,
  ownerCount,
}: {
  actorRole: OrganizationRole | null;
  targetRole: OrganizationRole | null;
  role: OrganizationRole;
  ownerCount: number;
}): MembershipDenial | null {
  if (actorRole !== "OWNER") return "notOwner";
  if (!targetRole) return "notMember";
  if (targetRole === "OWNER" && role === "MEMBER" && ownerCount <= 1) return "lastOwner";
  return null;
}

/** Days an invitation stays valid. */
export const INVITATION_LIFETIME_DAYS = 14;
export const INVITATION_LIFETIME_MS = INVITATION_LIFETIME_DAYS * 24 * 60 * 60_000;

export type InvitationState = "pending" | "accepted" | "expired";

export function invitationState(invitation: { acceptedAt: Date | string | null; expiresAt: Date | string }, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  return new Date(invitation.expiresAt) <= now ? "expired" : "pending";
}
