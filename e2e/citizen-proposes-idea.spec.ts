import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";
import { errorSummary } from "./support/journeys";

/** A word no other test uses, so "similar ideas" are predictable. */
function uniqueWord() {
  return `tram${randomUUID().replace(/[^a-f]/g, "").slice(0, 8)}`;
}

const SUCCESS = "Your idea was sent; moderators will review it before it is public.";

async function fillIdea(page: Page, input: { title: string; summary: string; body: string; category?: string }) {
  await page.getByLabel("Title", { exact: true }).fill(input.title);
  await page.getByLabel("Summary", { exact: true }).fill(input.summary);
  await page.getByLabel("Description (optional)").fill(input.body);
  await page.getByLabel("Category", { exact: true }).selectOption({ label: input.category ?? "Mobility" });
}

test("a citizen proposes an idea with live preview and similar ideas (with JavaScript)", async ({ page }) => {
  const word = uniqueWord();
  const author = await createUser({ displayName: "Olli Author" });
  const existing = await createPublishedIdea({ authorId: author.id, title: `Real-time ${word} arrival screens` });
  await createPublishedIdea({ authorId: author.id, title: `Pending ${word} idea`, status: "SUBMITTED" });
  const citizen = await createUser({ displayName: "Pia Proposer" });

  // Anonymous visitors are sent to log in and come back.
  await page.goto("/cities/oulu/ideas/new");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcities%2Foulu%2Fideas%2Fnew/);
  await logIn(page, citizen.email, citizen.password);
  await page.goto("/cities/oulu/ideas/new");
  await expect(page.getByRole("heading", { level: 1, name: "Propose an idea" })).toBeVisible();
  // Similar ideas are fetched by the page's script: type once it runs.
  await page.waitForSelector("html[data-hydrated]");

  await page.getByLabel("Title", { exact: true }).fill(`Next ${word} departures on my phone`);
  const similar = page.getByRole("region", { name: "Similar ideas" });
  // Other journeys share the database: at least this one, and never the pending one.
  await expect(similar.getByRole("status")).toHaveText(/^\d+ similar ideas?$/);
  await expect(similar.getByRole("link", { name: new RegExp(`Real-time ${word} arrival screens`) })).toHaveAttribute("href", existing.path);
  await expect(similar).not.toContainText("Pending");

  await page.getByLabel("Summary", { exact: true }).fill("Show the next tram departures for every stop on a phone, updated live.");
  await page.getByLabel("Description (optional)").fill("# Why\n\nPeople wait **in the cold**. <script>alert(1)</script>");
  const preview = page.getByRole("region", { name: "Preview of the description" });
  await expect(preview.getByRole("heading", { level: 3, name: "Why" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("in the cold");
  await expect(preview).toContainText("<script>alert(1)</script>");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Mobility" });
  await expectAccessible(page);

  // Client-side validation first, then a successful submission.
  await page.getByLabel("Title", { exact: true }).fill("Too short");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(errorSummary(page)).toContainText("The title must be at least 10 characters long.");
  await page.getByLabel("Title", { exact: true }).fill(`Next ${word} departures on my phone`);
  await page.getByRole("button", { name: "Send for review" }).click();

  await expect(page).toHaveURL(/\/cities\/oulu\/ideas\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: SUCCESS })).toBeVisible();
  const number = Number(new URL(page.url()).pathname.split("/").pop());
  const idea = await testDb().idea.findUniqueOrThrow({ where: { number }, select: { status: true, title: true, language: true } });
  expect(idea).toEqual({ status: "SUBMITTED", title: `Next ${word} departures on my phone`, language: "en" });
});

test("the author edits the idea until someone supports it", async ({ page }) => {
  const word = uniqueWord();
  const author = await createUser({ displayName: "Eero Editor" });
  const idea = await createPublishedIdea({ authorId: author.id, title: `Parking ${word} permits online`, status: "SUBMITTED" });
  await logIn(page, author.email, author.password);

  await page.goto(`${idea.path}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit your idea" })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Parking ${word} permits online`);
  await expect(page.getByRole("region", { name: "Preview of the description" }).getByRole("heading", { level: 4, name: "Why" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title", { exact: true }).fill(`Resident ${word} parking permits online`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${idea.path}$`));
  await expect(page.getByRole("status").filter({ hasText: "Your changes were saved." })).toBeVisible();

  // Once someone supports it, the text stays as they supported it.
  await testDb().idea.update({ where: { id: idea.id }, data: { supportCount: 1 } });
  await page.goto(`${idea.path}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "This idea can no longer be edited" })).toBeVisible();
  await expect(page.getByText("The idea can no longer be edited because people have supported or commented on it.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen checks similar ideas, previews and submits through plain form posts", async ({ page }) => {
    const word = uniqueWord();
    const author = await createUser();
    await createPublishedIdea({ authorId: author.id, title: `Online ${word} season passes` });
    const citizen = await createUser({ displayName: "Noora No-Script" });
    await logIn(page, citizen.email, citizen.password);
    await page.goto("/cities/oulu/ideas/new");

    const title = `Buy ${word} tickets without queueing`;
    await fillIdea(page, { title, summary: "Buy and renew season tickets online instead of at the kiosk.", body: "## Plan\n\n- pay online\n- show a QR code" });
    await page.getByRole("button", { name: "Check for similar ideas" }).click();
    const similar = page.getByRole("region", { name: "Similar ideas" });
    await expect(similar.getByRole("status")).toHaveText(/^\d+ similar ideas?$/);
    await expect(similar.getByRole("link", { name: new RegExp(`Online ${word} season passes`) })).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);

    await page.getByRole("button", { name: "Preview description" }).click();
    const preview = page.getByRole("region", { name: "Preview of the description" });
    await expect(preview.getByRole("heading", { level: 4, name: "Plan" })).toBeVisible();
    await expect(preview.getByRole("listitem")).toHaveText(["pay online", "show a QR code"]);
    await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("Buy and renew season tickets online instead of at the kiosk.");
    await expect(page.getByLabel("Description (optional)")).toHaveValue("## Plan\n\n- pay online\n- show a QR code");
    await expect(page.getByLabel("Category", { exact: true })).toHaveValue("mobility");
    await expectAccessible(page);

    // The server validates too: a short summary comes back with the error and the values.
    await page.getByLabel("Summary", { exact: true }).fill("Too short");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(errorSummary(page)).toContainText("The summary must be at least 20 characters long.");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);

    await page.getByLabel("Summary", { exact: true }).fill("Buy and renew season tickets online instead of at the kiosk.");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page).toHaveURL(/\/cities\/oulu\/ideas\/\d+$/);
    await expect(page.getByRole("status").filter({ hasText: SUCCESS })).toBeVisible();
  });
});
