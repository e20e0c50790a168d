// The comment forms of an idea page (and of a "continue this thread" page) all post to
// that page; its action hands the comment intents to handleCommentIntent().
import { data } from "@remix-run/node";
import { detectLocale } from "~/i18n/i18n.server";
import { getUser } from "~/modules/accounts/session.server";
import { findCityById } from "~/modules/cities/cities.server";
import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound, redirectWithFlash, safeRedirectPath } from "~/utils/http.server";
import { addComment, deleteComment, editComment, voteComment, type CommentRefusal } from "./comments.server";
import {
  commentFormId,
  DeleteCommentSchema,
  EditCommentSchema,
  NewCommentSchema,
  ReplySchema,
  VoteCommentSchema,
} from "./comments.schema";

export const COMMENT_INTENTS = ["comment-create", "comment-reply", "comment-edit", "comment-delete", "comment-vote"] as const;

export function isCommentIntent(intent: unknown): intent is (typeof COMMENT_INTENTS)[number] {
  return typeof intent === "string" && (COMMENT_INTENTS as readonly string[]).includes(intent);
}

export type CommentIdea = {
  id: string;
  number: number;
  cityId: string;
  citySlug: string;
  status: string;
  hiddenAt: Date | string | null;
  authorId: string;
};

/** What a refused comment form returns (400): errors and text for the form named commentFormId. */
export type CommentFormFailure = {
  ok: false;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  commentFormId: string;
};

export function ideaPath(idea: { citySlug: string; number: number }) {
  return `/cities/${idea.citySlug}/ideas/${idea.number}`;
}

/**
 * Where to go back to: the page the form was on (it sends returnTo = its path and query),
 * as long as it is this idea's page or one of its thread pages; the idea page otherwise.
 */
function returnPathFor(formData: FormData, base: string): URL {
  const candidate = safeRedirectPath(formData.get("returnTo"), base);
  const url = new URL(candidate, "http://localhost");
  const ownPage = url.pathname === base || (url.pathname.startsWith(`${base}/comments/`) && /^\/[\w-]+$/.test(url.pathname.slice(`${base}/comments`.length)));
  return ownPage ? url : new URL(base, "http://localhost");
}

function pathOf(url: URL, hash?: string) {
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ""}`;
}

/** Refusals people can run into honestly (a closed idea, a comment deleted meanwhile) get a message; forged ids get 404/403. */
function throwIfForged(result: { error: CommentRefusal }): void {
  if (result.error === "notFound" || result.error === "parentNotFound") notFound();
  if (result.error === "notAuthor") forbidden();
}

async function pageLocale(request: Request, cityId: string): Promise<string> {
  const [user, city] = await Promise.all([getUser(request), findCityById(cityId)]);
  return detectLocale(request, { userLocale: user?.locale, cityLocale: city?.defaultLocale });
}

function invalid(parsed: { fieldErrors: Record<string, string>; values: Record<string, string> }, formId: string) {
  const failure: CommentFormFailure = { ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values, commentFormId: formId };
  return data(failure, { status: 400 });
}

/**
 * Handles the intents "comment-create", "comment-reply", "comment-edit", "comment-delete"
 * and "comment-vote". The route has already required a signed-in viewer who may see the
 * idea. Success: a redirect back to the comment with a flash message (or, for a vote sent
 * by script with async=1, the new counts). Invalid text: 400 with the form's errors.
 */
export async function handleCommentIntent({
  request,
  formData,
  idea,
  viewer,
}: {
  request: Request;
  formData: FormData;
  idea: CommentIdea;
  viewer: NonNullable<Viewer>;
}): Promise<Response | ReturnType<typeof data>> {
  const base = ideaPath(idea);
  const back = returnPathFor(formData, base);
  const intent = formData.get("intent");
  const refused = async (result: { error: CommentRefusal }, anchor?: string) => {
    throwIfForged(result);
    return redirectWithFlash(request, pathOf(back, anchor), { kind: "error", key: `comments:refused.${result.error}` });
  };

  switch (intent) {
    case "comment-create": {
      const formId = commentFormId("new");
      const parsed = parseForm(NewCommentSchema, formData);
      if (!parsed.ok) return invalid(parsed, formId);
      const result = await addComment({
        ideaId: idea.id,
        viewer,
        body: parsed.data.body,
        alignment: parsed.data.alignment,
        language: await pageLocale(request, idea.cityId),
      });
      if (!result.ok) return refused(result, formId);
      // A new comment is first in "newest" order, whatever page the author was on.
      const target = new URL(back);
      target.searchParams.set("commentSort", "newest");
      target.searchParams.delete("commentPage");
      if (target.pathname !== base) target.pathname = base;
      return redirectWithFlash(request, pathOf(target, `comment-${result.id}`), { kind: "success", key: "comments:flash.created" });
    }
    case "comment-reply": {
      const parentId = String(formData.get("parentId") ?? "");
      const formId = commentFormId("reply", parentId);
      const parsed = parseForm(ReplySchema, formData);
      if (!parsed.ok) return invalid(parsed, formId);
      const result = await addComment({
        ideaId: idea.id,
        viewer,
        body: parsed.data.body,
        alignment: parsed.data.alignment,
        parentId: parsed.data.parentId,
        language: await pageLocale(request, idea.cityId),
      });
      if (!result.ok) return refused(result, `comment-${parentId}`);
      // Too deep for the page it was written on: show it in its parent's thread.
      const maxDepth = Number.parseInt(String(formData.get("maxDepth") ?? ""), 10);
      const target = Number.isFinite(maxDepth) && result.depth > maxDepth ? new URL(`${base}/comments/${parsed.data.parentId}`, back) : back;
      return redirectWithFlash(request, pathOf(target, `comment-${result.id}`), { kind: "success", key: "comments:flash.replied" });
    }
    case "comment-edit": {
      const commentId = String(formData.get("commentId") ?? "");
      const parsed = parseForm(EditCommentSchema, formData);
      if (!parsed.ok) return invalid(parsed, commentFormId("edit", commentId));
      const result = await editComment({ ideaId: idea.id, viewer, ...parsed.data });
      if (!result.ok) return refused(result, `comment-${commentId}`);
      return redirectWithFlash(request, pathOf(back, `comment-${commentId}`), { kind: "success", key: "comments:flash.edited" });
    }
    case "comment-delete": {
      const parsed = parseForm(DeleteCommentSchema, formData);
      if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
      const result = await deleteComment({ ideaId: idea.id, viewer, commentId: parsed.data.commentId });
      if (!result.ok) return refused(result, `comment-${parsed.data.commentId}`);
      return redirectWithFlash(request, pathOf(back, `comment-${parsed.data.commentId}`), {
        kind: result.already ? "info" : "success",
        key: result.already ? "comments:flash.alreadyDeleted" : "comments:flash.deleted",
      });
    }
    case "comment-vote": {
      const parsed = parseForm(VoteCommentSchema, formData);
      if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
      const result = await voteComment({ ideaId: idea.id, viewer, ...parsed.data });
      const async = formData.get("async") === "1";
      if (!result.ok) {
        throwIfForged(result);
        if (async) return data({ ok: false as const, error: result.error }, { status: 409 });
        return refused(result, `comment-${parsed.data.commentId}`);
      }
      if (async) return data({ ok: true as const, commentId: parsed.data.commentId, vote: result.vote, upvotes: result.upvotes, downvotes: result.downvotes, score: result.score });
      return redirectWithFlash(request, pathOf(back, `comment-${parsed.data.commentId}`), {
        kind: "success",
        key: result.vote === 0 ? "comments:flash.voteRemoved" : "comments:flash.voted",
      });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}
