import { randomUUID } from "node:crypto";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const DAY = 24 * 60 * 60 * 1000;
const KINDS = ["INFORMATION", "IDEATION", "SUPPORTS", "REVIEW", "RESULTS"] as const;

// Following is not only for ideas: a citizen follows a consultation (to hear about its
// phases) and an organization (to hear about its ideas), then unfollows; visitors are
// invited to log in. Plain forms: they work without JavaScript too.
test("a citizen follows and unfollows a consultation and an organization", async ({ page, browser }) => {
  const db = testDb();
  const city = await db.city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
  const start = Date.now() - 15 * DAY;
  const consultation = await db.consultation.create({
    data: {
      cityId: city.id,
      slug: `follow-${randomUUID().slice(0, 8)}`,
      title: "Which city forms should go online first?",
      question: "Which city forms should go online first?",
      status: "PUBLISHED",
      publishedAt: new Date(start),
      phases: { create: KINDS.map((kind, index) => ({ kind, startsAt: new Date(start + index * 10 * DAY), endsAt: new Date(start + (index + 1) * 10 * DAY) })) },
    },
    select: { id: true, slug: true },
  });
  const organization = await db.organization.create({
    data: { slug: `follow-org-${randomUUID().slice(0, 8)}`, name: `Polar Code ${randomUUID().slice(0, 4)}`, cityId: city.id, description: "Accessible web services." },
    select: { id: true, slug: true },
  });
  const citizen = await createUser({ displayName: "Fiona Follower", city: "oulu" });

  const pages = [
    { path: `/cities/oulu/consultations/${consultation.slug}`, target: "CONSULTATION" as const, id: consultation.id, noun: "consultation" },
    { path: `/organizations/${organization.slug}`, target: "ORGANIZATION" as const, id: organization.id, noun: "organization" },
  ];

  // A visitor is asked to log in first.
  const visitor = await browser.newContext({ locale: "en-GB" });
  const visitorPage = await visitor.newPage();
  for (const { path, noun } of pages) {
    await visitorPage.goto(path);
    await expect(visitorPage.getByRole("link", { name: `Log in to follow this ${noun}.` })).toBeVisible();
  }
  await visitor.close();

  await logIn(page, citizen.email, citizen.password);
  for (const { path, target, id, noun } of pages) {
    await page.goto(path);
    await expect(page.getByText(`Follow this ${noun} to hear`)).toBeVisible();
    await page.getByRole("button", { name: "Follow", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "You now follow this." })).toBeVisible();
    await expect(page.getByText(`You follow this ${noun}:`)).toBeVisible();
    expect(await db.follow.count({ where: { userId: citizen.id, targetType: target, targetId: id } })).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Unfollow", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "You no longer follow this." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
    expect(await db.follow.count({ where: { userId: citizen.id, targetType: target, targetId: id } })).toBe(0);
  }
});
