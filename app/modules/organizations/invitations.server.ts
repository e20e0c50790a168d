// Invitations to join an organization. Like the account tokens (accounts/tokens.server.ts)
// only a SHA-256 of the 256-bit token is stored, so a database leak does not leak usable
// links. One invitation per organization and address (unique index): inviting again
// replaces the token and the expiry, which also invalidates the link sent before.
import { createHash, randomBytes } from "node:crypto";
import { fallbackLocale, toSupportedLocale, type Locale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { normalizeEmail } from "~/modules/accounts/accounts.server";
import { limiter } from "~/modules/accounts/throttle.server";
import { enqueueEmail } from "~/modules/mail/outbox.server";
import { renderEmail } from "~/modules/mail/template.server";
import { db, type DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { INVITATION_LIFETIME_DAYS, INVITATION_LIFETIME_MS, invitationState } from "./organizations.policy";

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** 32 random bytes in base64url: 43 characters. */
export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function invitationUrl(token: string): string {
  return `${getEnv().appUrl}/invitations/${token}`;
}

/** Invitations one person may send in an hour (each sends an email to any address). */
export const INVITATION_LIMIT = { bucket: "org-invite", max: 30, windowMs: 60 * 60_000 };

export type InviteResult =
  | { ok: true; token: string }
  | { ok: false; error: "notOwner" | "alreadyMember" | "unverified" | "throttled" };

/**
 * An owner invites someone by email: creates or refreshes the invitation and queues the
 * email in the same transaction, in the language of the recipient's account if they have
 * one, else in the inviter's.
 */
export async function inviteMember({
  organizationId,
  inviter,
  email,
  locale,
  now = new Date(),
}: {
  organizationId: string;
  inviter: { id: string; displayName: string; emailVerified: boolean };
  email: string;
  locale: Locale;
  now?: Date;
}): Promise<InviteResult> {
  // Invitations send email to addresses nobody confirmed: only from confirmed accounts, and throttled.
  if (!inviter.emailVerified) return { ok: false, error: "unverified" };
  const throttle = limiter(INVITATION_LIMIT);
  if ((await throttle.retryAfterMs(inviter.id, now.getTime())) > 0) return { ok: false, error: "throttled" };

  const emailNormalized = normalizeEmail(email);
  const token = randomBytes(32).toString("base64url");
  const result = await db.$transaction(async (tx): Promise<InviteResult> => {
    const [inviterMembership, existingMember, recipient, organization] = await Promise.all([
      tx.organizationMember.findUnique({
        where: { organizationId_userId: { organizationId, userId: inviter.id } },
        select: { role: true },
      }),
      tx.organizationMember.findFirst({ where: { organizationId, user: { emailNormalized } }, select: { userId: true } }),
      tx.user.findUnique({ where: { emailNormalized }, select: { locale: true, displayName: true } }),
      tx.organization.findUnique({ where: { id: organizationId }, select: { name: true } }),
    ]);
    if (!organization || inviterMembership?.role !== "OWNER") return { ok: false, error: "notOwner" };
    if (existingMember) return { ok: false, error: "alreadyMember" };
    const fields = {
      email: email.trim(),
      tokenHash: hashInvitationToken(token),
      invitedById: inviter.id,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      acceptedAt: null,
      createdAt: now,
    };
    await tx.organizationInvitation.upsert({
      where: { organizationId_emailNormalized: { organizationId, emailNormalized } },
      create: { organizationId, emailNormalized, ...fields },
      update: fields,
    });
    await queueInvitationEmail(tx, {
      to: email.trim(),
      locale: toSupportedLocale(recipient?.locale) ?? locale ?? fallbackLocale,
      inviterName: inviter.displayName,
      organizationName: organization.name,
      token,
    });
    return { ok: true, token };
  });
  if (result.ok) await throttle.hit(inviter.id, now.getTime());
  return result;
}

async function queueInvitationEmail(
  tx: DbTransaction,
  { to, locale, inviterName, organizationName, token }: { to: string; locale: Locale; inviterName: string; organizationName: string; token: string },
) {
  const t = await getT(locale, "organizations");
  const content = renderEmail({
    locale,
    subject: t("email.invitation.subject", { organization: organizationName }),
    preheader: t("email.invitation.preheader", { inviter: inviterName, organization: organizationName }),
    heading: t("email.invitation.heading", { organization: organizationName }),
    paragraphs: [
      t("email.invitation.body", { inviter: inviterName, organization: organizationName }),
      t("email.invitation.expiry", { count: INVITATION_LIFETIME_DAYS }),
    ],
    action: { label: t("email.invitation.action"), url: invitationUrl(token) },
    footer: t("email.invitation.footer"),
  });
  await enqueueEmail(tx, { to, ...content });
}

/** An owner withdraws a pending invitation (its link stops working). */
export async function revokeInvitation({
  organizationId,
  actorId,
  invitationId,
}: {
  organizationId: string;
  actorId: string;
  invitationId: string;
}): Promise<{ ok: boolean }> {
  const { count } = await db.organizationInvitation.deleteMany({
    where: { id: invitationId, organizationId, acceptedAt: null, organization: { members: { some: { userId: actorId, role: "OWNER" } } } },
  });
  return { ok: count === 1 };
}

export type InvitationView = {
  id: string;
  email: string;
  emailNormalized: string;
  expiresAt: Date;
  organization: { id: string; slug: string; name: string; city: { name: string } };
};

export type InspectedInvitation = { status: "invalid" } | { status: "pending" | "accepted" | "expired"; invitation: InvitationView };

/** Looks at an invitation link without using it (the page that asks to accept). */
export async function inspectInvitation(token: string | undefined, now = new Date()): Promise<InspectedInvitation> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const row = await db.organizationInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      emailNormalized: true,
      expiresAt: true,
      acceptedAt: true,
      organization: { select: { id: true, slug: true, name: true, city: { select: { name: true } } } },
    },
  });
  if (!row) return { status: "invalid" };
  const { acceptedAt, ...invitation } = row;
  return { status: invitationState({ acceptedAt, expiresAt: row.expiresAt }, now), invitation };
}

