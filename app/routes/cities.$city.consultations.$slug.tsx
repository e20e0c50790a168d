import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WrittenIn } from "~/components/network/content-language";
import { ConsultationIdeas } from "~/components/consultations/consultation-ideas";
import { ParticipationPanel } from "~/components/consultations/participation-panel";
import { PhaseNotice, usePhaseDenialText, type CityClock } from "~/components/consultations/phase-notice";
import { PhaseTimeline } from "~/components/consultations/phase-timeline";
import { StageBadge } from "~/components/consultations/stage-badge";
import { SupportQuotaText } from "~/components/consultations/support-quota";
import { FollowButton } from "~/components/follow-button";
import { MarkdownContent } from "~/components/ideas/markdown-content";
import { hasCityRole } from "~/modules/accounts/roles.policy";
import { requireUser } from "~/modules/accounts/session.server";
import { getViewer } from "~/modules/accounts/viewer.server";
import { RESULTS_MAX, ResultsSchema } from "~/modules/consultations/consultations.schema";
import {
  findConsultationForAction,
  getConsultationPage,
  publishConsultation,
  publishResults,
  type ConsultationPage,
} from "~/modules/consultations/consultations.server";
import { handleParticipationIntent, loadParticipation } from "~/modules/consultations/participation.server";
import { formatZoned } from "~/modules/consultations/timezone";
import { handleFollowIntent, isFollowIntent } from "~/modules/notifications/follow-actions.server";
import { isFollowing } from "~/modules/notifications/follows.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (_t, loaderData) => (loaderData as { consultation?: { title: string } } | undefined)?.consultation?.title,
};

const RESULTS_FORM = "results";
type ResultsFailure = FormFailure & { form: typeof RESULTS_FORM };

function consultationPath(citySlug: string, slug: string) {
  return `/cities/${citySlug}/consultations/${slug}`;
}

