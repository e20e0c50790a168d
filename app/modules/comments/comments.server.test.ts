import { describe, expect, it } from "vitest";
import { withdrawIdea } from "~/modules/ideas/ideas.server";
import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import {
  addComment,
  COMMENTS_PAGE_SIZE,
  deleteComment,
  editComment,
  loadCommentsForIdea,
  loadCommentThread,
  voteComment,
  type CommentNode,
} from "./comments.server";

const asViewer = (user: { id: string }): NonNullable<Viewer> => ({ id: user.id, roles: [] });

async function newViewer() {
  return asViewer(await createUser());
}

async function comment(ideaId: string, viewer: NonNullable<Viewer>, options: { parentId?: string; body?: string; alignment?: "IN_FAVOUR" | "AGAINST" | "NEUTRAL" } = {}) {
  const result = await addComment({
    ideaId,
    viewer,
    body: options.body ?? "A thoughtful comment",
    alignment: options.alignment ?? "NEUTRAL",
    language: "en",
    parentId: options.parentId,
  });
  if (!result.ok) throw new Error(`could not comment: ${result.error}`);
  return result;
}

async function counters(ideaId: string) {
  const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { commentCount: true } });
  const rows = await db.comment.count({ where: { ideaId } });
  const live = await db.comment.count({ where: { ideaId, deletedAt: null } });
  return { commentCount: idea.commentCount, rows, live };
}

async function voteCounters(commentId: string) {
  const row = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { upvotes: true, downvotes: true, score: true } });
  const up = await db.commentVote.count({ where: { commentId, value: 1 } });
  const down = await db.commentVote.count({ where: { commentId, value: -1 } });
  return { ...row, rowsUp: up, rowsDown: down };
}

function flatten(nodes: CommentNode[]): CommentNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.replies)]);
}

describe("addComment", () => {
  it("adds top-level comments, replies and replies to replies with their depth and counters", async () => {
    const idea = await createIdea();
    const ana = await newViewer();
    const bogdan = await newViewer();

    const top = await comment(idea.id, ana, { alignment: "IN_FAVOUR" });
    const reply = await comment(idea.id, bogdan, { parentId: top.id, alignment: "AGAINST" });
    const deeper = await comment(idea.id, ana, { parentId: reply.id });

    expect([top.depth, reply.depth, deeper.depth]).toEqual([0, 1, 2]);
    const rows = await db.comment.findMany({
      where: { ideaId: idea.id },
      select: { id: true, parentId: true, depth: true, replyCount: true, alignment: true, language: true, authorId: true },
      orderBy: { depth: "asc" },
    });
    expect(rows).toEqual([
      { id: top.id, parentId: null, depth: 0, replyCount: 1, alignment: "IN_FAVOUR", language: "en", authorId: ana.id },
      { id: reply.id, parentId: top.id, depth: 1, replyCount: 1, alignment: "AGAINST", language: "en", authorId: bogdan.id },
      { id: deeper.id, parentId: reply.id, depth: 2, replyCount: 0, alignment: "NEUTRAL", language: "en", authorId: ana.id },
    ]);
    expect(await counters(idea.id)).toEqual({ commentCount: 3, rows: 3, live: 3 });
  });

  it("refuses a reply to a comment of another idea, and changes nothing", async () => {
    const idea = await createIdea();
    const other = await createIdea();
    const viewer = await newViewer();
    const foreign = await comment(other.id, viewer);

    const result = await addComment({ ideaId: idea.id, viewer, body: "Sneaky reply", alignment: "NEUTRAL", language: "en", parentId: foreign.id });
    expect(result).toEqual({ ok: false, error: "parentNotFound" });
    expect(await counters(idea.id)).toEqual({ commentCount: 0, rows: 0, live: 0 });
    expect((await db.comment.findUniqueOrThrow({ where: { id: foreign.id } })).replyCount).toBe(0);
  });

  it("refuses a reply to a deleted or hidden comment", async () => {
    const idea = await createIdea();
    const viewer = await newViewer();
    const deleted = await comment(idea.id, viewer);
    await deleteComment({ ideaId: idea.id, commentId: deleted.id, viewer });
    const hidden = await comment(idea.id, viewer);
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });

    const replyTo = (parentId: string) => addComment({ ideaId: idea.id, viewer, body: "Reply", alignment: "NEUTRAL", language: "en", parentId });
    expect(await replyTo(deleted.id)).toEqual({ ok: false, error: "parentDeleted" });
    expect(await replyTo(hidden.id)).toEqual({ ok: false, error: "parentHidden" });
    expect(await counters(idea.id)).toEqual({ commentCount: 1, rows: 2, live: 1 });
  });

  it("refuses comments on an idea that is withdrawn, hidden or awaiting moderation", async () => {
    const viewer = await newViewer();

    const withdrawn = await createIdea();
    const author = { id: withdrawn.authorId, roles: [] };
    expect((await withdrawIdea(withdrawn.id, author)).ok).toBe(true);
    const onWithdrawn = await addComment({ ideaId: withdrawn.id, viewer, body: "Too late", alignment: "NEUTRAL", language: "en" });
    expect(onWithdrawn).toEqual({ ok: false, error: "notOpen" });

    const hidden = await createIdea();
    const early = await comment(hidden.id, viewer);
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    expect(await addComment({ ideaId: hidden.id, viewer, body: "Hidden?", alignment: "NEUTRAL", language: "en" })).toEqual({ ok: false, error: "hidden" });
    expect(await addComment({ ideaId: hidden.id, viewer, body: "Reply", alignment: "NEUTRAL", language: "en", parentId: early.id })).toEqual({
      ok: false,
      error: "hidden",
    });

    const submitted = await createIdea({ published: false });
    expect(await addComment({ ideaId: submitted.id, viewer, body: "Early bird", alignment: "NEUTRAL", language: "en" })).toEqual({
      ok: false,
      error: "notOpen",
    });

    expect(await counters(withdrawn.id)).toEqual({ commentCount: 0, rows: 0, live: 0 });
    expect(await counters(hidden.id)).toEqual({ commentCount: 1, rows: 1, live: 1 });
    expect(await counters(submitted.id)).toEqual({ commentCount: 0, rows: 0, live: 0 });
  });

  it("refuses an unknown idea", async () => {
    const viewer = await newViewer();
    expect(await addComment({ ideaId: "no-such-idea", viewer, body: "Hello", alignment: "NEUTRAL", language: "en" })).toEqual({
      ok: false,
      error: "notFound",
    });
  });
});

