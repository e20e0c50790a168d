// Comments on ideas: threaded replies, an alignment (in favour / against / neutral) and
// votes. One function per mutation, each ONE transaction; counters (Idea.commentCount,
// Comment.replyCount, Comment.upvotes/downvotes/score) only move through atomic
// increments in the database, never through values read by the application.
//
// Lock order, the same in every command so PostgreSQL never deadlocks: the idea row
// first (a guarded update that also re-checks that the idea accepts comments), then the
// comment row, then the vote row. On SQLite the first statement is a write, so a
// transaction never has to upgrade a stale read snapshot.
import { db, isUniqueViolation, type DbTransaction } from "~/utils/db.server";
import {
  canView,
  COMMENTABLE_STATUSES,
  commentDenial,
  type Denial,
  type IdeaStatus,
  type Viewer,
} from "~/modules/ideas/lifecycle.policy";
import { phaseDenial, type PhaseDenial } from "~/modules/consultations/phases.policy";
import { follow } from "~/modules/notifications/follows.server";
import { notify } from "~/modules/notifications/notify.server";
import { parseCommentSort, type CommentAlignment, type CommentSort } from "./comments.schema";

export type CommentRefusal =
  | Denial
  | "notFound"
  | "parentNotFound"
  | "parentDeleted"
  | "parentHidden"
  | "deleted"
  | "commentHidden"
  | "ownComment";

/** `phase`: the idea's consultation no longer (or not yet) takes comments; error is then "notOpen". */
export type CommentCommandResult<T = object> = ({ ok: true } & T) | { ok: false; error: CommentRefusal; phase?: PhaseDenial };

type Commenter = NonNullable<Viewer>;

/** Thrown inside a transaction to roll it back and report why. */
class Refusal extends Error {
  constructor(
    readonly reason: CommentRefusal,
    readonly phase?: PhaseDenial,
  ) {
    super(reason);
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return meta?.driverAdapterError?.cause?.originalCode ?? code;
}

/** Write conflicts worth retrying (serialization failure, deadlock, SQLite busy). */
function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return code === "P2034" || code === "40001" || code === "40P01" || code === "P1008" || code === "SQLITE_BUSY";
}

// Votes on a busy discussion queue on the idea row; waiting a few seconds beats failing.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

async function withRetry<T>(work: () => Promise<T>, retryOn: (error: unknown) => boolean = isTransient, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof Refusal || attempt >= attempts || !retryOn(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

async function run<T>(
  work: (tx: DbTransaction) => Promise<T>,
  retryOn?: (error: unknown) => boolean,
): Promise<T | { ok: false; error: CommentRefusal; phase?: PhaseDenial }> {
  try {
    return await withRetry(() => db.$transaction(work, TRANSACTION_OPTIONS), retryOn);
  } catch (error) {
    if (error instanceof Refusal) return error.phase ? { ok: false, error: error.reason, phase: error.phase } : { ok: false, error: error.reason };
    throw error;
  }
}

/**
 * Ideas of a consultation take comments (and votes on them) from its first phase until
 * its REVIEW phase ends (phases.policy.ts). Read after the idea row is locked.
 */
async function assertConsultationOpen(tx: DbTransaction, ideaId: string) {
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: { consultation: { select: { status: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } } } },
  });
  if (!idea?.consultation) return;
  const denial = phaseDenial("comment", idea.consultation, new Date());
  if (denial) throw new Refusal("notOpen", denial);
}

/**
 * Locks the idea row and checks, against the current row, that it accepts comments
 * (the where clause mirrors commentDenial()). Throws the precise refusal otherwise.
 */
async function lockOpenIdea(tx: DbTransaction, ideaId: string, viewer: Commenter, commentDelta = 0) {
  const { count } = await tx.idea.updateMany({
    where: { id: ideaId, status: { in: COMMENTABLE_STATUSES as IdeaStatus[] }, hiddenAt: null },
    data: { commentCount: { increment: commentDelta } },
  });
  if (count === 1) return assertConsultationOpen(tx, ideaId);
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: { status: true, authorId: true, cityId: true, hiddenAt: true, supportCount: true, commentCount: true },
  });
  if (!idea) throw new Refusal("notFound");
  throw new Refusal(commentDenial(idea, viewer) ?? "notOpen");
}

