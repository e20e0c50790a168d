// Server side of the organization form: the repeated "sectors" checkboxes (parseForm only
// reads the first value of a field), the city (it needs the database), and what a refused
// submission echoes back.
import { listCities } from "~/modules/cities/cities.server";
import { fieldErrorsFrom, type FormFailure } from "~/utils/forms";
import { DESCRIPTION_MAX, OrganizationSchema, SECTORS } from "./organizations.schema";
import type { OrganizationData } from "./organizations.server";

/** A refused submission: the usual failure plus the boxes that were ticked. */
export type OrganizationFormFailure = FormFailure & { sectors: string[] };

const ECHOED = ["name", "skills", "website", "city", "description", "size", "contactEmail", "contactPhone"] as const;

function echo(formData: FormData): Pick<OrganizationFormFailure, "values" | "sectors"> {
  const values: Record<string, string> = {};
  for (const name of ECHOED) {
    const value = formData.get(name);
    // The description keeps up to twice its limit, so someone who pasted too much can cut it down.
    if (typeof value === "string") values[name] = value.slice(0, name === "description" ? DESCRIPTION_MAX * 2 : 1_000);
  }
  const sectors = formData
    .getAll("sectors")
    .filter((value): value is string => typeof value === "string" && (SECTORS as readonly string[]).includes(value));
  return { values, sectors: [...new Set(sectors)] };
}

export async function parseOrganizationForm(formData: FormData): Promise<{ ok: true; data: OrganizationData } | OrganizationFormFailure> {
  const raw: Record<string, unknown> = {};
  for (const name of ECHOED) {
    const value = formData.get(name);
    if (typeof value === "string") raw[name] = value;
  }
  raw.sectors = formData.getAll("sectors").filter((value) => typeof value === "string");
  const parsed = OrganizationSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const citySlug = typeof raw.city === "string" ? raw.city.trim() : "";
  const city = (await listCities()).find((candidate) => candidate.slug === citySlug);
  if (!city && !fieldErrors.city) fieldErrors.city = "organizations:errors.cityRequired";
  if (!parsed.success || !city) return { ok: false, fieldErrors, ...echo(formData) };
  const { city: _city, ...rest } = parsed.data;
  return { ok: true, data: { ...rest, cityId: city.id } };
}