describe("editComment and deleteComment", () => {
  it("lets the author edit (marking it edited) and refuses anyone else forging the id", async () => {
    const idea = await createIdea();
    const ana = await newViewer();
    const mallory = await newViewer();
    const own = await comment(idea.id, ana, { body: "First version" });

    const forged = await editComment({ ideaId: idea.id, commentId: own.id, viewer: mallory, body: "Mallory was here", alignment: "AGAINST" });
    expect(forged).toEqual({ ok: false, error: "notAuthor" });
    const otherIdea = await createIdea();
    expect(await editComment({ ideaId: otherIdea.id, commentId: own.id, viewer: ana, body: "Wrong idea", alignment: "AGAINST" })).toEqual({
      ok: false,
      error: "notFound",
    });
    let row = await db.comment.findUniqueOrThrow({ where: { id: own.id } });
    expect(row).toMatchObject({ body: "First version", alignment: "NEUTRAL", editedAt: null });

    expect(await editComment({ ideaId: idea.id, commentId: own.id, viewer: ana, body: "Second version", alignment: "IN_FAVOUR" })).toEqual({ ok: true });
    row = await db.comment.findUniqueOrThrow({ where: { id: own.id } });
    expect(row).toMatchObject({ body: "Second version", alignment: "IN_FAVOUR" });
    expect(row.editedAt).toBeInstanceOf(Date);
  });

  it("soft-deletes: the text is gone, replies stay, the idea counts it once (double delete does nothing)", async () => {
    const idea = await createIdea();
    const ana = await newViewer();
    const bogdan = await newViewer();
    const top = await comment(idea.id, ana, { body: "Something I regret" });
    const reply = await comment(idea.id, bogdan, { parentId: top.id });

    expect(await deleteComment({ ideaId: idea.id, commentId: top.id, viewer: bogdan })).toEqual({ ok: false, error: "notAuthor" });
    expect(await counters(idea.id)).toEqual({ commentCount: 2, rows: 2, live: 2 });

    const [first, second] = await Promise.all([
      deleteComment({ ideaId: idea.id, commentId: top.id, viewer: ana }),
      deleteComment({ ideaId: idea.id, commentId: top.id, viewer: ana }),
    ]);
    expect([first, second].map((result) => result.ok && result.already).sort()).toEqual([false, true]);
    expect(await deleteComment({ ideaId: idea.id, commentId: top.id, viewer: ana })).toEqual({ ok: true, already: true });

    const row = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
    expect(row.body).toBe("");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db.comment.findUnique({ where: { id: reply.id }, select: { parentId: true } })).toEqual({ parentId: top.id });
    expect(await counters(idea.id)).toEqual({ commentCount: 1, rows: 2, live: 1 });

    expect(await editComment({ ideaId: idea.id, commentId: top.id, viewer: ana, body: "Back again", alignment: "NEUTRAL" })).toEqual({
      ok: false,
      error: "deleted",
    });

    const page = await loadCommentsForIdea({ ideaId: idea.id, sort: null, viewer: null });
    expect(page.comments[0]).toMatchObject({ id: top.id, state: "deleted", body: "", authorName: null });
    expect(page.comments[0].replies.map((node) => node.id)).toEqual([reply.id]);
  });

  it("lets the author delete on a closed idea but not edit", async () => {
    const idea = await createIdea();
    const ana = await newViewer();
    const own = await comment(idea.id, ana);
    await withdrawIdea(idea.id, { id: idea.authorId, roles: [] });
    expect(await editComment({ ideaId: idea.id, commentId: own.id, viewer: ana, body: "Edited later", alignment: "NEUTRAL" })).toEqual({
      ok: false,
      error: "notOpen",
    });
    expect(await deleteComment({ ideaId: idea.id, commentId: own.id, viewer: ana })).toEqual({ ok: true, already: false });
  });
});

