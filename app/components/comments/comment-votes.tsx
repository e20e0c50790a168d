import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CommentNode } from "~/modules/comments/comments.server";
import { useComments } from "./comments-context";

type VoteResponse =
  | { ok: true; commentId: string; vote: -1 | 0 | 1; upvotes: number; downvotes: number; score: number }
  | { ok: false; error: string };

function Arrow({ direction }: { direction: "up" | "down" }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className={`h-4 w-4 fill-current ${direction === "down" ? "rotate-180" : ""}`}>
      <path d="M8 2 14 10H10V14H6V10H2Z" />
    </svg>
  );
}

/** What the counters become when `value` is cast on top of `vote` (same value again = take it back). */
function applyVote(state: { vote: -1 | 0 | 1; upvotes: number; downvotes: number }, value: 1 | -1) {
  let { vote, upvotes, downvotes } = state;
  if (vote === value) {
    if (value === 1) upvotes -= 1;
    else downvotes -= 1;
    vote = 0;
  } else {
    if (vote === 1) upvotes -= 1;
    if (vote === -1) downvotes -= 1;
    if (value === 1) upvotes += 1;
    else downvotes += 1;
    vote = value;
  }
  return { vote, upvotes, downvotes };
}

/**
 * Vote up / down on a comment: one small form with two submit buttons. With JavaScript it
 * posts in the background (the counts change at once and a status message is announced);
 * without, it is an ordinary post that comes back to the comment.
 */
export function CommentVotes({ comment, author }: { comment: CommentNode; author: string }) {
  const { t } = useTranslation();
  const { action, returnTo, hydrated } = useComments();
  const fetcher = useFetcher<VoteResponse>();
  const pendingValue = fetcher.formData ? Number(fetcher.formData.get("value")) : null;
  const current = { vote: comment.viewerVote, upvotes: comment.upvotes, downvotes: comment.downvotes };
  const shown = pendingValue === 1 || pendingValue === -1 ? applyVote(current, pendingValue) : current;
  const result = fetcher.state === "idle" ? fetcher.data : undefined;

  const counts = (
    <>
      <span className="inline-flex items-center gap-1">
        <Arrow direction="up" />
        <span className="sr-only">{t("comments:votes.upCount", { count: shown.upvotes })}</span>
        <span aria-hidden="true">{shown.upvotes}</span>
      </span>
      <span className="inline-flex items-center gap-1">
        <Arrow direction="down" />
        <span className="sr-only">{t("comments:votes.downCount", { count: shown.downvotes })}</span>
        <span aria-hidden="true">{shown.downvotes}</span>
      </span>
    </>
  );

  if (!comment.can.vote) {
    return <p className="m-0 flex items-center gap-3 text-sm text-slate-700">{counts}</p>;
  }

  const buttonClass =
    "inline-flex min-h-[44px] min-w-[44px] items-center justify-center gap-1 rounded-md border px-3 text-sm font-semibold aria-pressed:border-brand aria-pressed:bg-brand-light aria-pressed:text-brand-dark border-slate-400 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <fetcher.Form method="post" action={action} preventScrollReset >
      <input type="hidden" name="intent" value="comment-vote" />
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {hydrated ? <input type="hidden" name="async" value="1" /> : null}
      <div role="group" aria-label={t("comments:votes.label", { author })} className="flex items-center gap-2">
      <button type="submit" name="value" value="1" aria-pressed={shown.vote === 1} className={buttonClass}>
        <Arrow direction="up" />
        <span className="sr-only">{t("comments:votes.up")}</span>
        <span>{shown.upvotes}</span>
      </button>
      <button type="submit" name="value" value="-1" aria-pressed={shown.vote === -1} className={buttonClass}>
        <Arrow direction="down" />
        <span className="sr-only">{t("comments:votes.down")}</span>
        <span>{shown.downvotes}</span>
      </button>
      <span role="status" className={result && !result.ok ? "text-sm text-red-800" : "sr-only"}>
        {result ? (result.ok ? t(result.vote === 0 ? "comments:votes.removed" : "comments:votes.recorded") : t(`comments:refused.${result.error}`)) : ""}
      </span>
      </div>
    </fetcher.Form>
  );
}
