import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

// Three citizens report an abusive comment: at the city's threshold (3) it is hidden
// automatically; a moderator reviews the reports and restores it. Reporting twice is a
// friendly no-op. The audit log shows the automatic hiding and the restoration.
test("three citizens report a comment, it is hidden, then a moderator restores it", async ({ browser, page }) => {
  test.setTimeout(120_000); // several people, each page scanned with axe
  const db = testDb();
  const oulu = await db.city.findUniqueOrThrow({ where: { slug: "oulu" } });
  await db.city.update({ where: { id: oulu.id }, data: { reportThreshold: 3 } });
  const author = await createUser({ displayName: "Ilona Idea", city: "oulu" });
  const troll = await createUser({ displayName: "Tapio Troll", city: "oulu" });
  const moderator = await createUser({ displayName: "Mari Moderator", roles: [{ role: "MODERATOR", city: "oulu" }] });
  const idea = await createPublishedIdea({ authorId: author.id, title: "Open data on parking spaces" });
  const text = "Whoever wrote this idea is an idiot and should move away.";
  await db.comment.create({ data: { ideaId: idea.id, authorId: troll.id, body: text } });
  await db.idea.update({ where: { id: idea.id }, data: { commentCount: 1 } });

  const citizens = [
    await createUser({ displayName: "Citizen One" }),
    await createUser({ displayName: "Citizen Two" }),
    await createUser({ displayName: "Citizen Three" }),
  ];
  for (const [index, citizen] of citizens.entries()) {
    const context = await browser.newContext({ locale: "en-GB" });
    const citizenPage = await context.newPage();
    await logIn(citizenPage, citizen.email, citizen.password);
    await citizenPage.goto(idea.path);
    await citizenPage.getByRole("link", { name: "Report the comment by Tapio Troll" }).click();
    await expect(citizenPage.getByRole("heading", { level: 1, name: "Report to the moderators" })).toBeVisible();
    await expect(citizenPage.getByText(text)).toBeVisible();
    if (index === 0) {
      // No reason chosen: refused with the error listed at the top.
      await citizenPage.getByRole("button", { name: "Send the report" }).click();
      await expect(citizenPage.getByRole("alert")).toContainText("Choose what is wrong.");
      await expectAccessible(citizenPage);
    }
    await citizenPage.getByLabel("Offensive or abusive").check();
    await citizenPage.getByLabel("Details (optional)").fill("Insults the author.");
    await citizenPage.getByRole("button", { name: "Send the report" }).click();
    await expect(citizenPage.getByRole("status").filter({ hasText: "Thank you: the moderators will look at your report." })).toBeVisible();
    if (index === 0) {
      // Reporting again counts once, with a friendly message.
      await citizenPage.getByRole("link", { name: "Report the comment by Tapio Troll" }).click();
      await citizenPage.getByLabel("Spam or advertising").check();
      await citizenPage.getByRole("button", { name: "Send the report" }).click();
      await expect(citizenPage.getByRole("status").filter({ hasText: "You have already reported this" })).toBeVisible();
      await expectAccessible(citizenPage);
    }
    if (index === 1) {
      // The commenter's account can be reported too, from the comment (the link names who).
      await citizenPage.goto(idea.path);
      await citizenPage.getByRole("link", { name: "Report Tapio Troll" }).click();
      await expect(citizenPage.getByRole("heading", { level: 2, name: "Account: Tapio Troll" })).toBeVisible();
      await citizenPage.getByLabel("Offensive or abusive").check();
      await citizenPage.getByRole("button", { name: "Send the report" }).click();
      await expect(citizenPage.getByRole("status").filter({ hasText: "Thank you: the moderators will look at your report." })).toBeVisible();
      // Back where the comment is.
      await expect(citizenPage).toHaveURL(/\/comments\//);
      await expectAccessible(citizenPage);
    }
    if (index === 2) {
      await citizenPage.goto(idea.path);
      await expect(citizenPage.getByText("Hidden after several reports until a moderator decides.")).toBeVisible();
      await expect(citizenPage.getByText(text)).toHaveCount(0);
      await expectAccessible(citizenPage);
    }
    await context.close();
  }
  expect(await db.report.count({ where: { targetType: "COMMENT", reporterId: { in: citizens.map((citizen) => citizen.id) } } })).toBe(3);
  expect(await db.report.findFirst({ where: { targetType: "USER", targetId: troll.id }, select: { cityId: true, reporterId: true } })).toEqual({
    cityId: oulu.id,
    reporterId: citizens[1].id,
  });

  await logIn(page, moderator.email, moderator.password);
  await page.goto("/cities/oulu/moderation/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reported content in Oulu" })).toBeVisible();
  const item = page.getByRole("article", { name: /Comment: Open data on parking spaces/ });
  await expect(item).toContainText("3 open reports");
  await expect(item).toContainText("Offensive or abusive: 3");
  await expect(item).toContainText(text);
  await expect(item).toContainText("Hidden after several reports until a moderator decides.");
  await expectAccessible(page);
  await item.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The item is visible again." })).toBeVisible();
  await expect(item).toHaveCount(0);
  // The report on the commenter's account waits for its own decision.
  await expect(page.getByRole("article", { name: /Account: Tapio Troll/ })).toContainText("1 open report");

  await page.goto(idea.path);
  await expect(page.getByText(text)).toBeVisible();

  await page.goto("/cities/oulu/moderation/audit");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "Comment hidden after reports" })).toContainText("Automatic");
  await expect(rows.filter({ hasText: "Restored a comment" })).toContainText("Mari Moderator");
  await expectAccessible(page);
});

// A hidden idea's address tells visitors why it is hidden, and nothing it said.
test("a hidden idea shows visitors the public reason, without its title or text", async ({ page }) => {
  const db = testDb();
  const author = await createUser({ displayName: "Henna Hidden", city: "oulu" });
  const idea = await createPublishedIdea({ authorId: author.id, title: "Buy cheap watches at example dot com" });
  await db.idea.update({ where: { id: idea.id }, data: { hiddenAt: new Date(), hiddenReason: "Advertising" } });
  const response = await page.goto(idea.path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Hidden idea" })).toBeVisible();
  await expect(page.getByText("Hidden by moderation: Advertising")).toBeVisible();
  await expect(page.getByText("Buy cheap watches")).toHaveCount(0);
  // No actions and no discussion on it.
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Comments/ })).toHaveCount(0);
  await expectAccessible(page);
});