/** Why a guarded update of one comment matched nothing. */
async function commentRefusal(tx: DbTransaction, commentId: string, ideaId: string, viewer: Commenter, needsAuthor: boolean): Promise<Refusal> {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, ideaId },
    select: { authorId: true, deletedAt: true, hiddenAt: true },
  });
  if (!comment) return new Refusal("notFound");
  if (needsAuthor && comment.authorId !== viewer.id) return new Refusal("notAuthor");
  if (!needsAuthor && comment.authorId === viewer.id) return new Refusal("ownComment");
  if (comment.deletedAt) return new Refusal("deleted");
  if (comment.hiddenAt) return new Refusal("commentHidden");
  return new Refusal("notAllowed");
}

export type NewComment = {
  ideaId: string;
  viewer: Commenter;
  body: string;
  alignment: CommentAlignment;
  language: string;
  /** Reply to this comment (must belong to the same idea and still be visible). */
  parentId?: string | null;
};

/** Adds a top-level comment or a reply, and counts it on the idea (and the parent). */
export async function addComment(input: NewComment): Promise<CommentCommandResult<{ id: string; depth: number }>> {
  const { ideaId, viewer, body, alignment, language, parentId } = input;
  return run(async (tx) => {
    await lockOpenIdea(tx, ideaId, viewer, 1);
    let depth = 0;
    if (parentId) {
      const { count } = await tx.comment.updateMany({
        where: { id: parentId, ideaId, deletedAt: null, hiddenAt: null },
        data: { replyCount: { increment: 1 } },
      });
      if (count !== 1) {
        const parent = await tx.comment.findFirst({ where: { id: parentId, ideaId }, select: { deletedAt: true } });
        throw new Refusal(!parent ? "parentNotFound" : parent.deletedAt ? "parentDeleted" : "parentHidden");
      }
      const parent = await tx.comment.findUniqueOrThrow({ where: { id: parentId }, select: { depth: true } });
      depth = parent.depth + 1;
    }
    const comment = await tx.comment.create({
      data: { ideaId, authorId: viewer.id, parentId: parentId || null, depth, body, alignment, language },
      select: { id: true, depth: true },
    });
    // Commenters follow the idea; the idea's author, followers and the parent's author hear of it.
    await follow(tx, viewer.id, "IDEA", ideaId);
    await notify(tx, { kind: "IDEA_COMMENT", commentId: comment.id, actorId: viewer.id });
    return { ok: true as const, id: comment.id, depth: comment.depth };
  });
}

/** The author rewrites their comment (not once deleted or hidden, and only while the idea is open). */
export async function editComment(input: {
  ideaId: string;
  commentId: string;
  viewer: Commenter;
  body: string;
  alignment: CommentAlignment;
}): Promise<CommentCommandResult> {
  const { ideaId, commentId, viewer, body, alignment } = input;
  return run(async (tx) => {
    await lockOpenIdea(tx, ideaId, viewer);
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, ideaId, authorId: viewer.id, deletedAt: null, hiddenAt: null },
      data: { body, alignment, editedAt: new Date() },
    });
    if (count !== 1) throw await commentRefusal(tx, commentId, ideaId, viewer, true);
    return { ok: true as const };
  });
}

/**
 * The author deletes their comment: the text is gone (body emptied), a placeholder stays
 * so the replies keep their place. The idea's counter goes down once: the update is
 * guarded by deletedAt = null, so a second delete matches nothing.
 */
export async function deleteComment(input: { ideaId: string; commentId: string; viewer: Commenter }): Promise<CommentCommandResult<{ already: boolean }>> {
  const { ideaId, commentId, viewer } = input;
  return run(async (tx) => {
    // Take the idea row first (lock order), whatever its status: deleting is always allowed.
    await tx.idea.updateMany({ where: { id: ideaId }, data: { commentCount: { increment: 0 } } });
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, ideaId, authorId: viewer.id, deletedAt: null, hiddenAt: null },
      data: { deletedAt: new Date(), body: "" },
    });
    if (count !== 1) {
      const refusal = await commentRefusal(tx, commentId, ideaId, viewer, true);
      if (refusal.reason === "deleted") return { ok: true as const, already: true };
      throw refusal;
    }
    await tx.idea.update({ where: { id: ideaId }, data: { commentCount: { decrement: 1 } }, select: { id: true } });
    return { ok: true as const, already: false };
  });
}

