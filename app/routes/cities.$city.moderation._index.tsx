import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { PageNav, pageParam } from "~/components/moderation/page-nav";
import { categoryLabel } from "~/modules/categories/categories";
import { isModerationFailure, ReasonForm, type ModerationFormFailure } from "~/components/moderation/reason-form";
import { requireModeratorOf } from "~/modules/moderation/moderation-routes.server";
import { IdeaIdSchema, REVIEW_MESSAGE_MAX, REVIEW_REASONS, ReviewDecisionSchema } from "~/modules/moderation/moderation.schema";
import {
  listReviewQueue,
  publishSubmittedIdea,
  rejectSubmittedIdea,
  requestIdeaChanges,
  type ReviewResult,
} from "~/modules/moderation/review.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("moderation:queue.title"),
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { city } = await requireModeratorOf(request, params.city);
  const url = new URL(request.url);
  const [queue, team, residents, unverified] = await Promise.all([
    listReviewQueue(city.id, pageParam(url.searchParams.get("page"))),
    db.roleAssignment.findMany({
      where: { OR: [{ cityId: city.id }, { role: "NETWORK_ADMIN" }] },
      select: { id: true, role: true, user: { select: { displayName: true } } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
    db.user.count({ where: { homeCityId: city.id, deletedAt: null } }),
    db.user.count({
      where: { homeCityId: city.id, emailVerifiedAt: null, deletedAt: null },
    }),
  ]);
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    queue,
    team: team.map((member) => ({
      id: member.id,
      role: member.role,
      name: member.user.displayName,
    })),
    residents,
    unverified,
  };
}

function failure(
  form: string,
  parsed: {
    fieldErrors: Record<string, string>;
    values: Record<string, string>;
  }
) {
  const body: ModerationFormFailure = {
    ok: false,
    form,
    fieldErrors: parsed.fieldErrors,
    values: parsed.values,
  };
  return data(body, { status: 400 });
}

/** publish / reject / request-changes on a submitted idea of this city. */
export async function action({ params, request }: ActionFunctionArgs) {
  const { city, user } = await requireModeratorOf(request, params.city);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = `/cities/${city.slug}/moderation`;
  const done = async (result: ReviewResult, success: string) => {
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return redirectWithFlash(request, back, {
        kind: "error",
        key: `moderation:flash.${result.error}`,
      });
    }
    return redirectWithFlash(request, back, { kind: "success", key: success });
  };
  switch (intent) {
    case "publish": {
      const parsed = parseForm(IdeaIdSchema, formData);
      if (!parsed.ok) notFound();
      return done(
        await publishSubmittedIdea({
          ideaId: parsed.data.ideaId,
          actorId: user.id,
          cityId: city.id,
        }),
        "moderation:flash.published"
      );
    }
    case "reject":
    case "request-changes": {
      const ideaId = IdeaIdSchema.safeParse({ ideaId: formData.get("ideaId") });
      if (!ideaId.success) notFound();
      const parsed = parseForm(ReviewDecisionSchema, formData);
      if (!parsed.ok) return failure(`${intent}:${ideaId.data.ideaId}`, parsed);
      const decision = {
        ideaId: parsed.data.ideaId,
        actorId: user.id,
        cityId: city.id,
        reasonCode: parsed.data.reasonCode,
        message: parsed.data.message,
      };
      return intent === "reject"
        ? done(await rejectSubmittedIdea(decision), "moderation:flash.rejected")
        : done(await requestIdeaChanges(decision), "moderation:flash.changesRequested");
    }
    default:
      return data({ error: "Unknown intent" }, { status: 400 });
  }
}

