// Issue 8, items 3–6: a launched service, a supporter tells the city whether they use it,
// and the figures show up on the city's services page, the city admin's absorption
// dashboard (with the CSV and the moderation of "what is missing") and the network
// comparison. Every page visited passes axe.
import { networkCities } from "../app/modules/cities/cities.seed";
import { supportAs } from "./support/commands";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

const CITY = { slug: "portalegre", name: "Portalegre" };

/** A published idea the citizen supports, then taken through review and acceptance to launch. */
async function launchedService(title: string, supporterId: string) {
  const db = testDb();
  const author = await createUser({ displayName: "Rita Author", city: CITY.slug });
  const idea = await createPublishedIdea({ authorId: author.id, city: CITY.slug, title, summary: "Book a slot at the recycling centre online." });
  expect((await supportAs(idea.id, supporterId)).ok).toBe(true);
  const steps = [
    ["PUBLISHED", "UNDER_REVIEW"],
    ["UNDER_REVIEW", "ACCEPTED"],
    ["ACCEPTED", "LAUNCHED"],
  ] as const;
  const start = Date.now() - 30 * 86_400_000;
  for (const [index, [from, to]] of steps.entries()) {
    await db.ideaEvent.create({
      data: { ideaId: idea.id, type: "STATUS_CHANGED", fromStatus: from, toStatus: to, createdAt: new Date(start + (index + 1) * 7 * 86_400_000) },
    });
  }
  await db.idea.update({
    where: { id: idea.id },
    data: { status: "LAUNCHED", launchedAt: new Date(start + 21 * 86_400_000), serviceUrl: "https://recycling.portalegre.example/book" },
  });
  return idea;
}

