import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, uniqueEmail } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  authenticate,
  changePassword,
  listUserSessions,
  registerAccount,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  revokeOtherSessions,
  revokeUserSession,
  updateProfile,
  verifyEmail,
} from "./accounts.server";
import { verifyPassword } from "./password.server";
import { createUserSession } from "./session.server";
import { EMAIL_LIMITS, limiter, LOGIN_LIMITS } from "./throttle.server";
import { inspectToken, issueToken } from "./tokens.server";

const NEW_PASSWORD = "Lighthouse keepers read 7 maps";
const uniqueIp = () => `198.51.100.${randomUUID().slice(0, 8)}`;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function registration(overrides: Partial<Parameters<typeof registerAccount>[0]> = {}): Parameters<typeof registerAccount>[0] {
  return { email: uniqueEmail("reg"), displayName: "Ana Popescu", password: TEST_PASSWORD, homeCity: "oulu", kind: "CITIZEN", ...overrides };
}

async function rowsFor(email: string) {
  const emailNormalized = email.toLowerCase();
  const users = await db.user.findMany({ where: { emailNormalized } });
  const tokens = await db.authToken.findMany({ where: { user: { emailNormalized } } });
  const emails = await db.emailMessage.findMany({ where: { toAddress: { in: [email, emailNormalized, email.toUpperCase()] } } });
  return { users, tokens, emails };
}

/** The token in the first link of an email's text part. */
function tokenFromEmail(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[1];
}

async function startSession(userId: string) {
  await createUserSession(userId, new Request("http://localhost/", { headers: { "User-Agent": "vitest" } }));
  const sessions = await db.session.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return sessions[0].id;
}

describe("registerAccount", () => {
  it("creates the user, a verification token and the verification email", async () => {
    const email = uniqueEmail("MixedCase");
    const result = await registerAccount(registration({ email, kind: "ENTREPRENEUR", homeCity: "messina" }), { locale: "ro-RO" });
    expect(result).toEqual({ ok: true, userId: expect.any(String) });
    if (!result.ok) return;

    const { users, tokens, emails } = await rowsFor(email);
    expect(users).toHaveLength(1);
    const [user] = users;
    expect(user).toMatchObject({
      id: result.userId,
      email,
      emailNormalized: email.toLowerCase(),
      displayName: "Ana Popescu",
      kind: "ENTREPRENEUR",
      locale: "ro",
      emailVerifiedAt: null,
      deletedAt: null,
    });
    expect(user.privacyAcceptedAt).toBeInstanceOf(Date);
    const messina = await db.city.findUniqueOrThrow({ where: { slug: "messina" } });
    expect(user.homeCityId).toBe(messina.id);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(true);

    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: "VERIFY_EMAIL", usedAt: null });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: email, status: "PENDING", attempts: 0 });

    // The link in the email carries the token whose hash was stored, and verifies the address.
    const token = tokenFromEmail(emails[0].textBody, "/verify-email");
    expect(emails[0].textBody).toContain(`${getEnv().appUrl}/verify-email?token=`);
    expect(sha256(token)).toBe(tokens[0].tokenHash);
    expect(await verifyEmail(token)).toEqual({ status: "valid", userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail(token)).toEqual({ status: "used" });
  });

  it("refuses an address that exists in another letter case, writing nothing", async () => {
    const email = uniqueEmail("dup");
    expect((await registerAccount(registration({ email }), { locale: "en" })).ok).toBe(true);
    const before = await rowsFor(email);

    const result = await registerAccount(registration({ email: `  ${email.toUpperCase()}` }), { locale: "en" });
    expect(result).toEqual({ ok: false, error: "validation:email.taken", field: "email" });
    const after = await rowsFor(email);
    expect(after.users.map((user) => user.id)).toEqual(before.users.map((user) => user.id));
    expect(after.tokens.map((token) => token.id)).toEqual(before.tokens.map((token) => token.id));
    expect(after.emails.map((message) => message.id)).toEqual(before.emails.map((message) => message.id));
  });

  it("two concurrent registrations of one address: exactly one succeeds, the other is told the address is taken", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all([
      registerAccount(registration({ email }), { locale: "en" }),
      registerAccount(registration({ email: email.toUpperCase() }), { locale: "en" }),
      registerAccount(registration({ email }), { locale: "en" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, error: "validation:email.taken", field: "email" },
      { ok: false, error: "validation:email.taken", field: "email" },
    ]);
    const { users, tokens, emails } = await rowsFor(email);
    expect(users).toHaveLength(1);
    expect(tokens).toHaveLength(1);
    expect(emails).toHaveLength(1);
  });

  it("refuses a common password and an unknown city before writing anything", async () => {
    const email = uniqueEmail("refused");
    expect(await registerAccount(registration({ email, password: "sunshine1234" }), { locale: "en" })).toEqual({
      ok: false,
      error: "validation:password.common",
      field: "password",
    });
    expect(await registerAccount(registration({ email, homeCity: "atlantis" }), { locale: "en" })).toEqual({
      ok: false,
      error: "validation:homeCity.invalid",
      field: "homeCity",
    });
    const { users, emails } = await rowsFor(email);
    expect(users).toHaveLength(0);
    expect(emails).toHaveLength(0);
  });

  it("is one transaction: when queueing the email fails, no user or token is left behind", async () => {
    const email = uniqueEmail("atomic");
    const provider = getEnv().database.provider;
    const name = `fail_outbox_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    // A trigger that refuses this one recipient (literal is a uuid-based address: safe to inline).
    if (provider === "sqlite") {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER "${name}" BEFORE INSERT ON "EmailMessage" WHEN NEW."toAddress" = '${email}' BEGIN SELECT RAISE(ABORT, 'outbox refused'); END`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."toAddress" = '${email}' THEN RAISE EXCEPTION 'outbox refused'; END IF; RETURN NEW; END $$`,
      );
      await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE INSERT ON "EmailMessage" FOR EACH ROW EXECUTE FUNCTION "${name}"()`);
    }
    try {
      // (SQLite reports RAISE(ABORT) from a trigger as a constraint violation; PostgreSQL passes the message on.)
      await expect(registerAccount(registration({ email }), { locale: "en" })).rejects.toThrow(/outbox refused|constraint/i);
      const { users, tokens, emails } = await rowsFor(email);
      expect(users).toHaveLength(0);
      expect(tokens).toHaveLength(0);
      expect(emails).toHaveLength(0);
    } finally {
      if (provider === "sqlite") {
        await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${name}"`);
      } else {
        await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${name}" ON "EmailMessage"`);
        await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${name}"()`);
      }
    }
    // Without the trigger the same registration goes through.
    expect((await registerAccount(registration({ email }), { locale: "en" })).ok).toBe(true);
  });
});

