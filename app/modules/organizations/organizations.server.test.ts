import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createIdea, createUser } from "~/testing/factories";
import { createTestOrganization } from "~/testing/organizations-factories";
import { db } from "~/utils/db.server";
import {
  changeMemberRole,
  createOrganization,
  getOrganizationForEdit,
  getOrganizationProfile,
  isOrganizationMember,
  listMembers,
  listMemberships,
  listOrganizations,
  listUserOrganizations,
  removeMember,
  slugify,
  updateOrganization,
  type OrganizationData,
} from "./organizations.server";

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function profile(overrides: Partial<OrganizationData> = {}): Promise<OrganizationData> {
  return {
    name: `Studio ${randomUUID().slice(0, 8)}`,
    cityId: await cityId("oulu"),
    sectors: ["software"],
    skills: ["React"],
    website: "https://example.com/",
    description: "We build accessible web services for cities.",
    size: "SOLO",
    contactEmail: "secret-contact@studio.example",
    contactPhone: "+358 40 000 0000",
    ...overrides,
  };
}

describe("slugify", () => {
  it("makes readable ASCII slugs from any name", () => {
    expect(slugify("Băcănia Digitală S.R.L.")).toBe("bacania-digitala-s-r-l");
    expect(slugify("Țesătoria Ștefan")).toBe("tesatoria-stefan");
    expect(slugify("Straße & Søn")).toBe("strasse-son");
    expect(slugify("  --Oulu Älykäs-- ")).toBe("oulu-alykas");
    expect(slugify("東京")).toBe("organization");
    expect(slugify("New")).toBe("new-org");
    expect(slugify("x".repeat(200))).toHaveLength(60);
  });
});

describe("createOrganization", () => {
  it("makes the creator the owner in the same write", async () => {
    const owner = await createUser();
    const organization = await createOrganization(owner.id, await profile());
    const members = await db.organizationMember.findMany({ where: { organizationId: organization.id } });
    expect(members).toEqual([expect.objectContaining({ userId: owner.id, role: "OWNER" })]);
    expect(await isOrganizationMember(organization.id, owner.id)).toBe(true);
    expect(await listUserOrganizations(owner.id)).toEqual([{ id: organization.id, slug: organization.slug, name: expect.any(String) }]);
  });

  it("gives organizations with the same name different slugs, also in parallel", async () => {
    const name = `Same Name ${randomUUID().slice(0, 6)}`;
    const owner = await createUser();
    const created = await Promise.all(Array.from({ length: 6 }, async () => createOrganization(owner.id, await profile({ name }))));
    const slugs = created.map((organization) => organization.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).toContain(slugify(name));
    expect(await db.organizationMember.count({ where: { userId: owner.id, role: "OWNER" } })).toBe(6);
  });

  it("never lets a failed creation leave a membership behind", async () => {
    const owner = await createUser();
    await expect(createOrganization(owner.id, await profile({ cityId: "no-such-city" }))).rejects.toThrow();
    expect(await db.organizationMember.count({ where: { userId: owner.id } })).toBe(0);
  });
});

describe("updateOrganization", () => {
  it("lets owners change the profile and keeps the slug", async () => {
    const organization = await createTestOrganization();
    const result = await updateOrganization(organization.id, organization.ownerId, await profile({ name: "Renamed Studio", sectors: ["energy", "mobility"] }));
    expect(result.ok).toBe(true);
    const edited = await getOrganizationForEdit(organization.slug);
    expect(edited).toMatchObject({ slug: organization.slug, name: "Renamed Studio", sectors: ["energy", "mobility"] });
  });

  it("changes nothing for members or strangers", async () => {
    const member = await createUser();
    const stranger = await createUser();
    const organization = await createTestOrganization({ members: [member.id] });
    const before = await getOrganizationForEdit(organization.slug);
    expect((await updateOrganization(organization.id, member.id, await profile({ name: "Hijacked" }))).ok).toBe(false);
    expect((await updateOrganization(organization.id, stranger.id, await profile({ name: "Hijacked" }))).ok).toBe(false);
    expect(await getOrganizationForEdit(organization.slug)).toEqual(before);
  });
});

