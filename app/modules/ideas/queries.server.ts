// Read models for idea pages. Only what the page shows is selected; visibility rules
// come from lifecycle.policy.ts (canView) and are applied here, so a route cannot forget.
import { supportPhaseDenial, supportQuota, type PhaseDenial, type SupportQuota } from "~/modules/consultations/phases.policy";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  canView,
  editDenial,
  isModerator,
  supportDenial,
  withdrawDenial,
  type Denial,
  type IdeaEventType,
  type IdeaStatus,
  type Viewer,
} from "./lifecycle.policy";
import { renderMarkdown } from "./markdown.server";

/** Idea numbers in URLs: digits only, within the Int column's range; anything else is a 404. */
export function parseIdeaNumber(value: string | undefined | null): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const number = Number(value);
  return number <= 2_147_483_647 ? number : null;
}

export type TimelineEvent = {
  id: string;
  type: IdeaEventType;
  fromStatus: IdeaStatus | null;
  toStatus: IdeaStatus | null;
  /** null when the person's account no longer exists. */
  actorName: string | null;
  /** Done by the system, not a person (hidden when reports reached the city's threshold). */
  automatic: boolean;
  reason: string | null;
  createdAt: string;
};

export type IdeaPage = {
  id: string;
  number: number;
  title: string;
  summary: string;
  /** Safe HTML rendered on the server from the Markdown body (markdown.server.ts). */
  bodyHtml: string;
  language: string;
  status: IdeaStatus;
  officialAnswer: string | null;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  publishedAt: string | null;
  editedAt: string | null;
  hidden: boolean;
  hiddenAt: string | null;
  /** Shown to the people who can see a hidden idea (its author and the city's moderators). */
  hiddenReason: string | null;
  authorId: string;
  authorName: string;
  organization: { name: string; slug: string } | null;
  categorySlug: string;
  city: { id: string; slug: string; name: string; timeZone: string };
  consultation: { title: string; slug: string } | null;
  /** The idea this one was merged into, when the viewer may see it. */
  mergedInto: { number: number; title: string; citySlug: string } | null;
  /** The public timeline, oldest first. */
  timeline: TimelineEvent[];
  viewer: {
    signedIn: boolean;
    isAuthor: boolean;
    isModerator: boolean;
    supports: boolean;
    /** Why the viewer may not support / edit / withdraw; null = allowed. */
    supportDenial: Denial | null;
    /** For an idea of a consultation: why its phase or support limit refuses (supportDenial is then "notOpen"). */
    supportPhase: PhaseDenial | null;
    /** "3 of 5 supports left" in the idea's consultation (signed in, consultation with a limit). */
    supportQuota: SupportQuota | null;
    editDenial: Denial | null;
    withdrawDenial: Denial | null;
  };
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The idea page of idea `number` in the city `citySlug`, as `viewer` may see it; null when
 * there is no such idea in that city or the viewer may not see it (awaiting moderation or
 * hidden) — both answered with the same 404, so hidden ideas do not leak.
 */
export async function getIdeaPage({
  citySlug,
  number,
  viewer,
}: {
  citySlug: string;
  number: number;
  viewer: Viewer;
}): Promise<IdeaPage | null> {
  const idea = await db.idea.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      title: true,
      summary: true,
      body: true,
      language: true,
      status: true,
      officialAnswer: true,
      supportCount: true,
      commentCount: true,
      createdAt: true,
      publishedAt: true,
      editedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      authorId: true,
      cityId: true,
      author: { select: { displayName: true } },
      organization: { select: { name: true, slug: true } },
      category: { select: { slug: true } },
      city: { select: { id: true, slug: true, name: true, timeZone: true } },
      consultation: {
        select: { id: true, title: true, slug: true, status: true, supportLimit: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
      },
      mergedInto: {
        select: {
          number: true,
          title: true,
          status: true,
          authorId: true,
          cityId: true,
          hiddenAt: true,
          publishedAt: true,
          supportCount: true,
          commentCount: true,
          city: { select: { slug: true } },
        },
      },
    },
  });
  if (!idea || idea.city.slug !== citySlug) return null;
  if (!canView(idea, viewer)) return null;

  const consultation = idea.consultation;
  const [events, support, quota] = await Promise.all([
    db.ideaEvent.findMany({
      where: { ideaId: idea.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        type: true,
        fromStatus: true,
        toStatus: true,
        reason: true,
        reasonCode: true,
        actorId: true,
        createdAt: true,
        actor: { select: { displayName: true } },
      },
    }),
    viewer
      ? db.support.findUnique({ where: { ideaId_userId: { ideaId: idea.id, userId: viewer.id } }, select: { ideaId: true } })
      : null,
    viewer && consultation?.supportLimit !== null && consultation?.supportLimit !== undefined
      ? db.consultationSupportQuota.findUnique({
          where: { consultationId_userId: { consultationId: consultation.id, userId: viewer.id } },
          select: { used: true },
        })
      : null,
  ]);
  // The consultation's phase explains a refusal only where the idea itself would allow it
  // (hidden or closed ideas say so; your own idea stays "your own idea").
  const lifecycleDenial = supportDenial(idea, viewer);
  const supportPhase =
    consultation && (lifecycleDenial === null || lifecycleDenial === "signIn")
      ? supportPhaseDenial(consultation, new Date(), { used: quota?.used ?? 0, alreadySupported: support !== null })
      : null;

  const target = idea.mergedInto;
  const moderator = isModerator(viewer, idea.cityId);
  return {
    id: idea.id,
    number: idea.number,
    title: idea.title,
    summary: idea.summary,
    bodyHtml: renderMarkdown(idea.body),
    language: idea.language,
    status: idea.status,
    officialAnswer: idea.officialAnswer,
    supportCount: idea.supportCount,
    commentCount: idea.commentCount,
    createdAt: idea.createdAt.toISOString(),
    publishedAt: iso(idea.publishedAt),
    editedAt: iso(idea.editedAt),
    hidden: idea.hiddenAt !== null,
    hiddenAt: iso(idea.hiddenAt),
    hiddenReason: idea.hiddenAt ? idea.hiddenReason : null,
    authorId: idea.authorId,
    authorName: idea.author.displayName,
    organization: idea.organization,
    categorySlug: idea.category.slug,
    city: idea.city,
    consultation: consultation ? { title: consultation.title, slug: consultation.slug } : null,
    mergedInto: target && canView(target, viewer) ? { number: target.number, title: target.title, citySlug: target.city.slug } : null,
    timeline: events.map((event) => ({
      id: event.id,
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actorName: event.actor?.displayName ?? null,
      automatic: event.actorId === null && event.reasonCode === "REPORTS",
      reason: event.reason,
      createdAt: event.createdAt.toISOString(),
    })),
    viewer: {
      signedIn: viewer !== null,
      isAuthor: viewer?.id === idea.authorId,
      isModerator: moderator,
      supports: support !== null,
      supportDenial: supportDenial(idea, viewer, supportPhase),
      supportPhase,
      supportQuota: viewer && consultation ? supportQuota(consultation.supportLimit, quota?.used ?? 0) : null,
      editDenial: editDenial(idea, viewer),
      withdrawDenial: withdrawDenial(idea, viewer),
    },
  };
}

