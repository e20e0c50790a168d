import type { Page } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { errorSummary } from "./support/journeys";
import { emailsTo, linkIn } from "./support/outbox";

async function requestResetLink(page: Page, email: string) {
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(email);
  const [message] = await emailsTo(email);
  return linkIn(message, "/reset-password");
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Save new password" }).click();
}

test("a forgotten password is replaced through the emailed link, which then works only once", async ({ page }) => {
  test.slow(); // many pages, each scanned with axe
  const user = await createUser({ displayName: "Reset Person" });
  const newPassword = "copper meadow violin 73";

  await page.goto("/forgot-password");
  await expectAccessible(page);
  const link = await requestResetLink(page, user.email);
  await expectAccessible(page);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);

  // Too short: refused in the browser, with the localized message.
  await choosePassword(page, "short");
  await expect(errorSummary(page)).toContainText("The password must be at least 12 characters long.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Long enough but common: refused by the server; the link still works afterwards.
  await choosePassword(page, "password1234");
  await expect(errorSummary(page)).toContainText("This password is too common and easy to guess.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  await choosePassword(page, newPassword);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. Log in with your new password.");
  await expectAccessible(page);

  // The old password no longer works; the new one does.
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
  await expectAccessible(page);
  await logIn(page, user.email, newPassword);
  await expect(page.getByRole("navigation", { name: "Main" }).getByText("Reset Person")).toBeVisible();
  await expectAccessible(page);

  // A security notice follows the change.
  await emailsTo(user.email, { count: 2 });

  // The link was used up.
  const reused = await page.goto(link);
  expect(reused?.status()).toBe(410);
  await expect(page.getByRole("alert")).toContainText("This link has already been used. Each link works only once.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Request a new reset link" })).toBeVisible();
  await expectAccessible(page);
});

test("an expired reset link shows the expired page and changes nothing", async ({ page }) => {
  const user = await createUser();
  const link = await requestResetLink(page, user.email);
  const { count } = await testDb().authToken.updateMany({
    where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  expect(count).toBe(1);

  const response = await page.goto(link);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("This link has expired.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // Posting to it directly does not work either, and the old password stays valid.
  const token = new URL(link).searchParams.get("token") ?? "";
  const post = await page.request.post("/reset-password", { form: { token, password: "granite pelican autumn 19" }, maxRedirects: 0 });
  expect(post.status()).toBe(410);
  await logIn(page, user.email, user.password);
});

test("a mangled reset link shows the invalid-link page", async ({ page }) => {
  const response = await page.goto("/reset-password?token=not-a-real-token");
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("alert")).toContainText("This link is not valid.");
  await expectAccessible(page);
});