/** Public for a published consultation; a draft is a 404 except for the city's admins. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const consultation = await getConsultationPage({
    citySlug: params.city ?? "",
    slug: params.slug ?? "",
    viewer,
    ideasPage: url.searchParams.get("ideasPage"),
  });
  if (!consultation) notFound();
  const participation = consultation.status === "PUBLISHED" ? await loadParticipation({ consultationId: consultation.id, viewer }) : null;
  const path = consultationPath(consultation.city.slug, consultation.slug);
  const following = consultation.status === "PUBLISHED" ? await isFollowing(viewer?.id, "CONSULTATION", consultation.id) : false;
  return { consultation, participation, path, following, loginHref: `/login?${new URLSearchParams({ redirectTo: path })}` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Every intent needs an account: anonymous posts go to the login page and come back.
  await requireUser(request);
  const viewer = await getViewer(request);
  if (!viewer) throw new Error("requireUser let an anonymous request through");
  const consultation = await findConsultationForAction({ citySlug: params.city ?? "", slug: params.slug ?? "" });
  if (!consultation) notFound();
  const isAdmin = hasCityRole(viewer.roles, consultation.cityId, "CITY_ADMIN");
  if (consultation.status !== "PUBLISHED" && !isAdmin) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const path = consultationPath(consultation.city.slug, consultation.slug);

  if (isFollowIntent(intent)) {
    // Only a published consultation has news to follow.
    if (consultation.status !== "PUBLISHED") notFound();
    return handleFollowIntent({ request, intent, userId: viewer.id, target: { type: "CONSULTATION", id: consultation.id }, path });
  }

  if (typeof intent === "string" && (intent.startsWith("join-") || intent.startsWith("leave-"))) {
    return handleParticipationIntent({
      request,
      formData,
      consultation: {
        id: consultation.id,
        slug: consultation.slug,
        cityId: consultation.cityId,
        citySlug: consultation.city.slug,
        status: consultation.status,
        phases: consultation.phases,
      },
      viewer,
    });
  }

  switch (intent) {
    case "publish": {
      if (!isAdmin) forbidden();
      const result = await publishConsultation({ id: consultation.id, cityId: consultation.cityId });
      if (!result.ok) {
        if (result.error === "notFound") notFound();
        return redirectWithFlash(request, path, { kind: result.error === "alreadyPublished" ? "info" : "error", key: `consultations:flash.publish.${result.error}` });
      }
      return redirectWithFlash(request, path, { kind: "success", key: "consultations:flash.published" });
    }
    case "publish-results": {
      if (!isAdmin) forbidden();
      const parsed = parseForm(ResultsSchema, formData);
      if (!parsed.ok) return data({ ...parsed, form: RESULTS_FORM } satisfies ResultsFailure, { status: 400 });
      const result = await publishResults({ id: consultation.id, cityId: consultation.cityId, resultsText: parsed.data.resultsText });
      if (!result.ok) {
        if (result.error === "notFound") notFound();
        return redirectWithFlash(request, `${path}#results`, { kind: "error", key: `consultations:flash.results.${result.error}` });
      }
      return redirectWithFlash(request, `${path}#results`, { kind: "success", key: "consultations:flash.resultsPublished" });
    }
    default:
      return data({ error: "Unknown intent" }, { status: 400 });
  }
}

export default function ConsultationPageView() {
  const { t, i18n } = useTranslation();
  const { consultation, participation, path, loginHref, following } = useLoaderData<typeof loader>();
  const denialText = usePhaseDenialText();
  const clock: CityClock = { timeZone: consultation.city.timeZone, cityName: consultation.city.name };
  const lang = consultation.language !== i18n.language ? consultation.language : undefined;
  const isDraft = consultation.status !== "PUBLISHED";

  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/">{t("cities:network.short")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${consultation.city.slug}`}>{consultation.city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${consultation.city.slug}/consultations`}>{t("consultations:nav.consultations")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{consultation.title}</li>
        </ol>
      </nav>

      {isDraft ? <DraftBanner /> : null}

      <article aria-labelledby="consultation-title">
        <header className="mb-6">
          <p className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-700">{t("consultations:page.kicker", { city: consultation.city.name })}</p>
          <h1 id="consultation-title" lang={lang} className="mb-2">
            {consultation.title}
          </h1>
          <div className="mb-4 flex flex-wrap items-center gap-3">
            <StageBadge stage={consultation.stage} />
            {consultation.categorySlug ? <span className="text-sm text-slate-700">{t(`categories:${consultation.categorySlug}`)}</span> : null}
            <WrittenIn language={consultation.language} />
            {consultation.viewer.isAdmin ? (
              <Link to={`${path}/edit`} className="btn-secondary text-sm">
                {t("consultations:page.edit")}
              </Link>
            ) : null}
          </div>
          <section aria-labelledby="question-heading" className="rounded-md border-l-4 border-brand bg-brand-light p-4">
            <h2 id="question-heading" className="mb-1 mt-0 text-base font-semibold uppercase tracking-wide text-slate-800">
              {t("consultations:page.question")}
            </h2>
            <p lang={lang} className="m-0 text-xl font-semibold">
              {consultation.question}
            </p>
          </section>
        </header>

        <p lang={lang} className="mb-6 text-lg leading-relaxed">
          {consultation.summary}
        </p>

        <TakePartNow consultation={consultation} clock={clock} path={path} loginHref={loginHref} />

        {isDraft ? null : (
          <div className="card mb-8">
            <FollowButton action={path} following={following} loginHref={consultation.viewer.signedIn ? null : loginHref} target="CONSULTATION" />
          </div>
        )}

        <PhaseTimeline phases={consultation.phases} timeZone={consultation.city.timeZone} cityName={consultation.city.name} />

        {consultation.bodyHtml ? (
          <section aria-labelledby="about-heading" className="mb-8">
            <h2 id="about-heading">{t("consultations:page.about")}</h2>
            <MarkdownContent html={consultation.bodyHtml} lang={lang} />
          </section>
        ) : null}

        <Results consultation={consultation} />

        <ConsultationIdeas consultation={consultation} path={path} />
      </article>

      {participation ? (
        <ParticipationPanel
          data={participation}
          consultation={{
            slug: consultation.slug,
            citySlug: consultation.city.slug,
            canJoin: consultation.denials.join === null,
            joinDenialText: consultation.denials.join ? denialText(consultation.denials.join, clock) : null,
          }}
        />
      ) : null}
    </>
  );
}

function DraftBanner() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="draft-heading" className="mb-6 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
      <h2 id="draft-heading" className="mb-1 mt-0 text-lg">
        {t("consultations:draft.heading")}
      </h2>
      <p className="mb-3 mt-0">{t("consultations:draft.body")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="publish" />
        <button type="submit" className="btn-primary">
          {t("consultations:draft.publish")}
        </button>
      </Form>
    </section>
  );
}

/** What the viewer can do in this phase, and for what is closed, when it opens or when it closed. */
function TakePartNow({ consultation, clock, path, loginHref }: { consultation: ConsultationPage; clock: CityClock; path: string; loginHref: string }) {
  const { t, i18n } = useTranslation();
  const { denials, viewer } = consultation;
  const supportsPhase = consultation.phases.find((phase) => phase.kind === "SUPPORTS");
  return (
    <section aria-labelledby="take-part-heading" className="card mb-8">
      <h2 id="take-part-heading" className="mt-0">
        {consultation.currentPhase
          ? t("consultations:now.headingPhase", { phase: t(`consultations:phase.${consultation.currentPhase}`) })
          : t("consultations:now.heading")}
      </h2>
      <ul className="m-0 flex list-none flex-col gap-4 p-0">
        <li>
          <h3 className="mb-1 mt-0 text-lg font-semibold">{t("consultations:now.proposeHeading")}</h3>
          {denials.propose ? (
            <PhaseNotice denial={denials.propose} clock={clock} />
          ) : (
            <>
              <p className="mb-2 mt-0">
                {t("consultations:now.proposeOpen", { ...formatZoned(consultation.phases.find((phase) => phase.kind === "IDEATION")!.endsAt, clock.timeZone, i18n.language), city: clock.cityName })}
              </p>
              <Link to={`/cities/${consultation.city.slug}/ideas/new?${new URLSearchParams({ consultation: consultation.id })}`} className="btn-primary">
                {t("consultations:now.propose")}
              </Link>
            </>
          )}
        </li>
        <li>
          <h3 className="mb-1 mt-0 text-lg font-semibold">{t("consultations:now.supportHeading")}</h3>
          {denials.support ? (
            <PhaseNotice denial={denials.support} clock={clock} />
          ) : (
            <p className="m-0">
              {t("consultations:now.supportOpen", { ...formatZoned(supportsPhase!.endsAt, clock.timeZone, i18n.language), city: clock.cityName })}{" "}
              <a href="#ideas-heading">{t("consultations:now.toIdeas")}</a>
            </p>
          )}
          {consultation.supportLimit !== null ? (
            viewer.quota ? (
              <SupportQuotaText quota={viewer.quota} className="mt-2" />
            ) : (
              <p className="mb-0 mt-2">
                {t("consultations:quota.limit", { count: consultation.supportLimit })}{" "}
                {viewer.signedIn ? null : <Link to={loginHref}>{t("consultations:now.logIn")}</Link>}
              </p>
            )
          ) : null}
        </li>
        <li>
          <h3 className="mb-1 mt-0 text-lg font-semibold">{t("consultations:now.commentHeading")}</h3>
          {denials.comment ? (
            <PhaseNotice denial={denials.comment} clock={clock} />
          ) : (
            <p className="m-0">
              {t("consultations:now.commentOpen", {
                ...formatZoned(consultation.phases.find((phase) => phase.kind === "REVIEW")!.endsAt, clock.timeZone, i18n.language),
                city: clock.cityName,
              })}
            </p>
          )}
        </li>
        {consultation.status === "PUBLISHED" ? (
          <li>
            <h3 className="mb-1 mt-0 text-lg font-semibold">{t("consultations:now.joinHeading")}</h3>
            {denials.join ? (
              <PhaseNotice denial={denials.join} clock={clock} />
            ) : (
              <p className="m-0">
                {t("consultations:now.joinOpen")} <a href={`${path}#participation`}>{t("consultations:now.toJoin")}</a>
              </p>
            )}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The results text, and for the city's admins during the results phase, the form to publish it. */
function Results({ consultation }: { consultation: ConsultationPage }) {
  const { t, i18n } = useTranslation();
  const actionData = useActionData<unknown>();
  const failure =
    typeof actionData === "object" && actionData !== null && (actionData as { form?: unknown }).form === RESULTS_FORM ? (actionData as ResultsFailure) : undefined;
  const canPublish = consultation.viewer.isAdmin && consultation.resultsDenial === null;
  const resultsPhase = consultation.phases.find((phase) => phase.kind === "RESULTS");
  if (!consultation.resultsHtml && !consultation.viewer.isAdmin) return null;
  const error = failure?.fieldErrors.resultsText;
  const published = consultation.resultsPublishedAt ? formatZoned(consultation.resultsPublishedAt, consultation.city.timeZone, i18n.language) : null;
  return (
    <section id="results" aria-labelledby="results-heading" className="mb-8 scroll-mt-24">
      <h2 id="results-heading">{t("consultations:results.heading")}</h2>
      {consultation.resultsHtml ? (
        <div className="card mb-4">
          {published ? <p className="mt-0 text-sm text-slate-700">{t("consultations:results.publishedOn", { ...published, city: consultation.city.name })}</p> : null}
          <MarkdownContent html={consultation.resultsHtml} lang={consultation.language !== i18n.language ? consultation.language : undefined} />
        </div>
      ) : (
        <p>{t("consultations:results.none")}</p>
      )}
      {consultation.viewer.isAdmin ? (
        canPublish ? (
          <Form method="post" action="#results" noValidate className="card">
            <input type="hidden" name="intent" value="publish-results" />
            <label htmlFor="field-resultsText" className="mb-1 block font-semibold">
              {t("consultations:results.label")}
            </label>
            <p id="field-resultsText-hint" className="field-hint mb-1 mt-0">
              {t("consultations:results.hint")}
            </p>
            <textarea
              id="field-resultsText"
              name="resultsText"
              rows={8}
              maxLength={RESULTS_MAX}
              defaultValue={failure?.values.resultsText ?? consultation.resultsText ?? ""}
              className="field-input"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "field-resultsText-hint field-resultsText-error" : "field-resultsText-hint"}
            />
            {error ? (
              <p id="field-resultsText-error" className="field-error" role="alert">
                <span className="sr-only">{t("validation:errorPrefix")} </span>
                {t(error)}
              </p>
            ) : null}
            <button type="submit" className="btn-primary mt-3">
              {consultation.resultsHtml ? t("consultations:results.update") : t("consultations:results.publish")}
            </button>
          </Form>
        ) : (
          <p className="text-slate-700">
            {resultsPhase && consultation.resultsDenial === "notResultsPhase" && new Date(resultsPhase.startsAt) > new Date(consultation.now)
              ? t("consultations:results.adminLater", { ...formatZoned(resultsPhase.startsAt, consultation.city.timeZone, i18n.language), city: consultation.city.name })
              : t(`consultations:results.adminClosed.${consultation.resultsDenial ?? "notResultsPhase"}`)}
          </p>
        )
      ) : null}
    </section>
  );
}
