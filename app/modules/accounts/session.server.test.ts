// The session check of every signed-in request: one statement reads the session, the
// person and their roles (lucia-adapter.server.ts). Nothing is kept between requests, so
// a role granted or withdrawn, a suspension or a revoked session counts on the next one.
import { describe, expect, it } from "vitest";
import { createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { getAuth, createUserSession, endSession } from "./session.server";
import { getViewer } from "./viewer.server";

const BASE = "http://localhost";

async function signIn(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

/** A new request each time, as the server sees them (the check is cached per request only). */
const request = (cookie: string) => new Request(`${BASE}/ideas`, { headers: { Cookie: cookie } });

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

describe("session check", () => {
  it("gives the person and all their roles, read again on every request", async () => {
    const user = await createUser({ locale: "fi" });
    const cookie = await signIn(user.id);
    const first = await getAuth(request(cookie));
    expect(first.user).toMatchObject({ id: user.id, email: user.email, locale: "fi", kind: "CITIZEN" });
    expect(first.user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(first.roles).toEqual([]);
    expect(await getViewer(request(cookie))).toEqual({ id: user.id, roles: [] });

    const [oulu, messina] = [await cityId("oulu"), await cityId("messina")];
    await db.roleAssignment.createMany({
      data: [
        { userId: user.id, role: "MODERATOR", cityId: oulu, scope: oulu },
        { userId: user.id, role: "CITY_ADMIN", cityId: messina, scope: messina },
      ],
    });
    const granted = await getViewer(request(cookie));
    expect(granted?.roles).toHaveLength(2);
    expect(granted?.roles).toEqual(
      expect.arrayContaining([
        { role: "MODERATOR", cityId: oulu },
        { role: "CITY_ADMIN", cityId: messina },
      ]),
    );

    await db.roleAssignment.deleteMany({ where: { userId: user.id, role: "CITY_ADMIN" } });
    expect((await getViewer(request(cookie)))?.roles).toEqual([{ role: "MODERATOR", cityId: oulu }]);
  });

  it("signs out at once a revoked session, a suspended or a deleted account", async () => {
    const revoked = await createUser();
    const revokedCookie = await signIn(revoked.id);
    expect((await getAuth(request(revokedCookie))).user?.id).toBe(revoked.id);
    await endSession(revokedCookie.split("=")[1]);
    const afterRevoke = await getAuth(request(revokedCookie));
    expect(afterRevoke).toMatchObject({ user: null, roles: [] });
    expect(afterRevoke.setCookie).toContain("civicloop_session=;");

    const suspended = await createUser();
    const suspendedCookie = await signIn(suspended.id);
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspendedUntil: new Date(Date.now() + 86_400_000) } });
    expect((await getAuth(request(suspendedCookie))).user).toBeNull();
    // The session was ended, not only refused.
    expect(await db.session.count({ where: { userId: suspended.id } })).toBe(0);

    const deleted = await createUser();
    const deletedCookie = await signIn(deleted.id);
    await db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    expect(await getViewer(request(deletedCookie))).toBeNull();
  });

  it("refuses an unknown or expired session", async () => {
    expect((await getAuth(request("civicloop_session=doesnotexist"))).user).toBeNull();
    const user = await createUser();
    const cookie = await signIn(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getAuth(request(cookie))).user).toBeNull();
  });

  it("extends a session past half its life and records when it was last seen", async () => {
    const user = await createUser();
    const cookie = await signIn(user.id);
    const old = new Date(Date.now() - 60 * 60_000);
    const soon = new Date(Date.now() + 5 * 86_400_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: soon, lastSeenAt: old } });
    const auth = await getAuth(request(cookie));
    expect(auth.user?.id).toBe(user.id);
    expect(auth.setCookie).toContain("civicloop_session=");
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 25 * 86_400_000);
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 30 * 60_000);
  });
});
