import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { requireUser } from "~/modules/accounts/session.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { REPORT_DETAILS_MAX, REPORT_REASONS, ReportSchema, ReportTargetSchema } from "~/modules/moderation/moderation.schema";
import { describeItem, findReportTarget, reportContent } from "~/modules/moderation/reports.server";
import { db } from "~/utils/db.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash, safeRedirectPath } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("moderation:report.title"),
};

/** Where the reporter goes back to: the item itself, or the page they came from (people). */
function itemPath(href: string | null, returnTo: string | null) {
  return href ?? safeRedirectPath(returnTo, "/");
}

async function contextCityId(slug: string | null | undefined) {
  if (!slug) return null;
  return (await findCityBySlug(slug))?.id ?? null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const url = new URL(request.url);
  const target = ReportTargetSchema.safeParse({
    targetType: url.searchParams.get("type"),
    targetId: url.searchParams.get("id"),
  });
  if (!target.success) notFound();
  const city = url.searchParams.get("city") ?? "";
  const found = await findReportTarget(db, target.data.targetType, target.data.targetId, await contextCityId(city));
  if (!found) notFound();
  const item = await describeItem(found.type, found.id);
  if (!item) notFound();
  const returnTo = safeRedirectPath(url.searchParams.get("returnTo"), "");
  return {
    targetType: found.type,
    targetId: found.id,
    city,
    returnTo,
    alreadyHidden: found.hiddenAt !== null,
    item: {
      title: item.title,
      excerpt: found.hiddenAt ? "" : item.excerpt,
      href: itemPath(item.href, returnTo),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const target = ReportTargetSchema.safeParse({
    targetType: formData.get("targetType"),
    targetId: formData.get("targetId"),
  });
  if (!target.success) notFound();
  const parsed = parseForm(ReportSchema, formData);
  if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
  const cityId = await contextCityId(parsed.data.city);
  const result = await reportContent({
    reporterId: user.id,
    targetType: parsed.data.targetType,
    targetId: parsed.data.targetId,
    reason: parsed.data.reason,
    details: parsed.data.details,
    contextCityId: cityId,
  });
  if (!result.ok && result.error === "notFound") notFound();
  const item = await describeItem(parsed.data.targetType, parsed.data.targetId);
  const back = itemPath(item?.href ?? null, String(formData.get("returnTo") ?? ""));
  if (!result.ok)
    return redirectWithFlash(request, back, {
      kind: "info",
      key: `moderation:flash.report.${result.error}`,
    });
  return redirectWithFlash(request, back, {
    kind: result.already ? "info" : "success",
    key: result.already ? "moderation:flash.report.already" : "moderation:flash.report.sent",
  });
}

export default function ReportPage() {
  const { t } = useTranslation();
  const { targetType, targetId, city, returnTo, alreadyHidden, item } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const reasonError = failure?.fieldErrors.reason;
  const detailsError = failure?.fieldErrors.details;
  return (
    <div className="mx-auto max-w-2xl">
      <h1>{t("moderation:report.heading")}</h1>
      <section aria-labelledby="reported-item" className="card mb-6">
        <h2 id="reported-item" className="mt-0 text-lg">
          {t(`moderation:targets.${targetType}`)}: {item.title}
        </h2>
        {item.excerpt ? (
          <blockquote className="m-0 border-l-4 border-slate-300 pl-3 whitespace-pre-line break-words">{item.excerpt}</blockquote>
        ) : null}
      </section>
      {alreadyHidden ? (
        <p>{t("moderation:report.alreadyHidden")}</p>
      ) : (
        <>
          <ErrorSummary errors={{ reason: reasonError, details: detailsError }} />
          <p>{t("moderation:report.intro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="targetType" value={targetType} />
            <input type="hidden" name="targetId" value={targetId} />
            <input type="hidden" name="city" value={city} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <fieldset className="mb-5" id="field-reason" tabIndex={-1} aria-describedby={reasonError ? "field-reason-error" : undefined}>
              <legend className="mb-1 font-semibold">{t("moderation:report.reasonLegend")}</legend>
              {reasonError ? (
                <p id="field-reason-error" className="field-error mb-2 mt-0">
                  <span className="sr-only">{t("validation:errorPrefix")} </span>
                  {t(reasonError)}
                </p>
              ) : null}
              <div className="flex flex-col gap-2">
                {REPORT_REASONS.map((reason) => (
                  <div key={reason} className="flex items-start gap-2">
                    <input
                      type="radio"
                      id={`reason-${reason}`}
                      name="reason"
                      value={reason}
                      defaultChecked={failure?.values.reason === reason}
                      className="mt-1 h-5 w-5"
                      aria-describedby={`reason-${reason}-hint`}
                    />
                    <label htmlFor={`reason-${reason}`}>
                      <span className="font-medium">{t(`moderation:reportReasons.${reason}`)}</span>
                      <span id={`reason-${reason}-hint`} className="block text-sm text-slate-700">
                        {t(`moderation:reportReasonHints.${reason}`)}
                      </span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="mb-5">
              <label htmlFor="field-details" className="mb-1 block font-semibold">
                {t("moderation:report.details")}
              </label>
              <p id="field-details-hint" className="field-hint mb-1 mt-0">
                {t("moderation:report.detailsHint", {
                  max: REPORT_DETAILS_MAX,
                })}
              </p>
              <textarea
                id="field-details"
                name="details"
                rows={4}
                maxLength={REPORT_DETAILS_MAX}
                defaultValue={failure?.values.details ?? ""}
                className="field-input"
                aria-invalid={detailsError ? true : undefined}
                aria-describedby={detailsError ? "field-details-hint field-details-error" : "field-details-hint"}
              />
              {detailsError ? (
                <p id="field-details-error" className="field-error">
                  <span className="sr-only">{t("validation:errorPrefix")} </span>
                  {t(detailsError)}
                </p>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-3">
              <button type="submit" className="btn-primary">
                {t("moderation:report.submit")}
              </button>
              <Link to={item.href} className="btn-secondary">
                {t("moderation:report.cancel")}
              </Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
