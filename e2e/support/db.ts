// Direct database access for test setup (users with roles, expired tokens …), through
// the app's own client factory so both database kinds work.
import { randomUUID } from "node:crypto";
import { resolveDatabase } from "../../app/utils/database-config.js";
import { createDb, type Db } from "../../app/utils/db.server";
import { hashPassword } from "../../app/modules/accounts/password.server";

let client: Db | undefined;
export function testDb(): Db {
  client ??= createDb(resolveDatabase({ DATABASE_URL: process.env.E2E_DATABASE_URL, DATA_DIR: process.env.E2E_DATA_DIR }));
  return client;
}

export const E2E_PASSWORD = "sunlit harbour kettle 42";
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "person") {
  return `${prefix}-${randomUUID().slice(0, 8)}@e2e.example`;
}

export type TestRole = { role: "MODERATOR" | "CITY_ADMIN" | "NETWORK_ADMIN"; city?: string };

/** A verified account, created directly in the database. */
export async function createUser(options: {
  email?: string;
  displayName?: string;
  city?: string;
  kind?: "CITIZEN" | "ENTREPRENEUR";
  roles?: TestRole[];
  verified?: boolean;
  locale?: string | null;
} = {}) {
  const db = testDb();
  passwordHash ??= hashPassword(E2E_PASSWORD);
  const email = options.email ?? uniqueEmail();
  const city = await db.city.findUniqueOrThrow({ where: { slug: options.city ?? "oulu" }, select: { id: true } });
  const user = await db.user.create({
    data: {
      email,
      emailNormalized: email.toLowerCase(),
      displayName: options.displayName ?? "E2E Person",
      passwordHash: await passwordHash,
      kind: options.kind ?? "CITIZEN",
      homeCityId: city.id,
      // People registering through the form get the page's language; test people are
      // English speakers unless told otherwise (emails otherwise follow the home city's language).
      locale: options.locale === undefined ? "en" : options.locale,
      privacyAcceptedAt: new Date(),
      emailVerifiedAt: options.verified === false ? null : new Date(),
    },
  });
  for (const role of options.roles ?? []) {
    const cityId = role.city
      ? (await db.city.findUniqueOrThrow({ where: { slug: role.city }, select: { id: true } })).id
      : null;
    await db.roleAssignment.create({
      data: { userId: user.id, role: role.role, cityId, scope: cityId ?? "network" },
    });
  }
  return { id: user.id, email, password: E2E_PASSWORD, displayName: user.displayName };
}
