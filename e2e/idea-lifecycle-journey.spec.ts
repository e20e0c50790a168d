import { randomUUID } from "node:crypto";
import { publishIdeaAsModerator } from "./support/commands";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

// The whole loop of the participation core, as people live it: a citizen proposes, a
// moderator publishes, the idea shows up in lists and search, another citizen supports,
// withdraws the support and comments, and the author finally withdraws the idea — each
// step visible on its public timeline.
test("an idea goes from proposal to withdrawal, visible in lists, search and on its timeline", async ({ browser, page }) => {
  test.slow();
  const word = `ferry${randomUUID().replace(/[^a-f]/g, "").slice(0, 8)}`;
  const title = `Live ${word} timetable with delays`;
  const author = await createUser({ displayName: "Kaisa Proposer", city: "oulu" });
  const moderator = await createUser({ displayName: "Matti Moderator", roles: [{ role: "MODERATOR", city: "oulu" }] });
  const supporter = await createUser({ displayName: "Sami Supporter", city: "oulu" });

  // 1. The citizen proposes the idea.
  await logIn(page, author.email, author.password);
  await page.goto("/cities/oulu/ideas/new");
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary", { exact: true }).fill("Show departures and delays of the island ferries on one page, updated live.");
  await page.getByLabel("Description (optional)").fill("## Problem\nDelays are only announced at the pier.\n\n## Proposal\n- live map\n- SMS alerts");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Mobility" });
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Awaiting moderation").first()).toBeVisible();
  await expectAccessible(page);
  const ideaPath = new URL(page.url()).pathname;
  const idea = await testDb().idea.findFirstOrThrow({ where: { title }, select: { id: true, status: true } });
  expect(idea.status).toBe("SUBMITTED");

  // Not public yet: absent from the list and from search for everyone else.
  const visitor = await browser.newPage();
  await visitor.goto(`/cities/oulu/ideas?q=${word}`);
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
  expect((await visitor.goto(ideaPath))?.status()).toBe(404);

  // 2. A moderator publishes it (the review queue comes with moderation; the command is the same).
  await publishIdeaAsModerator(idea.id, moderator.id);

  // 3. It appears in the city list, in the city search and in the network search.
  await visitor.goto("/cities/oulu/ideas?sort=newest");
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.goto(`/cities/oulu/ideas?q=${word}`);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await visitor.goto(`/ideas?q=${encodeURIComponent(`${word} delays`)}`);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.close();

  // 4. Another citizen supports it, withdraws the support and comments.
  const other = await browser.newPage();
  await logIn(other, supporter.email, supporter.password);
  await other.goto(ideaPath);
  await other.getByRole("button", { name: /Support this idea/ }).click();
  await expect(other.getByRole("button", { name: /Withdraw my support/ })).toContainText("1 supporter");
  await expect.poll(async () => (await testDb().idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(1);
  await other.getByRole("button", { name: /Withdraw my support/ }).click();
  await expect(other.getByRole("button", { name: /Support this idea/ })).toContainText("0 supporters");
  await expect.poll(async () => (await testDb().idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(0);
  const discussion = other.getByRole("region", { name: /^Discussion/ });
  const form = discussion.locator("#comment-new");
  await form.getByLabel("Your comment").fill("Yes please — the pier screens are always wrong in winter.");
  await form.getByRole("radio", { name: "In favour" }).check();
  await form.getByRole("button", { name: "Publish comment" }).click();
  await expect(other.getByRole("article", { name: /^Comment by Sami Supporter/ })).toBeVisible();
  await expectAccessible(other);
  await other.close();

  // 5. The author withdraws the idea; it stays visible, marked, and the timeline tells the story.
  await page.goto(ideaPath);
  await page.getByText("Withdraw this idea", { exact: true }).click();
  await page.getByLabel("Why are you withdrawing it? (optional)").fill("The ferry company will build it.");
  await page.getByRole("button", { name: "Yes, withdraw this idea" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your idea was withdrawn." })).toBeVisible();
  const timeline = page.getByRole("region", { name: "What has happened so far" });
  const steps = timeline.getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Kaisa Proposer submitted the idea.");
  await expect(steps.nth(1)).toContainText("Matti Moderator published the idea.");
  await expect(steps.nth(2)).toContainText("Kaisa Proposer withdrew the idea.");
  await expect(steps.nth(2)).toContainText("Why: The ferry company will build it.");
  await expectAccessible(page);
});
