import { afterEach, describe, expect, it } from "vitest";
import { createIdea, createUser } from "~/testing/factories";
import { createOrganization } from "~/testing/participation-factories";
import { db } from "~/utils/db.server";
import { saveAdoptionFeedback } from "./feedback.server";
import { adoptionPanelFor, listCityServices, safeServiceUrl } from "./services.server";

const createdCities: string[] = [];

// Cities made for a test are removed afterwards: other test files count the network's cities.
afterEach(async () => {
  const ids = createdCities.splice(0);
  if (ids.length === 0) return;
  await db.idea.deleteMany({ where: { cityId: { in: ids } } });
  await db.organization.deleteMany({ where: { cityId: { in: ids } } });
  await db.city.deleteMany({ where: { id: { in: ids } } });
});

async function ownCity() {
  const slug = `services-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const city = await db.city.create({ data: { slug, name: "Servicetown", countryCode: "PT", defaultLocale: "pt", timeZone: "Europe/Lisbon" }, select: { id: true } });
  createdCities.push(city.id);
  return { slug, id: city.id };
}

describe("a city's digital services", () => {
  it("lists public piloting and launched ideas with their dates, visible partners, safe link and figures", async () => {
    const city = await ownCity();
    const launched = await createIdea({ citySlug: city.slug, title: "Parking app" });
    const piloting = await createIdea({ citySlug: city.slug, title: "Library lockers" });
    const hidden = await createIdea({ citySlug: city.slug, title: "Hidden service" });
    const accepted = await createIdea({ citySlug: city.slug, title: "Only accepted" });
    const accept = new Date(Date.UTC(2026, 2, 1));
    await db.ideaEvent.create({ data: { ideaId: launched.id, type: "STATUS_CHANGED", fromStatus: "UNDER_REVIEW", toStatus: "ACCEPTED", createdAt: accept } });
    await db.idea.update({ where: { id: launched.id }, data: { status: "LAUNCHED", launchedAt: new Date(Date.UTC(2026, 5, 1)), serviceUrl: "https://parking.example/" } });
    // A launch link that is not http(s) is never rendered, whatever got stored.
    await db.idea.update({ where: { id: piloting.id }, data: { status: "PILOTING", serviceUrl: "javascript:alert(1)" } });
    await db.idea.update({ where: { id: hidden.id }, data: { status: "LAUNCHED", hiddenAt: new Date(), hiddenReason: "spam" } });
    await db.idea.update({ where: { id: accepted.id }, data: { status: "ACCEPTED" } });

    const partner = await createOrganization({ citySlug: city.slug, name: "Byte Works Lisboa" });
    const hiddenPartner = await createOrganization({ citySlug: city.slug, name: "Hidden Partner" });
    await db.organization.update({ where: { id: hiddenPartner.id }, data: { hiddenAt: new Date() } });
    await db.pilot.create({
      data: {
        ideaId: piloting.id,
        plan: "Lockers at two libraries",
        startsAt: new Date(Date.UTC(2026, 6, 1)),
        endsAt: new Date(Date.UTC(2026, 8, 30)),
        partners: { create: [{ organizationId: partner.id }, { organizationId: hiddenPartner.id }] },
      },
    });
    const person = await createUser();
    await saveAdoptionFeedback({ ideaId: launched.id, userId: person.id, answer: { usage: "TRIED", ease: 4, missing: "Pending text" } });

    const services = await listCityServices(city.id);
    expect(services.map((service) => service.title)).toEqual(["Parking app", "Library lockers"]);
    const [parking, lockers] = services;
    expect(parking).toMatchObject({
      status: "LAUNCHED",
      serviceUrl: "https://parking.example/",
      dates: { accepted: accept.toISOString(), launched: "2026-06-01T00:00:00.000Z", pilotStarts: null },
      partners: [],
      figures: { answers: 1, byUsage: { TRIED: 1 }, averageEase: 4, easeAnswers: 1 },
      // Not moderated yet: not public.
      missing: [],
    });
    expect(lockers).toMatchObject({
      status: "PILOTING",
      serviceUrl: null,
      dates: { pilotStarts: "2026-07-01T00:00:00.000Z", pilotEnds: "2026-09-30T00:00:00.000Z", launched: null },
      partners: [{ slug: partner.slug, name: "Byte Works Lisboa" }],
    });

    const panel = await adoptionPanelFor({ id: launched.id, number: launched.number, status: "LAUNCHED", hidden: false, citySlug: city.slug }, { id: person.id, roles: [] });
    expect(panel).toMatchObject({ serviceUrl: "https://parking.example/", own: { usage: "TRIED", ease: 4 }, feedbackPath: `/cities/${city.slug}/ideas/${launched.number}/feedback` });
    expect(await adoptionPanelFor({ id: piloting.id, number: piloting.number, status: "PILOTING", hidden: false, citySlug: city.slug }, null)).toBeNull();
  });

  it("only renders http and https links", () => {
    expect(safeServiceUrl("https://service.example/path?q=1")).toBe("https://service.example/path?q=1");
    expect(safeServiceUrl("http://service.example/")).toBe("http://service.example/");
    expect(safeServiceUrl("javascript:alert(1)")).toBeNull();
    expect(safeServiceUrl("data:text/html,hi")).toBeNull();
    expect(safeServiceUrl("not a url")).toBeNull();
    expect(safeServiceUrl(null)).toBeNull();
  });
});
