import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const DAY = 24 * 60 * 60 * 1000;
const KINDS = ["INFORMATION", "IDEATION", "SUPPORTS", "REVIEW", "RESULTS"] as const;

/** A published consultation in Oulu (in its ideation phase) with two partners and a participant, inserted directly. */
async function consultationWithPartners() {
  const db = testDb();
  const city = await db.city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
  const suffix = randomUUID().slice(0, 8);
  const start = Date.now() - 15 * DAY;
  const consultation = await db.consultation.create({
    data: {
      cityId: city.id,
      slug: `parking-${suffix}`,
      title: "How should parking payment go digital?",
      status: "PUBLISHED",
      publishedAt: new Date(),
      phases: { create: KINDS.map((kind, index) => ({ kind, startsAt: new Date(start + index * 10 * DAY), endsAt: new Date(start + (index + 1) * 10 * DAY) })) },
    },
    select: { id: true, slug: true },
  });
  const partner = async (name: string, email: string, shareContact: boolean, statement: string) => {
    const person = await createUser({ kind: "ENTREPRENEUR", displayName: `${name} Owner` });
    const organization = await db.organization.create({
      data: {
        slug: `org-${randomUUID().slice(0, 8)}`,
        name,
        cityId: city.id,
        website: "https://example.org",
        sectors: ["software"],
        contactEmail: email,
        contactPhone: "+358 40 000 0000",
        members: { create: [{ userId: person.id, role: "OWNER" }] },
      },
      select: { id: true },
    });
    await db.consultationParticipant.create({
      data: { consultationId: consultation.id, userId: person.id, role: "SOLUTION_PARTNER", organizationId: organization.id, statement, shareContact },
    });
  };
  await partner(`Sharing Apps ${suffix}`, `share-${suffix}@example.org`, true, "We build payment apps, and we could run a pilot.");
  await partner(`=Private Oy ${suffix}`, `secret-${suffix}@example.org`, false, "Accessibility audits for public services.");
  const citizen = await createUser({ displayName: "Aino Citizen" });
  await db.consultationParticipant.create({ data: { consultationId: consultation.id, userId: citizen.id } });
  return { ...consultation, suffix, path: `/cities/oulu/consultations/${consultation.slug}` };
}

test("a city admin sees who joined and downloads the partner list, with contact data only where it was shared", async ({ page }) => {
  const consultation = await consultationWithPartners();
  const admin = await createUser({ roles: [{ role: "CITY_ADMIN", city: "oulu" }] });
  await logIn(page, admin.email, admin.password);

  const response = await page.goto(`${consultation.path}/participants`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Participants" })).toBeVisible();
  await expect(page.getByRole("table", { name: "People who joined, oldest first" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Aino Citizen Citizen Participant/ })).toBeVisible();
  const sharing = page.getByRole("article", { name: `Sharing Apps ${consultation.suffix}` });
  await expect(sharing.getByText(`share-${consultation.suffix}@example.org`)).toBeVisible();
  const private_ = page.getByRole("article", { name: `=Private Oy ${consultation.suffix}` });
  await expect(private_.getByText("Not shared")).toBeVisible();
  await expect(page.getByText(`secret-${consultation.suffix}@example.org`)).toHaveCount(0);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the partner list (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe(`partners-oulu-${consultation.slug}.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Organization,Website,City,Sectors,Statement,Joined at,Contact email,Contact phone");
  expect(lines[1]).toContain(`share-${consultation.suffix}@example.org`);
  expect(lines[2].startsWith(`'=Private Oy ${consultation.suffix}`)).toBe(true);
  expect(csv).not.toContain(`secret-${consultation.suffix}@example.org`);
});

test("an admin of another city gets 403 for the list and the export", async ({ page }) => {
  const consultation = await consultationWithPartners();
  const admin = await createUser({ roles: [{ role: "CITY_ADMIN", city: "messina" }] });
  await logIn(page, admin.email, admin.password);
  expect((await page.goto(`${consultation.path}/participants`))?.status()).toBe(403);
  await expectAccessible(page);
  expect((await page.request.get(`${consultation.path}/partners.csv`)).status()).toBe(403);
});
