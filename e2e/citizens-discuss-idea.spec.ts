import type { Locator, Page } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

async function discussedIdea(title: string) {
  const author = await createUser({ displayName: "Aino Author" });
  return createPublishedIdea({ authorId: author.id, title });
}

function commentBy(page: Page, name: string): Locator {
  return page.getByRole("article", { name: new RegExp(`^Comment by ${name}`) });
}

function discussion(page: Page): Locator {
  return page.getByRole("region", { name: /^Discussion/ });
}

async function openDisclosure(article: Locator, label: "Reply" | "Edit" | "Delete") {
  await article.locator("summary", { hasText: label }).click();
}

async function writeComment(scope: Locator, label: string | RegExp, text: string, position: "In favour" | "Against" | "Neutral") {
  await scope.getByLabel(label).fill(text);
  await scope.getByRole("radio", { name: position }).check();
}

async function commentCounters(ideaId: string) {
  const db = testDb();
  const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { commentCount: true } });
  return { commentCount: idea.commentCount, live: await db.comment.count({ where: { ideaId, deletedAt: null } }) };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("citizens comment, reply, reply to the reply, vote, edit and delete", async ({ browser, page }) => {
      test.setTimeout(90_000);
      const idea = await discussedIdea(javaScriptEnabled ? "Digital parking permits" : "Online library renewals");

      // Anonymous visitors read, and are invited to log in.
      await page.goto(idea.path);
      await expect(discussion(page).getByRole("link", { name: "Log in to comment" })).toHaveAttribute(
        "href",
        `/login?redirectTo=${encodeURIComponent(`${idea.path}#comments`)}`,
      );
      await expect(discussion(page).getByText("No comments yet.")).toBeVisible();

      const ana = await createUser({ displayName: "Ana Citizen" });
      await logIn(page, ana.email, ana.password);
      await page.goto(idea.path);
      const newComment = discussion(page).locator("#comment-new");

      // A too-short comment is refused with a localized message and the text is kept.
      await writeComment(newComment, "Your comment", " x ", "Against");
      await newComment.getByRole("button", { name: "Publish comment" }).click();
      await expect(newComment.getByText("The comment must be at least 2 characters long.")).toBeVisible();
      await expect(newComment.getByLabel("Your comment")).toHaveValue(" x ");
      await expect(newComment.getByRole("radio", { name: "Against" })).toBeChecked();
      await expectAccessible(page);

      await writeComment(newComment, "Your comment", "Great idea: I queue for a permit every year.", "In favour");
      await newComment.getByRole("button", { name: "Publish comment" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your comment was published." })).toBeVisible();
      const anaComment = commentBy(page, "Ana Citizen");
      await expect(anaComment).toContainText("Great idea: I queue for a permit every year.");
      await expect(anaComment).toContainText("In favour");
      await expect(discussion(page).getByText("1 in favour, 0 against, 0 neutral")).toBeVisible();
      await expect(discussion(page).getByRole("img", { name: /100% in favour/ })).toBeVisible();
      await expectAccessible(page);

      // Another citizen replies, and votes on Ana's comment.
      const context = await browser.newContext({ javaScriptEnabled, locale: "en-GB" });
      const other = await context.newPage();
      const bogdan = await createUser({ displayName: "Bogdan Citizen" });
      await logIn(other, bogdan.email, bogdan.password);
      await other.goto(idea.path);
      const anaSeenByBogdan = commentBy(other, "Ana Citizen");
      await openDisclosure(anaSeenByBogdan, "Reply");
      await writeComment(anaSeenByBogdan, "Your reply to Ana Citizen", "How would you prove residence online?", "Neutral");
      await anaSeenByBogdan.getByRole("button", { name: "Publish reply" }).click();
      await expect(other.getByRole("status").filter({ hasText: "Your reply was published." })).toBeVisible();
      const bogdanReply = commentBy(other, "Bogdan Citizen");
      await expect(bogdanReply).toContainText("How would you prove residence online?");

      const upvote = commentBy(other, "Ana Citizen").getByRole("button", { name: /Vote up/ });
      await expect(upvote).toHaveAttribute("aria-pressed", "false");
      await upvote.click();
      await expect(commentBy(other, "Ana Citizen").getByRole("button", { name: /Vote up/ })).toHaveAttribute("aria-pressed", "true");
      await expect(commentBy(other, "Ana Citizen").getByRole("button", { name: /Vote up/ })).toContainText("1");
      await expectAccessible(other);
      await context.close();

      // Ana answers the reply (third level), edits her comment, then deletes it.
      await page.goto(idea.path);
      const replyToAna = commentBy(page, "Bogdan Citizen");
      await openDisclosure(replyToAna, "Reply");
      await writeComment(replyToAna, "Your reply to Bogdan Citizen", "With the national e-ID, like the tax office.", "In favour");
      await replyToAna.getByRole("button", { name: "Publish reply" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your reply was published." })).toBeVisible();
      await expect(page.getByRole("list", { name: "Replies to Bogdan Citizen" }).getByRole("article")).toContainText(
        "With the national e-ID, like the tax office.",
      );
      await expect(commentBy(page, "Ana Citizen").first().getByText("1 vote up")).toBeAttached();

      const anaTop = commentBy(page, "Ana Citizen").first();
      await openDisclosure(anaTop, "Edit");
      await anaTop.getByLabel("Your comment").fill("Great idea: I queue for a permit every year, twice.");
      await anaTop.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your comment was updated." })).toBeVisible();
      await expect(commentBy(page, "Ana Citizen").first()).toContainText("twice.");
      await expect(commentBy(page, "Ana Citizen").first()).toContainText(/edited/);
      await expectAccessible(page);

      await openDisclosure(commentBy(page, "Ana Citizen").first(), "Delete");
      await commentBy(page, "Ana Citizen").first().getByRole("button", { name: "Delete comment" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your comment was deleted." })).toBeVisible();
      await expect(discussion(page).getByRole("article", { name: "Comment deleted" })).toBeVisible();
      await expect(discussion(page).getByText("twice.")).toHaveCount(0);
      await expect(commentBy(page, "Bogdan Citizen")).toBeVisible();
      await expect(discussion(page).getByText("1 in favour, 0 against, 1 neutral")).toBeVisible();
      expect(await commentCounters(idea.id)).toEqual({ commentCount: 2, live: 2 });

      // Sorting keeps its state in the URL.
      await discussion(page).getByRole("link", { name: "Newest first" }).click();
      await expect(page).toHaveURL(/commentSort=newest/);
      await expect(discussion(page).getByRole("link", { name: "Newest first" })).toHaveAttribute("aria-current", "true");
      await expectAccessible(page);
    });
  });
}

test("a deep thread continues on its own page", async ({ page }) => {
  const idea = await discussedIdea("Snow-plough tracker");
  const db = testDb();
  const people = await Promise.all([createUser({ displayName: "Eero One" }), createUser({ displayName: "Liisa Two" })]);
  let parentId: string | null = null;
  const ids: string[] = [];
  for (let depth = 0; depth < 5; depth++) {
    const row: { id: string } = await db.comment.create({
      data: { ideaId: idea.id, authorId: people[depth % 2].id, parentId, depth, body: `Message at level ${depth}`, alignment: "NEUTRAL" },
      select: { id: true },
    });
    if (parentId) await db.comment.update({ where: { id: parentId }, data: { replyCount: { increment: 1 } } });
    ids.push(row.id);
    parentId = row.id;
  }
  await db.idea.update({ where: { id: idea.id }, data: { commentCount: 5 } });

  await page.goto(idea.path);
  await expect(page.getByText("Message at level 2")).toBeVisible();
  await expect(page.getByText("Message at level 3")).toHaveCount(0);
  await page.getByRole("link", { name: "Continue this thread (1 reply)" }).click();
  await expect(page).toHaveURL(`${idea.path}/comments/${ids[2]}#comment-${ids[2]}`);
  await expect(page.getByRole("heading", { level: 1, name: "Discussion thread on “Snow-plough tracker”" })).toBeVisible();
  for (const level of [2, 3, 4]) await expect(page.getByText(`Message at level ${level}`)).toBeVisible();
  await expect(page.getByText("Message at level 1")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Show the comment this one replies to" })).toHaveAttribute(
    "href",
    `${idea.path}/comments/${ids[1]}#comment-${ids[1]}`,
  );
  await expectAccessible(page);
  expect((await page.goto(`${idea.path}/comments/not-a-comment`))?.status()).toBe(404);
});
