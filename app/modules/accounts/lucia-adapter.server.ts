import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Db } from "~/utils/db.server";
import { perDialect, rawDate } from "~/utils/sql-dialect.server";
import type { Role, RoleName } from "./roles.policy";

/**
 * The session, its user and the user's roles in ONE raw statement (one row per role, or
 * one row with NULL role columns). Every signed-in request runs it, so it is not a Prisma
 * model query: those are compiled anew on each call, and the session with its user plus
 * the roles were two of them (1.2–1.5 ms of CPU per request, against about 0.4 ms for
 * this statement: docs/benchmarks.md).
 * Read on every request, never cached: a revoked session, a suspension or a withdrawn
 * role takes effect on the next request.
 */
const sessionUserRolesSql = perDialect(
  ({ placeholders }) => `SELECT s."id" AS "id", s."userId" AS "userId", s."expiresAt" AS "expiresAt", s."createdAt" AS "createdAt",
      s."lastSeenAt" AS "lastSeenAt", s."userAgent" AS "userAgent",
      u."email" AS "email", u."displayName" AS "displayName", u."locale" AS "locale", u."kind" AS "kind",
      u."homeCityId" AS "homeCityId", u."emailVerifiedAt" AS "emailVerifiedAt", u."suspendedAt" AS "suspendedAt",
      u."suspendedUntil" AS "suspendedUntil", u."deletedAt" AS "deletedAt",
      r."role" AS "role", r."cityId" AS "roleCityId"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "RoleAssignment" r ON r."userId" = s."userId"
    WHERE s."id" = ${placeholders(1)[0]}`,
);

const extendSessionSql = perDialect(({ placeholders }) => {
  const [expiresAt, id] = placeholders(2);
  return `UPDATE "Session" SET "expiresAt" = ${expiresAt} WHERE "id" = ${id}`;
});

type SessionUserRolesRow = {
  id: string;
  userId: string;
  expiresAt: unknown;
  createdAt: unknown;
  lastSeenAt: unknown;
  userAgent: string | null;
  email: string;
  displayName: string;
  locale: string | null;
  kind: "CITIZEN" | "ENTREPRENEUR";
  homeCityId: string | null;
  emailVerifiedAt: unknown;
  suspendedAt: unknown;
  suspendedUntil: unknown;
  deletedAt: unknown;
  role: RoleName | null;
  roleCityId: string | null;
};

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
      const rows = await db.$queryRawUnsafe<SessionUserRolesRow[]>(sessionUserRolesSql(), sessionId);
      const row = rows[0];
      if (!row) return [null, null];
      const roles: Role[] = rows.filter((each) => each.role !== null).map((each) => ({ role: each.role!, cityId: each.roleCityId }));
      const session = toDatabaseSession({
        id: row.id,
        userId: row.userId,
        expiresAt: rawDate(row.expiresAt)!,
        createdAt: rawDate(row.createdAt)!,
        lastSeenAt: rawDate(row.lastSeenAt)!,
        userAgent: row.userAgent,
      });
      const databaseUser: DatabaseUser = {
        id: row.userId,
        attributes: {
          email: row.email,
          displayName: row.displayName,
          locale: row.locale,
          kind: row.kind,
          homeCityId: row.homeCityId,
          emailVerifiedAt: rawDate(row.emailVerifiedAt),
          suspendedAt: rawDate(row.suspendedAt),
          suspendedUntil: rawDate(row.suspendedUntil),
          deletedAt: rawDate(row.deletedAt),
          roles,
        },
      };
      return [session, databaseUser];
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
      // Raw, like the lookup: lucia extends a session on the request that finds it half used.
      await db.$executeRawUnsafe(extendSessionSql(), expiresAt, sessionId);
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
