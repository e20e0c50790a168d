// Signed one-click unsubscribe links: they work without logging in, cannot be forged (HMAC
// with the session secret) and expire. The scope is one kind of news, one digest period, or
// everything.
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { NOTIFICATION_KINDS, effectiveFrequencies, isNotificationKind, type NotificationKind } from "./kinds";

export type UnsubscribeScope = NotificationKind | "all" | "daily" | "weekly";

/** Links in an email keep working this long. */
export const UNSUBSCRIBE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

function isScope(value: string): value is UnsubscribeScope {
  return value === "all" || value === "daily" || value === "weekly" || isNotificationKind(value);
}

function sign(payload: string) {
  return createHmac("sha256", `unsubscribe:${getEnv().sessionSecret}`).update(payload).digest("base64url");
}

export function createUnsubscribeToken(userId: string, scope: UnsubscribeScope, now = new Date()): string {
  const expires = Math.floor((now.getTime() + UNSUBSCRIBE_TTL_MS) / 1000).toString(36);
  const payload = `${userId}.${scope}.${expires}`;
  return `${payload}.${sign(payload)}`;
}

export function unsubscribeUrl(userId: string, scope: UnsubscribeScope, now = new Date()): string {
  return `${getEnv().appUrl}/unsubscribe?${new URLSearchParams({
    token: createUnsubscribeToken(userId, scope, now),
  })}`;
}

export type TokenCheck = { ok: true; userId: string; scope: UnsubscribeScope } | { ok: false; error: "invalid" | "expired" };

export function verifyUnsubscribeToken(token: unknown, now = new Date()): TokenCheck {
  if (typeof token !== "string" || token.length > 300) return { ok: false, error: "invalid" };
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, error: "invalid" };
  const [userId, scope, expires, signature] = parts;
  const expected = Buffer.from(sign(`${userId}.${scope}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, error: "invalid" };
  if (!isScope(scope) || !/^[0-9a-z]+$/.test(expires)) return { ok: false, error: "invalid" };
  if (parseInt(expires, 36) * 1000 < now.getTime()) return { ok: false, error: "expired" };
  return { ok: true, userId, scope };
}

/** The kinds an unsubscribe of this scope turns off, given the person's current choices. */
export function kindsFor(scope: UnsubscribeScope, current: Record<NotificationKind, string>): NotificationKind[] {
  if (scope === "all") return [...NOTIFICATION_KINDS];
  if (scope === "daily") return NOTIFICATION_KINDS.filter((kind) => current[kind] === "DAILY");
  if (scope === "weekly") return NOTIFICATION_KINDS.filter((kind) => current[kind] === "WEEKLY");
  return [scope];
}

/** Sets the scope's kinds to NEVER. Idempotent; a deleted account is simply not found. */
export async function applyUnsubscribe(userId: string, scope: UnsubscribeScope): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true },
    });
    if (!user) return false;
    const saved = await tx.notificationPreference.findMany({
      where: { userId },
      select: { kind: true, frequency: true },
    });
    for (const kind of kindsFor(scope, effectiveFrequencies(saved))) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, frequency: "NEVER" },
        update: { frequency: "NEVER" },
        select: { userId: true },
      });
    }
    return true;
  });
}
