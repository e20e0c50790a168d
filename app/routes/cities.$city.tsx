import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, type ShouldRevalidateFunction } from "@remix-run/react";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { notFound } from "~/utils/http.server";

// The live Markdown preview posts on every pause in typing; it changes no data.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/markdown-preview" ? false : defaultShouldRevalidate;

/** Every page under /cities/:city shares this: an unknown city is a 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  return { city: { id: city.id, slug: city.slug, name: city.name, countryCode: city.countryCode, timeZone: city.timeZone } };
}

export default function CityLayout() {
  return <Outlet />;
}