export type VoteResult = CommentCommandResult<{ vote: -1 | 0 | 1; upvotes: number; downvotes: number; score: number }>;

/**
 * Votes +1 or -1 on someone else's comment. Voting the same value again takes the vote
 * back; the other value switches it. One vote per person per comment is the primary key
 * of CommentVote; the counters move by the exact difference in the same transaction.
 */
export async function voteComment(input: { ideaId: string; commentId: string; viewer: Commenter; value: 1 | -1 }): Promise<VoteResult> {
  const { ideaId, commentId, viewer, value } = input;
  return run(
    async (tx) => {
      await lockOpenIdea(tx, ideaId, viewer);
      const votable = { id: commentId, ideaId, deletedAt: null, hiddenAt: null, authorId: { not: viewer.id } };
      const { count: open } = await tx.comment.updateMany({ where: votable, data: { score: { increment: 0 } } });
      if (open !== 1) throw await commentRefusal(tx, commentId, ideaId, viewer, false);

      let vote: -1 | 0 | 1;
      let up = 0;
      let down = 0;
      const { count: removed } = await tx.commentVote.deleteMany({ where: { commentId, userId: viewer.id, value } });
      if (removed === 1) {
        vote = 0;
        if (value === 1) up = -1;
        else down = -1;
      } else {
        const { count: switched } = await tx.commentVote.updateMany({ where: { commentId, userId: viewer.id, value: -value }, data: { value } });
        if (switched !== 1) {
          // A concurrent identical vote raises P2002 here: the transaction rolls back and is retried.
          await tx.commentVote.create({ data: { commentId, userId: viewer.id, value }, select: { commentId: true } });
        }
        vote = value;
        if (value === 1) {
          up = 1;
          down = switched === 1 ? -1 : 0;
        } else {
          down = 1;
          up = switched === 1 ? -1 : 0;
        }
      }
      const counters = await tx.comment.update({
        where: { id: commentId },
        data: { upvotes: { increment: up }, downvotes: { increment: down }, score: { increment: up - down } },
        select: { upvotes: true, downvotes: true, score: true },
      });
      return { ok: true as const, vote, ...counters };
    },
    (error) => isTransient(error) || isUniqueViolation(error),
  );
}

// ---------------------------------------------------------------------------------------
// Reading

/** Top-level comments per page (replies per thread page on the "continue" page). */
export const COMMENTS_PAGE_SIZE = 20;
/** Levels shown below the list's items: idea page = top + 2 reply levels; thread page = root + 3. */
export const IDEA_PAGE_REPLY_LEVELS = 2;
export const THREAD_PAGE_REPLY_LEVELS = 3;
/** Bounds on what one page loads; a parent with more replies links to its own thread page. */
const REPLIES_PER_PARENT = 50;
const ROWS_PER_LEVEL = 500;
const MAX_PAGE = 1_000;

const commentSelect = {
  id: true,
  parentId: true,
  depth: true,
  authorId: true,
  author: { select: { displayName: true } },
  body: true,
  alignment: true,
  language: true,
  upvotes: true,
  downvotes: true,
  score: true,
  replyCount: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
} as const;

type CommentRow = {
  id: string;
  parentId: string | null;
  depth: number;
  authorId: string;
  author: { displayName: string };
  body: string;
  alignment: CommentAlignment;
  language: string;
  upvotes: number;
  downvotes: number;
  score: number;
  replyCount: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
};

