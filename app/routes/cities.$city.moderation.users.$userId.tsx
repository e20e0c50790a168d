import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { isModerationFailure, type ModerationFormFailure } from "~/components/moderation/reason-form";
import { requireModeratorOf } from "~/modules/moderation/moderation-routes.server";
import { SUSPENSION_DURATIONS, SUSPENSION_REASON_MAX, SuspendSchema } from "~/modules/moderation/moderation.schema";
import { getModeratedUser, suspendUser, unsuspendUser, type SuspensionResult } from "~/modules/moderation/suspensions.server";
import { parseForm } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, loaderData) => {
    const name = (loaderData as { person?: { name: string } } | undefined)?.person?.name;
    return name ? t("moderation:user.title", { name }) : undefined;
  },
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { city, user } = await requireModeratorOf(request, params.city);
  if (!ID.test(params.userId ?? "")) notFound();
  const person = await getModeratedUser(city.id, params.userId ?? "");
  if (!person) notFound();
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    person,
    isSelf: person.id === user.id,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { city, user } = await requireModeratorOf(request, params.city);
  const userId = params.userId ?? "";
  if (!ID.test(userId)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = `/cities/${city.slug}/moderation/users/${userId}`;
  const done = async (result: SuspensionResult, success: string) => {
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
    case "suspend": {
      const parsed = parseForm(SuspendSchema, formData);
      if (!parsed.ok) {
        const body: ModerationFormFailure = {
          ok: false,
          form: "suspend",
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
        };
        return data(body, { status: 400 });
      }
      const days = parsed.data.duration === "indefinite" ? null : Number(parsed.data.duration);
      return done(
        await suspendUser({
          cityId: city.id,
          actorId: user.id,
          userId,
          days,
          reason: parsed.data.reason,
        }),
        "moderation:flash.suspended"
      );
    }
    case "unsuspend":
      return done(await unsuspendUser({ cityId: city.id, actorId: user.id, userId }), "moderation:flash.unsuspended");
    default:
      return data({ error: "Unknown intent" }, { status: 400 });
  }
}

export default function ModeratedUser() {
  const { t } = useTranslation();
  const { city, person, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = isModerationFailure(actionData) ? actionData : undefined;
  const format = useCityDateFormat(city.timeZone);
  const durationError = refused?.fieldErrors.duration;
  const reasonError = refused?.fieldErrors.reason;
  return (
    <>
      <h1>{t("moderation:user.heading", { name: person.name })}</h1>
      <dl className="mb-6 grid max-w-xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("moderation:user.joined")}</dt>
        <dd className="m-0">{format(person.joinedAt)}</dd>
        <dt className="font-semibold">{t("moderation:user.ideas")}</dt>
        <dd className="m-0">{person.ideaCount}</dd>
        <dt className="font-semibold">{t("moderation:user.comments")}</dt>
        <dd className="m-0">{person.commentCount}</dd>
        <dt className="font-semibold">{t("moderation:user.reports")}</dt>
        <dd className="m-0">
          {t("moderation:user.reportCounts", {
            open: person.reports.OPEN ?? 0,
            actioned: person.reports.ACTIONED ?? 0,
            dismissed: person.reports.DISMISSED ?? 0,
          })}
        </dd>
        <dt className="font-semibold">{t("moderation:user.status")}</dt>
        <dd className="m-0">
          {person.suspension
            ? person.suspension.until
              ? t("moderation:user.suspendedUntil", {
                  date: format(person.suspension.until, "dateTime"),
                })
              : t("moderation:user.suspendedIndefinitely")
            : t("moderation:user.active")}
        </dd>
        {person.suspension?.reason ? (
          <>
            <dt className="font-semibold">{t("moderation:user.suspensionReason")}</dt>
            <dd className="m-0">{person.suspension.reason}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="suspension-title" className="card mb-8">
        <h2 id="suspension-title" className="mt-0">
          {t("moderation:user.suspensionHeading")}
        </h2>
        {isSelf ? (
          <p>{t("moderation:user.cannotSuspendSelf")}</p>
        ) : person.networkAdmin ? (
          <p>{t("moderation:user.cannotSuspendAdmin")}</p>
        ) : person.suspension ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unsuspend" />
            <p>{t("moderation:user.unsuspendIntro")}</p>
            <button type="submit" className="btn-primary">
              {t("moderation:user.unsuspend")}
            </button>
          </Form>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="suspend" />
            <p>{t("moderation:user.suspendIntro")}</p>
            <div className="mb-4">
              <label htmlFor="suspend-duration" className="mb-1 block font-semibold">
                {t("moderation:user.duration")}
              </label>
              <select
                id="suspend-duration"
                name="duration"
                className="field-input"
                defaultValue={refused?.values.duration ?? "7"}
                aria-invalid={durationError ? true : undefined}
                aria-describedby={durationError ? "suspend-duration-error" : undefined}
              >
                {SUSPENSION_DURATIONS.map((duration) => (
                  <option key={duration} value={duration}>
                    {duration === "indefinite" ? t("moderation:user.indefinite") : t("moderation:user.days", { count: Number(duration) })}
                  </option>
                ))}
              </select>
              {durationError ? (
                <p id="suspend-duration-error" className="field-error">
                  <span className="sr-only">{t("validation:errorPrefix")} </span>
                  {t(durationError)}
                </p>
              ) : null}
            </div>
            <div className="mb-4">
              <label htmlFor="suspend-reason" className="mb-1 block font-semibold">
                {t("moderation:user.reason")}
              </label>
              <p id="suspend-reason-hint" className="field-hint mb-1 mt-0">
                {t("moderation:user.reasonHint")}
              </p>
              <textarea
                id="suspend-reason"
                name="reason"
                rows={3}
                maxLength={SUSPENSION_REASON_MAX}
                defaultValue={refused?.values.reason ?? ""}
                className="field-input"
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? "suspend-reason-hint suspend-reason-error" : "suspend-reason-hint"}
              />
              {reasonError ? (
                <p id="suspend-reason-error" className="field-error">
                  <span className="sr-only">{t("validation:errorPrefix")} </span>
                  {t(reasonError)}
                </p>
              ) : null}
            </div>
            <button type="submit" className="btn-danger">
              {t("moderation:user.suspend")}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="user-ideas-title" className="mb-8">
        <h2 id="user-ideas-title">{t("moderation:user.ideasHeading", { city: city.name })}</h2>
        {person.ideas.length === 0 ? (
          <p>{t("moderation:user.noIdeas")}</p>
        ) : (
          <ul className="pl-5">
            {person.ideas.map((idea) => (
              <li key={idea.number}>
                <Link to={`/cities/${city.slug}/ideas/${idea.number}`}>{idea.title}</Link> – {t(`ideas:status.${idea.status}`)}
                {idea.hidden ? ` (${t("moderation:user.hidden")})` : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="user-comments-title">
        <h2 id="user-comments-title">{t("moderation:user.commentsHeading", { city: city.name })}</h2>
        {person.comments.length === 0 ? (
          <p>{t("moderation:user.noComments")}</p>
        ) : (
          <ul className="pl-5">
            {person.comments.map((comment) => (
              <li key={comment.id} className="mb-2">
                <Link to={`/cities/${city.slug}/ideas/${comment.ideaNumber}/comments/${comment.id}`}>{comment.ideaTitle}</Link>
                {comment.hidden ? ` (${t("moderation:user.hidden")})` : null}
                <span className="block whitespace-pre-line break-words text-slate-700">{comment.excerpt}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
