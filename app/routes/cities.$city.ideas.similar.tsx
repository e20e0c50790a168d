// Resource route: public ideas of the city similar to a title being written
// (GET ?title=…&exclude=<idea number>). Anyone may ask: only public, visible ideas are
// returned, the same ones the city's idea list shows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { findSimilarIdeas } from "~/modules/ideas/idea-form.server";
import { SimilarQuerySchema, worthSimilarLookup } from "~/modules/ideas/ideas.schema";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  const url = new URL(request.url);
  const query = SimilarQuerySchema.safeParse({
    title: url.searchParams.get("title") ?? "",
    exclude: url.searchParams.get("exclude") || undefined,
  });
  if (!query.success) return Response.json({ error: "validation:invalid", ideas: [] }, { status: 400 });
  const ideas = worthSimilarLookup(query.data.title)
    ? await findSimilarIdeas(city.id, query.data.title, { excludeNumber: query.data.exclude })
    : [];
  // Public data that changes as people post and support: short private caching only.
  return Response.json({ ideas }, { headers: { "Cache-Control": "private, max-age=10" } });
}
