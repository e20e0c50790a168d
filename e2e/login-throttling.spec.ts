import { createUser } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { errorSummary } from "./support/journeys";

test("after five failed attempts on one account even the right password is refused for some minutes", async ({ page }) => {
  const user = await createUser();

  await page.goto("/login");
  await expectAccessible(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email address").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(`wrong password number ${attempt}`);
    const answered = page.waitForResponse((res) => res.request().method() === "POST" && new URL(res.url()).pathname.startsWith("/login"));
    await page.getByRole("button", { name: "Log in" }).click();
    // Each failure is answered (and counted) before the next one is made.
    expect((await answered).status()).toBe(400);
    await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    if (attempt === 1) await expectAccessible(page);
  }

  const response = page.waitForResponse((res) => res.request().method() === "POST" && new URL(res.url()).pathname.startsWith("/login"));
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  expect((await response).status()).toBe(429);

  const summary = errorSummary(page);
  await expect(summary).toContainText(/Too many failed attempts\. For your security, please wait \d+ minutes? before trying again/);
  const minutes = Number((await summary.innerText()).match(/wait (\d+) minute/)?.[1]);
  expect(minutes).toBeGreaterThanOrEqual(1);
  expect(minutes).toBeLessThanOrEqual(30);
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  await expectAccessible(page);

  // Not signed in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
