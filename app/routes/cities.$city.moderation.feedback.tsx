import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { PageNav, pageParam } from "~/components/moderation/page-nav";
import { MissingDecisionSchema } from "~/modules/absorption/adoption.schema";
import { decideMissing, listPendingMissing } from "~/modules/absorption/feedback.server";
import { requireModeratorOf } from "~/modules/moderation/moderation-routes.server";
import { readFormData, notFound, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("services:moderation.title"),
};

/** Pending "what is missing" texts of the city's services, for its moderators and admins. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { city } = await requireModeratorOf(request, params.city);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    pending: await listPendingMissing(city.id, page),
  };
}

/** publish / reject one text; each decision is audited in the same transaction. */
export async function action({ params, request }: ActionFunctionArgs) {
  const { city, user } = await requireModeratorOf(request, params.city);
  const formData = await readFormData(request);
  const parsed = MissingDecisionSchema.safeParse({
    intent: formData.get("intent"),
    feedbackId: formData.get("feedbackId"),
    version: formData.get("version"),
  });
  // Only a forged or damaged form gets here: the page says so in the moderator's language.
  if (!parsed.success) return data({ ok: false as const, formError: "services:flash.changed" }, { status: 400 });
  const back = `/cities/${city.slug}/moderation/feedback`;
  const result = await decideMissing({
    cityId: city.id,
    actorId: user.id,
    feedbackId: parsed.data.feedbackId,
    version: new Date(parsed.data.version),
    decision: parsed.data.intent,
  });
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return redirectWithFlash(request, back, { kind: "info", key: "services:flash.changed" });
  }
  return redirectWithFlash(request, back, {
    kind: "success",
    key: parsed.data.intent === "publish" ? "services:flash.published" : "services:flash.rejected",
  });
}

export default function FeedbackModeration() {
  const { t } = useTranslation();
  const { city, pending } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const format = useCityDateFormat(city.timeZone);
  const base = `/cities/${city.slug}/moderation/feedback`;
  return (
    <>
      <h1>{t("services:moderation.heading", { city: city.name })}</h1>
      <p>{t("services:moderation.intro", { count: pending.total })}</p>
      {failure?.formError ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t(failure.formError)}
        </p>
      ) : null}
      {pending.items.length === 0 ? <p className="card">{t("services:moderation.empty")}</p> : null}
      <ol className="m-0 flex list-none flex-col gap-6 p-0" aria-label={t("services:moderation.listLabel")}>
        {pending.items.map((item) => {
          const headingId = `feedback-${item.id}-title`;
          return (
            <li key={item.id}>
              <article aria-labelledby={headingId} className="card">
                <h2 id={headingId} className="mt-0 text-lg">
                  <Link to={`/cities/${city.slug}/ideas/${item.idea.number}`}>{item.idea.title}</Link>
                </h2>
                <p className="text-sm text-slate-700">
                  {t(`services:usage.${item.usage}`)} · <time dateTime={item.version}>{format(item.version, "dateTime")}</time>
                </p>
                <blockquote className="my-3 whitespace-pre-line break-words border-l-4 border-slate-300 pl-3">{item.text}</blockquote>
                <div className="flex flex-wrap gap-3">
                  {(["publish", "reject"] as const).map((intent) => (
                    <Form key={intent} method="post">
                      <input type="hidden" name="feedbackId" value={item.id} />
                      <input type="hidden" name="version" value={item.version} />
                      <button
                        type="submit"
                        name="intent"
                        value={intent}
                        className={intent === "publish" ? "btn-primary" : "btn-danger"}
                        aria-describedby={headingId}
                      >
                        {t(`services:moderation.${intent}`)}
                      </button>
                    </Form>
                  ))}
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <PageNav page={pending.page} pages={pending.pages} hrefFor={(page) => `${base}?page=${page}`} />
    </>
  );
}
