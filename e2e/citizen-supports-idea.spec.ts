import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

/**
 * The idea's counter and its Support rows, for expect.poll: both must reach the value. (A
 * hard check between two separate reads failed when the action committed between them.)
 */
async function supportCounts(ideaId: string) {
  const idea = await testDb().idea.findUniqueOrThrow({ where: { id: ideaId }, select: { supportCount: true } });
  const rows = await testDb().support.count({ where: { ideaId } });
  return { supportCount: idea.supportCount, rows };
}

async function publishedIdea(title: string) {
  const author = await createUser({ displayName: "Aino Author" });
  const moderator = await createUser({ displayName: "Mika Moderator", roles: [{ role: "MODERATOR", city: "oulu" }] });
  return createPublishedIdea({ authorId: author.id, publishedById: moderator.id, title });
}

test("a citizen supports an idea and withdraws the support (with JavaScript)", async ({ page }) => {
  const idea = await publishedIdea("Live map of city bikes");
  const citizen = await createUser({ displayName: "Ville Voter" });
  await logIn(page, citizen.email, citizen.password);

  await page.goto(idea.path);
  await expect(page.getByRole("heading", { level: 1, name: "Live map of city bikes" })).toBeVisible();
  const timeline = page.getByRole("region", { name: "What has happened so far" });
  await expect(timeline.getByRole("listitem")).toHaveText([/Aino Author submitted the idea/, /Mika Moderator published the idea/]);
  // Hydrated: the form now answers with data instead of reloading the page.
  await expect(page.locator('input[name="async"]')).toBeAttached();
  await expectAccessible(page);

  await page.getByRole("button", { name: /Support this idea/ }).click();
  const withdraw = page.getByRole("button", { name: /Withdraw my support/ });
  // The button's name says what pressing it does next (no aria-pressed: a toggle whose
  // label changes would be announced twice).
  await expect(withdraw).toBeVisible();
  await expect(withdraw).toContainText("1 supporter");
  await expect(page.getByRole("status").filter({ hasText: "You now support this idea." })).toBeAttached();
  await expect.poll(() => supportCounts(idea.id)).toEqual({ supportCount: 1, rows: 1 });
  await expectAccessible(page);

  await page.reload();
  await expect(withdraw).toBeVisible();
  await expect(page.locator('input[name="async"]')).toBeAttached();
  await withdraw.click();
  const support = page.getByRole("button", { name: /Support this idea/ });
  await expect(support).toBeVisible();
  await expect(support).toContainText("0 supporters");
  await expect(page.getByRole("status").filter({ hasText: "You withdrew your support." })).toBeAttached();
  await expect.poll(() => supportCounts(idea.id)).toEqual({ supportCount: 0, rows: 0 });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen supports and withdraws through plain form posts", async ({ page }) => {
    const idea = await publishedIdea("Digital library cards");
    const citizen = await createUser({ displayName: "Kaisa Citizen" });
    await logIn(page, citizen.email, citizen.password);
    await page.goto(idea.path);

    await page.getByRole("button", { name: /Support this idea/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you: you now support this idea." })).toBeVisible();
    await expect(page.getByRole("button", { name: /Withdraw my support/ })).toContainText("1 supporter");
    expect(await supportCounts(idea.id)).toEqual({ supportCount: 1, rows: 1 });
    await expectAccessible(page);

    await page.getByRole("button", { name: /Withdraw my support/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "You withdrew your support." })).toBeVisible();
    await expect(page.getByRole("button", { name: /Support this idea/ })).toContainText("0 supporters");
    expect(await supportCounts(idea.id)).toEqual({ supportCount: 0, rows: 0 });
  });

  test("the author withdraws the idea after confirming, with a reason shown on the timeline", async ({ page }) => {
    const author = await createUser({ displayName: "Olli Owner" });
    const idea = await createPublishedIdea({ authorId: author.id, title: "Snow-plough tracker" });
    await logIn(page, author.email, author.password);
    await page.goto(idea.path);
    await expect(page.getByText("You cannot support your own idea.")).toBeVisible();
    await page.getByRole("link", { name: "Edit this idea" }).click();
    await expect(page).toHaveURL(`${idea.path}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: "Edit your idea" })).toBeVisible();
    await page.goto(idea.path);

    await page.getByText("Withdraw this idea", { exact: true }).click();
    await page.getByLabel("Why are you withdrawing it? (optional)").fill("The city already runs one.");
    await page.getByRole("button", { name: "Yes, withdraw this idea" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your idea was withdrawn." })).toBeVisible();
    await expect(page.getByText("Its author withdrew this idea.")).toBeVisible();
    const timeline = page.getByRole("region", { name: "What has happened so far" });
    await expect(timeline.getByRole("listitem").last()).toContainText("Olli Owner withdrew the idea.");
    await expect(timeline.getByRole("listitem").last()).toContainText("Why: The city already runs one.");
    await expectAccessible(page);
  });
});

test("an anonymous visitor is sent to log in and comes back to the idea", async ({ page }) => {
  const idea = await publishedIdea("Parking permits online");
  const citizen = await createUser();
  await page.goto(idea.path);
  await expect(page.getByRole("button", { name: /Support this idea/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Log in to support" }).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(idea.path).replaceAll("/", "%2F")}`));
  await page.getByLabel("Email address").fill(citizen.email);
  await page.getByLabel("Password", { exact: true }).fill(citizen.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(idea.path);
  await expect(page.getByRole("button", { name: /Support this idea/ })).toBeVisible();
});

test("ideas awaiting moderation are a 404 for everyone but their author", async ({ page }) => {
  const author = await createUser();
  const idea = await createPublishedIdea({ authorId: author.id, status: "SUBMITTED", title: "Not yet public" });
  const response = await page.goto(idea.path);
  expect(response?.status()).toBe(404);
  const wrongCity = await page.goto(idea.path.replace("/oulu/", "/messina/"));
  expect(wrongCity?.status()).toBe(404);
});
