import { randomUUID } from "node:crypto";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";

const DAY = 24 * 60 * 60 * 1000;
const KINDS = ["INFORMATION", "IDEATION", "SUPPORTS", "REVIEW", "RESULTS"] as const;

/** A published consultation in Oulu, in its ideation phase, inserted directly. */
async function openConsultation() {
  const db = testDb();
  const city = await db.city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
  const start = Date.now() - 15 * DAY;
  const consultation = await db.consultation.create({
    data: {
      cityId: city.id,
      slug: `join-${randomUUID().slice(0, 8)}`,
      title: "How should parking payment go digital?",
      question: "How should parking payment go digital?",
      status: "PUBLISHED",
      publishedAt: new Date(),
      phases: { create: KINDS.map((kind, index) => ({ kind, startsAt: new Date(start + index * 10 * DAY), endsAt: new Date(start + (index + 1) * 10 * DAY) })) },
    },
    select: { id: true, slug: true },
  });
  return { ...consultation, path: `/cities/oulu/consultations/${consultation.slug}` };
}

async function entrepreneurWithOrganization(name: string) {
  const person = await createUser({ kind: "ENTREPRENEUR", displayName: `${name} Owner` });
  const city = await testDb().city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
  await testDb().organization.create({
    data: {
      slug: `org-${randomUUID().slice(0, 8)}`,
      name,
      cityId: city.id,
      contactEmail: "hello@example.org",
      members: { create: [{ userId: person.id, role: "OWNER" }] },
    },
  });
  return person;
}

test("an entrepreneur joins as a solution partner with a statement; errors are shown next to the fields; they can leave", async ({ page }) => {
  const consultation = await openConsultation();
  const name = `Arctic Apps ${randomUUID().slice(0, 6)}`;
  const person = await entrepreneurWithOrganization(name);
  await logIn(page, person.email, person.password);
  await page.goto(consultation.path);

  const panel = page.getByRole("region", { name: "Take part" });
  await expect(panel.getByText("No organization has offered to help yet.")).toBeVisible();
  const form = panel.getByRole("region", { name: "Join as a solution partner" });
  await expect(form.getByLabel(/Share our contact details/)).not.toBeChecked();
  await expectAccessible(page);

  // Too short: refused in the browser, the message next to the field.
  await form.getByLabel("What could your organization offer?").fill("Apps.");
  await form.getByRole("button", { name: "Join as a solution partner" }).click();
  await expect(form.getByText("The statement is too short: write at least 20 characters.")).toBeVisible();
  await expect(form.getByLabel("What could your organization offer?")).toHaveAttribute("aria-invalid", "true");

  const statement = "We build accessible payment apps and could run a pilot in the city centre.";
  await form.getByLabel("Organization", { exact: true }).selectOption({ label: name });
  await form.getByLabel("What could your organization offer?").fill(statement);
  await form.getByLabel(/Share our contact details .* with Oulu/).check();
  await form.getByRole("button", { name: "Join as a solution partner" }).click();

  await expect(page.getByText("Your organization joined this consultation as a solution partner.")).toBeVisible();
  await expect(panel.getByText(`You joined as a solution partner for ${name}`)).toBeVisible();
  await expect(panel.getByText("Your organization's contact details are shared with the city.")).toBeVisible();
  const partners = panel.getByRole("region", { name: "Solution partners" });
  await expect(partners.getByRole("link", { name })).toBeVisible();
  await expect(partners.getByText(statement)).toBeVisible();
  await expectAccessible(page);

  await panel.getByRole("button", { name: "Leave this consultation" }).click();
  await expect(page.getByText("You left this consultation.")).toBeVisible();
  await expect(panel.getByText("No organization has offered to help yet.")).toBeVisible();
});

test("a citizen joins with one click, also without JavaScript", async ({ browser }) => {
  const consultation = await openConsultation();
  const person = await createUser({ displayName: "Aino Citizen" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, person.email, person.password);
  await page.goto(consultation.path);
  const panel = page.getByRole("region", { name: "Take part" });
  await expect(panel.getByRole("region", { name: "Join as a solution partner" })).toHaveCount(0);
  await panel.getByRole("button", { name: "Join as a participant" }).click();
  await expect(page.getByText("You joined this consultation.")).toBeVisible();
  await expect(panel.getByText("1 person has joined")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Leave this consultation" })).toBeVisible();
  await context.close();
});
