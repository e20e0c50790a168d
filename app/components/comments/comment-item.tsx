import { Form, Link } from "@remix-run/react";
import { useCallback, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useContentLanguage } from "~/components/network/content-language";
import { commentFormId } from "~/modules/comments/comments.schema";
import type { CommentNode } from "~/modules/comments/comments.server";
import { CommentForm } from "./comment-form";
import { CommentVotes } from "./comment-votes";
import { useComments } from "./comments-context";

const ALIGNMENT_STYLES = {
  IN_FAVOUR: "border-green-700 bg-green-50 text-green-900",
  AGAINST: "border-red-700 bg-red-50 text-red-900",
  NEUTRAL: "border-slate-500 bg-slate-50 text-slate-900",
} as const;

const SUMMARY_CLASS =
  "inline-flex min-h-[44px] cursor-pointer list-none items-center rounded-md px-3 font-semibold text-brand underline underline-offset-2 hover:bg-slate-100 [&::-webkit-details-marker]:hidden";

const REPORT_LINK_CLASS =
  "inline-flex min-h-[44px] items-center rounded-md px-3 text-slate-700 underline underline-offset-2 hover:bg-slate-100";

type HeadingTag = "h3" | "h4" | "h5" | "h6";

/** h3 for the list's first level, then one level deeper per reply level (h6 at most). */
function headingFor(level: number): HeadingTag {
  return (["h3", "h4", "h5", "h6"] as const)[Math.min(level, 3)];
}

/**
 * A disclosure whose content is a form: works without JavaScript (native <details>), opens
 * by itself when the server refused that form, and closes once its form went through.
 */
function Disclosure({ summary, open, children }: { summary: ReactNode; open: boolean; children: (close: () => void) => ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (ref.current) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} open={open || undefined} className="group">
      <summary className={SUMMARY_CLASS}>{summary}</summary>
      <div className="mt-1 rounded-md border border-slate-300 bg-slate-50 p-3">{children(close)}</div>
    </details>
  );
}

export function CommentList({ comments, level, label }: { comments: CommentNode[]; level: number; label: string }) {
  return (
    <ol className={level === 0 ? "m-0 flex list-none flex-col gap-4 p-0" : "m-0 mt-3 flex list-none flex-col gap-3 border-l-2 border-slate-300 p-0 pl-3 sm:pl-5"} aria-label={label}>
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentItem comment={comment} level={level} />
        </li>
      ))}
    </ol>
  );
}

