// Account commands: one function per mutation, each in one transaction.
import { db, isUniqueViolation } from "~/utils/db.server";
import { toSupportedLocale } from "~/i18n/config";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { queuePasswordChangedEmail, queuePasswordResetEmail, queueVerificationEmail } from "./emails.server";
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { isSuspended, endAllUserSessions } from "./session.server";
import { clientAddress, EMAIL_LIMITS, limiter, LOGIN_LIMITS } from "./throttle.server";
import { consumeToken, issueToken } from "./tokens.server";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

type Fail<E extends string> = { ok: false; error: E; field?: string };

export async function registerAccount(
  input: { email: string; displayName: string; password: string; homeCity: string; kind: "CITIZEN" | "ENTREPRENEUR" },
  { locale }: { locale: string },
): Promise<{ ok: true; userId: string } | Fail<"validation:email.taken" | "validation:password.common" | "validation:homeCity.invalid">> {
  if (isCommonPassword(input.password)) return { ok: false, error: "validation:password.common", field: "password" };
  const city = await findCityBySlug(input.homeCity);
  if (!city) return { ok: false, error: "validation:homeCity.invalid", field: "homeCity" };
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          emailNormalized: normalizeEmail(input.email),
          displayName: input.displayName,
          passwordHash,
          kind: input.kind,
          homeCityId: city.id,
          locale: toSupportedLocale(locale),
          privacyAcceptedAt: new Date(),
        },
        select: { id: true, email: true, displayName: true, locale: true },
      });
      const token = await issueToken(tx, user.id, "VERIFY_EMAIL");
      await queueVerificationEmail(tx, user, token, locale);
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    // The unique index decides, not a lookup before the insert (no race).
    if (isUniqueViolation(error)) return { ok: false, error: "validation:email.taken", field: "email" };
    throw error;
  }
}

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; error: "auth:login.invalid" }
  | { ok: false; error: "auth:login.throttled"; retryAfterMinutes: number }
  | { ok: false; error: "auth:login.suspended"; until: Date | null; reason: string | null };

/**
 * Checks a password. Unknown email and wrong password answer the same and take about
 * the same time (a dummy hash is verified), so the form does not reveal who has an account.
 * Failures count against the account and the client address.
 */
export async function authenticate(
  { email, password }: { email: string; password: string },
  context: { clientIp?: string },
): Promise<LoginResult> {
  const accountKey = normalizeEmail(email);
  const ipKey = clientAddress(context);
  const perAccount = limiter(LOGIN_LIMITS.account);
  const perIp = limiter(LOGIN_LIMITS.ip);
  const wait = Math.max(await perAccount.retryAfterMs(accountKey), await perIp.retryAfterMs(ipKey));
  if (wait > 0) return { ok: false, error: "auth:login.throttled", retryAfterMinutes: Math.max(1, Math.ceil(wait / 60_000)) };

  const user = await db.user.findUnique({
    where: { emailNormalized: accountKey },
    select: { id: true, passwordHash: true, deletedAt: true, suspendedAt: true, suspendedUntil: true, suspensionReason: true },
  });
  const valid = user && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    await Promise.all([perAccount.hit(accountKey), perIp.hit(ipKey)]);
    return { ok: false, error: "auth:login.invalid" };
  }
  if (isSuspended(user)) {
    return { ok: false, error: "auth:login.suspended", until: user.suspendedUntil, reason: user.suspensionReason };
  }
  await perAccount.reset(accountKey);
  return { ok: true, userId: user.id };
}

/** Limits how often we email an address on request (reset, verification resend). */
async function allowEmailRequest(address: string, context: { clientIp?: string }) {
  const perAddress = limiter(EMAIL_LIMITS.address);
  const perIp = limiter(EMAIL_LIMITS.ip);
  const ip = clientAddress(context);
  if ((await perAddress.retryAfterMs(address)) > 0 || (await perIp.retryAfterMs(ip)) > 0) return false;
  await Promise.all([perAddress.hit(address), perIp.hit(ip)]);
  return true;
}

