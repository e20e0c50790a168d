// "Continue this thread": one comment of an idea as the root, with its next three levels
// of replies. The `$number_` file name keeps this page out of the idea page's layout (its
// loader would load the whole idea and comments page for nothing); the URL is still
// /cities/:city/ideas/:number/comments/:commentId.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentsSection } from "~/components/comments/comments-section";
import { requireUser } from "~/modules/accounts/session.server";
import { getViewer } from "~/modules/accounts/viewer.server";
import { handleCommentIntent, isCommentIntent } from "~/modules/comments/comment-actions.server";
import { findIdeaForThread, loadCommentThread } from "~/modules/comments/comments.server";
import { parseIdeaNumber } from "~/modules/ideas/queries.server";
import { notFound, readFormData } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, loaderData) => {
    const idea = (loaderData as { idea?: { title: string } } | undefined)?.idea;
    return idea ? t("comments:thread.title", { idea: idea.title }) : null;
  },
};

function commentIdFrom(value: string | undefined): string {
  if (!value || !/^[\w-]{1,64}$/.test(value)) notFound();
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  const commentId = commentIdFrom(params.commentId);
  const viewer = await getViewer(request);
  const idea = await findIdeaForThread({ citySlug: params.city ?? "", number, viewer });
  if (!idea) notFound();
  const url = new URL(request.url);
  const comments = await loadCommentThread({ ideaId: idea.id, commentId, viewer, page: url.searchParams.get("commentPage") });
  if (!comments) notFound();
  return {
    idea: {
      number: idea.number,
      title: idea.title,
      language: idea.language,
      status: idea.status,
      hiddenAt: idea.hiddenAt ? idea.hiddenAt.toISOString() : null,
      authorId: idea.authorId,
      city: { slug: idea.city.slug, name: idea.city.name },
    },
    comments,
    viewerId: viewer?.id ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  const viewer = await getViewer(request);
  if (!viewer) throw new Error("requireUser let an anonymous request through");
  const idea = await findIdeaForThread({ citySlug: params.city ?? "", number, viewer });
  if (!idea) notFound();
  const formData = await readFormData(request);
  if (!isCommentIntent(formData.get("intent"))) throw new Response("Unknown intent", { status: 400 });
  return handleCommentIntent({
    request,
    formData,
    idea: {
      id: idea.id,
      number: idea.number,
      cityId: idea.cityId,
      citySlug: idea.city.slug,
      status: idea.status,
      hiddenAt: idea.hiddenAt,
      authorId: idea.authorId,
    },
    viewer,
  });
}

export default function CommentThreadPage() {
  const { t, i18n } = useTranslation();
  const { idea, comments, viewerId } = useLoaderData<typeof loader>();
  const ideaUrl = `/cities/${idea.city.slug}/ideas/${idea.number}`;
  const root = comments.comments[0];
  const ideaLang = idea.language !== i18n.language ? idea.language : undefined;
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${idea.city.slug}`}>{idea.city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={ideaUrl} lang={ideaLang}>
              {idea.title}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("comments:thread.list")}</li>
        </ol>
      </nav>
      <h1>
        {t("comments:thread.title", { idea: idea.title })}
      </h1>
      <p>{root?.authorName ? t("comments:thread.intro", { author: root.authorName }) : t("comments:thread.introRemoved")}</p>
      <ul className="mb-6 flex flex-col gap-1">
        <li>
          <Link to={`${ideaUrl}#comment-${root?.id ?? ""}`} className="inline-flex min-h-[44px] items-center">
            {t("comments:thread.backToIdea")}
          </Link>
        </li>
        {comments.thread?.parentId ? (
          <li>
            <Link to={`${ideaUrl}/comments/${comments.thread.parentId}#comment-${comments.thread.parentId}`} className="inline-flex min-h-[44px] items-center">
              {t("comments:thread.parent")}
            </Link>
          </li>
        ) : null}
      </ul>
      <CommentsSection
        data={comments}
        idea={{ number: idea.number, citySlug: idea.city.slug, status: idea.status, hiddenAt: idea.hiddenAt, authorId: idea.authorId }}
        viewerId={viewerId}
      />
    </>
  );
}