describe("authenticate", () => {
  it("signs in with the right password, whatever the case and spacing of the address", async () => {
    const user = await createUser();
    expect(await authenticate({ email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD }, { clientIp: uniqueIp() })).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("answers a wrong password and an unknown address identically", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    const wrongPassword = await authenticate({ email: user.email, password: "not the password at all" }, { clientIp: ip });
    const unknownEmail = await authenticate({ email: uniqueEmail("nobody"), password: TEST_PASSWORD }, { clientIp: ip });
    expect(wrongPassword).toEqual({ ok: false, error: "auth:login.invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("after 5 failures the account is throttled even with the right password, from any address", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      expect(await authenticate({ email: user.email, password: `wrong ${i}` }, { clientIp: uniqueIp() })).toEqual({
        ok: false,
        error: "auth:login.invalid",
      });
    }
    const result = await authenticate({ email: user.email, password: TEST_PASSWORD }, { clientIp: uniqueIp() });
    expect(result).toMatchObject({ ok: false, error: "auth:login.throttled" });
    if (result.ok || result.error !== "auth:login.throttled") return;
    expect(result.retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(result.retryAfterMinutes).toBeLessThanOrEqual(15);
    // Throttled attempts are not verified, so they do not count further.
    expect(await limiter(LOGIN_LIMITS.account).count(user.emailNormalized)).toBeLessThanOrEqual(5);
  });

  it("4 failures then a success resets the account counter", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await authenticate({ email: user.email, password: "wrong" }, { clientIp: ip });
      expect(await limiter(LOGIN_LIMITS.account).count(user.emailNormalized)).toBeGreaterThanOrEqual(3.9);
      expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, { clientIp: ip })).toEqual({ ok: true, userId: user.id });
      expect(await limiter(LOGIN_LIMITS.account).count(user.emailNormalized)).toBe(0);
    }
  });

  it("counts failures per client address: 30 failures block that address for every account", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    // One real failure counts against the address…
    await authenticate({ email: uniqueEmail("probe"), password: "guess" }, { clientIp: ip });
    const perIp = limiter(LOGIN_LIMITS.ip);
    expect(await perIp.count(ip)).toBeGreaterThanOrEqual(0.99);
    // …and 29 more (recorded directly: 29 argon2 verifications would only slow the suite).
    for (let i = 0; i < 29; i++) await perIp.hit(ip);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, { clientIp: ip })).toMatchObject({
      ok: false,
      error: "auth:login.throttled",
    });
    // Another address is not affected.
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, { clientIp: uniqueIp() })).toEqual({ ok: true, userId: user.id });
  });

  it("refuses suspended and deleted accounts", async () => {
    const suspended = await createUser();
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspensionReason: "spam" } });
    expect(await authenticate({ email: suspended.email, password: TEST_PASSWORD }, { clientIp: uniqueIp() })).toEqual({
      ok: false,
      error: "auth:login.suspended",
      until: null,
      reason: "spam",
    });
    const deleted = await createUser();
    await db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    expect(await authenticate({ email: deleted.email, password: TEST_PASSWORD }, { clientIp: uniqueIp() })).toEqual({
      ok: false,
      error: "auth:login.invalid",
    });
  });
});

