import { createHash, randomBytes } from "node:crypto";
import { db, type Db, type DbTransaction } from "~/utils/db.server";

export type TokenPurpose = "VERIFY_EMAIL" | "RESET_PASSWORD";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 48 * 60 * 60_000,
  RESET_PASSWORD: 60 * 60_000,
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a single-use token; only its hash is stored. Earlier unused ones of the same kind are revoked. */
export async function issueToken(client: Db | DbTransaction, userId: string, purpose: TokenPurpose, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  await client.authToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await client.authToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

export type TokenState = { status: "valid"; userId: string } | { status: "expired" | "used" | "invalid" };

/** Looks at a token without using it (for the page that asks to confirm). */
export async function inspectToken(token: string, purpose: TokenPurpose, now = new Date(), client: Db | DbTransaction = db): Promise<TokenState> {
  if (!isWellFormed(token)) return { status: "invalid" };
  const row = await client.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose) return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid", userId: row.userId };
}

/**
 * Uses a token exactly once: the conditional update succeeds for one request only,
 * even when the link is opened twice at the same moment.
 */
export async function consumeToken(client: Db | DbTransaction, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenState> {
  if (!isWellFormed(token)) return { status: "invalid" };
  const tokenHash = hashToken(token);
  const { count } = await client.authToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 1) {
    const row = await client.authToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    return { status: "valid", userId: row.userId };
  }
  return inspectToken(token, purpose, now, client);
}

function isWellFormed(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export async function purgeExpiredTokens(now = new Date()) {
  // Used or expired tokens are kept a week so "this link was already used" can be told apart from "invalid".
  const cutoff = new Date(now.getTime() - 7 * 24 * 60 * 60_000);
  await db.authToken.deleteMany({ where: { expiresAt: { lt: cutoff } } });
}
