// Ideas for e2e journeys, written straight to the database: the same rows the commands
// write (the idea, its number from the shared sequence, and its timeline events).
import { randomUUID } from "node:crypto";
import { testDb } from "./db";

export async function createPublishedIdea(options: {
  authorId: string;
  /** The moderator shown as having published it. */
  publishedById?: string;
  city?: string;
  category?: string;
  title?: string;
  summary?: string;
  body?: string;
  status?: "SUBMITTED" | "PUBLISHED";
}) {
  const db = testDb();
  const city = await db.city.findUniqueOrThrow({ where: { slug: options.city ?? "oulu" }, select: { id: true, slug: true } });
  const category = await db.category.findUniqueOrThrow({ where: { slug: options.category ?? "mobility" }, select: { id: true } });
  const status = options.status ?? "PUBLISHED";
  return db.$transaction(async (tx) => {
    const sequence = await tx.sequence.upsert({
      where: { name: "idea" },
      create: { name: "idea", value: 1 },
      update: { value: { increment: 1 } },
      select: { value: true },
    });
    const now = new Date();
    const idea = await tx.idea.create({
      data: {
        number: sequence.value,
        cityId: city.id,
        authorId: options.authorId,
        categoryId: category.id,
        title: options.title ?? `Bike-share map ${randomUUID().slice(0, 6)}`,
        summary: options.summary ?? "Show free city bikes and docks on one live map.",
        body: options.body ?? "## Why\nFinding a **free bike** takes too long.",
        language: "en",
        status,
        publishedAt: status === "PUBLISHED" ? now : null,
      },
      select: { id: true, number: true },
    });
    await tx.ideaEvent.create({ data: { ideaId: idea.id, type: "SUBMITTED", toStatus: "SUBMITTED", actorId: options.authorId, createdAt: new Date(now.getTime() - 1000) } });
    if (status === "PUBLISHED") {
      await tx.ideaEvent.create({ data: { ideaId: idea.id, type: "PUBLISHED", fromStatus: "SUBMITTED", toStatus: "PUBLISHED", actorId: options.publishedById ?? null, createdAt: now } });
    }
    return { id: idea.id, number: idea.number, title: options.title, path: `/cities/${city.slug}/ideas/${idea.number}` };
  });
}
