import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AdoptionPanel } from "~/components/absorption/adoption-panel";
import { IdeaAdminPanel, isAdminAnswerFailure } from "~/components/administration/idea-admin-panel";
import { CommentsSection } from "~/components/comments/comments-section";
import { IdeaTimeline, useCityDateFormat } from "~/components/ideas/idea-timeline";
import { isOfficialFormFailure, OfficialActions } from "~/components/ideas/official-actions";
import { MarkdownContent } from "~/components/ideas/markdown-content";
import { FollowButton } from "~/components/follow-button";
import { PilotPanel } from "~/components/pilots/pilot-panel";
import { WrittenIn } from "~/components/network/content-language";
import { TravelLinks } from "~/components/network/travel-links";
import { HiddenIdeaNotice } from "~/components/moderation/hidden-idea-notice";
import { StatusBadge } from "~/components/ideas/status-badge";
import { SupportButton, type SupportActionData } from "~/components/ideas/support-button";
import { getViewer } from "~/modules/accounts/viewer.server";
import { adoptionPanelFor } from "~/modules/absorption/services.server";
import { categoryLabel } from "~/modules/categories/categories";
import { cityCategoryNames } from "~/modules/categories/categories.server";
import { ADMIN_ANSWER_INTENT, handleAdminAnswer } from "~/modules/administration/idea-admin-actions.server";
import { requireUser } from "~/modules/accounts/session.server";
import { handleCommentIntent } from "~/modules/comments/comment-actions.server";
import { handleFollowIntent, isFollowIntent } from "~/modules/notifications/follow-actions.server";
import { isFollowing } from "~/modules/notifications/follows.server";
import { getTravelLinks } from "~/modules/network/travel.server";
import { loadCommentsForIdea } from "~/modules/comments/comments.server";
import { withdrawIdea } from "~/modules/ideas/ideas.server";
import { adminTargets, isCityAdmin, isModerator } from "~/modules/ideas/lifecycle.policy";
import { handleOfficialIntent, isOfficialIntent } from "~/modules/ideas/official-actions.server";
import { findIdeaForAction, getIdeaPage, parseIdeaNumber } from "~/modules/ideas/queries.server";
import { getPilotPanel, withDedicatedForms } from "~/modules/pilots/pilots.server";
import { findHiddenIdeaNotice } from "~/modules/moderation/visibility.server";
import { castSupport, withdrawSupport } from "~/modules/supports/supports.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, loaderData) =>
    (loaderData as { idea?: { title: string } } | undefined)?.idea?.title ??
    ((loaderData as { hiddenIdea?: unknown } | undefined)?.hiddenIdea ? t("moderation:hidden.ideaTitle") : undefined),
};

const WITHDRAW_REASON_MAX = 1000;

/** The author's withdrawal form (shared by the browser's maxLength and the server). */
const WithdrawSchema = z.object({
  reason: z.string().trim().max(WITHDRAW_REASON_MAX, "ideaPage:errors.reasonTooLong").optional().default(""),
});

type WithdrawFailure = FormFailure & { form: "withdraw" };

