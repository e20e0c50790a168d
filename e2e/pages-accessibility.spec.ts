import type { Page } from "@playwright/test";
import { networkCities } from "../app/modules/cities/cities.seed";
import { createUser } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const publicPages = [
  { path: "/", heading: /./ },
  ...networkCities.map((city) => ({ path: `/cities/${city.slug}`, heading: new RegExp(city.name) })),
  { path: "/login", heading: "Log in" },
  { path: "/register", heading: "Create an account" },
  { path: "/forgot-password", heading: "Reset your password" },
  { path: "/privacy", heading: /./ },
  { path: "/accessibility", heading: /./ },
  { path: "/terms", heading: /./ },
  { path: "/network", heading: "Across the network" },
  { path: "/network?country=FI", heading: "Across the network" },
  { path: "/network/comparison", heading: "From ideas to services in use: the eight cities side by side" },
  ...networkCities.map((city) => ({ path: `/cities/${city.slug}/services`, heading: `Digital services of ${city.name}` })),
];

const accountPages = [
  { path: "/account", heading: "Your profile" },
  { path: "/account/password", heading: "Change your password" },
  { path: "/account/sessions", heading: "Signed-in devices" },
];

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(320);
  expect(scrollWidth, `horizontal scrolling on ${page.url()}`).toBeLessThanOrEqual(320);
}

test.describe("public pages", () => {
  for (const { path, heading } of publicPages) {
    test(`${path} passes axe`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page).toHaveTitle(/CivicLoop/);
      await expectAccessible(page);
    });
  }

  test("an unknown address gets the 404 page, which passes axe", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an unknown city gets the 404 page", async ({ page }) => {
    const response = await page.goto("/cities/atlantis");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("account pages", () => {
  test("/account, /account/password and /account/sessions pass axe", async ({ page }) => {
    const user = await createUser({ roles: [{ role: "MODERATOR", city: "limerick" }] });
    await logIn(page, user.email, user.password);
    for (const { path, heading } of accountPages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectAccessible(page);
    }
    // With the account menu open too.
    await page.getByRole("navigation", { name: "Main" }).getByText(user.displayName, { exact: true }).click();
    await expect(page.getByRole("link", { name: "Moderation: Limerick" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an account whose email is not confirmed yet passes axe", async ({ page }) => {
    const user = await createUser({ verified: false });
    await logIn(page, user.email, user.password);
    await page.goto("/account");
    await expect(page.getByRole("button", { name: "Send the confirmation email again" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("at 320 CSS pixels wide (400% zoom)", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of ["/", "/cities/roquetas-de-mar", "/register", "/login", "/privacy", "/network", "/network/comparison", "/cities/oulu/services", "/no/such/page"]) {
    test(`${path} reflows without horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    });
  }

  test("the open menus and the account pages reflow without horizontal scrolling", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).locator("summary", { hasText: "Cities" }).click();
    await expect(page.getByRole("link", { name: "Roquetas de Mar" }).first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    const user = await createUser({ displayName: "A rather long display name for a small screen" });
    await logIn(page, user.email, user.password);
    for (const { path } of accountPages) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    }
    await page.getByRole("navigation", { name: "Main" }).getByText(user.displayName, { exact: true }).click();
    await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
