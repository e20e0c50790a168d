import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { PageNav, pageParam } from "~/components/moderation/page-nav";
import { isModerationFailure, ReasonForm, type ModerationFormFailure } from "~/components/moderation/reason-form";
import { requireModeratorOf } from "~/modules/moderation/moderation-routes.server";
import { HIDE_REASON_MAX, HideSchema, ReportTargetSchema } from "~/modules/moderation/moderation.schema";
import {
  dismissReports,
  hideContent,
  isHideable,
  listHiddenItems,
  listReportedItems,
  restoreContent,
  type ModerationResult,
} from "~/modules/moderation/reports.server";
import { parseForm } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("moderation:reports.title"),
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { city } = await requireModeratorOf(request, params.city);
  const url = new URL(request.url);
  const [reports, hiddenItems] = await Promise.all([
    listReportedItems(city.id, pageParam(url.searchParams.get("page"))),
    listHiddenItems(city.id),
  ]);
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    reports,
    hiddenItems,
  };
}

/** hide (with a public reason) / restore / dismiss, for an item reported in this city. */
export async function action({ params, request }: ActionFunctionArgs) {
  const { city, user } = await requireModeratorOf(request, params.city);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = `/cities/${city.slug}/moderation/reports`;
  const target = ReportTargetSchema.safeParse({
    targetType: formData.get("targetType"),
    targetId: formData.get("targetId"),
  });
  if (!target.success) notFound();
  const done = async (result: ModerationResult, success: string) => {
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return redirectWithFlash(request, back, {
        kind: "info",
        key: `moderation:flash.${result.error}`,
      });
    }
    return redirectWithFlash(request, back, { kind: "success", key: success });
  };
  const decision = {
    cityId: city.id,
    actorId: user.id,
    targetId: target.data.targetId,
  };
  switch (intent) {
    case "hide": {
      const parsed = parseForm(HideSchema, formData);
      if (!parsed.ok) {
        const body: ModerationFormFailure = {
          ok: false,
          form: `hide:${target.data.targetId}`,
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
        };
        if (!isHideable(target.data.targetType)) notFound();
        return data(body, { status: 400 });
      }
      return done(
        await hideContent({
          ...decision,
          targetType: parsed.data.targetType,
          reason: parsed.data.reason,
        }),
        "moderation:flash.hidden"
      );
    }
    case "restore": {
      const targetType = target.data.targetType;
      if (!isHideable(targetType)) notFound();
      return done(await restoreContent({ ...decision, targetType }), "moderation:flash.restored");
    }
    case "dismiss":
      return done(
        await dismissReports({
          ...decision,
          targetType: target.data.targetType,
        }),
        "moderation:flash.dismissed"
      );
    default:
      return data({ error: "Unknown intent" }, { status: 400 });
  }
}

