// Issue 8, items 1–2: a city admin takes an accepted idea into a pilot with a partner
// organization, a citizen signs up to test it, the admin launches it with the link to the
// live service, and a supporter hears about the launch in the app and by email. Every page
// visited passes axe.
import { randomUUID } from "node:crypto";
import { supportAs } from "./support/commands";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";
import { emailsTo } from "./support/outbox";

const CITY = "oulu";

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A published idea with a supporter, accepted by the city (the steps other journeys cover). */
async function acceptedIdea(title: string, supporterId: string) {
  const db = testDb();
  const author = await createUser({ displayName: "Aino Author", city: CITY });
  const idea = await createPublishedIdea({ authorId: author.id, city: CITY, title, summary: "Check which cycle paths were ploughed this morning." });
  expect((await supportAs(idea.id, supporterId)).ok).toBe(true);
  const start = Date.now() - 10 * 86_400_000;
  for (const [index, [from, to]] of ([["PUBLISHED", "UNDER_REVIEW"], ["UNDER_REVIEW", "ACCEPTED"]] as const).entries()) {
    await db.ideaEvent.create({ data: { ideaId: idea.id, type: "STATUS_CHANGED", fromStatus: from, toStatus: to, createdAt: new Date(start + index * 86_400_000) } });
  }
  await db.idea.update({ where: { id: idea.id }, data: { status: "ACCEPTED" } });
  return idea;
}

