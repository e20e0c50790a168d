import type { Browser } from "@playwright/test";
import { createUser } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** A second device: its own browser context (own cookies) with a recognisable User-Agent. */
async function otherDevice(browser: Browser) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB", userAgent: FIREFOX_ON_WINDOWS });
  return { context, page: await context.newPage() };
}

test("a device signed out from the sessions page loses access on its next request", async ({ page, browser }) => {
  const user = await createUser();
  const deviceB = await otherDevice(browser);
  await logIn(page, user.email, user.password);
  await logIn(deviceB.page, user.email, user.password);

  await page.goto("/account/sessions");
  await expect(page.getByRole("heading", { level: 1, name: "Signed-in devices" })).toBeVisible();
  const sessions = page.getByRole("list", { name: "Active sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(sessions.filter({ hasText: "Firefox on Windows" })).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out (Firefox on Windows)" }).click();
  await expect(page.getByRole("status")).toHaveText("That device has been signed out.");
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText("This device");
  await expectAccessible(page);

  // Device B is sent to log in; device A carries on.
  await deviceB.page.goto("/account");
  await expect(deviceB.page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await expect(deviceB.page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expectAccessible(deviceB.page);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await deviceB.context.close();
});

test("signing out everywhere ends the sessions of every device", async ({ page, browser }) => {
  const user = await createUser();
  const deviceB = await otherDevice(browser);
  await logIn(page, user.email, user.password);
  await logIn(deviceB.page, user.email, user.password);

  await page.goto("/account/sessions");
  await expect(page.getByRole("list", { name: "Active sessions" }).getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status")).toHaveText("You have been signed out on every device.");
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await expectAccessible(page);

  for (const device of [page, deviceB.page]) {
    await device.goto("/account/sessions");
    await expect(device).toHaveURL(/\/login\?redirectTo=%2Faccount%2Fsessions$/);
  }
  await deviceB.context.close();
});