describe("requestPasswordReset / resetPassword", () => {
  it("sends nothing for an unknown address (and does not throw)", async () => {
    const email = uniqueEmail("unknown");
    await expect(requestPasswordReset(email, { clientIp: uniqueIp(), locale: "en" })).resolves.toBeUndefined();
    expect((await rowsFor(email)).emails).toHaveLength(0);
  });

  it("sends at most 3 reset emails an hour per address, whatever the client address", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await requestPasswordReset(user.email.toUpperCase(), { clientIp: uniqueIp(), locale: "en" });
    const emails = await db.emailMessage.findMany({ where: { toAddress: user.email } });
    expect(emails).toHaveLength(3);
    expect(emails.every((message) => message.textBody.includes("/reset-password?token="))).toBe(true);
    // Each request replaced the previous link: only the newest one is usable.
    const tokens = await db.authToken.findMany({ where: { userId: user.id, purpose: "RESET_PASSWORD" } });
    expect(tokens).toHaveLength(1);
    expect(await limiter(EMAIL_LIMITS.address).count(user.emailNormalized)).toBeGreaterThanOrEqual(2.9);
  });

  it("resets the password from the emailed link, ends every session and uses the token up", async () => {
    const user = await createUser({ verified: false });
    const other = await createUser();
    await startSession(user.id);
    await startSession(user.id);
    const othersSession = await startSession(other.id);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);

    await requestPasswordReset(user.email, { clientIp: uniqueIp(), locale: "en" });
    const [message] = await db.emailMessage.findMany({ where: { toAddress: user.email } });
    const token = tokenFromEmail(message.textBody, "/reset-password");

    expect(await resetPassword(token, NEW_PASSWORD, { locale: "en" })).toEqual({ status: "valid", userId: user.id });

    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.findUnique({ where: { id: othersSession } })).not.toBeNull();
    const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.usedAt).toBeInstanceOf(Date);
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(updated.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(updated.emailVerifiedAt).toBeInstanceOf(Date);
    const notices = await db.emailMessage.findMany({ where: { toAddress: user.email }, orderBy: { createdAt: "asc" } });
    expect(notices.map((notice) => notice.subject)).toEqual([message.subject, "Your CivicLoop password was changed"]);

    // The link works once.
    expect(await resetPassword(token, "Another fine long password 9", { locale: "en" })).toEqual({ status: "used" });
  });

  it("refuses a common password without using the token up", async () => {
    const user = await createUser();
    const sessionId = await startSession(user.id);
    const token = await issueToken(db, user.id, "RESET_PASSWORD");
    expect(await resetPassword(token, "password1234", { locale: "en" })).toEqual({ status: "common" });
    expect(await inspectToken(token, "RESET_PASSWORD")).toEqual({ status: "valid", userId: user.id });
    expect(await db.session.findUnique({ where: { id: sessionId } })).not.toBeNull();
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(user.passwordHash);
  });

  it("refuses an invalid token without touching anyone's sessions", async () => {
    const user = await createUser();
    const sessionId = await startSession(user.id);
    expect(await resetPassword("x".repeat(43), NEW_PASSWORD, { locale: "en" })).toEqual({ status: "invalid" });
    expect(await db.session.findUnique({ where: { id: sessionId } })).not.toBeNull();
  });
});

