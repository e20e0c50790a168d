import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaForm, type IdeaFormActionData } from "~/components/ideas/idea-form";
import { InspiredByNotice } from "~/components/network/inspired-by-notice";
import { requireUser } from "~/modules/accounts/session.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { ideaFormAids, ideaFormChoices, ideaFormValues, resolveIdeaReferences } from "~/modules/ideas/idea-form.server";
import { IdeaSchema } from "~/modules/ideas/ideas.schema";
import { InspirationRefused, ProposalRefused, submitIdea } from "~/modules/ideas/ideas.server";
import { findTravelSource, type TravelRefusal } from "~/modules/network/travel.server";
import { parseForm } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import { useRootData } from "~/utils/root-data";
import type { RouteHandle } from "~/utils/route-handle";

// A live preview is a fetcher POST: it changes nothing this page loaded.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/markdown-preview" ? false : defaultShouldRevalidate;

export const handle: RouteHandle = { title: (t) => t("ideaForm:new.title") };

async function requireCity(slug: string | undefined) {
  const city = await findCityBySlug(slug ?? "");
  if (!city) notFound();
  return city;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const city = await requireCity(params.city);
  const user = await requireUser(request);
  const choices = await ideaFormChoices(city.id, user.id);
  // A consultation page can link here with ?consultation=<id> to preselect it.
  const wanted = new URL(request.url).searchParams.get("consultation");
  const consultation = choices.consultations.some((item) => item.id === wanted) ? wanted : null;
  // "Propose this for my city" links here with ?inspiredBy=<number of the other city's idea>.
  const inspiredParam = new URL(request.url).searchParams.get("inspiredBy");
  const travel = inspiredParam === null ? null : await findTravelSource(inspiredParam, city.id);
  return {
    city: { slug: city.slug, name: city.name },
    choices,
    consultation,
    inspiredBy: travel?.ok ? travel.source : null,
    inspiredByError: travel && !travel.ok ? travel.error : null,
  };
}

const TRAVEL_ERRORS: Record<TravelRefusal, string> = {
  unavailable: "network:travel.errors.unavailable",
  sameCity: "network:travel.errors.sameCity",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const city = await requireCity(params.city);
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const values = ideaFormValues(formData);
  const intent = formData.get("intent") ?? "submit";

  if (intent === "preview" || intent === "similar") {
    // Without JavaScript: the same page again, with the preview and similar ideas.
    return { ok: false, fieldErrors: {}, values, ...(await ideaFormAids(city.id, values)) } satisfies IdeaFormActionData;
  }
  if (intent !== "submit") return data({ ok: false, fieldErrors: {}, values, formError: "validation:invalid" } satisfies IdeaFormActionData, { status: 400 });

  const parsed = parseForm(IdeaSchema, formData);
  if (!parsed.ok) return data({ ...parsed, values } satisfies IdeaFormActionData, { status: 400 });
  const references = await resolveIdeaReferences(parsed.data, { cityId: city.id, userId: user.id });
  if (!references.ok) return data({ ok: false, fieldErrors: references.fieldErrors, values } satisfies IdeaFormActionData, { status: 400 });
  // The idea this one is proposed from: a forged, unknown or no longer public one is not
  // linked, and the author is told (the page then offers the form without the link).
  const inspiredRaw = formData.get("inspiredBy");
  const travel = inspiredRaw === null ? null : await findTravelSource(inspiredRaw, city.id);
  if (travel && !travel.ok) return data({ ok: false, fieldErrors: {}, values, formError: TRAVEL_ERRORS[travel.error] } satisfies IdeaFormActionData, { status: 400 });

  const { title, summary, body, language } = parsed.data;
  const idea = await submitIdea({
    cityId: city.id,
    authorId: user.id,
    title,
    summary,
    body,
    language,
    categoryId: references.categoryId,
    consultationId: references.consultationId,
    organizationId: references.organizationId,
    inspiredById: travel?.source.id ?? null,
  }).catch((error: unknown) => {
    // The consultation's ideation phase ended since the check above (or it was forged), or
    // the idea it is proposed from was hidden in between.
    if (error instanceof ProposalRefused || error instanceof InspirationRefused) return error;
    throw error;
  });
  if (idea instanceof InspirationRefused) {
    return data({ ok: false, fieldErrors: {}, values, formError: TRAVEL_ERRORS.unavailable } satisfies IdeaFormActionData, { status: 400 });
  }
  if (idea instanceof ProposalRefused) {
    return data({ ok: false, fieldErrors: { consultation: idea.fieldError }, values } satisfies IdeaFormActionData, { status: 400 });
  }
  return redirectWithFlash(request, `/cities/${city.slug}/ideas/${idea.number}`, {
    kind: "success",
    // Without pre-moderation (a city setting) the idea is public at once.
    key: idea.status === "PUBLISHED" ? "administration:flash.publishedAtOnce" : "ideaForm:new.success",
  });
}

export default function NewIdeaPage() {
  const { t } = useTranslation();
  const { city, choices, consultation, inspiredBy, inspiredByError } = useLoaderData<typeof loader>();
  const root = useRootData();
  const defaults = {
    title: inspiredBy?.title ?? "",
    summary: inspiredBy?.summary ?? "",
    body: inspiredBy?.body ?? "",
    category: "",
    // A copied text is in the source's language until the author rewrites it.
    language: inspiredBy?.language ?? root?.locale ?? "en",
    consultation: consultation ?? "",
    organization: "",
  };
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
          <li aria-current="page">{t("ideaForm:new.title")}</li>
        </ol>
      </nav>
      <h1>{t("ideaForm:new.title")}</h1>
      <p className="mb-6">{t("ideaForm:new.intro", { city: city.name })}</p>
      <InspiredByNotice source={inspiredBy} error={inspiredByError} cityName={city.name} />
      <IdeaForm
        mode="new"
        citySlug={city.slug}
        defaults={defaults}
        choices={choices}
        submitLabel={t("ideaForm:new.submit")}
        cancelHref={`/cities/${city.slug}`}
        hiddenFields={inspiredBy ? { inspiredBy: String(inspiredBy.number) } : undefined}
      />
    </div>
  );
}