describe("voteComment", () => {
  it("toggles the same value and switches to the other, keeping the counters exact", async () => {
    const idea = await createIdea();
    const author = await newViewer();
    const voter = await newViewer();
    const target = await comment(idea.id, author);
    const vote = (value: 1 | -1) => voteComment({ ideaId: idea.id, commentId: target.id, viewer: voter, value });

    expect(await vote(1)).toEqual({ ok: true, vote: 1, upvotes: 1, downvotes: 0, score: 1 });
    expect(await vote(-1)).toEqual({ ok: true, vote: -1, upvotes: 0, downvotes: 1, score: -1 });
    expect(await vote(-1)).toEqual({ ok: true, vote: 0, upvotes: 0, downvotes: 0, score: 0 });
    expect(await vote(1)).toEqual({ ok: true, vote: 1, upvotes: 1, downvotes: 0, score: 1 });
    expect(await vote(1)).toEqual({ ok: true, vote: 0, upvotes: 0, downvotes: 0, score: 0 });
    expect(await voteCounters(target.id)).toEqual({ upvotes: 0, downvotes: 0, score: 0, rowsUp: 0, rowsDown: 0 });
  });

  it("refuses votes on your own comment, on deleted or hidden comments, on closed ideas and across ideas", async () => {
    const idea = await createIdea();
    const author = await newViewer();
    const voter = await newViewer();
    const own = await comment(idea.id, author);
    expect(await voteComment({ ideaId: idea.id, commentId: own.id, viewer: author, value: 1 })).toEqual({ ok: false, error: "ownComment" });

    const other = await createIdea();
    expect(await voteComment({ ideaId: other.id, commentId: own.id, viewer: voter, value: 1 })).toEqual({ ok: false, error: "notFound" });

    const hidden = await comment(idea.id, author);
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    expect(await voteComment({ ideaId: idea.id, commentId: hidden.id, viewer: voter, value: 1 })).toEqual({ ok: false, error: "commentHidden" });

    await deleteComment({ ideaId: idea.id, commentId: own.id, viewer: author });
    expect(await voteComment({ ideaId: idea.id, commentId: own.id, viewer: voter, value: -1 })).toEqual({ ok: false, error: "deleted" });

    const open = await comment(idea.id, author);
    await withdrawIdea(idea.id, { id: idea.authorId, roles: [] });
    expect(await voteComment({ ideaId: idea.id, commentId: open.id, viewer: voter, value: 1 })).toEqual({ ok: false, error: "notOpen" });

    expect(await db.commentVote.count({ where: { comment: { ideaId: idea.id } } })).toBe(0);
  });

  it("keeps the counters exact under 30 parallel voters and one person clicking repeatedly", async () => {
    const idea = await createIdea();
    const author = await newViewer();
    const target = await comment(idea.id, author);
    const voters = await Promise.all(Array.from({ length: 30 }, () => newViewer()));
    const clicker = await newViewer();

    const results = await Promise.all([
      ...voters.map((voter, index) => voteComment({ ideaId: idea.id, commentId: target.id, viewer: voter, value: index % 3 === 0 ? -1 : 1 })),
      // Seven toggles by the same person, all at once: they apply one after another.
      ...Array.from({ length: 7 }, () => voteComment({ ideaId: idea.id, commentId: target.id, viewer: clicker, value: 1 })),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);

    const state = await voteCounters(target.id);
    expect(state.rowsUp).toBe(20 + 1);
    expect(state.rowsDown).toBe(10);
    expect(state).toEqual({ upvotes: 21, downvotes: 10, score: 11, rowsUp: 21, rowsDown: 10 });

    // Everyone switches at once: counters follow exactly.
    await Promise.all(voters.map((voter, index) => voteComment({ ideaId: idea.id, commentId: target.id, viewer: voter, value: index % 3 === 0 ? 1 : -1 })));
    expect(await voteCounters(target.id)).toEqual({ upvotes: 11, downvotes: 20, score: -9, rowsUp: 11, rowsDown: 20 });
  });
});

describe("loadCommentsForIdea", () => {
  async function ideaWithComments() {
    const idea = await createIdea();
    const users = await Promise.all([newViewer(), newViewer(), newViewer()]);
    const [first, second, third] = [
      await comment(idea.id, users[0], { body: "First", alignment: "IN_FAVOUR" }),
      await comment(idea.id, users[1], { body: "Second", alignment: "AGAINST" }),
      await comment(idea.id, users[2], { body: "Third", alignment: "IN_FAVOUR" }),
    ];
    // Distinct timestamps, whatever the clock resolution.
    const base = Date.now() - 60_000;
    for (const [index, row] of [first, second, third].entries()) {
      await db.comment.update({ where: { id: row.id }, data: { createdAt: new Date(base + index * 1000) } });
    }
    return { idea, users, first, second, third };
  }

  it("sorts by oldest (default), newest and best (score, then oldest)", async () => {
    const { idea, users, first, second, third } = await ideaWithComments();
    const voter = await newViewer();
    await voteComment({ ideaId: idea.id, commentId: third.id, viewer: voter, value: 1 });
    await voteComment({ ideaId: idea.id, commentId: first.id, viewer: voter, value: -1 });

    const ids = async (sort: string | null) => (await loadCommentsForIdea({ ideaId: idea.id, sort, viewer: users[0] })).comments.map((node) => node.id);
    expect(await ids(null)).toEqual([first.id, second.id, third.id]);
    expect(await ids("oldest")).toEqual([first.id, second.id, third.id]);
    expect(await ids("bogus")).toEqual([first.id, second.id, third.id]);
    expect(await ids("newest")).toEqual([third.id, second.id, first.id]);
    expect(await ids("best")).toEqual([third.id, second.id, first.id]);

    const page = await loadCommentsForIdea({ ideaId: idea.id, sort: "best", viewer: voter });
    expect(page.sort).toBe("best");
    expect(page.comments.map((node) => node.viewerVote)).toEqual([1, 0, -1]);
    expect(page.comments[0]).toMatchObject({ upvotes: 1, downvotes: 0, score: 1, can: { vote: true, edit: false, delete: false, reply: true } });
    expect(page.balance).toEqual({ IN_FAVOUR: 2, AGAINST: 1, NEUTRAL: 0, total: 3 });
    expect(page.denial).toBeNull();
  });

  it("describes what the viewer may do, and hides the text of hidden comments", async () => {
    const { idea, users, first, second } = await ideaWithComments();
    await db.comment.update({ where: { id: second.id }, data: { hiddenAt: new Date() } });

    const asAuthor = await loadCommentsForIdea({ ideaId: idea.id, sort: null, viewer: users[0] });
    expect(asAuthor.comments[0]).toMatchObject({ id: first.id, mine: true, can: { edit: true, delete: true, vote: false, reply: true } });
    expect(asAuthor.comments[1]).toMatchObject({ id: second.id, state: "hidden", body: "", authorName: null, can: { reply: false, vote: false } });
    expect(asAuthor.balance).toEqual({ IN_FAVOUR: 2, AGAINST: 0, NEUTRAL: 0, total: 2 });

    const anonymous = await loadCommentsForIdea({ ideaId: idea.id, sort: null, viewer: null });
    expect(anonymous.denial).toBe("signIn");
    expect(anonymous.comments.every((node) => !node.can.reply && !node.can.vote && !node.can.edit)).toBe(true);
    expect(JSON.stringify(anonymous)).not.toContain("Second");
  });

  it("paginates top-level comments", async () => {
    const idea = await createIdea();
    const viewer = await newViewer();
    for (let index = 0; index < COMMENTS_PAGE_SIZE + 3; index++) await comment(idea.id, viewer, { body: `Comment ${index}` });
    const page1 = await loadCommentsForIdea({ ideaId: idea.id, sort: "oldest", viewer: null });
    const page2 = await loadCommentsForIdea({ ideaId: idea.id, sort: "oldest", viewer: null, page: "2" });
    expect(page1).toMatchObject({ page: 1, hasPreviousPage: false, hasNextPage: true });
    expect(page1.comments).toHaveLength(COMMENTS_PAGE_SIZE);
    expect(page2).toMatchObject({ page: 2, hasPreviousPage: true, hasNextPage: false });
    expect(page2.comments).toHaveLength(3);
    const all = [...page1.comments, ...page2.comments].map((node) => node.id);
    expect(new Set(all).size).toBe(COMMENTS_PAGE_SIZE + 3);
    expect((await loadCommentsForIdea({ ideaId: idea.id, sort: null, viewer: null, page: "-4" })).page).toBe(1);
  });

  it("shows three levels on the idea page and continues deeper threads on their own page", async () => {
    const idea = await createIdea();
    const viewer = await newViewer();
    const chain = [await comment(idea.id, viewer, { body: "Level 0" })];
    for (let depth = 1; depth <= 6; depth++) chain.push(await comment(idea.id, viewer, { body: `Level ${depth}`, parentId: chain[depth - 1].id }));
    // A second reply on level 2 makes "2 replies" behind the cut.
    await comment(idea.id, viewer, { body: "Level 3 bis", parentId: chain[2].id });

    const page = await loadCommentsForIdea({ ideaId: idea.id, sort: null, viewer });
    const shown = flatten(page.comments);
    expect(shown.map((node) => node.depth)).toEqual([0, 1, 2]);
    expect(page.maxDepth).toBe(2);
    const cut = shown[2];
    expect(cut).toMatchObject({ id: chain[2].id, replyCount: 2, unloadedReplies: 2, replies: [] });
    expect(shown[0].unloadedReplies).toBe(0);

    const thread = await loadCommentThread({ ideaId: idea.id, commentId: chain[2].id, viewer });
    expect(thread).not.toBeNull();
    if (!thread) return;
    expect(thread.mode).toBe("thread");
    expect(thread.thread).toEqual({ rootId: chain[2].id, parentId: chain[1].id });
    expect(thread.maxDepth).toBe(5);
    const threadNodes = flatten(thread.comments);
    expect(threadNodes.map((node) => node.depth)).toEqual([2, 3, 4, 5, 3]);
    const last = threadNodes.find((node) => node.depth === 5);
    expect(last).toMatchObject({ id: chain[5].id, unloadedReplies: 1, replies: [] });

    expect(await loadCommentThread({ ideaId: (await createIdea()).id, commentId: chain[2].id, viewer })).toBeNull();
  });
});
