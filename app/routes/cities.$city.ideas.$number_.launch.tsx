import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import { parseIdeaNumber } from "~/modules/ideas/queries.server";
import { LaunchSchema, SERVICE_URL_MAX } from "~/modules/pilots/pilots.schema";
import { cityToday, findIdeaForPilot, launchService } from "~/modules/pilots/pilots.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("pilots:launch.title"),
};

async function loadContext(request: Request, params: LoaderFunctionArgs["params"]) {
  const { city, actor } = await requireCityAdmin(request, params.city);
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  const idea = await findIdeaForPilot(city.id, number);
  if (!idea) notFound();
  return { city, actor, idea };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city, idea } = await loadContext(request, params);
  return {
    city: { slug: city.slug, name: city.name },
    idea: { number: idea.number, title: idea.title, status: idea.status },
    available: (idea.status === "ACCEPTED" || idea.status === "PILOTING") && !idea.hiddenAt,
    today: cityToday(city.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, actor, idea } = await loadContext(request, params);
  const formData = await readFormData(request);
  const parsed = parseForm(LaunchSchema, formData);
  if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
  const result = await launchService({ ideaId: idea.id, actor, input: parsed.data });
  const ideaPath = `/cities/${city.slug}/ideas/${idea.number}`;
  if (!result.ok) {
    if (result.error === "invalid") {
      return data({ ok: false, fieldErrors: result.fieldErrors, values: parsed.data } satisfies FormFailure, { status: 400 });
    }
    if (result.error === "notFound") notFound();
    if (result.error === "forbidden") forbidden();
    return redirectWithFlash(request, ideaPath, { kind: "error", key: `pilots:flash.${result.error}` });
  }
  return redirectWithFlash(request, ideaPath, { kind: "success", key: "pilots:flash.launched" });
}

export default function LaunchServicePage() {
  const { t } = useTranslation();
  const { city, idea, available, today } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  const ideaPath = `/cities/${city.slug}/ideas/${idea.number}`;
  return (
    <div className="max-w-2xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={ideaPath}>{idea.title}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("pilots:launch.title")}</li>
        </ol>
      </nav>
      <h1>{t("pilots:launch.heading", { idea: idea.title })}</h1>
      {available ? (
        <>
          <p>{t("pilots:launch.intro")}</p>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <TextField
              name="serviceUrl"
              type="url"
              inputMode="url"
              autoComplete="url"
              maxLength={SERVICE_URL_MAX}
              label={t("pilots:launch.serviceUrlLabel")}
              hint={t("pilots:launch.serviceUrlHint")}
              defaultValue={values.serviceUrl ?? ""}
              error={errors.serviceUrl}
              required
            />
            <TextField
              name="launchedAt"
              type="date"
              max={today}
              label={t("pilots:launch.launchedAtLabel")}
              hint={t("pilots:launch.launchedAtHint", { city: city.name })}
              defaultValue={values.launchedAt || today}
              error={errors.launchedAt}
            />
            <button type="submit" className="btn-primary">
              {t("pilots:launch.submit")}
            </button>
          </Form>
        </>
      ) : (
        <p>
          {t("pilots:launch.unavailable", { status: t(`ideas:status.${idea.status}`) })} <Link to={ideaPath}>{t("pilots:backToIdea")}</Link>
        </p>
      )}
    </div>
  );
}
