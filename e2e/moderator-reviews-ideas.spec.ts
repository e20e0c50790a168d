import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";
import { emailsTo } from "./support/outbox";

// A moderator works through the review queue: publishes one idea, rejects another with a
// reason from the list and an explanation; the author sees both decisions on the ideas'
// pages, and the audit log shows every step.
test("a moderator publishes one idea and rejects another with a reason; the author sees it", async ({ browser, page }) => {
  test.setTimeout(120_000); // several people, each page scanned with axe
  const author = await createUser({ displayName: "Aino Author", city: "oulu" });
  const moderator = await createUser({ displayName: "Mikko Moderator", roles: [{ role: "MODERATOR", city: "oulu" }] });
  const good = await createPublishedIdea({ authorId: author.id, status: "SUBMITTED", title: "Live snow-plough map" });
  const offTopic = await createPublishedIdea({ authorId: author.id, status: "SUBMITTED", title: "Repaint the town hall" });
  const explanation = "Painting buildings is not a digital public service; please propose it to the city council.";

  await logIn(page, moderator.email, moderator.password);
  await page.goto("/cities/oulu/moderation");
  await expect(page.getByRole("heading", { level: 1, name: "Ideas awaiting review in Oulu" })).toBeVisible();
  const queue = page.getByRole("list", { name: "Ideas awaiting review" });
  const goodCard = queue.getByRole("article", { name: "Live snow-plough map" });
  const offTopicCard = queue.getByRole("article", { name: "Repaint the town hall" });
  await expect(goodCard).toBeVisible();
  await expect(offTopicCard).toContainText("1 earlier idea");
  await expectAccessible(page);

  await goodCard.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The idea is published; its author has been told." })).toBeVisible();
  await expect(goodCard).toHaveCount(0);

  // Rejecting needs a reason and an explanation; the refusal is shown next to the fields.
  await offTopicCard.getByText("Reject…").click();
  await offTopicCard.getByRole("button", { name: "Reject the idea" }).click();
  await expect(offTopicCard.getByText("Choose a reason from the list.")).toBeVisible();
  await expect(offTopicCard.getByText("Write an explanation for the author.")).toBeVisible();
  await expectAccessible(page);
  await offTopicCard.locator("details[open]").getByLabel("Reason").selectOption({ label: "Not about a digital public service" });
  await offTopicCard.getByLabel("Explanation for the author").fill(explanation);
  await offTopicCard.getByRole("button", { name: "Reject the idea" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The idea was rejected; its author has been told why." })).toBeVisible();
  // (Other journeys running in parallel may have ideas waiting in the same city.)
  await expect(offTopicCard).toHaveCount(0);
  await expect.poll(async () => (await testDb().idea.findUniqueOrThrow({ where: { id: offTopic.id } })).status).toBe("REJECTED");

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log of Oulu" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  const rejection = rows.filter({ hasText: explanation });
  await expect(rejection).toContainText("Rejected an idea");
  await expect(rejection).toContainText("Mikko Moderator");
  await expect(rows.filter({ hasText: "Live snow-plough map" })).toContainText("Published an idea");
  await page.getByLabel("Action").selectOption({ label: "Rejected an idea" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows.filter({ hasText: explanation })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Live snow-plough map" })).toHaveCount(0);
  await expectAccessible(page);

  // The author sees both decisions, with the reason, on the ideas' pages.
  const authorContext = await browser.newContext({ locale: "en-GB" });
  const authorPage = await authorContext.newPage();
  await logIn(authorPage, author.email, author.password);
  await authorPage.goto(offTopic.path);
  await expect(authorPage.getByRole("region", { name: "Official answer from Oulu" })).toContainText(explanation);
  const steps = authorPage.getByRole("region", { name: "What has happened so far" }).getByRole("listitem");
  await expect(steps.last()).toContainText("Mikko Moderator decided not to take the idea forward.");
  await expect(steps.last()).toContainText(`Why: ${explanation}`);
  await expectAccessible(authorPage);
  await authorPage.goto(good.path);
  await expect(authorPage.getByRole("region", { name: "What has happened so far" }).getByRole("listitem").last()).toContainText(
    "Mikko Moderator published the idea."
  );
  await expectAccessible(authorPage);
  // …and was told in the app and by email, with the reason.
  await authorPage.goto("/notifications");
  await expect(authorPage.getByRole("link", { name: "Your content was not published: “Repaint the town hall”" })).toBeVisible();
  await expect(authorPage.getByRole("link", { name: "Your content was published: “Live snow-plough map”" })).toBeVisible();
  await expectAccessible(authorPage);
  const emails = await emailsTo(author.email, { count: 2 });
  expect(emails.some((email) => email.text.includes(explanation))).toBe(true);
  await authorContext.close();
});