function CommentItem({ comment, level }: { comment: CommentNode; level: number }) {
  const { t } = useTranslation();
  const { formatDate, failure, threadUrl, citySlug } = useComments();
  const Heading = headingFor(level);
  const headingId = `comment-${comment.id}-heading`;
  const visible = comment.state === "visible";
  const written = useContentLanguage(comment.language);
  const author = comment.authorName ?? "";
  const replyFormId = commentFormId("reply", comment.id);
  const editFormId = commentFormId("edit", comment.id);

  return (
    <>
      <article id={`comment-${comment.id}`} aria-labelledby={headingId} className="card scroll-mt-24 target:ring-2 target:ring-brand">
        <header className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <Heading id={headingId} className="m-0 text-base font-semibold">
            {visible ? (
              <>
                {t("comments:comment.label", { author })}
                {comment.mine ? <span className="ml-1 font-normal">{t("comments:comment.you")}</span> : null}
              </>
            ) : comment.state === "deleted" ? (
              t("comments:comment.deleted")
            ) : (
              t("comments:comment.hidden")
            )}
          </Heading>
          {comment.byIdeaAuthor ? (
            <span className="rounded bg-brand-light px-2 py-0.5 text-sm font-medium text-brand-dark">{t("comments:comment.ideaAuthor")}</span>
          ) : null}
          <p className="m-0 text-sm text-slate-700">
            <time dateTime={comment.createdAt}>{t("comments:comment.posted", { date: formatDate(comment.createdAt) })}</time>
            {comment.editedAt ? (
              <>
                {" · "}
                <time dateTime={comment.editedAt}>{t("comments:comment.edited", { date: formatDate(comment.editedAt) })}</time>
              </>
            ) : null}
          </p>
        </header>
        {visible ? (
          <>
            <p className="mb-3 mt-0">
              <span className="sr-only">{t("comments:comment.position")} </span>
              <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${ALIGNMENT_STYLES[comment.alignment]}`}>
                {t(`comments:alignment.${comment.alignment}`)}
              </span>
            </p>
            {written.name ? <p className="mb-1 mt-0 text-sm text-slate-700">{t("network:content.writtenIn", { language: written.name })}</p> : null}
            <p lang={written.lang} className="mb-3 mt-0 whitespace-pre-line break-words">
              {comment.body}
            </p>
          </>
        ) : (
          <p className="mb-3 mt-0 italic text-slate-700">
            {comment.state === "deleted"
              ? t("comments:comment.deletedHint")
              : comment.hiddenReason
                ? t("moderation:hidden.byModeration", { reason: comment.hiddenReason })
                : t("moderation:hidden.pending")}
          </p>
        )}
        {visible ? (
          <div className="flex flex-wrap items-start gap-x-2 gap-y-2">
            <CommentVotes comment={comment} author={author} />
            {comment.can.reply ? (
              <Disclosure summary={t("comments:actions.reply")} open={failure?.commentFormId === replyFormId}>
                {(close) => (
                  <CommentForm
                    formId={replyFormId}
                    intent="comment-reply"
                    label={t("comments:form.replyLabel", { author })}
                    submitLabel={t("comments:form.replySubmit")}
                    defaults={{ body: "", alignment: "NEUTRAL" }}
                    hidden={{ parentId: comment.id }}
                    onDone={close}
                  />
                )}
              </Disclosure>
            ) : null}
            {comment.can.edit ? (
              <Disclosure summary={t("comments:actions.edit")} open={failure?.commentFormId === editFormId}>
                {(close) => (
                  <CommentForm
                    formId={editFormId}
                    intent="comment-edit"
                    label={t("comments:form.editLabel")}
                    submitLabel={t("comments:form.editSubmit")}
                    defaults={{ body: comment.body, alignment: comment.alignment }}
                    hidden={{ commentId: comment.id }}
                    onDone={close}
                  />
                )}
              </Disclosure>
            ) : null}
            {comment.can.delete ? <DeleteComment commentId={comment.id} /> : null}
            {!comment.mine ? (
              // The link texts name what is reported: the comment, or its author's account.
              <>
                <Link to={`/report?${new URLSearchParams({ type: "COMMENT", id: comment.id })}`} className={REPORT_LINK_CLASS}>
                  {t("moderation:link.reportCommentBy", { author })}
                </Link>
                {comment.authorId ? (
                  <Link
                    to={`/report?${new URLSearchParams({ type: "USER", id: comment.authorId, city: citySlug, returnTo: threadUrl(comment.id) })}`}
                    className={REPORT_LINK_CLASS}
                  >
                    {t("moderation:link.reportUser", { name: author })}
                  </Link>
                ) : null}
              </>
            ) : null}
          </div>
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <CommentList
          comments={comment.replies}
          level={level + 1}
          label={visible ? t("comments:comment.replies", { author }) : t("comments:comment.repliesToRemoved")}
        />
      ) : null}
      {comment.unloadedReplies > 0 ? (
        <p className="mb-0 ml-3 mt-2 sm:ml-5">
          <Link to={`${threadUrl(comment.id)}#comment-${comment.id}`} className="inline-flex min-h-[44px] items-center">
            {comment.replies.length > 0
              ? t("comments:thread.more", { count: comment.unloadedReplies })
              : t("comments:thread.continue", { count: comment.unloadedReplies })}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function DeleteComment({ commentId }: { commentId: string }) {
  const { t } = useTranslation();
  const { action, returnTo } = useComments();
  return (
    <Disclosure summary={t("comments:actions.delete")} open={false}>
      {() => (
        <Form method="post" action={action} preventScrollReset>
          <input type="hidden" name="intent" value="comment-delete" />
          <input type="hidden" name="commentId" value={commentId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <p className="mb-3 mt-0">{t("comments:actions.deleteConfirm")}</p>
          <button type="submit" className="btn-danger">
            {t("comments:actions.deleteSubmit")}
          </button>
        </Form>
      )}
    </Disclosure>
  );
}