function ideaPath(citySlug: string, number: number) {
  return `/cities/${citySlug}/ideas/${number}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  const viewer = await getViewer(request);
  const idea = await getIdeaPage({ citySlug: params.city ?? "", number, viewer });
  if (!idea) {
    // A published idea moderation hid: the public reads why at its address (decision 0013).
    const hiddenIdea = await findHiddenIdeaNotice(params.city ?? "", number);
    if (hiddenIdea) return { hiddenIdea };
    notFound();
  }
  const url = new URL(request.url);
  const comments = await loadCommentsForIdea({
    ideaId: idea.id,
    sort: url.searchParams.get("commentSort"),
    page: url.searchParams.get("commentPage"),
    viewer,
  });
  const path = ideaPath(idea.city.slug, idea.number);
  return {
    idea,
    // A city's own category is named in the database (network ones in the i18n resources).
    categoryNames: await cityCategoryNames(idea.categorySlug),
    comments,
    viewerId: viewer?.id ?? null,
    following: await isFollowing(viewer?.id, "IDEA", idea.id),
    // Launched services only: public adoption figures and the way to answer.
    adoption: await adoptionPanelFor({ id: idea.id, number: idea.number, status: idea.status, hidden: Boolean(idea.hidden), citySlug: idea.city.slug }, viewer),
    travel: await getTravelLinks(idea, viewer),
    // What the "City decision" section offers this viewer; the action checks again.
    officialActions: {
      canModerate: isModerator(viewer, idea.city.id),
      canDecide: isCityAdmin(viewer, idea.city.id),
      // Piloting and launching need their own forms (plan, partners, service link).
      targets: isCityAdmin(viewer, idea.city.id) ? withDedicatedForms(adminTargets(idea.status)) : [],
    },
    pilotPanel: await getPilotPanel(idea.id, viewer?.id ?? null),
    path,
    loginHref: `/login?${new URLSearchParams({ redirectTo: path })}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Every intent needs an account: anonymous posts go to the login page and come back.
  await requireUser(request);
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  const viewer = await getViewer(request);
  if (!viewer) throw new Error("requireUser let an anonymous request through");
  const idea = await findIdeaForAction({ citySlug: params.city ?? "", number, viewer });
  if (!idea) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const path = ideaPath(idea.city.slug, idea.number);

  if (typeof intent === "string" && intent.startsWith("comment-")) {
    return handleCommentIntent({
      request,
      formData,
      idea: { id: idea.id, number: idea.number, cityId: idea.cityId, citySlug: idea.city.slug, status: idea.status, hiddenAt: idea.hiddenAt, authorId: idea.authorId },
      viewer,
    });
  }

  if (intent === ADMIN_ANSWER_INTENT) {
    return handleAdminAnswer({ request, formData, idea: { id: idea.id, cityId: idea.cityId, path }, viewer });
  }

  if (isFollowIntent(intent)) {
    return handleFollowIntent({ request, intent, userId: viewer.id, target: { type: "IDEA", id: idea.id }, path });
  }

  if (isOfficialIntent(intent)) {
    return handleOfficialIntent({
      request,
      formData,
      idea: { id: idea.id, number: idea.number, cityId: idea.cityId, citySlug: idea.city.slug, status: idea.status },
      viewer,
    });
  }

  // Sent by the page's script (fetcher): answer with data instead of a redirect.
  const fromScript = formData.get("async") === "1";

  switch (intent) {
    case "support":
    case "unsupport": {
      const result = intent === "support" ? await castSupport(idea.id, viewer) : await withdrawSupport(idea.id, viewer);
      if (!result.ok && result.error === "notFound") notFound();
      if (fromScript) {
        const answer: SupportActionData = result.ok
          ? { ok: true, intent, supported: result.supported, supportCount: result.supportCount }
          : { ok: false, intent, error: result.error, ...(result.phase ? { phase: result.phase } : {}) };
        return data(answer, { status: result.ok ? 200 : 409 });
      }
      if (!result.ok) {
        // The consultation's phase or support limit: the page explains it with the dates.
        const key = result.phase ? `consultations:flash.support.${result.phase.code}` : `ideas:denial.${result.error}`;
        return redirectWithFlash(request, path, { kind: "error", key });
      }
      const key =
        intent === "support"
          ? result.already
            ? "ideaPage:flash.alreadySupported"
            : "ideaPage:flash.supported"
          : result.already
            ? "ideaPage:flash.alreadyUnsupported"
            : "ideaPage:flash.unsupported";
      return redirectWithFlash(request, path, { kind: result.already ? "info" : "success", key });
    }
    case "withdraw": {
      const parsed = parseForm(WithdrawSchema, formData);
      if (!parsed.ok) return data({ ...parsed, form: "withdraw" } satisfies WithdrawFailure, { status: 400 });
      const result = await withdrawIdea(idea.id, viewer, parsed.data.reason || null);
      if (!result.ok) {
        // Only a forged form reaches here as someone else; the author may meet a closed idea.
        if (result.error === "notAuthor" || result.error === "signIn") forbidden();
        if (result.error === "notFound") notFound();
        return redirectWithFlash(request, path, { kind: "error", key: `ideas:denial.${result.error}` });
      }
      return redirectWithFlash(request, path, { kind: "success", key: "ideaPage:flash.withdrawn" });
    }
    default:
      return data({ error: "Unknown intent" }, { status: 400 });
  }
}

