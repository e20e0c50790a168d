import { describe, expect, it } from "vitest";
import { createUser, uniqueEmail } from "~/testing/factories";
import { createTestOrganization } from "~/testing/organizations-factories";
import { db } from "~/utils/db.server";
import {
  acceptInvitation,
  acceptInvitationById,
  declineInvitation,
  hashInvitationToken,
  inspectInvitation,
  inviteMember,
  listOrganizationInvitations,
  listPendingInvitationsFor,
  revokeInvitation,
} from "./invitations.server";
import { INVITATION_LIFETIME_MS } from "./organizations.policy";
import { isOrganizationMember } from "./organizations.server";

async function setup() {
  const owner = await createUser({ displayName: "Olivia Owner" });
  const organization = await createTestOrganization({ ownerId: owner.id });
  const inviter = { id: owner.id, displayName: owner.displayName, emailVerified: true };
  const invite = (email: string, now?: Date) => inviteMember({ organizationId: organization.id, inviter, email, locale: "en", now });
  return { owner, organization, inviter, invite };
}

async function invited(result: Awaited<ReturnType<typeof inviteMember>>) {
  if (!result.ok) throw new Error(`invitation refused: ${result.error}`);
  return result.token;
}

describe("inviteMember", () => {
  it("stores only a hash of a 256-bit token and queues the email with the link", async () => {
    const { organization, invite } = await setup();
    const email = uniqueEmail("Invitee");
    const token = await invited(await invite(email));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.organizationInvitation.findMany({ where: { organizationId: organization.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email, emailNormalized: email.toLowerCase(), tokenHash: hashInvitationToken(token), acceptedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(INVITATION_LIFETIME_MS);
    const [message] = await db.emailMessage.findMany({ where: { toAddress: email } });
    expect(message.subject).toBe(`Invitation to join ${organization.name} on CivicLoop`);
    expect(message.textBody).toContain(`/invitations/${token}`);
    expect(message.textBody).toContain("Olivia Owner");
    expect(message.textBody).toContain("14 days");
  });

  it("writes to a registered recipient in their language", async () => {
    const { invite } = await setup();
    const recipient = await createUser();
    await db.user.update({ where: { id: recipient.id }, data: { locale: "ro" } });
    await invited(await invite(recipient.email));
    const [message] = await db.emailMessage.findMany({ where: { toAddress: recipient.email } });
    expect(message.subject).toContain("Invitație");
    expect(message.textBody).toContain("valabilă 14 zile");
  });

  it("refreshes the invitation when the same address is invited again, and the old link stops working", async () => {
    const { organization, invite } = await setup();
    const email = uniqueEmail();
    const first = await invited(await invite(email, new Date(Date.now() - 10 * 24 * 60 * 60_000)));
    const second = await invited(await invite(email.toUpperCase()));
    expect(second).not.toBe(first);
    const rows = await db.organizationInvitation.findMany({ where: { organizationId: organization.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashInvitationToken(second));
    expect(rows[0].expiresAt.getTime()).toBeGreaterThan(Date.now() + INVITATION_LIFETIME_MS - 60_000);
    expect((await inspectInvitation(first)).status).toBe("invalid");
    expect((await inspectInvitation(second)).status).toBe("pending");
  });

  it("refuses members, strangers, unconfirmed owners, and addresses already in", async () => {
    const { organization, inviter, invite } = await setup();
    const member = await createUser();
    await db.organizationMember.create({ data: { organizationId: organization.id, userId: member.id } });
    const stranger = await createUser();
    const email = uniqueEmail();
    const attempt = (who: { id: string; displayName: string; emailVerified: boolean }) =>
      inviteMember({ organizationId: organization.id, inviter: who, email, locale: "en" });
    expect(await attempt({ id: member.id, displayName: "M", emailVerified: true })).toEqual({ ok: false, error: "notOwner" });
    expect(await attempt({ id: stranger.id, displayName: "S", emailVerified: true })).toEqual({ ok: false, error: "notOwner" });
    expect(await attempt({ ...inviter, emailVerified: false })).toEqual({ ok: false, error: "unverified" });
    expect(await invite(member.email.toUpperCase())).toEqual({ ok: false, error: "alreadyMember" });
    expect(await db.organizationInvitation.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { toAddress: email } })).toBe(0);
  });
});

describe("acceptInvitation", () => {
  it("lets the invited account join once; a second accept changes nothing", async () => {
    const { organization, invite } = await setup();
    const invitee = await createUser({ email: uniqueEmail("Mixed.Case") });
    const token = await invited(await invite(invitee.email.toLowerCase()));
    expect(await acceptInvitation(token, invitee)).toMatchObject({ ok: true, alreadyMember: false, organization: { slug: organization.slug } });
    expect(await isOrganizationMember(organization.id, invitee.id)).toBe(true);
    expect(await acceptInvitation(token, invitee)).toMatchObject({ ok: true, alreadyMember: true });
    expect(await db.organizationMember.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(1);
    expect((await inspectInvitation(token)).status).toBe("accepted");
  });

  it("joins exactly once when accepted twice at the same moment", async () => {
    const { organization, invite } = await setup();
    const invitee = await createUser();
    const token = await invited(await invite(invitee.email));
    const results = await Promise.all([acceptInvitation(token, invitee), acceptInvitation(token, invitee), acceptInvitation(token, invitee)]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && !result.alreadyMember)).toHaveLength(1);
    expect(await db.organizationMember.count({ where: { organizationId: organization.id } })).toBe(2);
  });

  it("refuses another account, even one that is signed in with the link", async () => {
    const { organization, invite } = await setup();
    const invitee = await createUser();
    const other = await createUser();
    const token = await invited(await invite(invitee.email));
    expect(await acceptInvitation(token, other)).toEqual({ ok: false, error: "wrongAccount" });
    expect(await isOrganizationMember(organization.id, other.id)).toBe(false);
    // Still usable by the right person.
    expect((await acceptInvitation(token, invitee)).ok).toBe(true);
  });

  it("refuses expired, used-by-someone-else and malformed tokens", async () => {
    const { organization, invite } = await setup();
    const invitee = await createUser();
    const created = new Date(Date.now() - INVITATION_LIFETIME_MS - 1_000);
    const expiredToken = await invited(await invite(invitee.email, created));
    expect((await inspectInvitation(expiredToken)).status).toBe("expired");
    expect(await acceptInvitation(expiredToken, invitee)).toEqual({ ok: false, error: "expired" });
    // The exact expiry instant is already too late.
    const token = await invited(await invite(invitee.email));
    const row = await db.organizationInvitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) } });
    expect(await acceptInvitation(token, invitee, row.expiresAt)).toEqual({ ok: false, error: "expired" });
    expect(await isOrganizationMember(organization.id, invitee.id)).toBe(false);

    for (const bad of [undefined, "", "short", `${token}x`, token.replace(/./, "!"), "A".repeat(43)]) {
      expect(await acceptInvitation(bad, invitee)).toEqual({ ok: false, error: "invalid" });
    }
  });

  it("says 'used' when the invitee accepted and then left", async () => {
    const { organization, invite } = await setup();
    const invitee = await createUser();
    const token = await invited(await invite(invitee.email));
    await acceptInvitation(token, invitee);
    await db.organizationMember.delete({ where: { organizationId_userId: { organizationId: organization.id, userId: invitee.id } } });
    expect(await acceptInvitation(token, invitee)).toEqual({ ok: false, error: "used" });
  });
});

