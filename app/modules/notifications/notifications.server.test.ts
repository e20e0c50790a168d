import { describe, expect, it } from "vitest";
import { addComment } from "~/modules/comments/comments.server";
import { setIdeaStatus } from "~/modules/ideas/ideas.server";
import { castSupport } from "~/modules/supports/supports.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { runDigest } from "./digest.server";
import { follow } from "./follows.server";
import { notify } from "./notify.server";
import { applyUnsubscribe, createUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe.server";

/** setIdeaStatus is the command; the role check lives in the route handler. */
async function cityAdmin(_cityId: string) {
  return createUser();
}

function notificationsOf(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
  });
}

async function emailsTo(address: string) {
  return db.emailMessage.findMany({ where: { toAddress: address } });
}

const commenter = (id: string) => ({ id, roles: [] });

describe("follows", () => {
  it("following twice keeps one row and never fails the transaction", async () => {
    const user = await createUser();
    const idea = await createIdea();
    await db.$transaction(async (tx) => {
      expect(await follow(tx, user.id, "IDEA", idea.id)).toBe(true);
      expect(await follow(tx, user.id, "IDEA", idea.id)).toBe(false);
      await tx.user.update({
        where: { id: user.id },
        data: { displayName: "Still fine" },
      });
    });
    expect(await db.follow.count({ where: { userId: user.id } })).toBe(1);
  });

  it("authors, supporters and commenters follow automatically", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    const talker = await createUser();
    await castSupport(idea.id, { id: supporter.id, roles: [] } as never);
    await addComment({
      ideaId: idea.id,
      viewer: commenter(talker.id) as never,
      body: "I like this a lot",
      alignment: "NEUTRAL",
      language: "en",
    });
    const followers = await db.follow.findMany({
      where: { targetType: "IDEA", targetId: idea.id },
      select: { userId: true },
    });
    expect(followers.map((row) => row.userId).sort()).toEqual([idea.authorId, supporter.id, talker.id].sort());
  });
});

