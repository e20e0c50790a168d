import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

// A moderator suspends an abusive account: the person is signed out at once, cannot log
// in and sees why; the audit log records it; the moderator lifts the suspension.
test("a moderator suspends a user who is logged out at once and cannot log in", async ({ browser, page }) => {
  test.setTimeout(120_000); // several people, each page scanned with axe
  const target = await createUser({ displayName: "Sami Spammer", city: "oulu" });
  const moderator = await createUser({ displayName: "Maija Moderator", roles: [{ role: "MODERATOR", city: "oulu" }] });
  const idea = await createPublishedIdea({ authorId: target.id, title: "Buy cheap watches here" });
  const reason = "Repeated advertising in ideas and comments.";

  // The person is signed in elsewhere.
  const targetContext = await browser.newContext({ locale: "en-GB" });
  const targetPage = await targetContext.newPage();
  await logIn(targetPage, target.email, target.password);
  await targetPage.goto(idea.path);
  await expect(targetPage.getByRole("link", { name: "Log in", exact: true })).toHaveCount(0);

  await logIn(page, moderator.email, moderator.password);
  await page.goto(idea.path);
  await page.getByRole("link", { name: "Moderation page of Sami Spammer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account of Sami Spammer" })).toBeVisible();
  await expectAccessible(page);
  // A reason is required.
  await page.getByRole("button", { name: "Suspend the account" }).click();
  await expect(page.getByText("Give the reason the person will see.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("For how long").selectOption({ label: "7 days" });
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Suspend the account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The account is suspended and signed out everywhere." })).toBeVisible();
  await expect(page.getByText(/Suspended until/)).toBeVisible();
  expect(await testDb().session.count({ where: { userId: target.id } })).toBe(0);

  // Signed out at once: the next page is anonymous; logging in is refused with the reason.
  await targetPage.reload();
  await expect(targetPage.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
  await targetPage.goto("/login");
  await targetPage.getByLabel("Email address").fill(target.email);
  await targetPage.getByLabel("Password", { exact: true }).fill(target.password);
  await targetPage.getByRole("button", { name: "Log in" }).click();
  await expect(targetPage.getByText(/This account is suspended until/)).toBeVisible();
  await expect(targetPage.getByText(reason)).toBeVisible();
  await expectAccessible(targetPage);
  await targetContext.close();

  await page.getByRole("link", { name: "Audit log" }).click();
  const row = page.getByRole("table").getByRole("row").filter({ hasText: "Suspended an account" });
  await expect(row).toContainText("Maija Moderator");
  await expect(row).toContainText("Sami Spammer");
  await expect(row).toContainText(reason);
  await expectAccessible(page);

  await page.goto(`/cities/oulu/moderation/users/${target.id}`);
  await page.getByRole("button", { name: "Lift the suspension" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The suspension was lifted." })).toBeVisible();
  await page.goto("/cities/oulu/moderation/audit");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Lifted a suspension" })).toContainText("Maija Moderator");
});
