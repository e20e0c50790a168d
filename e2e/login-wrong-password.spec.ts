import { createUser, uniqueEmail } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { errorSummary } from "./support/journeys";

const INVALID = "The email address or password is not correct.";

async function attemptLogin(page: import("@playwright/test").Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("a wrong password and an unknown email get the same error; the email is kept and the password cleared", async ({ page }) => {
  const user = await createUser();
  const unknown = uniqueEmail("nobody");

  await page.goto("/login");
  await expectAccessible(page);

  await attemptLogin(page, user.email, "not the right password 1");
  await expect(errorSummary(page)).toContainText(INVALID);
  await expect(page.getByLabel("Email address")).toHaveValue(user.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);
  const wrongPasswordText = await errorSummary(page).innerText();

  await page.goto("/login");
  await attemptLogin(page, unknown, "not the right password 1");
  await expect(errorSummary(page)).toContainText(INVALID);
  await expect(page.getByLabel("Email address")).toHaveValue(unknown);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectAccessible(page);
  expect(await errorSummary(page).innerText()).toBe(wrongPasswordText);

  // Still signed out.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("without JavaScript too, the server answers a wrong password and an unknown email identically", async ({ page }) => {
  const user = await createUser();
  const post = (email: string) =>
    page.request.post("/login", { form: { email, password: "not the right password 2" }, maxRedirects: 0 });
  const [wrong, unknown] = await Promise.all([post(user.email), post(uniqueEmail("nobody"))]);
  expect(wrong.status()).toBe(400);
  expect(unknown.status()).toBe(400);
  const [wrongHtml, unknownHtml] = await Promise.all([wrong.text(), unknown.text()]);
  expect(wrongHtml).toContain(INVALID);
  expect(unknownHtml).toContain(INVALID);
  // The typed email comes back; the password never does.
  expect(wrongHtml).toContain(`value="${user.email}"`);
  expect(wrongHtml).not.toContain("not the right password 2");
  expect(unknownHtml).not.toContain("not the right password 2");
});
