// Reading and marking one's own notifications, and saving email preferences.
import { db } from "~/utils/db.server";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, effectiveFrequencies, type EmailFrequency, type NotificationKind } from "./kinds";

export const PAGE_SIZE = 30;

export function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Newest first, keyset-paginated by (createdAt, id): `before` is the last id of the previous page. */
export async function listNotifications(userId: string, before?: string | null) {
  const anchor = before
    ? await db.notification.findFirst({
        where: { id: before, userId },
        select: { id: true, createdAt: true },
      })
    : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(anchor
        ? {
            OR: [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      ideaId: true,
      commentId: true,
      data: true,
      readAt: true,
      createdAt: true,
      city: { select: { timeZone: true } },
    },
  });
  return {
    items: rows.slice(0, PAGE_SIZE),
    nextBefore: rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1].id : null,
  };
}

export async function markRead(userId: string, id: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, userId, readAt: null },
    data: { readAt: new Date() },
  });
}

export async function markAllRead(userId: string): Promise<void> {
  await db.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: new Date() },
  });
}

export async function getPreferences(userId: string): Promise<Record<NotificationKind, EmailFrequency>> {
  const rows = await db.notificationPreference.findMany({
    where: { userId },
    select: { kind: true, frequency: true },
  });
  return effectiveFrequencies(rows);
}

export async function savePreferences(userId: string, choices: Record<NotificationKind, EmailFrequency>): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const frequency = choices[kind];
      if (!(EMAIL_FREQUENCIES as readonly string[]).includes(frequency)) continue;
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, frequency },
        update: { frequency },
        select: { userId: true },
      });
    }
  });
}
