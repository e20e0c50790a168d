import { randomUUID } from "node:crypto";
import { hashPassword } from "~/modules/accounts/password.server";
import { db } from "~/utils/db.server";

export const TEST_PASSWORD = "correct horse battery staple";

let cachedHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

export async function createUser(
  overrides: { email?: string; displayName?: string; citySlug?: string; verified?: boolean; locale?: string | null } = {},
) {
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
      // Test people read English unless told otherwise (emails otherwise follow the home city's language).
      locale: overrides.locale === undefined ? "en" : overrides.locale,
      privacyAcceptedAt: new Date(),
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    },
  });
}

/** An idea, optionally already published (through the real commands, with timeline events). */
export async function createIdea(
  options: {
    authorId?: string;
    citySlug?: string;
    categorySlug?: string;
    title?: string;
    summary?: string;
    body?: string;
    published?: boolean;
  } = {},
) {
  const { submitIdea, publishIdea } = await import("~/modules/ideas/ideas.server");
  const city = await db.city.findUniqueOrThrow({ where: { slug: options.citySlug ?? "oulu" }, select: { id: true } });
  const category = await db.category.findUniqueOrThrow({ where: { slug: options.categorySlug ?? "mobility" }, select: { id: true } });
  const authorId = options.authorId ?? (await createUser({ citySlug: options.citySlug })).id;
  const idea = await submitIdea({
    cityId: city.id,
    authorId,
    categoryId: category.id,
    title: options.title ?? `Digital parking permits ${randomUUID().slice(0, 6)}`,
    summary: options.summary ?? "Apply for and renew residents' parking permits online instead of at the town hall.",
    body: options.body ?? "## Why\nQueues at the town hall are long.",
    language: "en",
  });
  if (options.published !== false) {
    const moderator = await createUser({ citySlug: options.citySlug });
    const result = await publishIdea(idea.id, moderator.id);
    if (!result.ok) throw new Error(`could not publish test idea: ${result.error}`);
  }
  return { id: idea.id, number: idea.number, authorId, cityId: city.id };
}