export default function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const { city, queue, team, residents, unverified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = isModerationFailure(actionData) ? actionData : undefined;
  const format = useCityDateFormat(city.timeZone);
  const reasons = {
    name: "reasonCode",
    options: REVIEW_REASONS.map((value) => ({
      value,
      label: t(`moderation:reviewReasons.${value}`),
    })),
  };
  return (
    <>
      <h1>{t("moderation:queue.heading", { city: city.name })}</h1>
      <p>{t("moderation:queue.intro", { count: queue.total })}</p>
      {queue.items.length === 0 ? <p className="card">{t("moderation:queue.empty")}</p> : null}
      <ol className="m-0 flex list-none flex-col gap-6 p-0" aria-label={t("moderation:queue.listLabel")}>
        {queue.items.map((idea) => (
          <li key={idea.id}>
            <article aria-labelledby={`idea-${idea.id}-title`} className="card">
              <h2 id={`idea-${idea.id}-title`} className="mt-0">
                <Link to={`/cities/${city.slug}/ideas/${idea.number}`}>{idea.title}</Link>
              </h2>
              <p className="text-sm text-slate-700">
                {t("moderation:queue.meta", {
                  number: idea.number,
                  category: categoryLabel(t, { slug: idea.categorySlug, names: idea.categoryNames }, i18n.language),
                  date: format(idea.createdAt, "dateTime"),
                })}
                {idea.editedAt
                  ? ` · ${t("moderation:queue.edited", {
                      date: format(idea.editedAt, "dateTime"),
                    })}`
                  : null}
                {idea.changesRequestedAt
                  ? ` · ${t("moderation:queue.changesRequested", {
                      date: format(idea.changesRequestedAt, "dateTime"),
                    })}`
                  : null}
              </p>
              <p>{idea.summary}</p>
              <section aria-labelledby={`idea-${idea.id}-author`} className="mb-4 rounded-md bg-slate-100 p-3 text-sm">
                <h3 id={`idea-${idea.id}-author`} className="mt-0 text-base">
                  {t("moderation:queue.authorHeading", {
                    name: idea.author.name,
                  })}
                </h3>
                <ul className="m-0 pl-5">
                  <li>
                    {t("moderation:queue.joined", {
                      date: format(idea.author.joinedAt),
                    })}
                  </li>
                  <li>
                    {t("moderation:queue.earlierIdeas", {
                      count: idea.author.earlierIdeaCount,
                    })}
                  </li>
                  <li>
                    {t("moderation:queue.reportsAgainst", {
                      count: idea.author.reportsAgainst,
                      actioned: idea.author.reportsActioned,
                    })}
                  </li>
                  {idea.author.suspended ? <li className="font-semibold">{t("moderation:queue.authorSuspended")}</li> : null}
                </ul>
                {idea.author.earlierIdeas.length > 0 ? (
                  <ul
                    className="mb-0 mt-2 pl-5"
                    aria-label={t("moderation:queue.earlierIdeasLabel", {
                      name: idea.author.name,
                    })}
                  >
                    {idea.author.earlierIdeas.map((earlier) => (
                      <li key={earlier.number}>
                        <Link to={`/cities/${earlier.citySlug}/ideas/${earlier.number}`}>{earlier.title}</Link> –{" "}
                        {t(`ideas:status.${earlier.status}`)}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="mb-0 mt-2">
                  <Link to={`/cities/${city.slug}/moderation/users/${idea.author.id}`}>
                    {t("moderation:queue.authorPage", {
                      name: idea.author.name,
                    })}
                  </Link>
                </p>
              </section>
              <div className="flex flex-col gap-1">
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <input type="hidden" name="ideaId" value={idea.id} />
                  <button type="submit" className="btn-primary" aria-describedby={`idea-${idea.id}-title`}>
                    {t("moderation:queue.publish")}
                  </button>
                </Form>
                <ReasonForm
                  formKey={`reject:${idea.id}`}
                  summary={t("moderation:queue.reject")}
                  intent="reject"
                  hidden={{ ideaId: idea.id }}
                  reasons={reasons}
                  reasonLabel={t("moderation:queue.reasonLabel")}
                  textName="message"
                  textLabel={t("moderation:queue.rejectMessageLabel")}
                  textHint={t("moderation:queue.rejectMessageHint")}
                  maxLength={REVIEW_MESSAGE_MAX}
                  submitLabel={t("moderation:queue.rejectSubmit")}
                  danger
                  failure={refused}
                />
                <ReasonForm
                  formKey={`request-changes:${idea.id}`}
                  summary={t("moderation:queue.requestChanges")}
                  intent="request-changes"
                  hidden={{ ideaId: idea.id }}
                  reasons={reasons}
                  reasonLabel={t("moderation:queue.reasonLabel")}
                  textName="message"
                  textLabel={t("moderation:queue.changesMessageLabel")}
                  textHint={t("moderation:queue.changesMessageHint")}
                  maxLength={REVIEW_MESSAGE_MAX}
                  submitLabel={t("moderation:queue.requestChangesSubmit")}
                  failure={refused}
                />
              </div>
            </article>
          </li>
        ))}
      </ol>
      <PageNav page={queue.page} pages={queue.pages} hrefFor={(page) => `/cities/${city.slug}/moderation?page=${page}`} />

      <section aria-labelledby="accounts-title" className="mb-8 mt-10">
        <h2 id="accounts-title">{t("cities:moderation.accountsHeading")}</h2>
        <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-2">
          <dt>{t("cities:moderation.residents")}</dt>
          <dd className="text-right font-semibold">{residents}</dd>
          <dt>{t("cities:moderation.unverified")}</dt>
          <dd className="text-right font-semibold">{unverified}</dd>
        </dl>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t("cities:moderation.teamHeading")}</h2>
        <table className="w-full max-w-2xl border-collapse text-left">
          <caption className="sr-only">{t("cities:moderation.teamCaption", { city: city.name })}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                {t("cities:moderation.name")}
              </th>
              <th scope="col" className="py-2">
                {t("cities:moderation.role")}
              </th>
            </tr>
          </thead>
          <tbody>
            {team.map((member) => (
              <tr key={member.id} className="border-b border-slate-200">
                <td className="py-2 pr-4">{member.name}</td>
                <td className="py-2">{t(`cities:roles.${member.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
