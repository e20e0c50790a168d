import { uniqueEmail } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { errorSummary } from "./support/journeys";
import { emailsTo, linkIn } from "./support/outbox";

test.use({ javaScriptEnabled: false });

test("without JavaScript a citizen registers (after fixing errors), confirms the email, logs out and logs in", async ({ page }) => {
  test.slow(); // a dozen pages, each scanned with axe (in a scriptable copy)
  const email = uniqueEmail("nojs");
  const displayName = "Fără Script";
  const password = "paper lantern orchard 31";

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page);

  // First attempt: password too short, no city, no consent. The server answers with the page.
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Display name").fill(displayName);
  await page.getByLabel("Password", { exact: true }).fill("too short");
  const refused = page.waitForResponse((res) => res.request().method() === "POST");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await refused).status()).toBe(400);

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "The password must be at least 12 characters long." })).toHaveAttribute("href", "#field-password");
  await expect(summary.getByRole("link", { name: "Choose your city." })).toHaveAttribute("href", "#field-homeCity");
  await expect(summary.getByRole("link", { name: "You need to accept the privacy notice to create an account." })).toHaveAttribute(
    "href",
    "#field-acceptPrivacy",
  );
  await expect(summary.getByRole("link")).toHaveCount(3);
  // Next to each field, tied to it for screen readers.
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Error: The password must be at least 12 characters long\./);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Your city")).toHaveAccessibleDescription("Error: Choose your city.");
  await expect(page.getByRole("checkbox", { name: /I have read and accept/ })).toHaveAccessibleDescription(
    "Error: You need to accept the privacy notice to create an account.",
  );
  // What was typed is kept, except the password.
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Display name")).toHaveValue(displayName);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Email address")).not.toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Your city").selectOption({ label: "Ventspils" });
  await page.getByRole("checkbox", { name: /I have read and accept/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("region", { name: "Email address" })).toContainText("Not confirmed yet");
  await expectAccessible(page);

  const [verification] = await emailsTo(email);
  await page.goto(linkIn(verification, "/verify-email"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status")).toHaveText("Thank you, your email address is confirmed.");
  await expect(page.getByRole("region", { name: "Email address" })).toContainText("Confirmed");
  await expectAccessible(page);

  // The account menu is a native <details>: it opens without scripts.
  await page.getByRole("navigation", { name: "Main" }).getByText(displayName, { exact: true }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status")).toHaveText("You are logged out.");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Log in" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  // Back where the login link was followed from.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(displayName, { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByText(displayName, { exact: true }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("status")).toHaveText("You are logged out.");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("without JavaScript a wrong password shows the error and keeps the email", async ({ page }) => {
  const email = uniqueEmail("nojs-login");
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("whatever it may be 12");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectAccessible(page);
});