export type CommentNode = {
  id: string;
  parentId: string | null;
  depth: number;
  state: "visible" | "deleted" | "hidden";
  /** The moderators' public reason for a hidden comment (null: hidden after reports, awaiting a decision). */
  hiddenReason: string | null;
  /** null for deleted and hidden comments (their author and text are not sent). */
  authorName: string | null;
  /** The author's account, for "Report <name>" (null like authorName). */
  authorId: string | null;
  mine: boolean;
  /** Written by the idea's author (shown as a badge). */
  byIdeaAuthor: boolean;
  body: string;
  alignment: CommentAlignment;
  /** BCP 47 language the comment was written in (its author's interface language then). */
  language: string;
  createdAt: string;
  editedAt: string | null;
  upvotes: number;
  downvotes: number;
  score: number;
  replyCount: number;
  /** Direct replies not loaded here: a "continue this thread" link leads to them. */
  unloadedReplies: number;
  viewerVote: -1 | 0 | 1;
  can: { reply: boolean; edit: boolean; delete: boolean; vote: boolean };
  replies: CommentNode[];
};

export type AlignmentBalance = { IN_FAVOUR: number; AGAINST: number; NEUTRAL: number; total: number };

export type CommentsData = {
  mode: "idea" | "thread";
  sort: CommentSort;
  page: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  /** Idea page: the page of top-level comments. Thread page: the one root comment. */
  comments: CommentNode[];
  balance: AlignmentBalance;
  /** Why the viewer may not comment (null: the new-comment form is shown). */
  denial: Denial | null;
  /** For an idea of a consultation whose phases refuse comments now: why, with the date (denial is then "notOpen"). */
  phase: PhaseDenial | null;
  /** Dates are shown in the city's time zone (the same on the server and in the browser). */
  timeZone: string;
  cityName: string;
  /** The deepest level rendered on this page (replies deeper than this go to a thread page). */
  maxDepth: number;
  thread: { rootId: string; parentId: string | null } | null;
};

type IdeaForComments = {
  id: string;
  status: IdeaStatus;
  authorId: string;
  cityId: string;
  hiddenAt: Date | null;
  supportCount: number;
  commentCount: number;
  city: { timeZone: string; name: string };
  consultation: { status: string; phases: { kind: string; startsAt: Date; endsAt: Date }[] } | null;
};

/**
 * Why the idea's consultation refuses comments now (null: no consultation, open, or the
 * idea itself is closed or hidden — then that is the explanation).
 */
function commentPhase(idea: IdeaForComments, viewer: Viewer): PhaseDenial | null {
  if (!idea.consultation) return null;
  const own = commentDenial(idea, viewer);
  if (own === "hidden" || own === "notOpen") return null;
  return phaseDenial("comment", idea.consultation, new Date());
}

async function findIdea(ideaId: string): Promise<IdeaForComments | null> {
  return db.idea.findUnique({
    where: { id: ideaId },
    select: {
      id: true,
      status: true,
      authorId: true,
      cityId: true,
      hiddenAt: true,
      publishedAt: true,
      supportCount: true,
      commentCount: true,
      city: { select: { timeZone: true, name: true } },
      consultation: { select: { status: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } } },
    },
  });
}

