import { supportWeight } from "../app/modules/supports/trend";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

// A city admin's working day: answers an idea, takes another one to "launched", merges two
// duplicates (their supporters counted once on the kept idea), changes the city's settings
// and reads the statistics. Every page passes axe (with and without JavaScript).
test("a city admin answers, launches, merges duplicates, changes settings and reads the statistics", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const db = testDb();
  const author = await createUser({ displayName: "Aino Author", city: "oulu" });
  const admin = await createUser({
    displayName: "Olli Official",
    roles: [
      { role: "CITY_ADMIN", city: "oulu" },
      { role: "CITY_ADMIN", city: "portalegre" },
    ],
  });
  const answered = await createPublishedIdea({
    authorId: author.id,
    title: "Library loans in the city app",
  });
  const launched = await createPublishedIdea({
    authorId: author.id,
    title: "Online building permits",
  });
  const kept = await createPublishedIdea({
    authorId: author.id,
    title: "Snow plough tracker",
  });
  const duplicate = await createPublishedIdea({
    authorId: author.id,
    title: "Where is the snow plough?",
  });
  // s1 supports both ideas, s2 only the duplicate, s3 only the kept one: 3 people in all.
  const [s1, s2, s3] = await Promise.all(
    ["Supporter One", "Supporter Two", "Supporter Three"].map((displayName) =>
      createUser({ displayName })
    )
  );
  for (const [ideaId, userId] of [
    [kept.id, s1.id],
    [duplicate.id, s1.id],
    [duplicate.id, s2.id],
    [kept.id, s3.id],
  ]) {
    // The rows the support command writes: the support with its weight, and the idea's counters.
    const weight = supportWeight();
    await db.$transaction([
      db.support.create({ data: { ideaId, userId, weight } }),
      db.idea.update({
        where: { id: ideaId },
        data: {
          supportCount: { increment: 1 },
          trendScore: { increment: weight },
        },
      }),
    ]);
  }

  await logIn(page, admin.email, admin.password);

  // The account menu leads to the city's administration.
  await page.getByText("Olli Official").click();
  await page.getByRole("link", { name: "Administration – Oulu" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Administration – Oulu" })
  ).toBeVisible();
  await expectAccessible(page);

  // 1. An official answer without a status change.
  await page.goto(answered.path);
  await page.waitForSelector("html[data-hydrated]");
  const adminPanel = page.getByRole("region", { name: "City administration" });
  await adminPanel.getByRole("button", { name: "Publish the answer" }).click();
  await expect(
    adminPanel.getByText("Write the official answer.")
  ).toBeVisible();
  await expectAccessible(page);
  const answer =
    "The library will add loans to the city app in the spring release.";
  await adminPanel.getByLabel("Official answer").fill(answer);
  await adminPanel.getByRole("button", { name: "Publish the answer" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "The official answer was published." })
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Official answer from Oulu" })
  ).toContainText(answer);
  await expect(
    page.getByRole("region", { name: "What has happened so far" })
  ).toContainText("Olli Official gave the city’s official answer.");

  // 2. Step by step to "launched".
  await page.goto(launched.path);
  const decision = page.getByRole("region", { name: "City decision" });
  for (const label of ["Under review", "Accepted"]) {
    await decision.getByLabel("New status").selectOption({ label });
    await decision.getByRole("button", { name: "Save the decision" }).click();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: "The idea's status was changed." })
    ).toBeVisible();
  }
  // Launching records the service's link: its own form (city-admin-pilots-and-launches-service.spec.ts).
  await page.getByRole("link", { name: "Launch the service" }).click();
  await page.getByLabel("Link to the live service").fill("https://services.oulu.example/launched");
  await page.getByRole("button", { name: "Launch the service" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The service was launched." })
  ).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await db.idea.findUniqueOrThrow({ where: { id: launched.id } })
        ).status
    )
    .toBe("LAUNCHED");
  await expectAccessible(page);

  // 3. Merge the duplicate into the kept idea, from the duplicate's page.
  await page.goto(duplicate.path);
  await page
    .getByRole("link", { name: "Merge this idea into another one" })
    .click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Merge duplicate ideas – Oulu",
    })
  ).toBeVisible();
  await expect(page.getByLabel("Number of the duplicate idea")).toHaveValue(
    String(duplicate.number)
  );
  await page.waitForSelector("html[data-hydrated]");
  // Into itself: refused next to the field, nothing changes.
  await page
    .getByLabel("Number of the idea to keep")
    .fill(String(duplicate.number));
  await page
    .getByLabel("Reason shown on both ideas' timelines")
    .fill("Both ask for a live map of snow ploughs.");
  await page.getByRole("button", { name: "Merge the ideas" }).click();
  await expect(
    page.getByText("An idea cannot be merged into itself.").first()
  ).toBeVisible();
  await expect(
    page.getByLabel("Reason shown on both ideas' timelines")
  ).toHaveValue("Both ask for a live map of snow ploughs.");
  await expectAccessible(page);
  await page.getByLabel("Number of the idea to keep").fill(String(kept.number));
  await page.getByRole("button", { name: "Merge the ideas" }).click();
  await expect(page).toHaveURL(kept.path);
  await expect(
    page.getByRole("status").filter({ hasText: "The ideas were merged" })
  ).toBeVisible();
  await expect(page.getByText("3 supporters").first()).toBeVisible();
  await expect(
    page.getByRole("region", { name: "What has happened so far" })
  ).toContainText("Olli Official merged a duplicate idea into this one");
  const keptRow = await db.idea.findUniqueOrThrow({
    where: { id: kept.id },
    select: { supportCount: true },
  });
  expect(keptRow.supportCount).toBe(3);
  expect(await db.support.count({ where: { ideaId: kept.id } })).toBe(3);
  await expectAccessible(page);
  // The duplicate stays readable and points to the kept idea.
  await page.goto(duplicate.path);
  await expect(
    page.getByText("This idea was merged into a similar one")
  ).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Snow plough tracker" })
  ).toHaveAttribute("href", kept.path);
  expect(
    (await db.idea.findUniqueOrThrow({ where: { id: duplicate.id } })).status
  ).toBe("MERGED");

  // 4. Settings (in Portalegre, so other journeys in Oulu keep pre-moderation).
  await page.goto("/cities/portalegre/admin/settings");
  await page.waitForSelector("html[data-hydrated]");
  await expect(
    page.getByRole("heading", { level: 1, name: "Settings – Portalegre" })
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Report threshold").fill("0");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(
    page.getByText("Enter a whole number from 1 to 100.").first()
  ).toBeVisible();
  await page.getByLabel(/^Pre-moderation/).uncheck();
  await page.getByLabel("Report threshold").fill("5");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The settings were saved." })
  ).toBeVisible();
  const portalegre = await db.city.findUniqueOrThrow({
    where: { slug: "portalegre" },
    select: { preModeration: true, reportThreshold: true },
  });
  expect(portalegre).toEqual({ preModeration: false, reportThreshold: 5 });
  await expect(page.getByLabel(/^Pre-moderation/)).not.toBeChecked();
  // Back to the defaults for the other journeys.
  await db.city.update({
    where: { slug: "portalegre" },
    data: { preModeration: true, reportThreshold: 3 },
  });

  // 5. The city's own category: added, offered when proposing an idea, then archived.
  await page.goto("/cities/oulu/admin/categories");
  await page.waitForSelector("html[data-hydrated]");
  await page.getByRole("button", { name: "Add the category" }).click();
  await expect(
    page.getByText("Enter the name in English.").first()
  ).toBeVisible();
  await expectAccessible(page);
  const categoryName = `Saunas ${Date.now().toString(36)}`;
  await page.getByLabel("Name in English").fill(categoryName);
  await page.getByLabel("Name in Romanian (optional)").fill("Saune");
  await page.getByRole("button", { name: "Add the category" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The category was added." })
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "The city's own categories" })
  ).toContainText(categoryName);
  await expectAccessible(page);
  await page.goto("/cities/oulu/ideas/new");
  await expect(
    page.getByLabel("Category").locator("option", { hasText: categoryName })
  ).toHaveCount(1);
  await page.goto("/cities/oulu/admin/categories");
  await page.getByRole("button", { name: `Archive “${categoryName}”` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The category was archived." })
  ).toBeVisible();
  await page.goto("/cities/oulu/ideas/new");
  await expect(
    page.getByLabel("Category").locator("option", { hasText: categoryName })
  ).toHaveCount(0);

  // 6. Statistics: charts with their data tables, and the CSV export.
  await page.goto("/cities/oulu/admin/statistics");
  await expect(
    page.getByRole("heading", { level: 1, name: "Statistics – Oulu" })
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Chart: Ideas by status/ })
  ).toBeVisible();
  const byStatus = page.getByRole("table", {
    name: "Ideas by status (data table)",
  });
  await expect(
    byStatus.getByRole("row", { name: /^Launched \d+$/ })
  ).toBeVisible();
  await expect(
    byStatus.getByRole("row", { name: /^Merged into another idea \d+$/ })
  ).toBeVisible();
  await expect(
    page.getByRole("table", {
      name: "Supports and comments per week (data table)",
    })
  ).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get("/cities/oulu/admin/ideas.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("Number,Title,Status");
  expect(text).toContain(`${kept.number},Snow plough tracker,Published`);

  // The audit log has every step.
  const actions = (
    await db.auditLogEntry.findMany({
      where: { actorId: admin.id },
      select: { action: true },
    })
  )
    .map((entry) => entry.action)
    .sort();
  expect(actions).toEqual([
    "category.archive",
    "category.create",
    "city.settings",
    "idea.answer",
    "idea.launch",
    "idea.merge",
    "idea.status",
    "idea.status",
    "idea.status",
  ]);
});
