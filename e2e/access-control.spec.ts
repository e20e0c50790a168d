import type { Page } from "@playwright/test";
import { createUser, type TestRole } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const DESK = "/cities/botosani/moderation";

async function signedInAs(page: Page, roles: TestRole[], displayName = "Staff Person") {
  const user = await createUser({ roles, displayName });
  await logIn(page, user.email, user.password);
  return user;
}

async function expectForbidden(page: Page) {
  const response = await page.goto(DESK);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByText("Error 403")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Ideas awaiting review/ })).toHaveCount(0);
  await expectAccessible(page);
}

async function expectDesk(page: Page) {
  const response = await page.goto(DESK);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Ideas awaiting review in Botoșani" })).toBeVisible();
  await expect(page.getByRole("table", { name: "People with a role in Botoșani" })).toBeVisible();
  await expectAccessible(page);
}

test("an anonymous visitor is sent to log in, and comes back to the desk afterwards", async ({ page }) => {
  await page.goto(DESK);
  await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(DESK)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expectAccessible(page);

  const moderator = await createUser({ roles: [{ role: "MODERATOR", city: "botosani" }] });
  await page.getByLabel("Email address").fill(moderator.email);
  await page.getByLabel("Password", { exact: true }).fill(moderator.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(DESK);
  await expect(page.getByRole("heading", { level: 1, name: "Ideas awaiting review in Botoșani" })).toBeVisible();
  await expectAccessible(page);
});

test("a citizen without a role gets the 403 page", async ({ page }) => {
  await signedInAs(page, []);
  await expectForbidden(page);
});

test("a moderator of the city sees the moderation desk and is listed on its team", async ({ page }) => {
  await signedInAs(page, [{ role: "MODERATOR", city: "botosani" }], "Botoșani Moderator");
  await expectDesk(page);
  await expect(page.getByRole("row", { name: "Botoșani Moderator Moderator" })).toBeVisible();
});

test("a moderator of another city gets the 403 page", async ({ page }) => {
  await signedInAs(page, [{ role: "MODERATOR", city: "oulu" }]);
  await expectForbidden(page);
});

test("a network administrator sees every city's desk", async ({ page }) => {
  await signedInAs(page, [{ role: "NETWORK_ADMIN" }]);
  await expectDesk(page);
});