test("a supporter answers the adoption questions and the figures reach the services page, the dashboard and the comparison", async ({ page }) => {
  // A long journey over eight pages with axe on each: more than the default 60 s on a slow CI machine.
  test.slow();
  const unique = Date.now().toString(36);
  const title = `Recycling centre booking ${unique}`;
  // Unique per attempt: a retry must not find the first attempt's answer in the city-wide tables.
  const missing = `Reminders by text message ${unique}`;
  const supporter = await createUser({ displayName: "Sofia Supporter", city: CITY.slug });
  const admin = await createUser({ displayName: "Carla City Admin", city: CITY.slug, roles: [{ role: "CITY_ADMIN", city: CITY.slug }] });
  const idea = await launchedService(title, supporter.id);

  // The supporter finds the live service on the idea page and answers.
  await logIn(page, supporter.email, supporter.password);
  await page.goto(idea.path);
  const panel = page.getByRole("region", { name: "A live service: do people use it?" });
  await expect(panel.getByText("Nobody has answered yet.")).toBeVisible();
  // The service link sits with the launch date in the pilot panel, once per page.
  await expect(page.getByRole("link", { name: /Open the service/ })).toHaveAttribute("rel", "noopener noreferrer");
  await expectAccessible(page);
  await panel.getByRole("link", { name: "Answer three questions" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Do you use this service?" })).toBeVisible();
  await page.waitForSelector("html[data-hydrated]");
  await expectAccessible(page);
  // "Tried it" needs an ease rating: the form says so instead of saving.
  await page.getByRole("radio", { name: "I tried it" }).check();
  await page.getByRole("button", { name: "Send my answer" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Say how easy the service is to use (1 to 5)." })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("radio", { name: "I use it regularly" }).check();
  await page.getByRole("radio", { name: "4 – easy" }).check();
  await page.getByLabel("What is missing? (optional)").fill(missing);
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByText("Thank you, your answer has been saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${idea.path}$`));
  await expect(panel.getByText("1 answer", { exact: true })).toBeVisible();
  await expect(panel.getByText("Your answer: I use it regularly.")).toBeVisible();
  await expectAccessible(page);
  expect(await testDb().adoptionFeedback.count({ where: { ideaId: idea.id } })).toBe(1);

  // Editing: the form comes back filled in with the answer given.
  await panel.getByRole("link", { name: "Change my answer" }).click();
  await expect(page.getByRole("radio", { name: "I use it regularly" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "4 – easy" })).toBeChecked();
  await expect(page.getByLabel("What is missing? (optional)")).toHaveValue(missing);
  await expectAccessible(page);

  // The city's public services page: figures without names; the text awaits moderation.
  await page.goto(`/cities/${CITY.slug}/services`);
  await expect(page.getByRole("heading", { level: 1, name: `Digital services of ${CITY.name}` })).toBeVisible();
  const card = page.getByRole("article", { name: title });
  await expect(card.getByText("1 answer", { exact: true })).toBeVisible();
  await expect(card.getByRole("definition").filter({ hasText: "100%" })).toBeVisible();
  await expect(card.getByText("4.0 out of 5")).toBeVisible();
  await expect(card.getByText("from 1 rating")).toBeVisible();
  await expect(card.getByText(missing)).toHaveCount(0);
  await expect(card.getByText("Sofia Supporter")).toHaveCount(0);
  await expectAccessible(page);

  // The city admin: the dashboard with the funnel, adoption and the pending text.
  await page.context().clearCookies();
  await logIn(page, admin.email, admin.password);
  await page.goto(`/cities/${CITY.slug}/admin`);
  await page.getByRole("link", { name: "Absorption of services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `From idea to service in use – ${CITY.name}` })).toBeVisible();
  const funnel = page.getByRole("table", { name: /Funnel from submitted to launched/ });
  for (const stage of ["Submitted", "Published", "Under review", "Accepted", "Piloting", "Launched"]) {
    await expect(funnel.getByRole("rowheader", { name: stage, exact: true })).toBeVisible();
  }
  const launchedRow = funnel.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Launched", exact: true }) });
  expect(Number(await launchedRow.getByRole("cell").first().textContent())).toBeGreaterThanOrEqual(1);
  const adoption = page.getByRole("table", { name: /Adoption: supporters compared with everyone/ });
  await expect(adoption.getByRole("columnheader", { name: "Supporters of the idea" })).toBeVisible();
  await expect(page.getByRole("table", { name: "What is missing – all answers" }).getByRole("row").filter({ hasText: missing })).toContainText(
    "Awaiting moderation",
  );
  await expectAccessible(page);

  const csv = await page.request.get(`/cities/${CITY.slug}/admin/absorption.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(missing);

  // Moderation of the text, then it is public on the services page.
  await page.goto(`/cities/${CITY.slug}/moderation/feedback`);
  const item = page.getByRole("article").filter({ hasText: missing });
  await expectAccessible(page);
  await item.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("The text is now public.")).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: missing })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/cities/${CITY.slug}/services`);
  await expect(page.getByRole("article", { name: title }).getByRole("region", { name: "What people say is missing" })).toContainText(missing);

  // The network comparison: all eight cities, this one with its launched service.
  await page.goto("/network/comparison");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("From ideas to services in use: the eight cities side by side");
  const comparison = page.getByRole("table", { name: "Launched services and adoption answers, per city" });
  for (const city of networkCities) {
    await expect(comparison.getByRole("rowheader", { name: city.name, exact: true })).toBeVisible();
  }
  const row = comparison.getByRole("row").filter({ has: page.getByRole("rowheader", { name: CITY.name, exact: true }) });
  expect(Number(await row.getByRole("cell").first().textContent())).toBeGreaterThanOrEqual(1);
  await expectAccessible(page);
});

test("feedback on an idea that is not launched is refused and writes nothing", async ({ page }) => {
  const author = await createUser({ city: CITY.slug });
  const idea = await createPublishedIdea({ authorId: author.id, city: CITY.slug, title: `Not launched ${Date.now().toString(36)}` });
  const citizen = await createUser({ city: CITY.slug });
  const anonymous = await page.goto(`${idea.path}/feedback`);
  expect(anonymous?.url()).toContain(`/login?redirectTo=${encodeURIComponent(`${idea.path}/feedback`)}`);
  await logIn(page, citizen.email, citizen.password);
  const response = await page.goto(`${idea.path}/feedback`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  const posted = await page.request.post(`${idea.path}/feedback`, { form: { usage: "REGULARLY", ease: "5" } });
  expect(posted.status()).toBe(404);
  expect(await testDb().adoptionFeedback.count({ where: { ideaId: idea.id } })).toBe(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the feedback form posts natively, keeps what was typed on errors and saves", async ({ page }) => {
    const citizen = await createUser({ displayName: "Nuno No-Script", city: CITY.slug });
    const idea = await launchedService(`Bulky waste pickup ${Date.now().toString(36)}`, citizen.id);
    await logIn(page, citizen.email, citizen.password);
    await page.goto(`${idea.path}/feedback`);
    await page.getByLabel("What is missing? (optional)").fill("Evening pickups");
    await page.getByRole("button", { name: "Send my answer" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Choose whether you use the service." })).toBeVisible();
    await expect(page.getByLabel("What is missing? (optional)")).toHaveValue("Evening pickups");
    await expectAccessible(page);

    await page.getByRole("radio", { name: "I did not know it existed" }).check();
    await page.getByRole("button", { name: "Send my answer" }).click();
    await expect(page.getByText("Thank you, your answer has been saved.")).toBeVisible();
    const rows = await testDb().adoptionFeedback.findMany({ where: { ideaId: idea.id }, select: { usage: true, ease: true, missing: true, missingStatus: true } });
    expect(rows).toEqual([{ usage: "UNAWARE", ease: null, missing: "Evening pickups", missingStatus: "PENDING" }]);
  });
});
