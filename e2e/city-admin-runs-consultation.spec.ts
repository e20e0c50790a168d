import { randomUUID } from "node:crypto";
import { utcToZonedLocal } from "../app/modules/consultations/timezone";
import { createUser } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const DAY = 24 * 60 * 60 * 1000;
const PHASES = ["Information", "Ideation", "Supports", "Review", "Results"] as const;

/** Five 10-day phases in Oulu time, the ideation phase running now. */
function ouluPhaseBounds(now = Date.now()) {
  const first = now - 15 * DAY;
  return Array.from({ length: 6 }, (_, index) => utcToZonedLocal(new Date(first + index * 10 * DAY), "Europe/Helsinki").slice(0, 16));
}

test("a city admin creates a consultation with five phases, fixes a time lost to the clock change, and publishes it", async ({ page }) => {
  const admin = await createUser({ roles: [{ role: "CITY_ADMIN", city: "oulu" }] });
  await logIn(page, admin.email, admin.password);
  await page.goto("/cities/oulu/consultations");
  await page.getByRole("link", { name: "New consultation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New consultation" })).toBeVisible();
  await expect(page.getByText("Enter every date and time in Oulu time (Europe/Helsinki)")).toBeVisible();

  const title = `Paying for parking with your phone ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Question").fill("How should parking payment go digital?");
  await page.getByLabel("Summary").fill("The city will replace its parking meters. Tell us how paying should work.");
  await page.getByLabel("Category (optional)").selectOption({ label: "Mobility" });
  await page.getByLabel("Supports per person (optional)").fill("3");
  const bounds = ouluPhaseBounds();
  for (const [index, phase] of PHASES.entries()) {
    await page.getByLabel(`${phase} starts`).fill(bounds[index]);
    await page.getByLabel(`${phase} ends`).fill(bounds[index + 1]);
  }
  // 03:30 on 29 March 2026 does not exist in Helsinki (clocks go from 03:00 to 04:00).
  await page.getByLabel("Results ends").fill("2026-03-29T03:30");
  await page.getByRole("button", { name: "Save as draft" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: /Results phase end: This time does not exist in Europe\/Helsinki/ })).toBeVisible();
  await expect(page.getByLabel("Results ends")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Results ends").fill(bounds[5]);
  await page.getByRole("button", { name: "Save as draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const draft = page.getByRole("region", { name: "Draft" });
  await expect(draft).toBeVisible();
  const timeline = page.getByRole("region", { name: "Phases" });
  await expect(timeline.getByRole("listitem")).toHaveCount(5);
  await expect(timeline.locator('[aria-current="step"]')).toContainText("Ideation");
  await expectAccessible(page);

  await draft.getByRole("button", { name: "Publish the consultation" }).click();
  await expect(page.getByText("The consultation is published.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Draft" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Propose an idea for this consultation" })).toBeVisible();
  await expect(page.getByText(/Supports open on .* \(Oulu time\)\./)).toBeVisible();
  await expect(page.getByText("Each person can support up to 3 ideas in this consultation.").or(page.getByText("3 of 3 supports left"))).toBeVisible();
  await expectAccessible(page);

  // Everyone sees it in the city's list and the network list.
  await page.goto("/consultations?city=oulu");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
});

test("the public does not see drafts", async ({ page }) => {
  const response = await page.goto("/cities/oulu/consultations/no-such-consultation");
  expect(response?.status()).toBe(404);
});
