import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Db } from "~/utils/db.server";

const userAttributeSelect = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  kind: true,
  homeCityId: true,
  emailVerifiedAt: true,
  suspendedAt: true,
  suspendedUntil: true,
  deletedAt: true,
} as const;

const sessionSelect = { id: true, userId: true, expiresAt: true, createdAt: true, lastSeenAt: true, userAgent: true } as const;

type SessionRow = { id: string; userId: string; expiresAt: Date; createdAt: Date; lastSeenAt: Date; userAgent: string | null };

function toDatabaseSession(row: SessionRow): DatabaseSession {
  const { id, userId, expiresAt, ...attributes } = row;
  return { id, userId, expiresAt, attributes };
}

/** lucia's storage interface over our Prisma models (no extra adapter package needed). */
export function createPrismaAdapter(db: Db): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      const row = await db.session.findUnique({
        where: { id: sessionId },
        select: { ...sessionSelect, user: { select: userAttributeSelect } },
      });
      if (!row) return [null, null];
      const { user, ...session } = row;
      const { id, ...attributes } = user;
      const databaseUser: DatabaseUser = { id, attributes };
      return [toDatabaseSession(session), databaseUser];
    },
    async getUserSessions(userId) {
      const rows = await db.session.findMany({ where: { userId }, select: sessionSelect });
      return rows.map(toDatabaseSession);
    },
    async setSession(session) {
      await db.session.create({
        data: {
          id: session.id,
          userId: session.userId,
          expiresAt: session.expiresAt,
          userAgent: session.attributes.userAgent ?? null,
        },
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
    },
    async deleteSession(sessionId) {
      await db.session.deleteMany({ where: { id: sessionId } });
    },
    async deleteUserSessions(userId) {
      await db.session.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions() {
      await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    },
  };
}