describe("resendVerification", () => {
  it("resends to unverified accounts only, within the email limit", async () => {
    const verified = await createUser();
    expect(await resendVerification(verified.id, { clientIp: uniqueIp(), locale: "en" })).toEqual({ ok: false, reason: "alreadyVerified" });
    const user = await createUser({ verified: false });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await resendVerification(user.id, { clientIp: uniqueIp(), locale: "en" }));
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, reason: "throttled" }]);
    expect(await db.emailMessage.count({ where: { toAddress: user.email } })).toBe(3);
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and counts it like a failed login", async () => {
    const user = await createUser();
    const context = { locale: "en", clientIp: uniqueIp() };
    expect(await changePassword(user.id, { currentPassword: "not it", newPassword: NEW_PASSWORD }, context)).toEqual({
      ok: false,
      error: "validation:password.currentWrong",
      field: "currentPassword",
    });
    expect(await limiter(LOGIN_LIMITS.account).count(user.emailNormalized)).toBeGreaterThanOrEqual(0.99);
    for (let i = 0; i < 4; i++) await changePassword(user.id, { currentPassword: `not it ${i}`, newPassword: NEW_PASSWORD }, context);
    // Now even the right current password is refused: a stolen session cannot brute-force it.
    expect(await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, context)).toEqual({
      ok: false,
      error: "auth:login.throttled",
    });
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(user.passwordHash);
    expect(await db.emailMessage.count({ where: { toAddress: user.email } })).toBe(0);
  });

  it("refuses a common new password", async () => {
    const user = await createUser();
    expect(await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: "iloveyou2024" }, { locale: "en" })).toEqual({
      ok: false,
      error: "validation:password.common",
      field: "newPassword",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it("changes the password and tells the owner by email", async () => {
    const user = await createUser();
    expect(await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { locale: "en" })).toEqual({ ok: true });
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash, NEW_PASSWORD)).toBe(true);
    const notices = await db.emailMessage.findMany({ where: { toAddress: user.email } });
    expect(notices.map((notice) => notice.subject)).toEqual(["Your CivicLoop password was changed"]);
    expect(await authenticate({ email: user.email, password: NEW_PASSWORD }, { clientIp: uniqueIp() })).toEqual({ ok: true, userId: user.id });
  });
});

describe("updateProfile", () => {
  it("updates name, city and language", async () => {
    const user = await createUser();
    expect(await updateProfile(user.id, { displayName: "Maria Ionescu", homeCity: "messina", locale: "ro-RO" })).toEqual({ ok: true });
    const messina = await db.city.findUniqueOrThrow({ where: { slug: "messina" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      displayName: "Maria Ionescu",
      homeCityId: messina.id,
      locale: "ro",
    });
    expect(await updateProfile(user.id, { displayName: "Maria Ionescu", homeCity: "messina", locale: "" })).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBeNull();
  });

  it("refuses unknown cities and languages, changing nothing", async () => {
    const user = await createUser({ displayName: "Before" });
    expect(await updateProfile(user.id, { displayName: "After", homeCity: "atlantis", locale: "en" })).toEqual({
      ok: false,
      error: "validation:homeCity.invalid",
      field: "homeCity",
    });
    expect(await updateProfile(user.id, { displayName: "After", homeCity: "oulu", locale: "tlh" })).toEqual({
      ok: false,
      error: "validation:locale.invalid",
      field: "locale",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe("Before");
  });
});

describe("sessions", () => {
  it("revokeUserSession cannot end another user's session", async () => {
    const owner = await createUser();
    const attacker = await createUser();
    const ownersSession = await startSession(owner.id);
    expect(await revokeUserSession(attacker.id, ownersSession)).toBe(false);
    expect(await db.session.findUnique({ where: { id: ownersSession } })).not.toBeNull();
    expect(await revokeUserSession(owner.id, ownersSession)).toBe(true);
    expect(await db.session.findUnique({ where: { id: ownersSession } })).toBeNull();
    expect(await revokeUserSession(owner.id, ownersSession)).toBe(false);
  });

  it("listUserSessions and revokeOtherSessions stay within the user's own sessions", async () => {
    const user = await createUser();
    const other = await createUser();
    const keep = await startSession(user.id);
    await startSession(user.id);
    const othersSession = await startSession(other.id);
    const listed = await listUserSessions(user.id);
    expect(listed).toHaveLength(2);
    expect(listed[0].userAgent).toBe("vitest");
    await revokeOtherSessions(user.id, keep);
    expect((await listUserSessions(user.id)).map((session) => session.id)).toEqual([keep]);
    expect(await db.session.findUnique({ where: { id: othersSession } })).not.toBeNull();
  });
});