describe("invitations on the account page", () => {
  it("lists pending invitations for the address, accepts (confirmed accounts only) and declines", async () => {
    const { organization, invite } = await setup();
    const invitee = await createUser({ verified: false });
    await invited(await invite(invitee.email));
    const [pending] = await listPendingInvitationsFor(invitee.email.toUpperCase());
    expect(pending).toMatchObject({ organization: { slug: organization.slug }, inviterName: "Olivia Owner" });

    expect(await acceptInvitationById(pending.id, { ...invitee, emailVerified: false })).toEqual({ ok: false, error: "unverified" });
    const other = await createUser();
    expect(await acceptInvitationById(pending.id, { ...other, emailVerified: true })).toEqual({ ok: false, error: "invalid" });
    expect(await declineInvitation(pending.id, other)).toEqual({ ok: false });
    expect(await acceptInvitationById(pending.id, { ...invitee, emailVerified: true })).toMatchObject({ ok: true });
    expect(await isOrganizationMember(organization.id, invitee.id)).toBe(true);
    expect(await listPendingInvitationsFor(invitee.email)).toEqual([]);

    const second = await createUser();
    await invited(await invite(second.email));
    const [toDecline] = await listPendingInvitationsFor(second.email);
    expect(await declineInvitation(toDecline.id, second)).toEqual({ ok: true });
    expect(await listPendingInvitationsFor(second.email)).toEqual([]);
  });

  it("lets owners (only) withdraw an invitation", async () => {
    const { organization, owner, invite } = await setup();
    const email = uniqueEmail();
    const token = await invited(await invite(email));
    const [invitation] = await listOrganizationInvitations(organization.id);
    const member = await createUser();
    await db.organizationMember.create({ data: { organizationId: organization.id, userId: member.id } });
    expect(await revokeInvitation({ organizationId: organization.id, actorId: member.id, invitationId: invitation.id })).toEqual({ ok: false });
    expect(await revokeInvitation({ organizationId: organization.id, actorId: owner.id, invitationId: invitation.id })).toEqual({ ok: true });
    expect((await inspectInvitation(token)).status).toBe("invalid");
  });
});