/**
 * Sends a reset link if the address has an account. The answer is the same either way
 * (no account enumeration); over the limit we silently send nothing.
 */
export async function requestPasswordReset(email: string, context: { clientIp?: string; locale: string }) {
  const key = normalizeEmail(email);
  if (!(await allowEmailRequest(key, context))) return;
  const user = await db.user.findUnique({
    where: { emailNormalized: key },
    select: { id: true, email: true, displayName: true, locale: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "RESET_PASSWORD");
    await queuePasswordResetEmail(tx, user, token, context.locale);
  });
}

export async function resendVerification(userId: string, context: { clientIp?: string; locale: string }) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, locale: true, emailVerifiedAt: true },
  });
  if (!user || user.emailVerifiedAt) return { ok: false as const, reason: "alreadyVerified" as const };
  if (!(await allowEmailRequest(normalizeEmail(user.email), context))) return { ok: false as const, reason: "throttled" as const };
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "VERIFY_EMAIL");
    await queueVerificationEmail(tx, user, token, context.locale);
  });
  return { ok: true as const };
}

export async function verifyEmail(token: string) {
  return db.$transaction(async (tx) => {
    const state = await consumeToken(tx, token, "VERIFY_EMAIL");
    if (state.status !== "valid") return state;
    await tx.user.update({ where: { id: state.userId }, data: { emailVerifiedAt: new Date() } });
    return state;
  });
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function resetPassword(token: string, password: string, context: { locale: string }) {
  if (isCommonPassword(password)) return { status: "common" as const };
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const state = await consumeToken(tx, token, "RESET_PASSWORD");
    if (state.status !== "valid") return state;
    // Proving control of the mailbox also verifies the address.
    const user = await tx.user.update({
      where: { id: state.userId },
      data: { passwordHash, emailVerifiedAt: new Date() },
      select: { id: true, email: true, displayName: true, locale: true, emailVerifiedAt: true },
    });
    await tx.authToken.deleteMany({ where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null } });
    await queuePasswordChangedEmail(tx, user, context.locale);
    return state;
  });
  if (result.status === "valid") await endAllUserSessions(result.userId);
  return result;
}

export async function changePassword(
  userId: string,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
  context: { locale: string; clientIp?: string },
): Promise<{ ok: true } | Fail<"validation:password.currentWrong" | "validation:password.common" | "auth:login.throttled">> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, emailNormalized: true, displayName: true, locale: true, passwordHash: true },
  });
  // Re-authentication is throttled like a login: a stolen session must not brute-force the password.
  const perAccount = limiter(LOGIN_LIMITS.account);
  if ((await perAccount.retryAfterMs(user.emailNormalized)) > 0) return { ok: false, error: "auth:login.throttled" };
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await perAccount.hit(user.emailNormalized);
    return { ok: false, error: "validation:password.currentWrong", field: "currentPassword" };
  }
  if (isCommonPassword(newPassword)) return { ok: false, error: "validation:password.common", field: "newPassword" };
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await queuePasswordChangedEmail(tx, user, context.locale);
  });
  return { ok: true };
}

export async function updateProfile(
  userId: string,
  input: { displayName: string; homeCity: string; locale: string },
): Promise<{ ok: true } | Fail<"validation:homeCity.invalid" | "validation:locale.invalid">> {
  const city = await findCityBySlug(input.homeCity);
  if (!city) return { ok: false, error: "validation:homeCity.invalid", field: "homeCity" };
  const locale = input.locale === "" ? null : toSupportedLocale(input.locale);
  if (input.locale !== "" && !locale) return { ok: false, error: "validation:locale.invalid", field: "locale" };
  await db.user.update({ where: { id: userId }, data: { displayName: input.displayName, homeCityId: city.id, locale } });
  return { ok: true };
}

export async function listUserSessions(userId: string) {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Ends one of the user's own sessions (the where clause enforces ownership). */
export async function revokeUserSession(userId: string, sessionId: string) {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count === 1;
}

export async function revokeOtherSessions(userId: string, keepSessionId: string) {
  await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
}
