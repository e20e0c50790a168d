import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import { PageNav } from "~/components/moderation/page-nav";
import { AUDIT_ACTIONS } from "~/modules/moderation/audit.server";
import { listAuditEntries } from "~/modules/moderation/audit-log.server";
import { AuditFilterSchema } from "~/modules/moderation/moderation.schema";
import { requireModeratorOf } from "~/modules/moderation/moderation-routes.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("moderation:audit.title"),
};

/** The city's audit log: its moderators and admins, and network admins (the layout's guard, checked here too). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { city } = await requireModeratorOf(request, params.city);
  const url = new URL(request.url);
  const filters = AuditFilterSchema.parse(Object.fromEntries(url.searchParams));
  const log = await listAuditEntries({ id: city.id, slug: city.slug }, filters);
  return {
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    filters: {
      action: filters.action ?? "",
      actor: filters.actor ?? "",
      from: filters.from ?? "",
      to: filters.to ?? "",
    },
    // Sent from here: the list lives in a server module the browser bundle does not include.
    actions: [...AUDIT_ACTIONS] as string[],
    log,
  };
}

const DETAIL_KEYS = ["from", "to", "reasonCode", "days", "until", "reports", "reportsDismissed", "threshold"] as const;

export default function AuditLog() {
  const { t } = useTranslation();
  const { city, filters, actions, log } = useLoaderData<typeof loader>();
  const format = useCityDateFormat(city.timeZone);
  const base = `/cities/${city.slug}/moderation/audit`;
  const detailValue = (key: string, value: string) => {
    if (key === "from" || key === "to") return t(`ideas:status.${value}`, { defaultValue: value });
    if (key === "reasonCode")
      return t(`moderation:reviewReasons.${value}`, {
        defaultValue: t(`moderation:autoReasons.${value}`, {
          defaultValue: value,
        }),
      });
    if (key === "until") return format(value, "dateTime");
    return value;
  };
  const query = (page: number) => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
    params.set("page", String(page));
    return `${base}?${params}`;
  };
  return (
    <>
      <h1>{t("moderation:audit.heading", { city: city.name })}</h1>
      <Form method="get" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("moderation:audit.filtersLabel")}>
        <div>
          <label htmlFor="audit-action" className="mb-1 block font-semibold">
            {t("moderation:audit.action")}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action} className="field-input">
            <option value="">{t("moderation:audit.anyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {t(`moderation:audit.actions.${action}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="mb-1 block font-semibold">
            {t("moderation:audit.actor")}
          </label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor} className="field-input">
            <option value="">{t("moderation:audit.anyActor")}</option>
            {log.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block font-semibold">
            {t("moderation:audit.from")}
          </label>
          <input id="audit-from" type="date" name="from" defaultValue={filters.from} className="field-input" />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block font-semibold">
            {t("moderation:audit.to")}
          </label>
          <input id="audit-to" type="date" name="to" defaultValue={filters.to} className="field-input" />
        </div>
        <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-primary">
            {t("moderation:audit.filter")}
          </button>
          <Link to={base} className="btn-secondary">
            {t("moderation:audit.clear")}
          </Link>
        </div>
      </Form>
      <p role="status">{t("moderation:audit.count", { count: log.total })}</p>
      {log.rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("moderation:audit.caption", { city: city.name })}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-3">
                  {t("moderation:audit.when")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("moderation:audit.who")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("moderation:audit.what")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("moderation:audit.item")}
                </th>
                <th scope="col" className="py-2">
                  {t("moderation:audit.why")}
                </th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-3">
                    <time dateTime={row.createdAt}>{format(row.createdAt, "dateTime")}</time>
                  </td>
                  <td className="py-2 pr-3">
                    {row.actorId ? row.actorName ?? t("moderation:audit.deletedActor") : t("moderation:audit.system")}
                  </td>
                  <td className="py-2 pr-3">
                    {t(`moderation:audit.actions.${row.action}`, {
                      defaultValue: row.action,
                    })}
                    {DETAIL_KEYS.some((key) => row.data[key] !== undefined && row.data[key] !== null) ? (
                      <ul className="m-0 list-none p-0 text-slate-700">
                        {DETAIL_KEYS.filter((key) => row.data[key] !== undefined && row.data[key] !== null).map((key) => (
                          <li key={key}>
                            {t(`moderation:audit.details.${key}`, {
                              value: detailValue(key, String(row.data[key])),
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">
                    {t(`moderation:targets.${row.targetType}`, {
                      defaultValue: row.targetType,
                    })}
                    {": "}
                    {row.targetHref ? (
                      <Link to={row.targetHref}>{row.targetLabel}</Link>
                    ) : (
                      row.targetLabel ?? t("moderation:audit.goneItem")
                    )}
                  </td>
                  <td className="py-2 whitespace-pre-line break-words">{row.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PageNav page={log.page} pages={log.pages} hrefFor={query} />
    </>
  );
}