type LoadedIdeaPage = ReturnType<typeof useLoaderData<typeof loader>>;

export default function IdeaRoute() {
  const loaded = useLoaderData<typeof loader>();
  const hiddenIdea = "hiddenIdea" in loaded ? loaded.hiddenIdea : undefined;
  return hiddenIdea ? <HiddenIdeaNotice idea={hiddenIdea} /> : <IdeaPageView />;
}

function IdeaPageView() {
  const { t, i18n } = useTranslation();
  const { idea, adoption, categoryNames, comments, viewerId, officialActions, path, loginHref, following, travel, pilotPanel } = useLoaderData<typeof loader>() as Exclude<
    LoadedIdeaPage,
    { hiddenIdea: unknown }
  >;
  const actionData = useActionData<typeof action>();
  const officialFailure = isOfficialFormFailure(actionData) ? actionData : undefined;
  const adminFailure = isAdminAnswerFailure(actionData) ? actionData : undefined;
  const withdrawFailure = actionData && "form" in actionData && actionData.form === "withdraw" ? actionData : undefined;
  const format = useCityDateFormat(idea.city.timeZone);
  const ideaLang = idea.language !== i18n.language ? idea.language : undefined;
  const reasonError = withdrawFailure?.fieldErrors.reason;
  const showAuthorActions = idea.viewer.isAuthor && (idea.viewer.editDenial === null || idea.viewer.withdrawDenial === null);

  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/">{t("cities:network.short")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${idea.city.slug}`}>{idea.city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${idea.city.slug}/ideas`}>{t("ideaPage:breadcrumb.ideas")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("ideaPage:number", { number: idea.number })}</li>
        </ol>
      </nav>

      <article aria-labelledby="idea-title">
        <header className="mb-4">
          <h1 id="idea-title" lang={ideaLang} className="mb-2">
            {idea.title}
          </h1>
          <div className="flex flex-wrap items-center gap-3">
            <StatusBadge status={idea.status} />
            <span className="text-sm text-slate-700">{t("ideaPage:number", { number: idea.number })}</span>
            <WrittenIn language={idea.language} />
          </div>
        </header>

        {idea.status === "SUBMITTED" ? <Notice tone="warning">{t("ideaPage:notice.submitted")}</Notice> : null}
        {idea.hidden ? (
          <Notice tone="warning">
            {t("ideaPage:notice.hidden")}
            {idea.hiddenReason ? <span className="mt-1 block">{t("ideaPage:notice.hiddenReason", { reason: idea.hiddenReason })}</span> : null}
          </Notice>
        ) : null}
        {idea.status === "WITHDRAWN" ? <Notice tone="neutral">{t("ideaPage:notice.withdrawn")}</Notice> : null}
        {idea.status === "MERGED" ? (
          <Notice tone="neutral">
            {t("ideaPage:notice.merged")}
            {idea.mergedInto ? (
              <span className="mt-1 block">
                {t("ideaPage:notice.mergedLink")}{" "}
                <Link to={ideaPath(idea.mergedInto.citySlug, idea.mergedInto.number)}>{idea.mergedInto.title}</Link>
              </span>
            ) : null}
          </Notice>
        ) : null}

        <dl aria-label={t("ideaPage:details.label")} className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("ideaPage:details.category")}</dt>
          <dd className="m-0">{categoryLabel(t, { slug: idea.categorySlug, names: categoryNames }, i18n.language)}</dd>
          <dt className="font-semibold">{t("ideaPage:details.author")}</dt>
          <dd className="m-0">{idea.authorName}</dd>
          {idea.organization ? (
            <>
              <dt className="font-semibold">{t("ideaPage:details.organization")}</dt>
              <dd className="m-0">{idea.organization.name}</dd>
            </>
          ) : null}
          {idea.consultation ? (
            <>
              <dt className="font-semibold">{t("ideaPage:details.consultation")}</dt>
              <dd className="m-0">
                <Link to={`/cities/${idea.city.slug}/consultations/${idea.consultation.slug}`}>{idea.consultation.title}</Link>
              </dd>
            </>
          ) : null}
          <dt className="font-semibold">{idea.publishedAt ? t("ideaPage:details.published") : t("ideaPage:details.submitted")}</dt>
          <dd className="m-0">
            <time dateTime={idea.publishedAt ?? idea.createdAt}>{format(idea.publishedAt ?? idea.createdAt)}</time>
          </dd>
          {idea.editedAt ? (
            <>
              <dt className="font-semibold">{t("ideaPage:details.edited")}</dt>
              <dd className="m-0">
                <time dateTime={idea.editedAt}>{format(idea.editedAt)}</time>
              </dd>
            </>
          ) : null}
        </dl>

        <section aria-labelledby="idea-summary-heading" className="mb-6">
          <h2 id="idea-summary-heading" className="sr-only">
            {t("ideaPage:summaryHeading")}
          </h2>
          <p lang={ideaLang} className="text-lg leading-relaxed">
            {idea.summary}
          </p>
        </section>

        {idea.officialAnswer ? (
          <section aria-labelledby="official-answer-heading" className="mb-6 rounded-md border-l-4 border-brand bg-brand-light p-4">
            <h2 id="official-answer-heading" className="mt-0">
              {t("ideaPage:officialAnswer.heading", { city: idea.city.name })}
            </h2>
            <p className="m-0 whitespace-pre-line">{idea.officialAnswer}</p>
          </section>
        ) : null}

        <PilotPanel panel={pilotPanel} ideaPath={path} timeZone={idea.city.timeZone} signedIn={Boolean(viewerId)} loginHref={loginHref} />

        <section aria-labelledby="support-heading" className="card mb-6">
          <h2 id="support-heading" className="mt-0">
            {t("ideaPage:support.heading")}
          </h2>
          <SupportButton
            action={path}
            supportCount={idea.supportCount}
            supported={idea.viewer.supports}
            denial={idea.viewer.supportDenial}
            loginHref={loginHref}
            phase={idea.viewer.supportPhase}
            quota={idea.viewer.supportQuota}
            clock={{ timeZone: idea.city.timeZone, cityName: idea.city.name }}
          />
          <div className="mt-4 border-t border-slate-200 pt-4">
            <FollowButton action={path} following={following} loginHref={viewerId ? null : loginHref} />
          </div>
        </section>

        <section aria-labelledby="idea-body-heading" className="mb-6">
          <h2 id="idea-body-heading">{t("ideaPage:bodyHeading")}</h2>
          <MarkdownContent html={idea.bodyHtml} lang={ideaLang} />
        </section>

        {viewerId !== idea.authorId && idea.status !== "SUBMITTED" && !idea.hidden ? (
          <p className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <Link to={`/report?${new URLSearchParams({ type: "IDEA", id: idea.id })}`}>{t("moderation:link.reportIdea")}</Link>
            <Link to={`/report?${new URLSearchParams({ type: "USER", id: idea.authorId, city: idea.city.slug, returnTo: path })}`}>
              {t("moderation:link.reportUser", { name: idea.authorName })}
            </Link>
            {officialActions.canModerate ? (
              <Link to={`/cities/${idea.city.slug}/moderation/users/${idea.authorId}`}>{t("moderation:link.moderateUser", { name: idea.authorName })}</Link>
            ) : null}
          </p>
        ) : null}

        {showAuthorActions ? (
          <section aria-labelledby="author-actions-heading" className="card mb-6">
            <h2 id="author-actions-heading" className="mt-0">
              {t("ideaPage:authorActions.heading")}
            </h2>
            {idea.viewer.editDenial === null ? (
              <p>
                <Link to={`${path}/edit`} className="btn-secondary">
                  {t("ideaPage:authorActions.edit")}
                </Link>
              </p>
            ) : (
              <p className="text-slate-700">{t(`ideas:denial.${idea.viewer.editDenial}`)}</p>
            )}
            {idea.viewer.withdrawDenial === null ? (
              // <details> gives a confirmation step that works without JavaScript.
              <details open={Boolean(withdrawFailure)} className="mt-2">
                <summary className="inline-flex min-h-[44px] cursor-pointer items-center font-semibold text-red-800">
                  {t("ideaPage:authorActions.withdraw")}
                </summary>
                <Form method="post" action={path} className="mt-3">
                  <input type="hidden" name="intent" value="withdraw" />
                  <p className="mb-4">{t("ideaPage:authorActions.withdrawIntro")}</p>
                  <div className="mb-4">
                    <label htmlFor="field-reason" className="mb-1 block font-semibold">
                      {t("ideaPage:authorActions.reasonLabel")}
                    </label>
                    <p id="field-reason-hint" className="field-hint mb-1 mt-0">
                      {t("ideaPage:authorActions.reasonHint")}
                    </p>
                    <textarea
                      id="field-reason"
                      name="reason"
                      rows={3}
                      maxLength={WITHDRAW_REASON_MAX}
                      defaultValue={withdrawFailure?.values.reason ?? ""}
                      className="field-input"
                      aria-invalid={reasonError ? true : undefined}
                      aria-describedby={reasonError ? "field-reason-hint field-reason-error" : "field-reason-hint"}
                    />
                    {reasonError ? (
                      <p id="field-reason-error" className="field-error" role="alert">
                        <span className="sr-only">{t("validation:errorPrefix")} </span>
                        {t(reasonError)}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="btn-danger">
                    {t("ideaPage:authorActions.confirm")}
                  </button>
                </Form>
              </details>
            ) : null}
          </section>
        ) : null}

        <OfficialActions actions={officialActions} status={idea.status} action={path} failure={officialFailure} />
        {officialActions.canDecide ? (
          <IdeaAdminPanel
            status={idea.status}
            currentAnswer={idea.officialAnswer}
            action={path}
            mergeHref={`/cities/${idea.city.slug}/admin/merge?duplicate=${idea.number}`}
            failure={adminFailure}
          />
        ) : null}

        <TravelLinks travel={travel} ideaNumber={idea.number} />

        {adoption ? <AdoptionPanel data={adoption} signedIn={Boolean(viewerId)} /> : null}

        <IdeaTimeline events={idea.timeline} timeZone={idea.city.timeZone} />
      </article>

      <CommentsSection
        data={comments}
        idea={{ number: idea.number, citySlug: idea.city.slug, status: idea.status, hiddenAt: idea.hiddenAt, authorId: idea.authorId }}
        viewerId={viewerId}
      />
    </>
  );
}

function Notice({ tone, children }: { tone: "warning" | "neutral"; children: React.ReactNode }) {
  const styles = tone === "warning" ? "border-amber-700 bg-amber-50 text-amber-950" : "border-slate-600 bg-slate-100 text-slate-900";
  return <div className={`mb-4 rounded-md border-l-4 p-4 ${styles}`}>{children}</div>;
}
