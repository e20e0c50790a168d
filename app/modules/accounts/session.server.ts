// Every lucia call lives in this module (lucia v3 is in maintenance: replacing it must
// touch one file).
import { Lucia, TimeSpan } from "lucia";
import { redirect } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { perDialect } from "~/utils/sql-dialect.server";
import { createPrismaAdapter } from "./lucia-adapter.server";
import type { Role } from "./roles.policy";

function createLucia() {
  return new Lucia(createPrismaAdapter(db), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "civicloop_session",
      attributes: { secure: getEnv().secureCookies, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: {
      email: string;
      displayName: string;
      locale: string | null;
      kind: "CITIZEN" | "ENTREPRENEUR";
      homeCityId: string | null;
      emailVerifiedAt: Date | null;
      suspendedAt: Date | null;
      suspendedUntil: Date | null;
      deletedAt: Date | null;
      /** Read with the session in the same statement (lucia-adapter.server.ts). */
      roles: Role[];
    };
    DatabaseSessionAttributes: {
      userAgent?: string | null;
      createdAt?: Date;
      lastSeenAt?: Date;
    };
  }
}

let lucia: ReturnType<typeof createLucia> | undefined;
function auth() {
  lucia ??= createLucia();
  return lucia;
}

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
  kind: "CITIZEN" | "ENTREPRENEUR";
  homeCityId: string | null;
  emailVerifiedAt: Date | null;
};

export type AuthState = {
  user: SessionUser | null;
  /** The user's roles, read with the session (empty when signed out). */
  roles: Role[];
  sessionId: string | null;
  /** Set-Cookie to send when lucia extended or cleared the session. */
  setCookie: string | null;
};

export function isSuspended(user: { suspendedAt: Date | null; suspendedUntil: Date | null }, now = new Date()) {
  return user.suspendedAt !== null && (user.suspendedUntil === null || user.suspendedUntil > now);
}

const authCache = new WeakMap<Request, Promise<AuthState>>();

// Raw: runs on a signed-in request every 5 minutes per session (a Prisma model query is compiled anew each time).
const touchSessionSql = perDialect(({ placeholders }) => {
  const [seenAt, id] = placeholders(2);
  return `UPDATE "Session" SET "lastSeenAt" = ${seenAt} WHERE "id" = ${id}`;
});

async function readAuth(request: Request): Promise<AuthState> {
  const sessionId = auth().readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, roles: [], sessionId: null, setCookie: null };
  const { session, user } = await auth().validateSession(sessionId);
  if (!session || !user) {
    return { user: null, roles: [], sessionId: null, setCookie: auth().createBlankSessionCookie().serialize() };
  }
  if (user.deletedAt || isSuspended(user)) {
    await auth().invalidateSession(session.id);
    return { user: null, roles: [], sessionId: null, setCookie: auth().createBlankSessionCookie().serialize() };
  }
  // Keep "last active" roughly right for the session list without a write per request.
  if (!session.lastSeenAt || Date.now() - session.lastSeenAt.getTime() > 5 * 60_000) {
    await db.$executeRawUnsafe(touchSessionSql(), new Date(), session.id);
  }
  const { id, email, displayName, locale, kind, homeCityId, emailVerifiedAt, roles } = user;
  return {
    user: { id, email, displayName, locale, kind, homeCityId, emailVerifiedAt },
    roles,
    sessionId: session.id,
    setCookie: session.fresh ? auth().createSessionCookie(session.id).serialize() : null,
  };
}

/** The request's session, validated once per request however many loaders ask. */
export function getAuth(request: Request): Promise<AuthState> {
  let pending = authCache.get(request);
  if (!pending) {
    pending = readAuth(request);
    authCache.set(request, pending);
  }
  return pending;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getAuth(request)).user;
}

/** Signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw redirect(loginUrlFor(request));
  return user;
}

export function loginUrlFor(request: Request): string {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return `/login?${new URLSearchParams({ redirectTo: back })}`;
}

/** Starts a session and returns its Set-Cookie header value. */
export async function createUserSession(userId: string, request: Request): Promise<string> {
  const userAgent = request.headers.get("User-Agent")?.slice(0, 300) ?? null;
  const session = await auth().createSession(userId, { userAgent });
  return auth().createSessionCookie(session.id).serialize();
}

export async function endSession(sessionId: string): Promise<string> {
  await auth().invalidateSession(sessionId);
  return auth().createBlankSessionCookie().serialize();
}

export async function endAllUserSessions(userId: string): Promise<void> {
  await auth().invalidateUserSessions(userId);
}

export async function deleteExpiredSessions(): Promise<void> {
  await auth().deleteExpiredSessions();
}
