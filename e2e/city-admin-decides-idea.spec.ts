import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

// A city admin takes decisions on an idea from its page ("City decision"): under review
// first, then a rejection that needs a public answer. Each step lands on the timeline.
test("a city admin moves an idea to under review, then rejects it with an official answer", async ({ page }) => {
  const author = await createUser({ displayName: "Aino Author", city: "oulu" });
  const admin = await createUser({ displayName: "Olli Official", roles: [{ role: "CITY_ADMIN", city: "oulu" }] });
  const idea = await createPublishedIdea({ authorId: author.id, title: "Heated bus stops on the main line" });
  const answer = "Heated shelters cost too much to run; the city will add wind screens instead.";

  await logIn(page, admin.email, admin.password);
  await page.goto(idea.path);
  const decision = page.getByRole("region", { name: "City decision" });
  await expect(decision).toBeVisible();
  await expectAccessible(page);

  await decision.getByLabel("New status").selectOption({ label: "Under review" });
  await decision.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The idea's status was changed." })).toBeVisible();
  await expect.poll(async () => (await testDb().idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("UNDER_REVIEW");

  // A rejection without an answer is refused next to the field.
  await decision.getByLabel("New status").selectOption({ label: "Not taken forward" });
  await decision.getByRole("button", { name: "Save the decision" }).click();
  await expect(decision.getByText("This decision needs an official answer")).toBeVisible();
  await expectAccessible(page);
  await decision.getByLabel(/^Official answer/).fill(answer);
  await decision.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The idea's status was changed." })).toBeVisible();

  const official = page.getByRole("region", { name: "Official answer from Oulu" });
  await expect(official).toContainText(answer);
  const steps = page.getByRole("region", { name: "What has happened so far" }).getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(2)).toContainText("Olli Official changed the status from “Published” to “Under review”.");
  await expect(steps.nth(3)).toContainText("Olli Official decided not to take the idea forward.");
  await expect(steps.nth(3)).toContainText(`Why: ${answer}`);
  // Rejected: nothing left to decide.
  await expect(page.getByRole("region", { name: "City decision" })).toHaveCount(0);
  await expectAccessible(page);
});
