import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

// A network admin makes a resident a moderator of Botoșani from the network administration
// page, sees the assignment listed, and revokes it again.
test("a network admin assigns a moderator role and revokes it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const db = testDb();
  const admin = await createUser({
    displayName: "Nora Network",
    roles: [{ role: "NETWORK_ADMIN" }],
  });
  const resident = await createUser({
    displayName: "Radu Resident",
    city: "botosani",
  });

  await logIn(page, admin.email, admin.password);
  await page.goto("/");
  await page.getByText("Nora Network").click();
  await page.getByRole("link", { name: "Network administration" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Network administration" })
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "The cities of the network" })
  ).toContainText("Botoșani");
  await page.waitForSelector("html[data-hydrated]");
  await expectAccessible(page);

  // A city role without a city is refused next to the field.
  await page.getByLabel("Email address of the account").fill(resident.email);
  await page
    .getByLabel("Role", { exact: true })
    .selectOption({ label: "Moderator" });
  await page.getByRole("button", { name: "Grant the role" }).click();
  await expect(
    page.getByText("Choose the city for this role.").first()
  ).toBeVisible();
  await expect(page.getByLabel("Email address of the account")).toHaveValue(
    resident.email
  );
  await expectAccessible(page);

  await page
    .getByLabel("City (for moderators and city administrators)")
    .selectOption({ label: "Botoșani" });
  await page.getByRole("button", { name: "Grant the role" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The role was granted." })
  ).toBeVisible();
  const row = page
    .getByRole("table", { name: "Who holds which role" })
    .getByRole("row")
    .filter({ hasText: "Radu Resident" });
  await expect(row).toContainText("Moderator");
  await expect(row).toContainText("Botoșani");
  const botosani = await db.city.findUniqueOrThrow({
    where: { slug: "botosani" },
    select: { id: true },
  });
  expect(
    await db.roleAssignment.count({
      where: { userId: resident.id, role: "MODERATOR", cityId: botosani.id },
    })
  ).toBe(1);
  await expectAccessible(page);

  // Granting it twice is refused.
  await page.getByLabel("Email address of the account").fill(resident.email);
  await page
    .getByLabel("City (for moderators and city administrators)")
    .selectOption({ label: "Botoșani" });
  await page.getByRole("button", { name: "Grant the role" }).click();
  await expect(
    page.getByText("This person already has this role.").first()
  ).toBeVisible();

  await row
    .getByRole("button", { name: "Revoke Moderator from Radu Resident" })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "The role was revoked." })
  ).toBeVisible();
  expect(
    await db.roleAssignment.count({ where: { userId: resident.id } })
  ).toBe(0);
  const actions = (
    await db.auditLogEntry.findMany({
      where: { actorId: admin.id },
      select: { action: true },
    })
  )
    .map((entry) => entry.action)
    .sort();
  expect(actions).toEqual(["role.grant", "role.revoke"]);
});
