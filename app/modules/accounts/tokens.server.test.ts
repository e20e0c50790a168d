import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { consumeToken, inspectToken, issueToken, purgeExpiredTokens, TOKEN_LIFETIME_MS } from "./tokens.server";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

let userId: string;
beforeEach(async () => {
  userId = (await createUser()).id;
});

describe("issueToken", () => {
  it("returns a 43-character base64url token and stores only its SHA-256", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const token = await issueToken(db, userId, "VERIFY_EMAIL", now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.authToken.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256(token));
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].purpose).toBe("VERIFY_EMAIL");
    expect(rows[0].usedAt).toBeNull();
    expect(rows[0].expiresAt.getTime()).toBe(now.getTime() + TOKEN_LIFETIME_MS.VERIFY_EMAIL);
  });

  it("revokes earlier unused tokens of the same purpose, not of the other purpose", async () => {
    const firstVerify = await issueToken(db, userId, "VERIFY_EMAIL");
    const reset = await issueToken(db, userId, "RESET_PASSWORD");
    const secondVerify = await issueToken(db, userId, "VERIFY_EMAIL");
    expect(await inspectToken(firstVerify, "VERIFY_EMAIL")).toEqual({ status: "invalid" });
    expect(await inspectToken(secondVerify, "VERIFY_EMAIL")).toEqual({ status: "valid", userId });
    expect(await inspectToken(reset, "RESET_PASSWORD")).toEqual({ status: "valid", userId });
  });

  it("gives reset links one hour and verification links 48 hours", () => {
    expect(TOKEN_LIFETIME_MS.RESET_PASSWORD).toBe(60 * 60_000);
    expect(TOKEN_LIFETIME_MS.VERIFY_EMAIL).toBe(48 * 60 * 60_000);
  });
});

describe("inspectToken / consumeToken", () => {
  it("inspecting does not use the token; consuming uses it exactly once", async () => {
    const token = await issueToken(db, userId, "RESET_PASSWORD");
    expect(await inspectToken(token, "RESET_PASSWORD")).toEqual({ status: "valid", userId });
    expect(await inspectToken(token, "RESET_PASSWORD")).toEqual({ status: "valid", userId });
    expect(await consumeToken(db, token, "RESET_PASSWORD")).toEqual({ status: "valid", userId });
    expect(await consumeToken(db, token, "RESET_PASSWORD")).toEqual({ status: "used" });
    expect(await inspectToken(token, "RESET_PASSWORD")).toEqual({ status: "used" });
    const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.usedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired token, at the exact expiry instant too", async () => {
    const issuedAt = new Date("2030-06-01T08:00:00Z");
    const token = await issueToken(db, userId, "RESET_PASSWORD", issuedAt);
    const expiry = new Date(issuedAt.getTime() + TOKEN_LIFETIME_MS.RESET_PASSWORD);
    const justBefore = new Date(expiry.getTime() - 1);
    expect(await inspectToken(token, "RESET_PASSWORD", justBefore)).toEqual({ status: "valid", userId });
    expect(await inspectToken(token, "RESET_PASSWORD", expiry)).toEqual({ status: "expired" });
    expect(await consumeToken(db, token, "RESET_PASSWORD", expiry)).toEqual({ status: "expired" });
    // Refusing an expired token must not mark it used.
    const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.usedAt).toBeNull();
    expect(await consumeToken(db, token, "RESET_PASSWORD", justBefore)).toEqual({ status: "valid", userId });
  });

  it("refuses a token used for the wrong purpose without spending it", async () => {
    const token = await issueToken(db, userId, "VERIFY_EMAIL");
    expect(await inspectToken(token, "RESET_PASSWORD")).toEqual({ status: "invalid" });
    expect(await consumeToken(db, token, "RESET_PASSWORD")).toEqual({ status: "invalid" });
    expect(await consumeToken(db, token, "VERIFY_EMAIL")).toEqual({ status: "valid", userId });
  });

  it.each([
    ["empty", ""],
    ["too short", "abc"],
    ["one character short", "a".repeat(42)],
    ["one character long", "a".repeat(44)],
    ["not base64url", `${"a".repeat(42)}+`],
    ["padding", `${"a".repeat(42)}=`],
    ["SQL-looking", `' OR 1=1 --${"a".repeat(32)}`],
  ])("refuses a malformed token (%s)", async (_label, token) => {
    expect(await inspectToken(token, "VERIFY_EMAIL")).toEqual({ status: "invalid" });
    expect(await consumeToken(db, token, "VERIFY_EMAIL")).toEqual({ status: "invalid" });
  });

  it("refuses a well-formed token that was never issued", async () => {
    const unknown = "A".repeat(43);
    expect(await inspectToken(unknown, "VERIFY_EMAIL")).toEqual({ status: "invalid" });
    expect(await consumeToken(db, unknown, "VERIFY_EMAIL")).toEqual({ status: "invalid" });
  });

  it("two concurrent consumes of the same token: exactly one is valid", async () => {
    for (let round = 0; round < 3; round++) {
      const token = await issueToken(db, userId, "RESET_PASSWORD");
      const results = await Promise.all([
        consumeToken(db, token, "RESET_PASSWORD"),
        consumeToken(db, token, "RESET_PASSWORD"),
        db.$transaction((tx) => consumeToken(tx, token, "RESET_PASSWORD")),
      ]);
      expect(results.filter((result) => result.status === "valid")).toEqual([{ status: "valid", userId }]);
      expect(results.filter((result) => result.status === "used")).toHaveLength(2);
    }
  });
});

describe("purgeExpiredTokens", () => {
  it("deletes tokens expired more than a week ago and keeps recent ones", async () => {
    // A "now" far in the past: the purge is global, and other test files share the database.
    const now = new Date(Date.now() - 400 * 24 * 60 * 60_000);
    const old = await issueToken(db, userId, "VERIFY_EMAIL", new Date(now.getTime() - 10 * 24 * 60 * 60_000));
    const recent = await issueToken(db, userId, "RESET_PASSWORD", new Date(now.getTime() - 2 * 24 * 60 * 60_000));
    await purgeExpiredTokens(now);
    expect(await db.authToken.findUnique({ where: { tokenHash: sha256(old) } })).toBeNull();
    expect(await inspectToken(recent, "RESET_PASSWORD", now)).toEqual({ status: "expired" });
  });
});
