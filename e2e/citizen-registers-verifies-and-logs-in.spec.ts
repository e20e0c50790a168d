import { uniqueEmail } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { fillRegistration, logOutViaMenu, submitRegistration } from "./support/journeys";
import { emailsTo, linkIn } from "./support/outbox";

test("a citizen registers, confirms the email address from the link, logs out and logs in again", async ({ page }) => {
  test.slow(); // a dozen pages, each scanned with axe
  const email = uniqueEmail("citizen");
  const password = "quiet river lantern 58";
  const displayName = "Ioana Citizen";

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page);

  await fillRegistration(page, { email, displayName, password, city: "Botoșani", kind: "Citizen" });
  await submitRegistration(page);

  // Signed in straight away, with the address still to confirm.
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("We have sent you an email");
  const emailSection = page.getByRole("region", { name: "Email address" });
  await expect(emailSection).toContainText(email);
  await expect(emailSection).toContainText("Not confirmed yet");
  await expect(page.getByLabel("Your city")).toHaveValue("botosani");
  await expect(page.getByText("Account type: Citizen")).toBeVisible();
  await expectAccessible(page);

  const [verification] = await emailsTo(email);
  expect(verification.subject).not.toBe("");
  const link = linkIn(verification, "/verify-email");
  expect(link.startsWith(process.env.E2E_BASE_URL ?? "")).toBe(true);

  // Opening the link only asks for confirmation (mail scanners must not use the token up).
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my email address" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status")).toHaveText("Thank you, your email address is confirmed.");
  await expect(emailSection).toContainText("Confirmed");
  await expect(emailSection).not.toContainText("Not confirmed yet");
  await expect(emailSection.getByRole("button", { name: "Send the confirmation email again" })).toHaveCount(0);
  await expectAccessible(page);

  await logOutViaMenu(page, displayName);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  // Back to the page the login link was followed from.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(displayName)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Main" }).getByText(displayName, { exact: true }).click();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(emailSection).toContainText("Confirmed");
  await expectAccessible(page);

  await logOutViaMenu(page, displayName);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});
