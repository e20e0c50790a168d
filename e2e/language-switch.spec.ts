import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

// The Romanian texts are read from the translation files (they are still being written),
// so the tests check that the page shows whatever app/locales/ro says.
function ro(key: string): string {
  const [namespace, dotted] = key.split(":");
  const file = path.join(process.cwd(), "app", "locales", "ro", `${namespace}.json`);
  let value: unknown = JSON.parse(readFileSync(file, "utf8"));
  for (const part of dotted.split(".")) value = (value as Record<string, unknown>)[part];
  if (typeof value !== "string") throw new Error(`no Romanian text for ${key}`);
  return value;
}

async function chooseRomanian(page: Page) {
  const header = page.getByRole("banner");
  await header.getByLabel("Language", { exact: true }).selectOption({ label: "Română" });
  const reload = page.waitForEvent("load");
  await header.getByRole("button", { name: "Change", exact: true }).click();
  await reload;
  await expect(page.locator("html")).toHaveAttribute("lang", "ro");
}

test("a visitor switches to Romanian in the header and the choice survives navigation", async ({ page }) => {
  test.slow(); // many pages, each scanned with axe
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);

  await chooseRomanian(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ro("cities:network.title"));
  await expect(page.getByRole("link", { name: ro("common:nav.login") })).toBeVisible();
  await expect(page.getByRole("banner").getByLabel(ro("common:language.label"), { exact: true })).toHaveValue("ro");
  await expectAccessible(page);

  // Client-side navigation…
  await page.getByRole("link", { name: ro("common:nav.login") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ro("auth:login.title"));
  await expect(page.getByLabel(ro("auth:fields.email"))).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ro");
  await expectAccessible(page);

  // …and a full page load both keep Romanian.
  await page.goto("/register");
  await expect(page.locator("html")).toHaveAttribute("lang", "ro");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ro("auth:register.title"));
  await expect(page.getByRole("button", { name: ro("auth:register.submit") })).toBeVisible();
  await expectAccessible(page);

  // A localized validation message.
  await page.getByRole("button", { name: ro("auth:register.submit") }).click();
  await expect(page.getByRole("alert").getByRole("heading", { name: ro("validation:summaryTitle") })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(ro("validation:email.required"));
  await expectAccessible(page);

  // And back to English.
  await page.getByRole("banner").getByLabel(ro("common:language.label"), { exact: true }).selectOption({ label: "English" });
  await page.getByRole("banner").getByRole("button", { name: ro("common:language.submit"), exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await expectAccessible(page);
});

test("a signed-in user's language is saved on the account and follows them to another browser", async ({ page, browser }) => {
  const user = await createUser({ displayName: "Limba Person" });
  await logIn(page, user.email, user.password);
  await page.goto("/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await chooseRomanian(page);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ro("account:profile.title"));
  await expect(page.getByRole("main").getByLabel(ro("account:profile.language"), { exact: true })).toHaveValue("ro");
  await expectAccessible(page);
  const saved = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
  expect(saved.locale).toBe("ro");

  // Log out here…
  await page.getByRole("navigation", { name: ro("common:nav.main") }).getByText("Limba Person", { exact: true }).click();
  await page.getByRole("button", { name: ro("common:nav.logout") }).click();
  await expect(page.getByRole("status")).toHaveText(ro("auth:logout.done"));
  await expect(page.locator("html")).toHaveAttribute("lang", "ro");
  await expectAccessible(page);

  // …and log in from a browser that never chose a language (English Accept-Language).
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB" });
  const fresh = await context.newPage();
  await fresh.goto("/");
  await expect(fresh.locator("html")).toHaveAttribute("lang", "en");
  await logIn(fresh, user.email, user.password);
  await expect(fresh.locator("html")).toHaveAttribute("lang", "ro");
  await fresh.goto("/account");
  await expect(fresh.locator("html")).toHaveAttribute("lang", "ro");
  await expect(fresh.getByRole("heading", { level: 1 })).toHaveText(ro("account:profile.title"));
  await expectAccessible(fresh);
  await context.close();
});

test.describe("a browser that prefers Romanian", () => {
  test.use({ locale: "ro-RO" });

  test("gets Romanian pages without choosing", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ro");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ro("cities:network.title"));
    await expect(page.getByRole("banner").getByLabel(ro("common:language.label"), { exact: true })).toHaveValue("ro");
    await expectAccessible(page);

    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ro("auth:login.title"));
    await expect(page).toHaveTitle(`${ro("auth:login.title")} – ${ro("common:siteName")}`);
    await expectAccessible(page);
  });
});
