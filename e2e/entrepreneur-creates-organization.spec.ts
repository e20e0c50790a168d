import { createUser, testDb, uniqueEmail } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { errorSummary } from "./support/journeys";
import { emailsTo, linkIn } from "./support/outbox";

test("an entrepreneur creates an organization, invites a colleague who accepts in another browser", async ({ page, browser }) => {
  test.slow(); // two browsers and many pages, each scanned with axe
  const entrepreneur = await createUser({ displayName: "Erja Entrepreneur", kind: "ENTREPRENEUR" });
  await logIn(page, entrepreneur.email, entrepreneur.password);

  await page.goto("/organizations/new");
  await expect(page.getByRole("heading", { level: 1, name: "Create an organization profile" })).toBeVisible();
  await expectAccessible(page);

  // Refused first: the errors are listed and the form keeps what was typed.
  await page.getByLabel("Name of the organization").fill("Pohjoisen Data Oy");
  await page.getByLabel("Website (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Create the profile" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link")).toHaveText([
    "Choose at least one sector.",
    "Enter a website address starting with http:// or https://, for example https://example.com.",
    "Describe the organization in a few sentences.",
    "Choose the size of the organization.",
  ]);
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "Data and artificial intelligence" }).check();
  await page.getByRole("checkbox", { name: "Civic tech and open government" }).check();
  await page.getByLabel("Skills (optional)").fill("open data, GIS, accessibility audits");
  await page.getByLabel("Website (optional)").fill("pohjoisen-data.example");
  await page.getByLabel("City", { exact: true }).selectOption({ label: "Oulu" });
  await page.getByLabel("Short description").fill("We turn the city's open data into services residents actually use.");
  await page.getByRole("radio", { name: "2–9 people" }).check();
  await page.getByLabel("Contact email").fill("sales@pohjoisen-data.example");
  await page.getByRole("button", { name: "Create the profile" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Pohjoisen Data Oy" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The organization profile was created." })).toBeAttached();
  const website = page.getByRole("link", { name: "pohjoisen-data.example" });
  await expect(website).toHaveAttribute("href", "https://pohjoisen-data.example/");
  await expect(website).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
  // Contact data is for cities the organization chooses, never the public page.
  await expect(page.getByText("sales@pohjoisen-data.example")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Members and invitations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members of Pohjoisen Data Oy" })).toBeVisible();
  const colleagueEmail = uniqueEmail("Colleague");
  await page.getByLabel("Email address").fill(colleagueEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The invitation was sent." })).toBeAttached();
  await expect(page.getByRole("region", { name: "Invitations not accepted yet" }).getByText(colleagueEmail, { exact: true })).toBeVisible();
  await expectAccessible(page);

  const [email] = await emailsTo(colleagueEmail);
  expect(email.subject).toBe("Invitation to join Pohjoisen Data Oy on CivicLoop");
  const link = linkIn(email, "/invitations/");

  // The colleague, in another browser, opens the link, logs in and accepts.
  const colleague = await createUser({ email: colleagueEmail, displayName: "Kalle Colleague" });
  const context = await browser.newContext({ locale: "en-GB" });
  try {
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole("heading", { level: 1, name: "Invitation to join Pohjoisen Data Oy" })).toBeVisible();
    await expectAccessible(other);
    await other.getByRole("link", { name: "Log in" }).first().click();
    await other.getByLabel("Email address").fill(colleague.email);
    await other.getByLabel("Password", { exact: true }).fill(colleague.password);
    await other.getByRole("button", { name: "Log in" }).click();
    await expect(other.getByRole("button", { name: "Accept the invitation" })).toBeVisible();
    await expectAccessible(other);
    await other.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "Pohjoisen Data Oy" })).toBeVisible();
    await expect(other.getByText("You are a member of this organization.")).toBeVisible();
    // Members see the profile but cannot edit it.
    await expect(other.getByRole("link", { name: "Edit profile" })).toHaveCount(0);
    await other.goto(link);
    await expect(other.getByText("You are a member of this organization.")).toBeVisible();
  } finally {
    await context.close();
  }

  await page.reload();
  await expect(page.getByRole("region", { name: /members?$/ }).getByText("Kalle Colleague", { exact: true })).toBeVisible();
  await expectAccessible(page);
  const organization = await testDb().organization.findFirstOrThrow({ where: { name: "Pohjoisen Data Oy" }, select: { id: true } });
  expect(await testDb().organizationMember.count({ where: { organizationId: organization.id } })).toBe(2);

  // The directory finds it by sector.
  await page.goto("/organizations");
  await page.getByLabel("Sector", { exact: true }).selectOption({ label: "Civic tech and open government" });
  await page.getByRole("button", { name: "Show organizations" }).click();
  await expect(page).toHaveURL(/sector=civic-tech/);
  await expect(page.getByRole("link", { name: "Pohjoisen Data Oy", exact: true })).toBeVisible();
  await expectAccessible(page);

  // The owner's account page lists it; the edit form comes back filled in.
  await page.goto("/account/organizations");
  await expect(page.getByRole("region", { name: "Organizations you belong to" }).getByRole("link", { name: "Pohjoisen Data Oy", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Edit profile (Pohjoisen Data Oy)" }).click();
  await expect(page.getByLabel("Contact email")).toHaveValue("sales@pohjoisen-data.example");
  await expect(page.getByRole("checkbox", { name: "Civic tech and open government" })).toBeChecked();
  await expectAccessible(page);

  // A broken link explains itself.
  await page.goto("/invitations/not-a-real-token");
  await expect(page.getByRole("heading", { level: 1, name: "This invitation link does not work" })).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen creates an organization with two sectors through a plain form post", async ({ page }) => {
    const citizen = await createUser({ displayName: "Cecilia Citizen", city: "limerick" });
    await logIn(page, citizen.email, citizen.password);
    await page.goto("/organizations/new");
    await expect(page.getByText("Any account can create one")).toBeVisible();
    await page.getByLabel("Name of the organization").fill("Shannon Civic Lab");
    await page.getByRole("checkbox", { name: "Software development" }).check();
    await page.getByRole("checkbox", { name: "Education and training" }).check();
    await page.getByLabel("Short description").fill("Volunteers who build small tools for local schools.");
    await page.getByRole("radio", { name: "Just me (1 person)" }).check();
    await page.getByRole("button", { name: "Create the profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Shannon Civic Lab" })).toBeVisible();
    const facts = page.getByRole("complementary", { name: "At a glance" });
    await expect(facts.getByText("Software development")).toBeVisible();
    await expect(facts.getByText("Education and training")).toBeVisible();
    await expect(facts.getByRole("link", { name: "Limerick" })).toBeVisible();
    await expectAccessible(page);
  });
});