type ActionIdeaRow = {
  id: string;
  number: number;
  status: IdeaStatus;
  authorId: string;
  cityId: string;
  hiddenAt: Date | null;
  publishedAt: Date | null;
  supportCount: number;
  commentCount: number;
  citySlug: string;
};

/**
 * The few facts an idea page's action needs to authorize a command (same 404 rules).
 * Raw SQL: every support goes through here (`npm run bench`), and one raw statement
 * costs a fraction of the CPU of a Prisma model query with a relation.
 */
export async function findIdeaForAction({ citySlug, number, viewer }: { citySlug: string; number: number; viewer: Viewer }) {
  const postgres = getEnv().database.provider === "postgresql";
  const rows = await db.$queryRawUnsafe<ActionIdeaRow[]>(
    `SELECT i."id" AS "id", i."number" AS "number", i."status" AS "status", i."authorId" AS "authorId", i."cityId" AS "cityId",
            i."hiddenAt" AS "hiddenAt", i."publishedAt" AS "publishedAt", i."supportCount" AS "supportCount",
            i."commentCount" AS "commentCount", c."slug" AS "citySlug"
     FROM "Idea" i JOIN "City" c ON c."id" = i."cityId" WHERE i."number" = ${postgres ? "$1" : "?"}`,
    number,
  );
  const row = rows[0];
  if (!row || row.citySlug !== citySlug) return null;
  const idea = {
    id: row.id,
    number: Number(row.number),
    status: row.status,
    authorId: row.authorId,
    cityId: row.cityId,
    hiddenAt: row.hiddenAt,
    publishedAt: row.publishedAt,
    supportCount: Number(row.supportCount),
    commentCount: Number(row.commentCount),
    city: { slug: row.citySlug },
  };
  if (!canView(idea, viewer)) return null;
  return idea;
}
