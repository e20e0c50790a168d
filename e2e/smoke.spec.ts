import { expect, expectAccessible, test } from "./support/fixtures";

test("the network home lists the eight cities and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const cities = page.getByRole("region", { name: "The cities of the network" }).getByRole("listitem");
  await expect(cities).toHaveCount(8);
  await expectAccessible(page);
});