describe("membership and the last-owner rule", () => {
  it("lets an owner remove a member, and a member leave", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const organization = await createTestOrganization({ members: [a.id, b.id] });
    expect(await removeMember({ organizationId: organization.id, actorId: organization.ownerId, targetId: a.id })).toEqual({ ok: true });
    expect(await removeMember({ organizationId: organization.id, actorId: b.id, targetId: b.id })).toEqual({ ok: true });
    expect((await listMembers(organization.id)).map((member) => member.userId)).toEqual([organization.ownerId]);
  });

  it("refuses members removing others", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const organization = await createTestOrganization({ members: [a.id, b.id] });
    expect(await removeMember({ organizationId: organization.id, actorId: a.id, targetId: b.id })).toEqual({ ok: false, error: "notOwner" });
    expect(await removeMember({ organizationId: organization.id, actorId: a.id, targetId: organization.ownerId })).toEqual({
      ok: false,
      error: "notOwner",
    });
    expect(await listMembers(organization.id)).toHaveLength(3);
  });

  it("never removes or demotes the last owner", async () => {
    const member = await createUser();
    const organization = await createTestOrganization({ members: [member.id] });
    const { id, ownerId } = organization;
    expect(await removeMember({ organizationId: id, actorId: ownerId, targetId: ownerId })).toEqual({ ok: false, error: "lastOwner" });
    expect(await changeMemberRole({ organizationId: id, actorId: ownerId, targetId: ownerId, role: "MEMBER" })).toEqual({ ok: false, error: "lastOwner" });
    // With a second owner, the first may leave.
    expect(await changeMemberRole({ organizationId: id, actorId: ownerId, targetId: member.id, role: "OWNER" })).toEqual({ ok: true });
    expect(await removeMember({ organizationId: id, actorId: ownerId, targetId: ownerId })).toEqual({ ok: true });
    expect(await listMembers(id)).toEqual([expect.objectContaining({ userId: member.id, role: "OWNER" })]);
  });

  it("keeps one owner when two owners remove each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const second = await createUser();
      const organization = await createTestOrganization({ members: [second.id] });
      await db.organizationMember.update({
        where: { organizationId_userId: { organizationId: organization.id, userId: second.id } },
        data: { role: "OWNER" },
      });
      const results = await Promise.all([
        removeMember({ organizationId: organization.id, actorId: organization.ownerId, targetId: second.id }),
        removeMember({ organizationId: organization.id, actorId: second.id, targetId: organization.ownerId }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(await db.organizationMember.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
    }
  });

  it("lists a person's memberships with the owner count", async () => {
    const member = await createUser();
    const organization = await createTestOrganization({ members: [member.id] });
    expect(await listMemberships(member.id)).toEqual([
      { role: "MEMBER", ownerCount: 1, organization: expect.objectContaining({ id: organization.id, slug: organization.slug }) },
    ]);
  });
});