export default function ReportsQueue() {
  const { t } = useTranslation();
  const { city, reports, hiddenItems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = isModerationFailure(actionData) ? actionData : undefined;
  const format = useCityDateFormat(city.timeZone);
  return (
    <>
      <h1>{t("moderation:reports.heading", { city: city.name })}</h1>
      <p>{t("moderation:reports.intro", { count: reports.total })}</p>
      {reports.items.length === 0 ? <p className="card">{t("moderation:reports.empty")}</p> : null}
      <ol className="m-0 flex list-none flex-col gap-6 p-0" aria-label={t("moderation:reports.listLabel")}>
        {reports.items.map((group) => {
          const headingId = `report-${group.targetId}-title`;
          const hidden = {
            targetType: group.targetType,
            targetId: group.targetId,
          };
          return (
            <li key={`${group.targetType}:${group.targetId}`}>
              <article aria-labelledby={headingId} className="card">
                <h2 id={headingId} className="mt-0">
                  {t(`moderation:targets.${group.targetType}`)}
                  {": "}
                  {group.item ? (
                    group.item.href ? (
                      <Link to={group.item.href}>{group.item.title}</Link>
                    ) : (
                      group.item.title
                    )
                  ) : (
                    t("moderation:reports.gone")
                  )}
                </h2>
                <p className="text-sm text-slate-700">
                  {t("moderation:reports.count", { count: group.openReports })} ·{" "}
                  {t("moderation:reports.since", {
                    date: format(group.firstReportedAt, "dateTime"),
                  })}
                </p>
                {group.item?.hidden ? (
                  <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-2 text-amber-950">
                    {group.item.hiddenReason
                      ? t("moderation:hidden.byModeration", {
                          reason: group.item.hiddenReason,
                        })
                      : t("moderation:hidden.pending")}
                  </p>
                ) : null}
                {group.item?.authorName && group.targetType !== "USER" ? (
                  <p className="text-sm">
                    {t("moderation:reports.author")}{" "}
                    {group.item.authorId ? (
                      <Link to={`/cities/${city.slug}/moderation/users/${group.item.authorId}`}>{group.item.authorName}</Link>
                    ) : (
                      group.item.authorName
                    )}
                  </p>
                ) : null}
                {group.item?.excerpt ? (
                  <blockquote className="my-3 border-l-4 border-slate-300 pl-3 whitespace-pre-line break-words">
                    {group.item.excerpt}
                  </blockquote>
                ) : null}
                <h3 className="text-base">{t("moderation:reports.reasonsHeading")}</h3>
                <ul className="pl-5">
                  {group.reasons.map((row) => (
                    <li key={row.reason}>
                      {t("moderation:reports.reasonCount", {
                        reason: t(`moderation:reportReasons.${row.reason}`),
                        count: row.count,
                      })}
                    </li>
                  ))}
                </ul>
                {group.details.some((row) => row.details) ? (
                  <>
                    <h3 className="text-base">{t("moderation:reports.detailsHeading")}</h3>
                    <ul className="pl-5">
                      {group.details
                        .filter((row) => row.details)
                        .map((row, index) => (
                          <li key={index} className="whitespace-pre-line break-words">
                            {t(`moderation:reportReasons.${row.reason}`)} – {row.details}
                          </li>
                        ))}
                    </ul>
                  </>
                ) : null}
                <div className="mt-3 flex flex-col gap-1">
                  {group.targetType === "USER" && group.item ? (
                    <p className="m-0">
                      <Link to={`/cities/${city.slug}/moderation/users/${group.targetId}`} className="btn-secondary">
                        {t("moderation:reports.reviewUser", {
                          name: group.item.title,
                        })}
                      </Link>
                    </p>
                  ) : null}
                  {group.targetType !== "USER" && group.item?.hidden ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="targetType" value={group.targetType} />
                      <input type="hidden" name="targetId" value={group.targetId} />
                      <button type="submit" className="btn-secondary" aria-describedby={headingId}>
                        {t("moderation:reports.restore")}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="dismiss" />
                    <input type="hidden" name="targetType" value={group.targetType} />
                    <input type="hidden" name="targetId" value={group.targetId} />
                    <button type="submit" className="btn-secondary" aria-describedby={headingId}>
                      {t("moderation:reports.dismiss")}
                    </button>
                  </Form>
                  {group.targetType !== "USER" && group.item ? (
                    <ReasonForm
                      formKey={`hide:${group.targetId}`}
                      summary={group.item.hidden ? t("moderation:reports.confirmHide") : t("moderation:reports.hide")}
                      intent="hide"
                      hidden={hidden}
                      textName="reason"
                      textLabel={t("moderation:reports.hideReasonLabel")}
                      textHint={t("moderation:reports.hideReasonHint")}
                      maxLength={HIDE_REASON_MAX}
                      submitLabel={t("moderation:reports.hideSubmit")}
                      danger
                      failure={refused}
                    />
                  ) : null}
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <PageNav page={reports.page} pages={reports.pages} hrefFor={(page) => `/cities/${city.slug}/moderation/reports?page=${page}`} />

      <section aria-labelledby="hidden-title" className="mt-10">
        <h2 id="hidden-title">{t("moderation:hiddenList.heading")}</h2>
        {hiddenItems.length === 0 ? (
          <p>{t("moderation:hiddenList.empty")}</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("moderation:hiddenList.caption", { city: city.name })}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-4">
                  {t("moderation:hiddenList.item")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("moderation:hiddenList.reason")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("moderation:hiddenList.since")}
                </th>
                <th scope="col" className="py-2">
                  {t("moderation:hiddenList.action")}
                </th>
              </tr>
            </thead>
            <tbody>
              {hiddenItems.map((item) => (
                <tr key={item.targetId} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">
                    {t(`moderation:targets.${item.targetType}`)}: <Link to={item.href}>{item.title}</Link>
                  </td>
                  <td className="py-2 pr-4">{item.hiddenReason ?? t("moderation:hidden.pendingShort")}</td>
                  <td className="py-2 pr-4">
                    <time dateTime={item.hiddenAt}>{format(item.hiddenAt, "dateTime")}</time>
                  </td>
                  <td className="py-2">
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="targetType" value={item.targetType} />
                      <input type="hidden" name="targetId" value={item.targetId} />
                      <button
                        type="submit"
                        className="btn-secondary"
                        aria-label={t("moderation:hiddenList.restoreLabel", {
                          item: item.title,
                        })}
                      >
                        {t("moderation:reports.restore")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
