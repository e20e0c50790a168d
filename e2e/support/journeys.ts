// Small building blocks shared by the journeys (filling the registration form, using
// the account menu in the header).
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Registration = {
  email: string;
  displayName: string;
  password: string;
  city?: string;
  kind?: "Citizen" | "Entrepreneur";
  acceptPrivacy?: boolean;
};

/** Fills the registration form on /register (does not submit). */
export async function fillRegistration(page: Page, input: Registration) {
  await page.getByLabel("Email address").fill(input.email);
  await page.getByLabel("Display name").fill(input.displayName);
  await page.getByLabel("Password", { exact: true }).fill(input.password);
  if (input.city !== undefined) await page.getByLabel("Your city").selectOption({ label: input.city });
  await page.getByRole("radio", { name: input.kind ?? "Citizen" }).check();
  if (input.acceptPrivacy ?? true) await page.getByRole("checkbox", { name: /I have read and accept/ }).check();
}

export async function submitRegistration(page: Page) {
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Opens the account menu in the header (a <details> disclosure) and logs out. */
export async function logOutViaMenu(page: Page, displayName: string) {
  await page.getByRole("navigation", { name: "Main" }).getByText(displayName, { exact: true }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are logged out." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
}

/** The error summary at the top of a form. */
export function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
}