describe("notify", () => {
  it("tells the author and followers about a status change, never the actor, and emails immediately by default", async () => {
    const idea = await createIdea();
    const follower = await createUser();
    await follow(db, follower.id, "IDEA", idea.id);
    const admin = await cityAdmin(idea.cityId);
    await follow(db, admin.id, "IDEA", idea.id);
    const result = await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id, null);
    expect(result.ok).toBe(true);
    const author = await db.user.findUniqueOrThrow({
      where: { id: idea.authorId },
    });
    const [mine] = await notificationsOf(author.id);
    expect(mine).toMatchObject({
      kind: "IDEA_STATUS_CHANGED",
      ideaId: idea.id,
      actorId: admin.id,
    });
    expect(mine.emailedAt).not.toBeNull();
    expect(await notificationsOf(follower.id)).toHaveLength(1);
    expect(await notificationsOf(admin.id)).toHaveLength(0);
    const [email] = await emailsTo(author.email);
    expect(email.subject).toContain("Under review");
    expect(email.textBody).toContain(`/ideas/${idea.number}`);
    expect(email.htmlBody).toContain("<ul");
    expect(email.headers).toMatchObject({
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("says a comment reply to the parent's author once (reply wins over comment)", async () => {
    const idea = await createIdea();
    const first = await createUser();
    const second = await createUser();
    const top = await addComment({
      ideaId: idea.id,
      viewer: commenter(first.id) as never,
      body: "First comment here",
      alignment: "NEUTRAL",
      language: "en",
    });
    if (!top.ok) throw new Error("comment failed");
    await addComment({
      ideaId: idea.id,
      viewer: commenter(second.id) as never,
      body: "A reply to you",
      alignment: "NEUTRAL",
      language: "en",
      parentId: top.id,
    });
    const mine = await notificationsOf(first.id);
    expect(mine.map((row) => row.kind)).toEqual(["COMMENT_REPLY"]);
    const authors = await notificationsOf(idea.authorId);
    expect(authors.map((row) => row.kind)).toEqual(["IDEA_COMMENT", "IDEA_COMMENT"]);
    // IDEA_COMMENT defaults to the daily digest: no immediate email.
    expect(authors.every((row) => row.emailedAt === null)).toBe(true);
  });

  it("skips hidden or unpublished ideas, suspended and deleted accounts", async () => {
    const unpublished = await createIdea({ published: false });
    const follower = await createUser();
    await follow(db, follower.id, "IDEA", unpublished.id);
    await db.$transaction((tx) =>
      notify(tx, {
        kind: "IDEA_ANSWERED",
        ideaId: unpublished.id,
        actorId: null,
      })
    );
    expect(await notificationsOf(follower.id)).toHaveLength(0);

    const idea = await createIdea();
    const suspended = await createUser();
    const deleted = await createUser();
    const lifted = await createUser();
    await db.user.update({
      where: { id: suspended.id },
      data: { suspendedAt: new Date() },
    });
    await db.user.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date() },
    });
    await db.user.update({
      where: { id: lifted.id },
      data: {
        suspendedAt: new Date(Date.now() - 10_000),
        suspendedUntil: new Date(Date.now() - 1000),
      },
    });
    for (const user of [suspended, deleted, lifted]) await follow(db, user.id, "IDEA", idea.id);
    await db.$transaction((tx) => notify(tx, { kind: "IDEA_ANSWERED", ideaId: idea.id, actorId: null }));
    expect(await notificationsOf(suspended.id)).toHaveLength(0);
    expect(await notificationsOf(deleted.id)).toHaveLength(0);
    expect(await notificationsOf(lifted.id)).toHaveLength(1);

    await db.idea.update({
      where: { id: idea.id },
      data: { hiddenAt: new Date() },
    });
    await db.$transaction((tx) => notify(tx, { kind: "IDEA_ANSWERED", ideaId: idea.id, actorId: null }));
    expect(await notificationsOf(lifted.id)).toHaveLength(1);
    // …but the author still hears the moderation decision on their own hidden idea.
    await db.$transaction((tx) =>
      notify(tx, {
        kind: "MODERATION_DECISION",
        targetType: "IDEA",
        targetId: idea.id,
        decision: "HIDDEN",
        actorId: null,
      })
    );
    expect((await notificationsOf(idea.authorId)).map((row) => row.kind)).toContain("MODERATION_DECISION");
  });

  it("respects preferences: NEVER sends no email, DAILY waits for the digest", async () => {
    const idea = await createIdea();
    await db.notificationPreference.create({
      data: {
        userId: idea.authorId,
        kind: "IDEA_STATUS_CHANGED",
        frequency: "NEVER",
      },
    });
    const admin = await cityAdmin(idea.cityId);
    await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id, null);
    const author = await db.user.findUniqueOrThrow({
      where: { id: idea.authorId },
    });
    expect(await emailsTo(author.email)).toHaveLength(0);
    const [row] = await notificationsOf(author.id);
    expect(row.emailedAt).not.toBeNull();
  });

  it("tells supporters of a launched idea that it launched", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    await castSupport(idea.id, { id: supporter.id, roles: [] } as never);
    const admin = await cityAdmin(idea.cityId);
    for (const status of ["UNDER_REVIEW", "ACCEPTED", "LAUNCHED"] as const) {
      const result = await setIdeaStatus(
        idea.id,
        status,
        admin.id,
        status === "ACCEPTED" || status === "LAUNCHED" ? "The city will build this next year." : null
      );
      expect(result).toMatchObject({ ok: true });
    }
    const kinds = (await notificationsOf(supporter.id)).map((row) => row.kind);
    expect(kinds).toEqual(["IDEA_STATUS_CHANGED", "IDEA_STATUS_CHANGED", "SUPPORTED_IDEA_LAUNCHED"]);
  });
});

