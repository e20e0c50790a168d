// Statistics for a city's admins: who takes part and how the city's ideas and
// consultations are doing. Reads only; figures computed from the rows, never cached.
import {
  IDEA_STATUSES,
  type IdeaStatus,
} from "~/modules/ideas/lifecycle.policy";
import { toCsv } from "~/modules/consultations/participation.server";
import { db } from "~/utils/db.server";
import { localizedName, STATISTICS_WEEKS } from "./shared";

export { localizedName, STATISTICS_WEEKS };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the week holding `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  );
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * DAY_MS);
}

/** `weeks` consecutive week starts ending with the current week. */
export function weekStarts(now: Date, weeks = STATISTICS_WEEKS): Date[] {
  const last = weekStart(now).getTime();
  return Array.from(
    { length: weeks },
    (_, index) => new Date(last - (weeks - 1 - index) * 7 * DAY_MS)
  );
}

/** Counts dates per week (dates before the first week are left out). */
export function bucketByWeek(
  dates: readonly Date[],
  starts: readonly Date[]
): number[] {
  const counts = starts.map(() => 0);
  const first = starts[0]?.getTime() ?? 0;
  for (const date of dates) {
    const index = Math.floor((date.getTime() - first) / (7 * DAY_MS));
    if (index >= 0 && index < counts.length) counts[index] += 1;
  }
  return counts;
}

export type WeeklySeries = {
  weekStart: string;
  supports: number;
  comments: number;
  ideas: number;
  accounts: number;
}[];

export type CityStatistics = {
  since: string;
  participants: number;
  participantsAllTime: number;
  newAccounts: number;
  residents: number;
  ideasByStatus: { status: IdeaStatus; count: number }[];
  ideasByCategory: {
    categoryId: string;
    slug: string;
    names: Record<string, string>;
    count: number;
  }[];
  weekly: WeeklySeries;
  consultations: {
    id: string;
    slug: string;
    title: string;
    status: string;
    participants: number;
    ideas: number;
    supports: number;
  }[];
  totals: { ideas: number; supports: number; comments: number };
};

async function participantIds(
  cityId: string,
  since: Date | null
): Promise<Set<string>> {
  const after = since ? { createdAt: { gte: since } } : {};
  const [authors, supporters, commenters] = await Promise.all([
    db.idea.findMany({
      where: { cityId, ...after },
      distinct: ["authorId"],
      select: { authorId: true },
    }),
    db.support.findMany({
      where: { idea: { cityId }, ...after },
      distinct: ["userId"],
      select: { userId: true },
    }),
    db.comment.findMany({
      where: { idea: { cityId }, deletedAt: null, ...after },
      distinct: ["authorId"],
      select: { authorId: true },
    }),
  ]);
  return new Set([
    ...authors.map((row) => row.authorId),
    ...supporters.map((row) => row.userId),
    ...commenters.map((row) => row.authorId),
  ]);
}

function namesOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string"
    )
  );
}

/** The figures of the statistics page for the last STATISTICS_WEEKS weeks (and all time where said). */
export async function getCityStatistics(
  cityId: string,
  now = new Date()
): Promise<CityStatistics> {
  const starts = weekStarts(now);
  const since = starts[0];
  const [
    recent,
    allTime,
    newAccountRows,
    residents,
    byStatus,
    byCategory,
    supportRows,
    commentRows,
    ideaRows,
    consultations,
    totals,
  ] = await Promise.all([
    participantIds(cityId, since),
    participantIds(cityId, null),
    db.user.findMany({
      where: { homeCityId: cityId, createdAt: { gte: since }, deletedAt: null },
      select: { createdAt: true },
    }),
    db.user.count({ where: { homeCityId: cityId, deletedAt: null } }),
    db.idea.groupBy({
      by: ["status"],
      where: { cityId },
      _count: { _all: true },
    }),
    db.idea.groupBy({
      by: ["categoryId"],
      where: { cityId },
      _count: { _all: true },
    }),
    db.support.findMany({
      where: { idea: { cityId }, createdAt: { gte: since } },
      select: { createdAt: true },
    }),
    db.comment.findMany({
      where: { idea: { cityId }, deletedAt: null, createdAt: { gte: since } },
      select: { createdAt: true },
    }),
    db.idea.findMany({
      where: { cityId, createdAt: { gte: since } },
      select: { createdAt: true },
    }),
    db.consultation.findMany({
      where: { cityId, status: { not: "DRAFT" } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        _count: { select: { participants: true, ideas: true } },
      },
    }),
    Promise.all([
      db.idea.count({ where: { cityId } }),
      db.support.count({ where: { idea: { cityId } } }),
      db.comment.count({ where: { idea: { cityId }, deletedAt: null } }),
    ]),
  ]);
  const categories = await db.category.findMany({
    where: { id: { in: byCategory.map((row) => row.categoryId) } },
    select: { id: true, slug: true, names: true },
  });
  const consultationSupports = await Promise.all(
    consultations.map((consultation) =>
      db.support.count({ where: { idea: { consultationId: consultation.id } } })
    )
  );
  const supports = bucketByWeek(
    supportRows.map((row) => row.createdAt),
    starts
  );
  const comments = bucketByWeek(
    commentRows.map((row) => row.createdAt),
    starts
  );
  const ideas = bucketByWeek(
    ideaRows.map((row) => row.createdAt),
    starts
  );
  const accounts = bucketByWeek(
    newAccountRows.map((row) => row.createdAt),
    starts
  );
  const statusCount = new Map(
    byStatus.map((row) => [row.status as IdeaStatus, row._count._all])
  );
  return {
    since: since.toISOString(),
    participants: recent.size,
    participantsAllTime: allTime.size,
    newAccounts: newAccountRows.length,
    residents,
    ideasByStatus: IDEA_STATUSES.map((status) => ({
      status,
      count: statusCount.get(status) ?? 0,
    })),
    ideasByCategory: byCategory
      .map((row) => {
        const category = categories.find(
          (candidate) => candidate.id === row.categoryId
        );
        return {
          categoryId: row.categoryId,
          slug: category?.slug ?? "",
          names: namesOf(category?.names),
          count: row._count._all,
        };
      })
      .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug)),
    weekly: starts.map((start, index) => ({
      weekStart: start.toISOString(),
      supports: supports[index],
      comments: comments[index],
      ideas: ideas[index],
      accounts: accounts[index],
    })),
    consultations: consultations.map((consultation, index) => ({
      id: consultation.id,
      slug: consultation.slug,
      title: consultation.title,
      status: consultation.status,
      participants: consultation._count.participants,
      ideas: consultation._count.ideas,
      supports: consultationSupports[index],
    })),
    totals: { ideas: totals[0], supports: totals[1], comments: totals[2] },
  };
}

/**
 * Every idea of the city with its counts and state, for a spreadsheet. `t` translates the
 * header and statuses/categories in the admin's language. Cells are CSV-injection safe.
 */
export async function ideasCsv({
  cityId,
  citySlug,
  origin,
  locale,
  t,
}: {
  cityId: string;
  citySlug: string;
  origin: string;
  locale: string;
  t: (key: string) => string;
}) {
  const ideas = await db.idea.findMany({
    where: { cityId },
    orderBy: { number: "asc" },
    select: {
      number: true,
      title: true,
      status: true,
      hiddenAt: true,
      supportCount: true,
      commentCount: true,
      createdAt: true,
      publishedAt: true,
      officialAnswer: true,
      mergedInto: { select: { number: true } },
      category: { select: { slug: true, cityId: true, names: true } },
      consultation: { select: { title: true } },
    },
  });
  const header = [
    "number",
    "title",
    "status",
    "hidden",
    "category",
    "consultation",
    "supports",
    "comments",
    "created",
    "published",
    "mergedInto",
    "officialAnswer",
    "url",
  ].map((column) => t(`administration:csv.${column}`));
  const rows = ideas.map((idea) => [
    String(idea.number),
    idea.title,
    t(`ideas:status.${idea.status}`),
    idea.hiddenAt ? t("administration:csv.yes") : t("administration:csv.no"),
    idea.category.cityId
      ? localizedName(namesOf(idea.category.names), locale) ??
        idea.category.slug
      : t(`categories:${idea.category.slug}`),
    idea.consultation?.title ?? "",
    String(idea.supportCount),
    String(idea.commentCount),
    idea.createdAt.toISOString(),
    idea.publishedAt?.toISOString() ?? "",
    idea.mergedInto ? String(idea.mergedInto.number) : "",
    idea.officialAnswer ?? "",
    `${origin}/cities/${citySlug}/ideas/${idea.number}`,
  ]);
  return "\uFEFF" + toCsv([header, ...rows]);
}
