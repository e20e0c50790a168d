import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commentFormId, COMMENT_SORTS, type CommentSort } from "~/modules/comments/comments.schema";
import type { CommentsData } from "~/modules/comments/comments.server";
import { PhaseNotice } from "~/components/consultations/phase-notice";
import { AlignmentBalance } from "./alignment-balance";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-item";
import { CommentsProvider, useComments, useCommentsContextValue } from "./comments-context";

export type CommentsSectionIdea = { number: number; citySlug: string; status: string; hiddenAt: string | null; authorId: string };

/**
 * The discussion of an idea (idea page), or one thread of it (the "continue this thread"
 * page): the balance of opinions, the new-comment form or why there is none, the sort
 * order, the threaded list and its pages. Every form posts to the page it is on.
 */
export function CommentsSection({ data, idea, viewerId }: { data: CommentsData; idea: CommentsSectionIdea; viewerId: string | null }) {
  const { t } = useTranslation();
  const context = useCommentsContextValue({ citySlug: idea.citySlug, ideaNumber: idea.number, timeZone: data.timeZone, maxDepth: data.maxDepth });
  const isThread = data.mode === "thread";
  return (
    <CommentsProvider value={context}>
      <section id="comments" aria-labelledby="comments-title" className="mt-10 scroll-mt-24">
        <h2 id="comments-title">
          {isThread ? (
            t("comments:thread.list")
          ) : (
            <>
              {t("comments:title")} <span className="font-normal text-slate-700">({t("comments:count", { count: data.balance.total })})</span>
            </>
          )}
        </h2>
        {isThread ? null : <AlignmentBalance balance={data.balance} />}
        <FailureNotice />
        {isThread ? <ThreadAccess data={data} viewerId={viewerId} /> : <NewComment data={data} viewerId={viewerId} />}
        {!isThread && data.comments.length > 0 ? <SortNav sort={data.sort} /> : null}
        {data.comments.length === 0 ? (
          <p className="text-slate-700">{t("comments:empty")}</p>
        ) : (
          <CommentList comments={data.comments} level={0} label={isThread ? t("comments:thread.list") : t("comments:title")} />
        )}
        <Pagination data={data} />
      </section>
    </CommentsProvider>
  );
}

/** Without JavaScript a refused form reloads the page: say so at the top and link to the form. */
function FailureNotice() {
  const { t } = useTranslation();
  const { failure, hydrated } = useComments();
  if (!failure || hydrated) return null;
  return (
    <div role="alert" className="mb-4 rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
      <p className="m-0">
        {t("comments:form.problem")} <a href={`#${failure.commentFormId}-body`}>{t("comments:form.problemLink")}</a>
      </p>
    </div>
  );
}

function LogInPrompt() {
  const { t } = useTranslation();
  const { returnTo } = useComments();
  const redirectTo = encodeURIComponent(`${returnTo.split("#")[0]}#comments`);
  return (
    <p className="card">
      <Link to={`/login?redirectTo=${redirectTo}`}>{t("comments:access.logIn")}</Link> {t("comments:access.or")}{" "}
      <Link to={`/register?redirectTo=${redirectTo}`}>{t("comments:access.register")}</Link>
    </p>
  );
}

/** The idea's consultation does not take comments now: when they open, or when they closed. */
function PhaseClosed({ data }: { data: CommentsData }) {
  if (!data.phase) return null;
  return (
    <div className="card mb-6 bg-slate-50">
      <PhaseNotice denial={data.phase} clock={{ timeZone: data.timeZone, cityName: data.cityName }} />
    </div>
  );
}

function NewComment({ data, viewerId }: { data: CommentsData; viewerId: string | null }) {
  const { t } = useTranslation();
  if (data.phase) return <PhaseClosed data={data} />;
  if (data.denial === "signIn" || (!viewerId && data.denial === null)) return <LogInPrompt />;
  if (data.denial) return <p className="card bg-slate-50">{t(`comments:access.${data.denial}`)}</p>;
  return (
    <div className="card mb-6">
      <h3 className="mt-0 text-lg font-semibold">{t("comments:form.newTitle")}</h3>
      <CommentForm
        formId={commentFormId("new")}
        intent="comment-create"
        label={t("comments:form.bodyLabel")}
        submitLabel={t("comments:form.submit")}
        defaults={{ body: "", alignment: "NEUTRAL" }}
      />
    </div>
  );
}

function ThreadAccess({ data, viewerId }: { data: CommentsData; viewerId: string | null }) {
  const { t } = useTranslation();
  if (data.phase) return <PhaseClosed data={data} />;
  if (data.denial === "signIn" || !viewerId) return <LogInPrompt />;
  if (data.denial) return <p className="card bg-slate-50">{t(`comments:access.${data.denial}`)}</p>;
  return null;
}

function SortNav({ sort }: { sort: CommentSort }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("comments:sort.label")} className="mb-4">
      <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
        {COMMENT_SORTS.map((option) => {
          const params = new URLSearchParams(location.search);
          params.set("commentSort", option);
          params.delete("commentPage");
          const active = option === sort;
          return (
            <li key={option}>
              <Link
                to={`${location.pathname}?${params}#comments`}
                preventScrollReset
                aria-current={active ? "true" : undefined}
                className={`inline-flex min-h-[44px] items-center rounded-md border px-3 ${
                  active ? "border-brand bg-brand text-white no-underline hover:text-white" : "border-slate-400 bg-white"
                }`}
              >
                {t(`comments:sort.${option}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Pagination({ data }: { data: CommentsData }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!data.hasPreviousPage && !data.hasNextPage) return null;
  const pageLink = (page: number) => {
    const params = new URLSearchParams(location.search);
    if (page > 1) params.set("commentPage", String(page));
    else params.delete("commentPage");
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}#comments`;
  };
  return (
    <nav aria-label={t("comments:pagination.label")} className="mt-6">
      <p className="mb-2 mt-0 text-sm text-slate-700">{t("comments:pagination.page", { page: data.page })}</p>
      <ul className="m-0 flex list-none flex-wrap gap-3 p-0">
        {data.hasPreviousPage ? (
          <li>
            <Link to={pageLink(data.page - 1)} className="btn-secondary">
              {t("comments:pagination.previous")}
            </Link>
          </li>
        ) : null}
        {data.hasNextPage ? (
          <li>
            <Link to={pageLink(data.page + 1)} className="btn-secondary">
              {t("comments:pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
