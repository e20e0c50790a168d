import { randomUUID } from "node:crypto";
import { hashPassword } from "~/modules/accounts/password.server";
import { db } from "~/utils/db.server";

export const TEST_PASSWORD = "correct horse battery staple";

let cachedHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

export async function createUser(overrides: { email?: string; displayName?: string; citySlug?: string; verified?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? uniqueEmail();
  const city = await db.city.findUniqueOrThrow({ where: { slug: overrides.citySlug ?? "oulu" }, select: { id: true } });
  return db.user.create({
    data: {
      email,
      emailNormalized: email.toLowerCase(),
      displayName: overrides.displayName ?? "Test User",
      passwordHash: await cachedHash,
      homeCityId: city.id,
      privacyAcceptedAt: new Date(),
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    },
  });
}
