import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaForm, type IdeaFormActionData } from "~/components/ideas/idea-form";
import { requireUser } from "~/modules/accounts/session.server";
import { getViewer } from "~/modules/accounts/viewer.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { findEditableIdea, ideaEditCategories, ideaFormAids, ideaFormValues, parseIdeaNumber, resolveIdeaReferences } from "~/modules/ideas/idea-form.server";
import { IdeaEditSchema } from "~/modules/ideas/ideas.schema";
import { editIdea } from "~/modules/ideas/ideas.server";
import { canView, editDenial } from "~/modules/ideas/lifecycle.policy";
import { renderMarkdown } from "~/modules/ideas/markdown.server";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

// A live preview is a fetcher POST: it changes nothing this page loaded.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/markdown-preview" ? false : defaultShouldRevalidate;

export const handle: RouteHandle = { title: (t) => t("ideaForm:edit.title") };

/**
 * The city, the signed-in author and the idea, or the right refusal: 404 for an unknown
 * city or idea (and for one the viewer may not even see), 403 for someone else's idea.
 * Other reasons (people already supported it …) are returned so the page can explain them.
 */
async function loadEditable(request: Request, params: LoaderFunctionArgs["params"]) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  await requireUser(request);
  const number = parseIdeaNumber(params.number);
  if (number === null) notFound();
  const [idea, viewer] = await Promise.all([findEditableIdea(city.id, number), getViewer(request)]);
  if (!idea || !viewer || !canView(idea, viewer)) notFound();
  const denial = editDenial(idea, viewer);
  if (denial === "notAuthor" || denial === "signIn") forbidden();
  return { city, idea, viewer, denial };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city, idea, denial } = await loadEditable(request, params);
  const page = { city: { slug: city.slug, name: city.name }, number: idea.number, title: idea.values.title };
  if (denial) return data({ ...page, denial, form: null }, { status: 403 });
  return {
    ...page,
    denial: null,
    form: {
      values: idea.values,
      // The city's own categories, as the new-idea form offers them (consultation and organization stay fixed).
      choices: { consultations: [], organizations: [], categories: await ideaEditCategories(city.id, idea.category) },
      consultation: idea.consultation?.title ?? null,
      organization: idea.organization?.name ?? null,
      previewHtml: idea.values.body.trim() ? renderMarkdown(idea.values.body) : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, idea, viewer, denial } = await loadEditable(request, params);
  const formData = await readFormData(request);
  const values = ideaFormValues(formData);
  if (denial) {
    return data({ ok: false, fieldErrors: {}, values, formError: `ideas:denial.${denial}` } satisfies IdeaFormActionData, {
      status: denial === "hasActivity" ? 409 : 403,
    });
  }
  const intent = formData.get("intent") ?? "submit";

  if (intent === "preview" || intent === "similar") {
    // Without JavaScript: the same page again, with the preview and similar ideas.
    return { ok: false, fieldErrors: {}, values, ...(await ideaFormAids(city.id, values, { excludeNumber: idea.number })) } satisfies IdeaFormActionData;
  }
  if (intent !== "submit") return data({ ok: false, fieldErrors: {}, values, formError: "validation:invalid" } satisfies IdeaFormActionData, { status: 400 });

  const parsed = parseForm(IdeaEditSchema, formData);
  if (!parsed.ok) return data({ ...parsed, values } satisfies IdeaFormActionData, { status: 400 });
  const references = await resolveIdeaReferences(parsed.data, { cityId: city.id, userId: viewer.id, currentCategory: idea.category });
  if (!references.ok) return data({ ok: false, fieldErrors: references.fieldErrors, values } satisfies IdeaFormActionData, { status: 400 });

  const { title, summary, body, language } = parsed.data;
  // editIdea re-checks inside its transaction: a support or comment that arrived since
  // the page was loaded wins, and the edit is refused with "hasActivity".
  const result = await editIdea(idea.id, viewer, { title, summary, body, language, categoryId: references.categoryId });
  if (!result.ok) {
    if (result.error === "notAuthor") forbidden();
    if (result.error === "notFound") notFound();
    return data({ ok: false, fieldErrors: {}, values, formError: `ideas:denial.${result.error}` } satisfies IdeaFormActionData, {
      status: result.error === "hasActivity" || result.error === "conflict" ? 409 : 403,
    });
  }
  return redirectWithFlash(request, `/cities/${city.slug}/ideas/${idea.number}`, { kind: "success", key: "ideaForm:edit.success" });
}

export default function EditIdeaPage() {
  const { t } = useTranslation();
  const { city, number, title, denial, form } = useLoaderData<typeof loader>();
  const ideaHref = `/cities/${city.slug}/ideas/${number}`;
  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${city.slug}/ideas`}>{t("ideaForm:breadcrumbIdeas")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={ideaHref} dir="auto">
              {title}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("ideaForm:edit.title")}</li>
        </ol>
      </nav>
      {denial || !form ? (
        <>
          <h1>{t("ideaForm:edit.cannotEditTitle")}</h1>
          <p className="mb-6">{t(`ideas:denial.${denial ?? "notAllowed"}`)}</p>
          <Link to={ideaHref} className="btn-primary">
            {t("ideaForm:edit.backToIdea")}
          </Link>
        </>
      ) : (
        <>
          <h1>{t("ideaForm:edit.title")}</h1>
          <p className="mb-4">{t("ideaForm:edit.intro")}</p>
          {form.consultation || form.organization ? (
            <ul className="mb-6 text-slate-700">
              {form.consultation ? <li>{t("ideaForm:edit.fixedConsultation", { title: form.consultation })}</li> : null}
              {form.organization ? <li>{t("ideaForm:edit.fixedOrganization", { name: form.organization })}</li> : null}
            </ul>
          ) : null}
          <IdeaForm
            mode="edit"
            citySlug={city.slug}
            defaults={form.values}
            choices={form.choices}
            ideaNumber={number}
            initialPreviewHtml={form.previewHtml}
            submitLabel={t("ideaForm:edit.submit")}
            cancelHref={ideaHref}
          />
        </>
      )}
    </div>
  );
}
