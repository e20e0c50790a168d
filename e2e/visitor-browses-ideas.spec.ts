import { randomUUID } from "node:crypto";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

// Other specs add ideas at the same time, so this one searches for a word only its own
// ideas contain.
const word = `heron${randomUUID().replaceAll("-", "").slice(0, 8)}`;
const IDEAS = 25;

// Setup writes 25 ideas; on a busy machine that alone can take a while.
test.describe.configure({ timeout: 60_000 });

test.beforeAll(async () => {
  const author = await createUser({ city: "limerick" });
  for (let index = 0; index < IDEAS; index++) {
    const idea = await createPublishedIdea({
      authorId: author.id,
      city: "limerick",
      category: index % 5 === 0 ? "open-data" : "mobility",
      title: `Bus stop display ${index} ${word}`,
    });
    await testDb().idea.update({ where: { id: idea.id }, data: { supportCount: index } });
  }
});

const cards = (page: import("@playwright/test").Page) => page.getByRole("region", { name: /Ideas matching/ }).getByRole("article");

test("a visitor filters the network list, pages through it and shares the URL", async ({ page }) => {
  await page.goto("/ideas");
  await expect(page.getByRole("heading", { level: 1, name: "Ideas from across the network" })).toBeVisible();
  await page.getByLabel("Search ideas").fill(word);
  await page.getByLabel("City", { exact: true }).selectOption({ label: "Limerick" });
  await page.getByLabel("Sort by", { exact: true }).selectOption({ label: "Most supported" });
  await page.getByRole("button", { name: "Filter" }).click();

  await expect(page).toHaveURL(new RegExp(`/ideas\\?q=${word}&city=limerick&sort=supported$`));
  await expect(page.getByRole("heading", { name: `Ideas matching “${word}”` })).toBeFocused();
  await expect(cards(page)).toHaveCount(20);
  await expect(cards(page).first().getByRole("link")).toHaveText(`Bus stop display 24 ${word}`);
  await expect(cards(page).first()).toContainText("24 supports");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(cards(page)).toHaveCount(5);
  await expect(cards(page).last().getByRole("link")).toHaveText(`Bus stop display 0 ${word}`);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

  // The URL is the whole state: opened afresh, it shows the same filtered list.
  await page.goto(`/ideas?q=${word}&city=limerick&sort=supported&category=open-data`);
  await expect(cards(page)).toHaveCount(5);
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue("open-data");

  await cards(page).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/cities\/limerick\/ideas\/\d+$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the city list filters and pages with plain links and forms", async ({ page }) => {
    await page.goto("/cities/limerick/ideas");
    await expect(page.getByRole("heading", { level: 1, name: "Ideas in Limerick" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Propose an idea" }).first()).toHaveAttribute("href", "/cities/limerick/ideas/new");
    await page.getByLabel("Search ideas").fill(word);
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Open for support" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${word}`));
    await expect(cards(page)).toHaveCount(20);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(cards(page)).toHaveCount(5);
    await page.getByRole("link", { name: "First page" }).click();
    await expect(cards(page)).toHaveCount(20);
  });

  test("nonsense in the URL shows the default list, not an error", async ({ page }) => {
    const response = await page.goto(`/ideas?sort=bogus&status=secret&category=nope&city=atlantis&cursor=forged&q=${"x".repeat(3000)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Ideas from across the network" })).toBeVisible();
    await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("relevance");
  });
});