export type AcceptResult =
  | { ok: true; organization: { slug: string; name: string }; alreadyMember: boolean }
  | { ok: false; error: "invalid" | "expired" | "used" | "wrongAccount" | "unverified" };

async function join(tx: DbTransaction, organizationId: string, userId: string) {
  // A no-op when they already belong (the membership's primary key): never a second row,
  // and an owner who accepts an old invitation stays owner.
  await tx.organizationMember.upsert({
    where: { organizationId_userId: { organizationId, userId } },
    create: { organizationId, userId, role: "MEMBER" },
    update: {},
  });
}

/**
 * Accepts the invitation behind a link, for the signed-in account whose email it was sent
 * to (case-insensitive). The conditional update marks it used for one request only, even
 * when the button is pressed twice at once.
 */
export async function acceptInvitation(token: string | undefined, user: { id: string; email: string }, now = new Date()): Promise<AcceptResult> {
  if (!isWellFormedToken(token)) return { ok: false, error: "invalid" };
  const tokenHash = hashInvitationToken(token);
  const emailNormalized = normalizeEmail(user.email);
  const accepted = await db.$transaction(async (tx) => {
    const { count } = await tx.organizationInvitation.updateMany({
      where: { tokenHash, emailNormalized, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count !== 1) return null;
    const invitation = await tx.organizationInvitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { organization: { select: { id: true, slug: true, name: true } } },
    });
    await join(tx, invitation.organization.id, user.id);
    return invitation.organization;
  });
  if (accepted) return { ok: true, organization: { slug: accepted.slug, name: accepted.name }, alreadyMember: false };
  return explainRefusal(await inspectInvitation(token, now), user.id, emailNormalized);
}

async function explainRefusal(inspected: InspectedInvitation, userId: string, emailNormalized: string): Promise<AcceptResult> {
  if (inspected.status === "invalid") return { ok: false, error: "invalid" };
  const { invitation } = inspected;
  if (invitation.emailNormalized !== emailNormalized) return { ok: false, error: "wrongAccount" };
  if (inspected.status === "expired") return { ok: false, error: "expired" };
  // Accepted already (a second click, another tab): fine when they are in.
  const member = await db.organizationMember.findUnique({
    where: { organizationId_userId: { organizationId: invitation.organization.id, userId } },
    select: { userId: true },
  });
  if (member) return { ok: true, organization: { slug: invitation.organization.slug, name: invitation.organization.name }, alreadyMember: true };
  return { ok: false, error: "used" };
}

/**
 * Accepts from the account page (no link). Only a confirmed address proves the mailbox
 * is theirs: without the link, an unconfirmed account could claim someone else's invitation.
 */
export async function acceptInvitationById(
  invitationId: string,
  user: { id: string; email: string; emailVerified: boolean },
  now = new Date(),
): Promise<AcceptResult> {
  if (!user.emailVerified) return { ok: false, error: "unverified" };
  const emailNormalized = normalizeEmail(user.email);
  const accepted = await db.$transaction(async (tx) => {
    const { count } = await tx.organizationInvitation.updateMany({
      where: { id: invitationId, emailNormalized, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count !== 1) return null;
    const invitation = await tx.organizationInvitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { organization: { select: { id: true, slug: true, name: true } } },
    });
    await join(tx, invitation.organization.id, user.id);
    return invitation.organization;
  });
  if (accepted) return { ok: true, organization: { slug: accepted.slug, name: accepted.name }, alreadyMember: false };
  return { ok: false, error: "invalid" };
}

/** The invitee turns an invitation down (it is deleted; the organization may invite again). */
export async function declineInvitation(invitationId: string, user: { email: string }): Promise<{ ok: boolean }> {
  const { count } = await db.organizationInvitation.deleteMany({
    where: { id: invitationId, emailNormalized: normalizeEmail(user.email), acceptedAt: null },
  });
  return { ok: count === 1 };
}

/** Invitations waiting for this address (account page). */
export async function listPendingInvitationsFor(email: string, now = new Date()) {
  const rows = await db.organizationInvitation.findMany({
    where: { emailNormalized: normalizeEmail(email), acceptedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      expiresAt: true,
      invitedBy: { select: { displayName: true } },
      organization: { select: { slug: true, name: true, city: { select: { name: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((row) => ({
    id: row.id,
    expiresAt: row.expiresAt.toISOString(),
    inviterName: row.invitedBy?.displayName ?? null,
    organization: row.organization,
  }));
}

/** Invitations of an organization not accepted yet (members page), newest first. */
export async function listOrganizationInvitations(organizationId: string, now = new Date()) {
  const rows = await db.organizationInvitation.findMany({
    where: { organizationId, acceptedAt: null },
    select: { id: true, email: true, expiresAt: true, createdAt: true, invitedBy: { select: { displayName: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    expiresAt: row.expiresAt.toISOString(),
    sentAt: row.createdAt.toISOString(),
    expired: row.expiresAt <= now,
    inviterName: row.invitedBy?.displayName ?? null,
  }));
}

/** Accepted and long-expired invitations are kept a month ("already used" beats "invalid"), then deleted. */
export async function purgeOldInvitations(now = new Date()) {
  const cutoff = new Date(now.getTime() - 30 * 24 * 60 * 60_000);
  await db.organizationInvitation.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { acceptedAt: { lt: cutoff } }] } });
}
