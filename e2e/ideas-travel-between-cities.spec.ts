// Ideas that travel: a resident of Portalegre finds a published idea from Oulu, proposes
// it for Portalegre (the form comes prefilled and says where the idea comes from), and once
// Portalegre's moderators publish it both idea pages link to each other.
import { randomUUID } from "node:crypto";
import { publishIdeaAsModerator } from "./support/commands";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

test("a Portalegre resident proposes an Oulu idea for Portalegre and both pages link to each other", async ({ page, browser }) => {
  const word = randomUUID().replace(/[^a-f]/g, "").slice(0, 6);
  const ouluAuthor = await createUser({ city: "oulu", displayName: "Outi Oulu" });
  const source = await createPublishedIdea({
    authorId: ouluAuthor.id,
    city: "oulu",
    title: `Snow-plough ${word} live map`,
    summary: "See on a map which streets the snow ploughs have already cleared today.",
  });
  const resident = await createUser({ city: "portalegre", displayName: "Paula Portalegre" });
  const moderator = await createUser({ city: "portalegre", roles: [{ role: "MODERATOR", city: "portalegre" }] });

  await logIn(page, resident.email, resident.password);
  await page.goto(source.path);
  const travel = page.getByRole("region", { name: "In other cities" });
  await expect(travel.getByRole("heading", { name: "Propose this for my city" })).toBeVisible();
  await expectAccessible(page);

  // Her home city is offered first; the idea's own city is not offered at all.
  await travel.getByRole("link", { name: "Propose for Portalegre" }).click();
  await expect(page).toHaveURL(new RegExp(`/cities/portalegre/ideas/new\\?inspiredBy=${source.number}$`));
  const notice = page.getByTestId("inspired-by-notice");
  await expect(notice).toContainText(`Inspired by Snow-plough ${word} live map (Oulu)`);
  await expect(notice.getByRole("link", { name: `Snow-plough ${word} live map` })).toHaveAttribute("href", source.path);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Snow-plough ${word} live map`);
  await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("See on a map which streets the snow ploughs have already cleared today.");
  await page.waitForSelector("html[data-hydrated]");
  await page.getByLabel("Title", { exact: true }).fill(`Street-sweeper ${word} live map for Portalegre`);
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Mobility" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send for review" }).click();

  await expect(page).toHaveURL(/\/cities\/portalegre\/ideas\/\d+$/);
  const number = Number(new URL(page.url()).pathname.split("/").pop());
  const created = await testDb().idea.findUniqueOrThrow({ where: { number }, select: { id: true, inspiredById: true, status: true } });
  expect(created.inspiredById).toBe(source.id);
  // Her own pending idea already names its source.
  await expect(page.getByTestId("inspired-by")).toContainText("Inspired by an idea from Oulu:");
  await expectAccessible(page);

  const events = await testDb().ideaEvent.findMany({ where: { ideaId: source.id, type: "PROPOSED_ELSEWHERE" }, select: { reason: true, actorId: true } });
  expect(events).toEqual([{ reason: "Portalegre", actorId: resident.id }]);

  // Portalegre moderates new ideas (a city setting other journeys may change): until it
  // publishes this one, Oulu's page does not show it.
  if (created.status === "SUBMITTED") {
    await page.goto(source.path);
    await expect(page.getByTestId("proposed-elsewhere")).toHaveCount(0);
    await publishIdeaAsModerator(created.id, moderator.id);
  }

  // A visitor sees the link both ways.
  const visitor = await browser.newContext({ locale: "en-GB" });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(source.path);
  const elsewhere = visitorPage.getByTestId("proposed-elsewhere");
  await expect(elsewhere.getByRole("listitem")).toHaveCount(1);
  await expect(elsewhere).toContainText("Portalegre:");
  await expect(elsewhere.getByRole("link", { name: `Street-sweeper ${word} live map for Portalegre` })).toHaveAttribute(
    "href",
    `/cities/portalegre/ideas/${number}`,
  );
  await expect(elsewhere).toContainText("Published");
  // Its timeline says where it travelled, and who took it there.
  await expect(visitorPage.getByText("Paula Portalegre proposed this idea in Portalegre.")).toBeVisible();
  // Visitors are not offered to propose it (that needs an account).
  await expect(visitorPage.getByRole("heading", { name: "Propose this for my city" })).toHaveCount(0);
  await expectAccessible(visitorPage);

  await elsewhere.getByRole("link", { name: `Street-sweeper ${word} live map for Portalegre` }).click();
  await expect(visitorPage).toHaveURL(new RegExp(`/cities/portalegre/ideas/${number}$`));
  const inspired = visitorPage.getByTestId("inspired-by");
  await expect(inspired).toContainText("Inspired by an idea from Oulu:");
  await expect(inspired.getByRole("link", { name: `Snow-plough ${word} live map` })).toHaveAttribute("href", source.path);
  await expectAccessible(visitorPage);
  await visitor.close();
});

test("a forged or same-city inspiredBy gives a clear notice and an empty form, never an error page", async ({ page }) => {
  const resident = await createUser({ city: "portalegre" });
  const local = await createPublishedIdea({ authorId: resident.id, city: "portalegre" });
  await logIn(page, resident.email, resident.password);

  for (const [inspiredBy, message] of [
    ["not-a-number", "cannot be used: it does not exist or is not public"],
    [String(local.number), "That idea is already in this city"],
  ]) {
    const response = await page.goto(`/cities/portalegre/ideas/new?inspiredBy=${encodeURIComponent(inspiredBy)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("");
    await expectAccessible(page);
  }
});