export function parseCommentPage(value: string | number | null | undefined): number {
  const page = typeof value === "number" ? value : Number.parseInt(value ?? "", 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(Math.floor(page), MAX_PAGE) : 1;
}

function orderFor(sort: CommentSort) {
  switch (sort) {
    case "newest":
      return [{ createdAt: "desc" as const }, { id: "desc" as const }];
    case "best":
      return [{ score: "desc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
    default:
      return [{ createdAt: "asc" as const }, { id: "asc" as const }];
  }
}

/** Loads `levels` levels of replies below `parents`, oldest first, bounded per level and per parent. */
async function loadReplyLevels(ideaId: string, parents: CommentRow[], levels: number): Promise<CommentRow[][]> {
  const result: CommentRow[][] = [];
  let current = parents;
  for (let level = 0; level < levels && current.length > 0; level++) {
    const withReplies = current.filter((row) => row.replyCount > 0).map((row) => row.id);
    if (withReplies.length === 0) break;
    const rows = (await db.comment.findMany({
      where: { ideaId, parentId: { in: withReplies } },
      select: commentSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: ROWS_PER_LEVEL,
    })) as CommentRow[];
    const perParent = new Map<string, number>();
    const kept = rows.filter((row) => {
      const seen = (perParent.get(row.parentId ?? "") ?? 0) + 1;
      perParent.set(row.parentId ?? "", seen);
      return seen <= REPLIES_PER_PARENT;
    });
    result.push(kept);
    current = kept;
  }
  return result;
}

async function alignmentBalance(ideaId: string): Promise<AlignmentBalance> {
  const groups = await db.comment.groupBy({
    by: ["alignment"],
    where: { ideaId, deletedAt: null, hiddenAt: null },
    _count: { _all: true },
  });
  const balance: AlignmentBalance = { IN_FAVOUR: 0, AGAINST: 0, NEUTRAL: 0, total: 0 };
  for (const group of groups) {
    balance[group.alignment as CommentAlignment] = group._count._all;
    balance.total += group._count._all;
  }
  return balance;
}

async function viewerVotes(viewer: Viewer, ids: string[]): Promise<Map<string, number>> {
  if (!viewer || ids.length === 0) return new Map();
  const votes = await db.commentVote.findMany({
    where: { userId: viewer.id, commentId: { in: ids } },
    select: { commentId: true, value: true },
  });
  return new Map(votes.map((vote) => [vote.commentId, vote.value]));
}

/** Builds the serializable tree: top rows, then each level's rows under their parents. */
async function buildTree(
  top: CommentRow[],
  levels: CommentRow[][],
  { viewer, denial, lastLevel, ideaAuthorId }: { viewer: Viewer; denial: Denial | null; lastLevel: number; ideaAuthorId: string },
): Promise<CommentNode[]> {
  const all = [...top, ...levels.flat()];
  const votes = await viewerVotes(viewer, all.map((row) => row.id));
  const nodes = new Map<string, CommentNode>();
  const toNode = (row: CommentRow, level: number): CommentNode => {
    const state = row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible";
    const visible = state === "visible";
    const mine = viewer?.id === row.authorId;
    const vote = votes.get(row.id);
    const node: CommentNode = {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      state,
      hiddenReason: state === "hidden" ? row.hiddenReason : null,
      authorName: visible ? row.author.displayName : null,
      authorId: visible ? row.authorId : null,
      mine: visible && mine,
      byIdeaAuthor: visible && row.authorId === ideaAuthorId,
      body: visible ? row.body : "",
      alignment: row.alignment,
      language: row.language,
      createdAt: row.createdAt.toISOString(),
      editedAt: visible && row.editedAt ? row.editedAt.toISOString() : null,
      upvotes: row.upvotes,
      downvotes: row.downvotes,
      score: row.score,
      replyCount: row.replyCount,
      // Corrected below once the loaded replies are attached.
      unloadedReplies: level >= lastLevel ? row.replyCount : 0,
      viewerVote: vote === 1 ? 1 : vote === -1 ? -1 : 0,
      can: {
        reply: Boolean(viewer) && visible && denial === null,
        edit: visible && mine && denial === null,
        delete: visible && mine,
        vote: Boolean(viewer) && visible && !mine && denial === null,
      },
      replies: [],
    };
    nodes.set(row.id, node);
    return node;
  };
  const roots = top.map((row) => toNode(row, 0));
  levels.forEach((rows, index) => {
    for (const row of rows) {
      const parent = row.parentId ? nodes.get(row.parentId) : undefined;
      if (parent) parent.replies.push(toNode(row, index + 1));
    }
  });
  for (const node of nodes.values()) {
    if (node.unloadedReplies === 0) node.unloadedReplies = Math.max(0, node.replyCount - node.replies.length);
  }
  return roots;
}

/**
 * The comments section of an idea page: one page of top-level comments in the chosen
 * order, each with two levels of replies (deeper ones behind "continue this thread"),
 * the alignment balance, the viewer's votes and what the viewer may do.
 * The caller has checked that the viewer may see the idea (canView).
 */
export async function loadCommentsForIdea({
  ideaId,
  sort: sortParam,
  viewer,
  page: pageParam,
}: {
  ideaId: string;
  sort: string | null;
  viewer: Viewer;
  /** ?commentPage= of the URL (1 when absent or invalid). */
  page?: string | number | null;
}): Promise<CommentsData> {
  const sort = parseCommentSort(sortParam);
  const page = parseCommentPage(pageParam);
  const idea = await findIdea(ideaId);
  if (!idea) throw new Response("Not Found", { status: 404 });
  const phase = commentPhase(idea, viewer);
  const denial = commentDenial(idea, viewer, phase);
  const rows = (await db.comment.findMany({
    where: { ideaId, parentId: null },
    select: commentSelect,
    orderBy: orderFor(sort),
    skip: (page - 1) * COMMENTS_PAGE_SIZE,
    take: COMMENTS_PAGE_SIZE + 1,
  })) as CommentRow[];
  const top = rows.slice(0, COMMENTS_PAGE_SIZE);
  const [levels, balance] = await Promise.all([loadReplyLevels(ideaId, top, IDEA_PAGE_REPLY_LEVELS), alignmentBalance(ideaId)]);
  return {
    mode: "idea",
    sort,
    page,
    hasPreviousPage: page > 1,
    hasNextPage: rows.length > COMMENTS_PAGE_SIZE,
    comments: await buildTree(top, levels, { viewer, denial, lastLevel: IDEA_PAGE_REPLY_LEVELS, ideaAuthorId: idea.authorId }),
    balance,
    denial,
    phase,
    timeZone: idea.city.timeZone,
    cityName: idea.city.name,
    maxDepth: IDEA_PAGE_REPLY_LEVELS,
    thread: null,
  };
}

/**
 * "Continue this thread": one comment of the idea as the root, with its next three levels
 * of replies (the root's direct replies paginated). Null when the comment is not part of
 * this idea. The caller has checked that the viewer may see the idea.
 */
export async function loadCommentThread({
  ideaId,
  commentId,
  viewer,
  page: pageParam,
}: {
  ideaId: string;
  commentId: string;
  viewer: Viewer;
  page?: string | number | null;
}): Promise<CommentsData | null> {
  const page = parseCommentPage(pageParam);
  const idea = await findIdea(ideaId);
  if (!idea) return null;
  const root = (await db.comment.findFirst({ where: { id: commentId, ideaId }, select: commentSelect })) as CommentRow | null;
  if (!root) return null;
  const phase = commentPhase(idea, viewer);
  const denial = commentDenial(idea, viewer, phase);
  const firstLevel = (await db.comment.findMany({
    where: { ideaId, parentId: root.id },
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * COMMENTS_PAGE_SIZE,
    take: COMMENTS_PAGE_SIZE + 1,
  })) as CommentRow[];
  const replies = firstLevel.slice(0, COMMENTS_PAGE_SIZE);
  const [deeper, balance] = await Promise.all([
    loadReplyLevels(ideaId, replies, THREAD_PAGE_REPLY_LEVELS - 1),
    alignmentBalance(ideaId),
  ]);
  const [rootNode] = await buildTree([root], [replies, ...deeper], { viewer, denial, lastLevel: THREAD_PAGE_REPLY_LEVELS, ideaAuthorId: idea.authorId });
  // The root's other replies are on the other pages of this thread, not "unloaded".
  rootNode.unloadedReplies = 0;
  return {
    mode: "thread",
    sort: "oldest",
    page,
    hasPreviousPage: page > 1,
    hasNextPage: firstLevel.length > COMMENTS_PAGE_SIZE,
    comments: [rootNode],
    balance,
    denial,
    phase,
    timeZone: idea.city.timeZone,
    cityName: idea.city.name,
    maxDepth: root.depth + THREAD_PAGE_REPLY_LEVELS,
    thread: { rootId: root.id, parentId: root.parentId },
  };
}

/**
 * The idea a thread page belongs to, as `viewer` may see it: null when there is no such
 * idea in that city or the viewer may not see it (the same 404 either way).
 */
export async function findIdeaForThread({ citySlug, number, viewer }: { citySlug: string; number: number; viewer: Viewer }) {
  const idea = await db.idea.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      title: true,
      language: true,
      status: true,
      authorId: true,
      cityId: true,
      hiddenAt: true,
      publishedAt: true,
      supportCount: true,
      commentCount: true,
      city: { select: { slug: true, name: true } },
    },
  });
  if (!idea || idea.city.slug !== citySlug || !canView(idea, viewer)) return null;
  return idea;
}
