// Pilot testers: sign up or leave, posted from the idea page's pilot panel. No page of its
// own: a visit goes back to the idea.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getViewer } from "~/modules/accounts/viewer.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { findIdeaForAction, parseIdeaNumber } from "~/modules/ideas/queries.server";
import { TesterSchema } from "~/modules/pilots/pilots.schema";
import { leaveTesting, signUpAsTester } from "~/modules/pilots/pilots.server";
import { parseForm } from "~/utils/forms";
import { notFound, readFormData, redirectWithFlash } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const number = parseIdeaNumber(params.number);
  // The known city's own slug, never the typed segment: that would be echoed into the
  // Location header (a CR/LF there is a 500, another path an open door).
  const city = await findCityBySlug(params.city ?? "");
  if (!number || !city) notFound();
  return redirect(`/cities/${city.slug}/ideas/${number}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const number = parseIdeaNumber(params.number);
  if (!number) notFound();
  const viewer = await getViewer(request);
  // Anonymous visitors log in and come back to the idea (not to this form-only address).
  if (!viewer) {
    const city = await findCityBySlug(params.city ?? "");
    if (!city) notFound();
    throw redirect(`/login?${new URLSearchParams({ redirectTo: `/cities/${city.slug}/ideas/${number}` })}`);
  }
  const idea = await findIdeaForAction({ citySlug: params.city ?? "", number, viewer });
  if (!idea) notFound();
  const formData = await readFormData(request);
  const parsed = parseForm(TesterSchema, formData);
  // A resource route: a plain Response (single fetch's data() is for routes with a page).
  if (!parsed.ok) return Response.json(parsed, { status: 400 });
  const path = `/cities/${idea.city.slug}/ideas/${idea.number}`;
  const result = parsed.data.intent === "join" ? await signUpAsTester(idea.id, viewer) : await leaveTesting(idea.id, viewer);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return redirectWithFlash(request, path, { kind: "error", key: `pilots:tester.errors.${result.error}` });
  }
  const key = parsed.data.intent === "join" ? (result.already ? "alreadyJoined" : "joined") : result.already ? "alreadyLeft" : "left";
  return redirectWithFlash(request, path, { kind: result.already ? "info" : "success", key: `pilots:tester.flash.${key}` });
}