test("a city admin pilots an idea with a partner, a citizen tests it, the admin launches it and a supporter hears about it", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 6);
  const title = `Winter cycling map ${suffix}`;
  const serviceUrl = `https://services.oulu.example/winter-cycling-${suffix}`;
  const admin = await createUser({ displayName: "Olli Official", city: CITY, roles: [{ role: "CITY_ADMIN", city: CITY }] });
  const tester = await createUser({ displayName: "Tiina Tester", city: CITY });
  const supporter = await createUser({ displayName: "Saara Supporter", city: CITY });
  // The supporter wants launch news at once (the default is the daily digest).
  await testDb().notificationPreference.create({ data: { userId: supporter.id, kind: "SUPPORTED_IDEA_LAUNCHED", frequency: "IMMEDIATE" } });
  const cityRow = await testDb().city.findUniqueOrThrow({ where: { slug: CITY }, select: { id: true } });
  const partner = await testDb().organization.create({
    data: { slug: `pohjoinen-kartta-${suffix}`, name: `Pohjoinen Kartta ${suffix}`, cityId: cityRow.id, description: "Maps for winter cycling." },
    select: { slug: true, name: true },
  });
  const idea = await acceptedIdea(title, supporter.id);

  // The admin finds the pilot form from the idea page (not in the generic status list).
  await logIn(page, admin.email, admin.password);
  await page.goto(idea.path);
  const decision = page.getByRole("region", { name: "City decision" });
  await expect(decision).toBeVisible();
  expect(await decision.getByLabel("New status").locator("option").allTextContents()).not.toContain("Piloting");
  await page.getByRole("link", { name: "Plan a pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Plan a pilot for “${title}”` })).toBeVisible();
  await expectAccessible(page);

  // Missing plan and dates the wrong way round: errors, what was typed is kept.
  await page.getByLabel("What is tested").fill("Too short");
  await page.getByLabel("First day").fill(isoDay(5));
  await page.getByLabel("Last day").fill(isoDay(1));
  await page.getByRole("button", { name: "Start the pilot" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Describe the pilot in at least 20 characters." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Explain how residents can take part." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "The last day cannot be before the first day." })).toBeVisible();
  await expect(page.getByLabel("What is tested")).toHaveValue("Too short");
  await expectAccessible(page);

  await page.getByLabel("What is tested").fill("Ploughs in the city centre send their routes; cyclists check the map before leaving.");
  await page.getByLabel("How to take part").fill("Sign up, check the map before your morning ride and report paths that do not match.");
  await page.getByLabel("First day").fill(isoDay(0));
  await page.getByLabel("Last day").fill(isoDay(30));
  await page.getByLabel("Number of testers (optional)").fill("5");
  await page.getByRole("checkbox", { name: partner.name }).check();
  await page.getByRole("button", { name: "Start the pilot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The pilot was planned." })).toBeVisible();
  const pilot = page.getByRole("region", { name: "Pilot" });
  await expect(pilot.getByRole("link", { name: partner.name })).toHaveAttribute("href", `/organizations/${partner.slug}`);
  await expect(pilot).toContainText("0 of 5 places taken");
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText("Olli Official planned a pilot.");
  await expectAccessible(page);

  // The plan can be edited later: the form comes back filled in.
  await page.getByRole("link", { name: "Edit the pilot plan" }).click();
  await expect(page.getByLabel("Number of testers (optional)")).toHaveValue("5");
  await expect(page.getByRole("checkbox", { name: partner.name })).toBeChecked();
  await expect(page.getByLabel("Last day")).toHaveValue(isoDay(30));
  await expectAccessible(page);

  // Visitors see the pilot and are asked to log in to take part.
  await page.context().clearCookies();
  await page.goto(idea.path);
  await expect(page.getByRole("region", { name: "Pilot" }).getByRole("link", { name: "Log in to sign up as a tester." })).toHaveAttribute(
    "href",
    `/login?${new URLSearchParams({ redirectTo: idea.path })}`,
  );
  await expectAccessible(page);

  // A citizen signs up as a tester (once).
  await logIn(page, tester.email, tester.password);
  await page.goto(idea.path);
  await page.getByRole("region", { name: "Pilot" }).getByRole("button", { name: "Sign up as a tester" }).click();
  await expect(page.getByRole("status").filter({ hasText: "you are now a tester of this pilot" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pilot" })).toContainText("1 of 5 places taken");
  await expect(page.getByRole("region", { name: "Pilot" }).getByRole("button", { name: "Leave the pilot" })).toBeVisible();
  await expectAccessible(page);
  expect(await testDb().pilotTester.count({ where: { userId: tester.id, pilot: { ideaId: idea.id } } })).toBe(1);

  // The admin launches the service: a javascript: link is refused, a real one accepted.
  await page.context().clearCookies();
  await logIn(page, admin.email, admin.password);
  await page.goto(idea.path);
  await page.getByRole("link", { name: "Launch the service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Launch “${title}” as a service` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Link to the live service").fill("javascript:alert(document.cookie)");
  await page.getByRole("button", { name: "Launch the service" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a web address starting with https:// or http://.");
  await expectAccessible(page);
  expect((await testDb().idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("PILOTING");
  await page.getByLabel("Link to the live service").fill(serviceUrl);
  await page.getByRole("button", { name: "Launch the service" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The service was launched." })).toBeVisible();
  const live = page.getByRole("region", { name: "This idea is now a live service" });
  await expect(live.getByRole("link", { name: /Open the service/ })).toHaveAttribute("href", serviceUrl);
  await expect(live.getByRole("link", { name: /Open the service/ })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText("Olli Official launched the service.");
  await expectAccessible(page);

  // The supporter hears about it behind the bell and by email, with the link.
  await page.context().clearCookies();
  await logIn(page, supporter.email, supporter.password);
  await page.goto("/notifications");
  const item = page.getByRole("listitem").filter({ hasText: `An idea you supported was launched: “${title}”` });
  await expect(item).toBeVisible();
  await expect(item).toContainText(`Use it here: ${serviceUrl}`);
  await expectAccessible(page);
  // Two emails: the move to piloting (supporters follow the idea) and the launch, with its link.
  const emails = await emailsTo(supporter.email, { count: 2 });
  const launchEmail = emails.find((email) => email.subject.includes(`An idea you supported was launched: “${title}”`));
  expect(launchEmail?.text).toContain(`Use it here: ${serviceUrl}`);
  expect(emails.filter((email) => email.text.includes(serviceUrl))).toHaveLength(1);

  // The tester heard it too (in the app), once.
  expect(await testDb().notification.count({ where: { userId: tester.id, ideaId: idea.id, kind: "SUPPORTED_IDEA_LAUNCHED" } })).toBe(1);
});
