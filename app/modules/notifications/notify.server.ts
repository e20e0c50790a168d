// The one place that decides who hears about an event, in the app and by email. Callers say
// what happened (events.ts) inside their own transaction; this writes the Notification rows
// in bulk and queues the immediate emails in that same transaction, so a rolled-back change
// notifies nobody.
//
// Rules:
// - the actor never hears about their own action;
// - nothing is said about hidden or unpublished content, except to its author about a
//   moderation decision on it;
// - suspended (suspendedAt set, suspendedUntil null or in the future) and deleted accounts
//   hear nothing;
// - each person gets at most one notification per event (the most specific kind wins).
import type { DbTransaction } from "~/utils/db.server";
import type { NotificationEvent } from "./events";
import { effectiveFrequencies, type NotificationKind } from "./kinds";
import { queueImmediateEmails, type NotificationData } from "./messages.server";

type Row = {
  userId: string;
  kind: NotificationKind;
  cityId: string | null;
  actorId: string | null;
  ideaId: string | null;
  commentId: string | null;
  consultationId: string | null;
  data: NotificationData;
};

/** An idea as notifications describe it, or null when it is not public. */
async function loadIdea(tx: DbTransaction, ideaId: string) {
  return tx.idea.findUnique({
    where: { id: ideaId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      authorId: true,
      officialAnswer: true,
      serviceUrl: true,
      publishedAt: true,
      hiddenAt: true,
      cityId: true,
      organizationId: true,
      city: { select: { slug: true, name: true } },
    },
  });
}

type LoadedIdea = NonNullable<Awaited<ReturnType<typeof loadIdea>>>;

function isPublic(idea: Pick<LoadedIdea, "hiddenAt" | "publishedAt" | "status">) {
  return idea.hiddenAt === null && idea.publishedAt !== null && idea.status !== "SUBMITTED";
}

