import { describe, expect, it } from "vitest";
import { invitationState, organizationPermissions, removalDenial, roleChangeDenial } from "./organizations.policy";

describe("organizationPermissions", () => {
  it("lets owners edit and manage, members only belong", () => {
    expect(organizationPermissions("OWNER")).toEqual({ isMember: true, canEdit: true, canManageMembers: true });
    expect(organizationPermissions("MEMBER")).toEqual({ isMember: true, canEdit: false, canManageMembers: false });
    expect(organizationPermissions(null)).toEqual({ isMember: false, canEdit: false, canManageMembers: false });
  });
});

describe("removalDenial", () => {
  const base = { actorId: "a", targetId: "b", ownerCount: 2 };
  it("lets owners remove anyone but the last owner", () => {
    expect(removalDenial({ ...base, actorRole: "OWNER", targetRole: "MEMBER" })).toBeNull();
    expect(removalDenial({ ...base, actorRole: "OWNER", targetRole: "OWNER" })).toBeNull();
    expect(removalDenial({ ...base, actorRole: "OWNER", targetRole: "OWNER", ownerCount: 1 })).toBe("lastOwner");
  });
  it("refuses members and strangers removing others", () => {
    expect(removalDenial({ ...base, actorRole: "MEMBER", targetRole: "MEMBER" })).toBe("notOwner");
    expect(removalDenial({ ...base, actorRole: null, targetRole: "MEMBER" })).toBe("notOwner");
  });
  it("lets anyone leave, except the last owner", () => {
    expect(removalDenial({ actorId: "a", targetId: "a", actorRole: "MEMBER", targetRole: "MEMBER", ownerCount: 1 })).toBeNull();
    expect(removalDenial({ actorId: "a", targetId: "a", actorRole: "OWNER", targetRole: "OWNER", ownerCount: 2 })).toBeNull();
    expect(removalDenial({ actorId: "a", targetId: "a", actorRole: "OWNER", targetRole: "OWNER", ownerCount: 1 })).toBe("lastOwner");
  });
  it("says when the target is not a member", () => {
    expect(removalDenial({ ...base, actorRole: "OWNER", targetRole: null })).toBe("notMember");
  });
});

describe("roleChangeDenial", () => {
  it("lets owners promote and demote, never the last owner", () => {
    expect(roleChangeDenial({ actorRole: "OWNER", targetRole: "MEMBER", role: "OWNER", ownerCount: 1 })).toBeNull();
    expect(roleChangeDenial({ actorRole: "OWNER", targetRole: "OWNER", role: "MEMBER", ownerCount: 2 })).toBeNull();
    expect(roleChangeDenial({ actorRole: "OWNER", targetRole: "OWNER", role: "MEMBER", ownerCount: 1 })).toBe("lastOwner");
    expect(roleChangeDenial({ actorRole: "MEMBER", targetRole: "MEMBER", role: "OWNER", ownerCount: 1 })).toBe("notOwner");
    expect(roleChangeDenial({ actorRole: "OWNER", targetRole: null, role: "OWNER", ownerCount: 1 })).toBe("notMember");
  });
});

describe("invitationState", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("is pending until the expiry instant, then expired; accepted wins", () => {
    expect(invitationState({ acceptedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("pending");
    expect(invitationState({ acceptedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ acceptedAt: now, expiresAt: new Date(now.getTime() - 1) }, now)).toBe("accepted");
    expect(invitationState({ acceptedAt: null, expiresAt: "2026-02-28T00:00:00Z" }, now)).toBe("expired");
  });
});
