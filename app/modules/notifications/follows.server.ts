// Follows: who hears about an idea, a consultation or an organization. Following twice is
// harmless: the primary key holds one row and the insert skips duplicates without failing
// the caller's transaction (on PostgreSQL a failed statement aborts the whole transaction).
import { db, type Db, type DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const FOLLOW_TARGETS = ["IDEA", "CONSULTATION", "ORGANIZATION"] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

type Client = Db | DbTransaction;

const FOLLOW_SQL = {
  sqlite: `INSERT INTO "Follow" ("userId", "targetType", "targetId", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  postgresql: `INSERT INTO "Follow" ("userId", "targetType", "targetId", "createdAt") VALUES ($1, CAST($2 AS "FollowTarget"), $3, $4) ON CONFLICT DO NOTHING`,
};

/**
 * userId follows the target; a no-op when they already do. One raw statement (INSERT … ON
 * CONFLICT DO NOTHING): cheap on hot paths (supporting), and never aborts the caller's
 * transaction on PostgreSQL. Returns true when the follow is new.
 */
export async function follow(client: Client, userId: string, targetType: FollowTarget, targetId: string, now = new Date()): Promise<boolean> {
  const inserted = await client.$executeRawUnsafe(FOLLOW_SQL[getEnv().database.provider], userId, targetType, targetId, now);
  return inserted === 1;
}

export async function unfollow(client: Client, userId: string, targetType: FollowTarget, targetId: string): Promise<void> {
  await client.follow.deleteMany({ where: { userId, targetType, targetId } });
}

export async function isFollowing(userId: string | null | undefined, targetType: FollowTarget, targetId: string): Promise<boolean> {
  if (!userId) return false;
  const row = await db.follow.findUnique({
    where: { userId_targetType_targetId: { userId, targetType, targetId } },
    select: { userId: true },
  });
  return row !== null;
}