async function followersOf(tx: DbTransaction, targetType: "IDEA" | "CONSULTATION" | "ORGANIZATION", targetId: string) {
  const rows = await tx.follow.findMany({
    where: { targetType, targetId },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

async function actorName(tx: DbTransaction, actorId: string | null) {
  if (!actorId) return null;
  const actor = await tx.user.findUnique({
    where: { id: actorId },
    select: { displayName: true },
  });
  return actor?.displayName ?? null;
}

function ideaData(idea: LoadedIdea): NotificationData {
  return {
    idea: idea.title,
    ideaNumber: idea.number,
    citySlug: idea.city.slug,
    cityName: idea.city.name,
  };
}

function excerpt(text: string, max = 240) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Supporters, followers and pilot testers of an idea, each once. */
async function launchAudience(tx: DbTransaction, ideaId: string): Promise<string[]> {
  const [supporters, followers, testers] = await Promise.all([
    tx.support.findMany({ where: { ideaId }, select: { userId: true } }),
    tx.follow.findMany({ where: { targetType: "IDEA", targetId: ideaId }, select: { userId: true } }),
    tx.pilotTester.findMany({ where: { pilot: { ideaId } }, select: { userId: true } }),
  ]);
  return [...new Set([...supporters, ...followers, ...testers].map((row) => row.userId))];
}

/** Builds the rows for one event: recipients in order of precedence (first kind wins). */
async function rowsFor(tx: DbTransaction, event: NotificationEvent): Promise<Row[]> {
  const rows: Row[] = [];
  const base = {
    actorId: event.kind === "CONSULTATION_PHASE" ? null : event.actorId,
    ideaId: null,
    commentId: null,
    consultationId: null,
  };
  const add = (userIds: Iterable<string>, row: Omit<Row, "userId">) => {
    for (const userId of userIds) rows.push({ ...row, userId });
  };

  switch (event.kind) {
    case "IDEA_STATUS_CHANGED":
    case "IDEA_ANSWERED":
    case "SUPPORTED_IDEA_LAUNCHED": {
      const idea = await loadIdea(tx, event.ideaId);
      if (!idea || !isPublic(idea)) return [];
      const launched = event.kind === "SUPPORTED_IDEA_LAUNCHED" || (event.kind === "IDEA_STATUS_CHANGED" && event.toStatus === "LAUNCHED");
      // A launch reaches everyone who backed the idea: supporters, followers and pilot testers.
      const supporters = launched ? await launchAudience(tx, idea.id) : [];
      const common = { ...base, cityId: idea.cityId, ideaId: idea.id };
      const data: NotificationData = {
        ...ideaData(idea),
        ...(event.kind === "IDEA_STATUS_CHANGED" ? { status: event.toStatus, fromStatus: event.fromStatus } : { status: idea.status }),
        ...(event.kind === "IDEA_STATUS_CHANGED" && event.reason ? { reason: excerpt(event.reason) } : {}),
        ...(event.kind === "IDEA_ANSWERED" && idea.officialAnswer ? { answer: excerpt(idea.officialAnswer) } : {}),
        ...(launched && idea.serviceUrl ? { serviceUrl: idea.serviceUrl } : {}),
      };
      // The author first: "your idea" news is theirs whatever else applies.
      if (event.kind !== "SUPPORTED_IDEA_LAUNCHED") add([idea.authorId], { ...common, kind: event.kind, data });
      // Supporters of a launched idea hear the launch (instead of a plain status change).
      add(supporters, { ...common, kind: "SUPPORTED_IDEA_LAUNCHED", data });
      if (!launched)
        add(await followersOf(tx, "IDEA", idea.id), {
          ...common,
          kind: event.kind,
          data,
        });
      // Followers of the organization that proposed it hear about its ideas too.
      if (idea.organizationId && event.kind !== "SUPPORTED_IDEA_LAUNCHED")
        add(await followersOf(tx, "ORGANIZATION", idea.organizationId), { ...common, kind: event.kind, data });
      return rows;
    }
    case "PILOT_STARTED":
    case "PILOT_ENDED": {
      const idea = await loadIdea(tx, event.ideaId);
      if (!idea || !isPublic(idea)) return [];
      const testers = await tx.pilotTester.findMany({ where: { pilot: { ideaId: idea.id } }, select: { userId: true } });
      add(
        testers.map((row) => row.userId),
        { ...base, kind: event.kind, cityId: idea.cityId, ideaId: idea.id, data: { ...ideaData(idea), status: idea.status } },
      );
      return rows;
    }
    case "IDEA_COMMENT":
    case "COMMENT_REPLY": {
      const comment = await tx.comment.findUnique({
        where: { id: event.commentId },
        select: {
          id: true,
          ideaId: true,
          body: true,
          hiddenAt: true,
          deletedAt: true,
          parent: {
            select: { authorId: true, hiddenAt: true, deletedAt: true },
          },
        },
      });
      if (!comment || comment.hiddenAt || comment.deletedAt) return [];
      const idea = await loadIdea(tx, comment.ideaId);
      if (!idea || !isPublic(idea)) return [];
      const data: NotificationData = {
        ...ideaData(idea),
        actor: await actorName(tx, event.actorId),
        excerpt: excerpt(comment.body),
      };
      const common = {
        ...base,
        cityId: idea.cityId,
        ideaId: idea.id,
        commentId: comment.id,
        data,
      };
      if (comment.parent && !comment.parent.deletedAt) add([comment.parent.authorId], { ...common, kind: "COMMENT_REPLY" });
      if (event.kind === "IDEA_COMMENT") {
        add([idea.authorId], { ...common, kind: "IDEA_COMMENT" });
        add(await followersOf(tx, "IDEA", idea.id), {
          ...common,
          kind: "IDEA_COMMENT",
        });
      }
      return rows;
    }
    case "MODERATION_DECISION": {
      const data: NotificationData = {
        decision: event.decision,
        targetType: event.targetType,
        ...(event.reason ? { reason: excerpt(event.reason) } : {}),
        ...(event.reasonCode ? { reasonCode: event.reasonCode } : {}),
      };
      if (event.targetType === "IDEA") {
        const idea = await loadIdea(tx, event.targetId);
        if (!idea) return [];
        add([idea.authorId], {
          ...base,
          kind: event.kind,
          cityId: idea.cityId,
          ideaId: idea.id,
          data: { ...data, ...ideaData(idea), title: idea.title },
        });
      } else if (event.targetType === "COMMENT") {
        const comment = await tx.comment.findUnique({
          where: { id: event.targetId },
          select: { id: true, authorId: true, body: true, ideaId: true },
        });
        if (!comment) return [];
        const idea = await loadIdea(tx, comment.ideaId);
        if (!idea) return [];
        add([comment.authorId], {
          ...base,
          kind: event.kind,
          cityId: idea.cityId,
          ideaId: idea.id,
          commentId: comment.id,
          data: {
            ...data,
            ...ideaData(idea),
            title: excerpt(comment.body, 80),
          },
        });
      } else {
        const organization = await tx.organization.findUnique({
          where: { id: event.targetId },
          select: {
            id: true,
            name: true,
            slug: true,
            cityId: true,
            city: { select: { slug: true, name: true } },
            members: { select: { userId: true, role: true } },
          },
        });
        if (!organization) return [];
        const owners = organization.members.filter((member) => member.role !== "MEMBER");
        add(
          (owners.length ? owners : organization.members).map((member) => member.userId),
          {
            ...base,
            kind: event.kind,
            cityId: organization.cityId,
            data: {
              ...data,
              title: organization.name,
              organizationSlug: organization.slug,
              citySlug: organization.city.slug,
              cityName: organization.city.name,
            },
          }
        );
      }
      return rows;
    }
    case "CONSULTATION_PHASE": {
      const consultation = await tx.consultation.findUnique({
        where: { id: event.consultationId },
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          cityId: true,
          city: { select: { slug: true, name: true } },
        },
      });
      if (!consultation || consultation.status !== "PUBLISHED") return [];
      const participants = await tx.consultationParticipant.findMany({
        where: { consultationId: consultation.id },
        select: { userId: true },
      });
      add([...(await followersOf(tx, "CONSULTATION", consultation.id)), ...participants.map((row) => row.userId)], {
        ...base,
        kind: event.kind,
        cityId: consultation.cityId,
        consultationId: consultation.id,
        data: {
          consultation: consultation.title,
          consultationSlug: consultation.slug,
          phase: event.phase,
          citySlug: consultation.city.slug,
          cityName: consultation.city.name,
        },
      });
      return rows;
    }
  }
}

/** People who may hear anything now: not deleted, not suspended. */
async function reachable(tx: DbTransaction, userIds: string[], now: Date) {
  const users = await tx.user.findMany({
    where: {
      id: { in: userIds },
      deletedAt: null,
      OR: [{ suspendedAt: null }, { suspendedUntil: { lte: now } }],
    },
    select: {
      id: true,
      email: true,
      displayName: true,
      locale: true,
      emailVerifiedAt: true,
      homeCity: { select: { defaultLocale: true } },
    },
  });
  return new Map(users.map((user) => [user.id, user]));
}

/**
 * Notifies everyone the event concerns (see the rules at the top of this file), inside the
 * caller's transaction.
 */
export async function notify(tx: DbTransaction, event: NotificationEvent): Promise<void> {
  const candidates = await rowsFor(tx, event);
  // One notification per person and event; never the actor.
  const seen = new Set<string>();
  const actorId = event.kind === "CONSULTATION_PHASE" ? null : event.actorId;
  const unique = candidates.filter((row) => {
    if (row.userId === actorId || seen.has(row.userId)) return false;
    seen.add(row.userId);
    return true;
  });
  if (!unique.length) return;
  const now = new Date();
  const users = await reachable(tx, [...seen], now);
  const rows = unique.filter((row) => users.has(row.userId));
  if (!rows.length) return;

  const preferences = await tx.notificationPreference.findMany({
    where: { userId: { in: rows.map((row) => row.userId) } },
    select: { userId: true, kind: true, frequency: true },
  });
  const byUser = new Map<string, { kind: string; frequency: string }[]>();
  for (const preference of preferences) byUser.set(preference.userId, [...(byUser.get(preference.userId) ?? []), preference]);

  const immediate: {
    row: Row;
    user: NonNullable<ReturnType<typeof users.get>>;
  }[] = [];
  const records = rows.map((row) => {
    const frequency = effectiveFrequencies(byUser.get(row.userId) ?? [])[row.kind];
    const user = users.get(row.userId)!;
    // Unverified addresses get no notification email (they may not be theirs).
    const emailNow = frequency === "IMMEDIATE" && user.emailVerifiedAt !== null;
    if (emailNow) immediate.push({ row, user });
    return {
      userId: row.userId,
      kind: row.kind,
      cityId: row.cityId,
      actorId: row.actorId,
      ideaId: row.ideaId,
      commentId: row.commentId,
      consultationId: row.consultationId,
      data: row.data,
      createdAt: now,
      // Emailed now, or never by email: the digest skips rows with emailedAt set.
      emailedAt: emailNow || frequency === "NEVER" ? now : null,
    };
  });
  await tx.notification.createMany({ data: records });
  if (immediate.length) {
    await queueImmediateEmails(
      tx,
      immediate.map(({ row, user }) => ({ notification: row, user }))
    );
  }
}