describe("getOrganizationProfile", () => {
  it("lists only public, visible, published ideas of the organization", async () => {
    const organization = await createTestOrganization();
    const link = (ideaId: string) => db.idea.update({ where: { id: ideaId }, data: { organizationId: organization.id } });
    const published = await createIdea({ authorId: organization.ownerId });
    const submitted = await createIdea({ authorId: organization.ownerId, published: false });
    const hidden = await createIdea({ authorId: organization.ownerId });
    const rejectedUnpublished = await createIdea({ authorId: organization.ownerId, published: false });
    const otherOrganization = await createIdea();
    for (const idea of [published, submitted, hidden, rejectedUnpublished]) await link(idea.id);
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    // Refused in moderation: a public status, but never published.
    await db.idea.update({ where: { id: rejectedUnpublished.id }, data: { status: "REJECTED" } });

    const page = await getOrganizationProfile(organization.slug);
    expect(page?.ideas.map((idea) => idea.id)).toEqual([published.id]);
    expect(page?.ideaCount).toBe(1);
    expect(page?.ideas.map((idea) => idea.id)).not.toContain(otherOrganization.id);
  });

  it("never contains contact data", async () => {
    const organization = await createTestOrganization({ contactEmail: "private@studio.example" });
    const page = await getOrganizationProfile(organization.slug);
    expect(JSON.stringify(page)).not.toContain("private@studio.example");
    expect(JSON.stringify(page)).not.toContain("+358");
  });

  it("lists published consultations the organization joined as solution partner", async () => {
    const organization = await createTestOrganization();
    const oulu = await cityId("oulu");
    const make = (status: "DRAFT" | "PUBLISHED") =>
      db.consultation.create({ data: { cityId: oulu, slug: `c-${randomUUID().slice(0, 8)}`, title: `Consultation ${status}`, status } });
    const [published, draft, participantOnly] = [await make("PUBLISHED"), await make("DRAFT"), await make("PUBLISHED")];
    await db.consultationParticipant.createMany({
      data: [
        { consultationId: published.id, userId: organization.ownerId, role: "SOLUTION_PARTNER", organizationId: organization.id },
        { consultationId: draft.id, userId: organization.ownerId, role: "SOLUTION_PARTNER", organizationId: organization.id },
        { consultationId: participantOnly.id, userId: organization.ownerId, role: "PARTICIPANT" },
      ],
    });
    const page = await getOrganizationProfile(organization.slug);
    expect(page?.consultations).toEqual([expect.objectContaining({ id: published.id, slug: published.slug, city: { slug: "oulu", name: "Oulu" } })]);
  });

  it("is null for unknown or malformed slugs", async () => {
    expect(await getOrganizationProfile("no-such-organization")).toBeNull();
    expect(await getOrganizationProfile("../../etc")).toBeNull();
  });
});

describe("listOrganizations", () => {
  it("filters by city and sector and pages through the results", async () => {
    const tag = randomUUID().slice(0, 6);
    // Ventspils: a city other tests leave alone, so the counts are exact.
    const city = await cityId("ventspils");
    const before = await listOrganizations({ cityId: city, sector: "tourism", page: 1 });
    for (let index = 0; index < 22; index++) {
      await createTestOrganization({ citySlug: "ventspils", name: `Tour ${tag} ${String(index).padStart(2, "0")}`, sectors: ["tourism", "software"] });
    }
    await createTestOrganization({ citySlug: "ventspils", name: `Energy ${tag}`, sectors: ["energy"] });
    await createTestOrganization({ citySlug: "oulu", name: `Oulu tour ${tag}`, sectors: ["tourism"] });

    const first = await listOrganizations({ cityId: city, sector: "tourism", page: 1 });
    expect(first.total).toBe(before.total + 22);
    expect(first.organizations).toHaveLength(20);
    expect(first.organizations.every((organization) => organization.city.slug === "ventspils" && organization.sectors.includes("tourism"))).toBe(true);
    const second = await listOrganizations({ cityId: city, sector: "tourism", page: 2 });
    expect(second.page).toBe(2);
    const ids = new Set([...first.organizations, ...second.organizations].map((organization) => organization.id));
    expect(ids.size).toBe(first.organizations.length + second.organizations.length);
    // A page past the end shows the last page.
    expect((await listOrganizations({ cityId: city, sector: "tourism", page: 999 })).page).toBe(first.pageCount);
    // No contact data in the directory either.
    expect(JSON.stringify(first)).not.toContain("hello@studio.example");

    const energy = await listOrganizations({ cityId: city, sector: "energy", page: 1 });
    expect(energy.organizations.map((organization) => organization.name)).toContain(`Energy ${tag}`);
    expect(energy.organizations.map((organization) => organization.name)).not.toContain(`Tour ${tag} 00`);
    // "energy" must not match inside another slug or value.
    const all = await listOrganizations({ page: 1, sector: "civic-tech" });
    expect(all.organizations.map((organization) => organization.name)).not.toContain(`Energy ${tag}`);
  });
});
