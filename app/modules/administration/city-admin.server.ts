// City administration commands: official answers, the city's own categories and its
// settings. Each checks the actor's role for the city itself (the routes check too) and
// writes its audit entry in the same transaction as the change.
import { randomUUID } from "node:crypto";
import { hasCityRole, type Role } from "~/modules/accounts/roles.policy";
import type { CategoryNames } from "~/modules/administration/administration.schema";
import { recordAudit } from "~/modules/moderation/audit.server";
import { notify } from "~/modules/notifications/notify.server";
import { db } from "~/utils/db.server";

export type Actor = { id: string; roles: readonly Role[] };
export type AdminResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; error: "forbidden" | "notFound" | "notOpen" | "conflict" };

const ANSWERABLE = [
  "PUBLISHED",
  "UNDER_REVIEW",
  "ACCEPTED",
  "PILOTING",
  "LAUNCHED",
  "REJECTED",
] as const;

/** Publishes or changes the city's official answer on an idea, without changing its status. */
export async function answerIdea(
  ideaId: string,
  actor: Actor,
  answer: string
): Promise<AdminResult> {
  return db.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({
      where: { id: ideaId },
      select: { cityId: true, status: true, officialAnswer: true },
    });
    if (!idea) return { ok: false as const, error: "notFound" as const };
    if (!hasCityRole(actor.roles, idea.cityId, "CITY_ADMIN"))
      return { ok: false as const, error: "forbidden" as const };
    const { count } = await tx.idea.updateMany({
      where: { id: ideaId, status: { in: [...ANSWERABLE] } },
      data: { officialAnswer: answer },
    });
    if (count !== 1) return { ok: false as const, error: "notOpen" as const };
    await tx.ideaEvent.create({
      data: { ideaId, type: "ANSWERED", actorId: actor.id, reason: answer },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      cityId: idea.cityId,
      action: "idea.answer",
      targetType: "IDEA",
      targetId: ideaId,
      reason: answer,
      data: { status: idea.status, replaced: idea.officialAnswer !== null },
    });
    // The author and followers hear of the answer (in the app, and by email per their choice).
    await notify(tx, { kind: "IDEA_ANSWERED", ideaId, actorId: actor.id });
    return { ok: true as const };
  });
}

export type CityCategory = {
  id: string;
  slug: string;
  names: Record<string, string>;
  archivedAt: Date | null;
  ideaCount: number;
};

function namesOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === "string" && entry[1] !== ""
    )
  );
}

export async function listCityCategories(
  cityId: string
): Promise<CityCategory[]> {
  const rows = await db.category.findMany({
    where: { cityId },
    orderBy: [{ archivedAt: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      names: true,
      archivedAt: true,
      _count: { select: { ideas: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    names: namesOf(row.names),
    archivedAt: row.archivedAt,
    ideaCount: row._count.ideas,
  }));
}

function cleanNames(names: CategoryNames): Record<string, string> {
  return Object.fromEntries(
    Object.entries(names)
      .filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === "string" && entry[1].trim() !== ""
      )
      .map(([locale, name]) => [locale, name.trim()])
  );
}

/** A city's own category (the slug is generated: it never collides with the network's). */
export async function createCategory(
  cityId: string,
  actor: Actor,
  names: CategoryNames
): Promise<AdminResult<{ id: string }>> {
  if (!hasCityRole(actor.roles, cityId, "CITY_ADMIN"))
    return { ok: false, error: "forbidden" };
  return db.$transaction(async (tx) => {
    const position = await tx.category.count({ where: { cityId } });
    const category = await tx.category.create({
      data: {
        cityId,
        slug: `city-${randomUUID()}`,
        names: cleanNames(names),
        position: 100 + position,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      cityId,
      action: "category.create",
      targetType: "CATEGORY",
      targetId: category.id,
      data: { name: names.en.trim() },
    });
    return { ok: true as const, id: category.id };
  });
}

/** Renames one of the city's own categories (network categories are not the city's to change). */
export async function renameCategory(
  cityId: string,
  actor: Actor,
  categoryId: string,
  names: CategoryNames
): Promise<AdminResult> {
  if (!hasCityRole(actor.roles, cityId, "CITY_ADMIN"))
    return { ok: false, error: "forbidden" };
  return db.$transaction(async (tx) => {
    const { count } = await tx.category.updateMany({
      where: { id: categoryId, cityId },
      data: { names: cleanNames(names) },
    });
    if (count !== 1) return { ok: false as const, error: "notFound" as const };
    await recordAudit(tx, {
      actorId: actor.id,
      cityId,
      action: "category.update",
      targetType: "CATEGORY",
      targetId: categoryId,
      data: { name: names.en.trim() },
    });
    return { ok: true as const };
  });
}

/**
 * Archives (or brings back) a city category: archived categories are no longer offered
 * for new ideas; ideas already in them keep them.
 */
export async function setCategoryArchived(
  cityId: string,
  actor: Actor,
  categoryId: string,
  archived: boolean
): Promise<AdminResult> {
  if (!hasCityRole(actor.roles, cityId, "CITY_ADMIN"))
    return { ok: false, error: "forbidden" };
  return db.$transaction(async (tx) => {
    const { count } = await tx.category.updateMany({
      where: {
        id: categoryId,
        cityId,
        archivedAt: archived ? null : { not: null },
      },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (count !== 1) {
      const exists = await tx.category.count({
        where: { id: categoryId, cityId },
      });
      return {
        ok: false as const,
        error: exists ? ("conflict" as const) : ("notFound" as const),
      };
    }
    await recordAudit(tx, {
      actorId: actor.id,
      cityId,
      action: archived ? "category.archive" : "category.update",
      targetType: "CATEGORY",
      targetId: categoryId,
      data: { archived },
    });
    return { ok: true as const };
  });
}

export type CitySettings = { preModeration: boolean; reportThreshold: number };

export async function getCitySettings(
  cityId: string
): Promise<CitySettings | null> {
  return db.city.findUnique({
    where: { id: cityId },
    select: { preModeration: true, reportThreshold: true },
  });
}

export async function updateCitySettings(
  cityId: string,
  actor: Actor,
  settings: CitySettings
): Promise<AdminResult> {
  if (!hasCityRole(actor.roles, cityId, "CITY_ADMIN"))
    return { ok: false, error: "forbidden" };
  return db.$transaction(async (tx) => {
    const before = await tx.city.findUnique({
      where: { id: cityId },
      select: { preModeration: true, reportThreshold: true },
    });
    if (!before) return { ok: false as const, error: "notFound" as const };
    await tx.city.update({ where: { id: cityId }, data: settings });
    await recordAudit(tx, {
      actorId: actor.id,
      cityId,
      action: "city.settings",
      targetType: "CITY",
      targetId: cityId,
      data: {
        preModerationFrom: before.preModeration,
        preModeration: settings.preModeration,
        reportThresholdFrom: before.reportThreshold,
        reportThreshold: settings.reportThreshold,
      },
    });
    return { ok: true as const };
  });
}