describe("unsubscribe tokens", () => {
  it("accepts its own tokens and refuses forged or expired ones", async () => {
    const user = await createUser();
    const token = createUnsubscribeToken(user.id, "IDEA_COMMENT");
    expect(verifyUnsubscribeToken(token)).toEqual({
      ok: true,
      userId: user.id,
      scope: "IDEA_COMMENT",
    });
    const [id, , expires, signature] = token.split(".");
    expect(verifyUnsubscribeToken(`${id}.all.${expires}.${signature}`)).toEqual({ ok: false, error: "invalid" });
    expect(verifyUnsubscribeToken("nonsense")).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(verifyUnsubscribeToken(undefined)).toEqual({
      ok: false,
      error: "invalid",
    });
    const old = createUnsubscribeToken(user.id, "all", new Date(Date.now() - 200 * 24 * 3600 * 1000));
    expect(verifyUnsubscribeToken(old)).toEqual({
      ok: false,
      error: "expired",
    });
  });

  it("sets the scope's kinds to NEVER, idempotently", async () => {
    const user = await createUser();
    expect(await applyUnsubscribe(user.id, "daily")).toBe(true);
    expect(await applyUnsubscribe(user.id, "daily")).toBe(true);
    const rows = await db.notificationPreference.findMany({
      where: { userId: user.id },
    });
    expect(rows.map((row) => [row.kind, row.frequency]).sort()).toEqual(
      [
        ["IDEA_COMMENT", "NEVER"],
        ["CONSULTATION_PHASE", "NEVER"],
        ["SUPPORTED_IDEA_LAUNCHED", "NEVER"],
      ].sort()
    );
    expect(await applyUnsubscribe("no-such-user", "all")).toBe(false);
  });
});

describe("digest", () => {
  async function dailyFollower(ideaId: string) {
    const user = await createUser();
    await follow(db, user.id, "IDEA", ideaId);
    await db.notificationPreference.create({
      data: {
        userId: user.id,
        kind: "IDEA_STATUS_CHANGED",
        frequency: "DAILY",
      },
    });
    return user;
  }

  it("sends one digest per person per period, and nothing on a rerun; hidden content is left out", async () => {
    await runDigest({ period: "DAILY", now: new Date("2030-01-01T06:00:00Z") }); // clears older test data's period
    const idea = await createIdea();
    const other = await createIdea();
    const reader = await dailyFollower(idea.id);
    await follow(db, reader.id, "IDEA", other.id);
    const talker = await createUser();
    await addComment({
      ideaId: idea.id,
      viewer: commenter(talker.id) as never,
      body: "Great idea, count me in",
      alignment: "NEUTRAL",
      language: "en",
    });
    const admin = await cityAdmin(idea.cityId);
    await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id, null);
    await setIdeaStatus(other.id, "UNDER_REVIEW", admin.id, null);
    await db.idea.update({
      where: { id: other.id },
      data: { hiddenAt: new Date() },
    });
    expect(await emailsTo(reader.email)).toHaveLength(0);

    const now = new Date(Date.now() + 1000);
    const first = await runDigest({ period: "DAILY", now, batchSize: 2 });
    expect(first.finished).toBe(true);
    const emails = await emailsTo(reader.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain("2 updates");
    expect(emails[0].textBody).toContain("commented");
    expect(emails[0].textBody).toContain("Under review");
    expect(emails[0].textBody).not.toContain(`/ideas/${other.number}`);
    const again = await runDigest({ period: "DAILY", now });
    expect(again.alreadyDone).toBe(true);
    expect(await emailsTo(reader.email)).toHaveLength(1);
  });

  it("resumes after a crash without sending anyone twice", async () => {
    const key = new Date("2031-03-03T06:00:00Z");
    const idea = await createIdea();
    const readers = [];
    for (let i = 0; i < 5; i++) readers.push(await dailyFollower(idea.id));
    const admin = await cityAdmin(idea.cityId);
    await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id, null);
    // Make the notifications fall into that day's window.
    await db.notification.updateMany({
      where: { ideaId: idea.id },
      data: { createdAt: new Date(key.getTime() - 3600_000) },
    });
    const partial = await runDigest({
      period: "DAILY",
      now: key,
      batchSize: 2,
      maxBatches: 1,
    });
    expect(partial.finished).toBe(false);
    const rest = await runDigest({ period: "DAILY", now: key, batchSize: 2 });
    expect(rest.finished).toBe(true);
    for (const reader of readers) expect(await emailsTo(reader.email)).toHaveLength(1);
    expect((await runDigest({ period: "DAILY", now: key })).alreadyDone).toBe(true);
    // A new run whose deliveries already exist (two runners at once) sends nobody twice.
    await db.digestRun.deleteMany({ where: { periodKey: "2031-03-03" } });
    await runDigest({ period: "DAILY", now: key, batchSize: 2 });
    for (const reader of readers) expect(await emailsTo(reader.email)).toHaveLength(1);
  });
});
