import { spawnSync } from "node:child_process";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";
import { emailsTo, linkIn } from "./support/outbox";

/** `npm run digest` against the run's database (the command a cron or the scheduler runs). */
function digestCommand(key: string): string {
  const result = spawnSync("npx", ["tsx", "scripts/digest.ts", "--key", key], {
    // The web server's settings (playwright.config.ts): links signed with its secret.
    env: { ...process.env, APP_URL: process.env.E2E_BASE_URL, NODE_ENV: "test", SESSION_SECRET: "e2e-only-session-secret-0123456789abcdef" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`digest failed: ${result.stderr}`);
  return result.stdout;
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

// Closing the loop: a citizen's idea gets a comment and a decision. The citizen sees both
// behind the bell and gets the decision by email at once; a follower on the daily digest
// gets one digest with both, once, and unsubscribes from it without logging in.
test("a citizen hears what became of their idea; a follower gets one digest and unsubscribes", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const citizen = await createUser({
    displayName: "Cora Citizen",
    city: "oulu",
  });
  const neighbour = await createUser({
    displayName: "Nils Neighbour",
    city: "oulu",
  });
  const follower = await createUser({
    displayName: "Fanni Follower",
    city: "oulu",
  });
  const admin = await createUser({
    displayName: "Olli Official",
    roles: [{ role: "CITY_ADMIN", city: "oulu" }],
  });
  const idea = await createPublishedIdea({
    authorId: citizen.id,
    title: "Live bus arrival screens at stops",
  });

  // The follower follows the idea and chooses the daily digest for status changes.
  await logIn(page, follower.email, follower.password);
  await page.goto(idea.path);
  await page.waitForSelector("html[data-hydrated]");
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "You now follow this" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unfollow" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/account/notifications");
  await page.waitForSelector("html[data-hydrated]");
  await page.getByRole("group", { name: "An idea I follow changes status" }).getByRole("radio", { name: "Daily digest" }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your email preferences were saved." })).toBeVisible();

  // A neighbour comments on the idea; the city puts it under review.
  await page.context().clearCookies();
  await logIn(page, neighbour.email, neighbour.password);
  await page.goto(idea.path);
  await page.waitForSelector("html[data-hydrated]");
  const newComment = page.getByRole("region", { name: /^Discussion/ }).locator("#comment-new");
  await newComment.getByLabel("Your comment").fill("Yes please — the stop at the library needs this most.");
  await newComment.getByRole("radio", { name: "In favour" }).check();
  await newComment.getByRole("button", { name: "Publish comment" }).click();
  let commentId = "";
  await expect
    .poll(async () => {
      commentId =
        (
          await testDb().comment.findFirst({
            where: { ideaId: idea.id },
            select: { id: true },
          })
        )?.id ?? "";
      return commentId;
    })
    .not.toBe("");
  await page.context().clearCookies();
  await logIn(page, admin.email, admin.password);
  await page.goto(idea.path);
  await page.waitForSelector("html[data-hydrated]");
  const decision = page.getByRole("region", { name: "City decision" });
  await decision.getByLabel("New status").selectOption({ label: "Under review" });
  await decision.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The idea's status was changed." })).toBeVisible();

  // The citizen: the bell counts both, the page lists both, links go to the exact item.
  await page.context().clearCookies();
  await logIn(page, citizen.email, citizen.password);
  const bell = page.getByRole("link", { name: "Notifications (2 unread)" });
  await expect(bell).toBeVisible();
  await expectAccessible(page);
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(
    page.getByRole("link", {
      name: "Nils Neighbour commented on “Live bus arrival screens at stops”",
    })
  ).toHaveAttribute("href", `${idea.path}/comments/${commentId}`);
  await expect(
    page.getByRole("link", {
      name: "“Live bus arrival screens at stops” is now: Under review",
    })
  ).toHaveAttribute("href", idea.path);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("status").filter({ hasText: "All notifications marked as read." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // The decision arrived by email at once (HTML and text, with the link to the idea).
  const [immediate] = await emailsTo(citizen.email);
  expect(immediate.subject).toBe("Oulu: “Live bus arrival screens at stops” is now: Under review");
  expect(immediate.text).toContain(idea.path);
  expect(immediate.html).toContain(`${idea.path}"`);
  expect(immediate.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

  // The digest command: one email with both events; a second run sends nothing.
  const key = `e2e-${Date.now().toString(36)}`;
  expect(digestCommand(key)).toMatch(/DAILY digest e2e-\w+: \d+ people, \d+ emails queued/);
  const [digest] = await emailsTo(follower.email);
  expect(digest.subject).toBe("Your daily CivicLoop digest: 2 updates");
  expect(digest.text).toContain("Nils Neighbour commented on “Live bus arrival screens at stops”");
  expect(digest.text).toContain("“Live bus arrival screens at stops” is now: Under review");
  expect(digestCommand(key)).toContain("already done, nothing sent");
  expect(await testDb().emailMessage.count({ where: { toAddress: follower.email } })).toBe(1);

  // Unsubscribe from the email link, logged out (a fresh browser context).
  const anonymous = await browser.newContext({
    locale: "en-GB",
    baseURL: process.env.E2E_BASE_URL,
  });
  const visitor = await anonymous.newPage();
  await visitor.goto(pathOf(linkIn(digest, "/unsubscribe")));
  await expect(visitor.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
  await expect(visitor.getByText("Stop your daily digest emails?")).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByRole("button", { name: "Yes, unsubscribe" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "you will no longer receive these emails" })).toBeVisible();
  await expectAccessible(visitor);
  const preferences = await testDb().notificationPreference.findMany({
    where: { userId: follower.id },
  });
  expect(
    preferences
      .filter((row) => row.frequency === "NEVER")
      .map((row) => row.kind)
      .sort()
  ).toEqual(["CONSULTATION_PHASE", "IDEA_COMMENT", "IDEA_STATUS_CHANGED", "SUPPORTED_IDEA_LAUNCHED"].sort());

  // A forged link gets a clear page, not an error.
  const forged = await visitor.goto(`/unsubscribe?token=${encodeURIComponent(`${follower.id}.all.zzzzzz.forged`)}`);
  expect(forged?.status()).toBe(400);
  await expect(
    visitor.getByRole("heading", {
      level: 1,
      name: "This unsubscribe link does not work",
    })
  ).toBeVisible();
  await expectAccessible(visitor);
  await anonymous.close();
});
