import { randomUUID } from "node:crypto";
import { db } from "~/utils/db.server";
import { createUser } from "./factories";

/**
 * An organization created through the real command (its owner becomes OWNER), plus extra
 * members. Returns the ids tests need.
 */
export async function createTestOrganization(
  options: {
    ownerId?: string;
    name?: string;
    citySlug?: string;
    sectors?: string[];
    skills?: string[];
    members?: string[];
    contactEmail?: string | null;
  } = {},
) {
  const { createOrganization } = await import("~/modules/organizations/organizations.server");
  const city = await db.city.findUniqueOrThrow({ where: { slug: options.citySlug ?? "oulu" }, select: { id: true } });
  const ownerId = options.ownerId ?? (await createUser({ citySlug: options.citySlug })).id;
  const name = options.name ?? `Test Studio ${randomUUID().slice(0, 6)}`;
  const organization = await createOrganization(ownerId, {
    name,
    cityId: city.id,
    sectors: (options.sectors ?? ["software"]) as never,
    skills: options.skills ?? ["React", "GIS"],
    website: "https://example.com/",
    description: "We build accessible web services for cities and their residents.",
    size: "MICRO",
    contactEmail: options.contactEmail === undefined ? "hello@studio.example" : options.contactEmail,
    contactPhone: "+358 40 123 4567",
  });
  for (const userId of options.members ?? []) {
    await db.organizationMember.create({ data: { organizationId: organization.id, userId, role: "MEMBER" } });
  }
  return { ...organization, name, ownerId, cityId: city.id };
}
