// A consultation through its phases, as its participants and its city admin live it:
// a citizen joins during ideation and proposes an idea through the idea form; supports are
// refused before the supports phase with the date they open (in the city's time zone);
// the city admin moves the phases on through the edit form; supports are accepted up to
// the consultation's limit, counted down on the page, and refused beyond it; the city
// admin publishes the results and the ideas are ranked by supports.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { formatZoned, utcToZonedLocal } from "../app/modules/consultations/timezone";
import { publishIdeaAsModerator, supportAs } from "./support/commands";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, logIn, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

const DAY = 24 * 60 * 60 * 1000;
const ZONE = "Europe/Helsinki";
const KINDS = ["INFORMATION", "IDEATION", "SUPPORTS", "REVIEW", "RESULTS"] as const;
const LABELS = ["Information", "Ideation", "Supports", "Review", "Results"] as const;
type Kind = (typeof KINDS)[number];
const LIMIT = 5;

/** Five back-to-back 10-day phases, the phase `current` running now (its middle), at whole minutes. */
function phasesAround(current: Kind, now = Date.now()) {
  const minute = 60_000;
  const first = Math.floor((now - 5 * DAY - KINDS.indexOf(current) * 10 * DAY) / minute) * minute;
  return KINDS.map((kind, index) => ({
    kind,
    startsAt: new Date(first + index * 10 * DAY),
    endsAt: new Date(first + (index + 1) * 10 * DAY),
  }));
}

/** A published consultation of Oulu in its ideation phase, with a limit of supports per person. */
async function consultationInIdeation(title: string) {
  const db = testDb();
  const city = await db.city.findUniqueOrThrow({
    where: { slug: "oulu" },
    select: { id: true },
  });
  const phases = phasesAround("IDEATION");
  const consultation = await db.consultation.create({
    data: {
      cityId: city.id,
      slug: `phases-${randomUUID().slice(0, 8)}`,
      title,
      question: "How should residents pay for parking with their phones?",
      summary: "The city will replace its parking meters. Tell us how paying should work.",
      status: "PUBLISHED",
      publishedAt: new Date(),
      supportLimit: LIMIT,
      phases: { create: phases },
    },
    select: { id: true, slug: true },
  });
  return {
    ...consultation,
    phases,
    path: `/cities/oulu/consultations/${consultation.slug}`,
  };
}

async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

/** The city admin moves the consultation to another phase through its edit form. */
async function moveToPhase(page: Page, path: string, phase: Kind) {
  await page.goto(`${path}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit the consultation" })).toBeVisible();
  await hydrated(page);
  const bounds = phasesAround(phase);
  for (const [index, label] of LABELS.entries()) {
    await page.getByLabel(`${label} starts`).fill(utcToZonedLocal(bounds[index].startsAt, ZONE).slice(0, 16));
    await page.getByLabel(`${label} ends`).fill(utcToZonedLocal(bounds[index].endsAt, ZONE).slice(0, 16));
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("status").filter({ hasText: "Your changes were saved." })).toBeVisible();
  await expect(
    page.getByRole("heading", {
      level: 2,
      name: `Taking part now: ${LABELS[KINDS.indexOf(phase)]} phase`,
    })
  ).toBeVisible();
}

function supportSection(page: Page) {
  return page.getByRole("region", { name: "Support", exact: true });
}

function quotaText(page: Page) {
  return supportSection(page).getByTestId("support-quota");
}

test("a consultation through its phases: ideation, supports up to the limit, results ranked by supports", async ({ browser }) => {
  // A long journey with an axe scan of every page it visits.
  test.setTimeout(300_000);
  const word = `kiosk${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;
  const title = `Parking with your phone ${word}`;
  const consultation = await consultationInIdeation(title);
  const admin = await createUser({
    displayName: "Aada Admin",
    roles: [{ role: "CITY_ADMIN", city: "oulu" }],
  });
  const moderator = await createUser({
    displayName: "Matti Moderator",
    roles: [{ role: "MODERATOR", city: "oulu" }],
  });
  const citizen = await createUser({ displayName: "Siiri Citizen" });
  const neighbour = await createUser({ displayName: "Niko Neighbour" });

  // Six published ideas of the consultation by someone else (idea 0 is the one shown before supports open).
  const others: { id: string; path: string; title: string }[] = [];
  for (const index of [1, 2, 3, 4, 5, 6]) {
    const ideaTitle = `Option ${index} ${word} for paying`;
    const idea = await createPublishedIdea({
      authorId: neighbour.id,
      publishedById: moderator.id,
      title: ideaTitle,
    });
    await testDb().idea.update({
      where: { id: idea.id },
      data: { consultationId: consultation.id },
    });
    others.push({ id: idea.id, path: idea.path, title: ideaTitle });
  }

  const citizenContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const page = await citizenContext.newPage();
  const adminPage = await adminContext.newPage();

  // 1. Ideation: the citizen joins and proposes an idea for the consultation.
  await logIn(page, citizen.email, citizen.password);
  await page.goto(consultation.path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByRole("heading", {
      level: 2,
      name: "Taking part now: Ideation phase",
    })
  ).toBeVisible();
  const supportsOpen = formatZoned(consultation.phases[2].startsAt, ZONE, "en");
  const supportsOpenText = `Supports open on ${supportsOpen.date} at ${supportsOpen.time} (Oulu time).`;
  await expect(page.getByText(supportsOpenText)).toBeVisible();
  await expect(page.getByText(`${LIMIT} of ${LIMIT} supports left`)).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);

  const panel = page.getByRole("region", { name: "Take part" });
  await panel.getByRole("button", { name: "Join as a participant" }).click();
  await expect(page.getByText("You joined this consultation.")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Leave this consultation" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Propose an idea for this consultation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Propose an idea" })).toBeVisible();
  await hydrated(page);
  const consultationField = page.getByLabel("Consultation", { exact: true });
  await expect(consultationField).toHaveValue(consultation.id);
  await consultationField.selectOption({ label: title });
  const ideaTitle = `Pay ${word} parking by text message`;
  await page.getByLabel("Title", { exact: true }).fill(ideaTitle);
  await page.getByLabel("Summary", { exact: true }).fill("Send a text message with the zone number to start paying, and another to stop.");
  await page.getByLabel("Description (optional)").fill("Not everyone has a **smartphone**: a text message works on any phone.");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Mobility" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send for review" }).click();

  await expect(page).toHaveURL(/\/cities\/oulu\/ideas\/\d+$/);
  await expect(
    page.getByRole("status").filter({
      hasText: "Your idea was sent; moderators will review it before it is public.",
    })
  ).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
  const number = Number(new URL(page.url()).pathname.split("/").pop());
  const own = await testDb().idea.findUniqueOrThrow({
    where: { number },
    select: { id: true, status: true, consultationId: true },
  });
  expect(own).toMatchObject({
    status: "SUBMITTED",
    consultationId: consultation.id,
  });
  await publishIdeaAsModerator(own.id, moderator.id);

  await page.goto(consultation.path);
  await expect(page.getByRole("region", { name: /Ideas for this consultation/ }).getByRole("link", { name: ideaTitle })).toBeVisible();
  await expectAccessible(page);

  // 2. Before the supports phase: the idea page explains when supports open, instead of a button.
  await page.goto(others[0].path);
  const section = supportSection(page);
  await expect(section.getByText(supportsOpenText)).toBeVisible();
  await expect(section.getByRole("button", { name: /support/i })).toHaveCount(0);
  await expect(quotaText(page)).toHaveText(`${LIMIT} of ${LIMIT} supports left`);
  await expectAccessible(page);
  // A support posted anyway (a stale page, a forged form) is refused by the server and changes nothing.
  const early = await page.request.post(others[0].path, {
    form: { intent: "support" },
    maxRedirects: 0,
  });
  expect(early.status()).toBeGreaterThanOrEqual(300);
  expect(early.status()).toBeLessThan(400);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Supports are not open yet in this consultation." })).toBeVisible();
  await expect(section.getByText(supportsOpenText)).toBeVisible();
  expect(await testDb().support.count({ where: { ideaId: others[0].id } })).toBe(0);

  // 3. The city admin opens the supports phase through the edit form.
  await logIn(adminPage, admin.email, admin.password);
  await moveToPhase(adminPage, consultation.path, "SUPPORTS");
  await expectAccessible(adminPage);

  // Other residents support the citizen's idea (3) and the second option (1), through the same command.
  for (const index of [1, 2, 3]) {
    const supporter = await createUser({ displayName: `Supporter ${index}` });
    expect(await supportAs(own.id, supporter.id)).toMatchObject({ ok: true, already: false });
  }
  const extra = await createUser({ displayName: "Supporter 4" });
  expect(await supportAs(others[1].id, extra.id)).toMatchObject({ ok: true, already: false });

  await page.goto(consultation.path);
  await expect(
    page.getByRole("heading", {
      level: 2,
      name: "Taking part now: Supports phase",
    })
  ).toBeVisible();
  await expect(page.getByText(`${LIMIT} of ${LIMIT} supports left`)).toBeVisible();
  await expectAccessible(page);

  // The citizen supports five ideas, the page counting down what is left.
  let last: Page | undefined;
  for (const [index, idea] of others.slice(0, LIMIT).entries()) {
    if (index === LIMIT - 1) {
      // Before the last support, the sixth idea is opened in another tab: it still offers the button.
      last = await citizenContext.newPage();
      await last.goto(others[LIMIT].path);
      await hydrated(last);
      await expect(supportSection(last).getByRole("button", { name: /^Support this idea/ })).toBeVisible();
      await expect(quotaText(last)).toHaveText(`1 of ${LIMIT} supports left`);
      await expectAccessible(last);
    }
    await page.goto(idea.path);
    await expect(page.getByRole("heading", { level: 1, name: idea.title })).toBeVisible();
    await hydrated(page);
    await expect(quotaText(page)).toHaveText(`${LIMIT - index} of ${LIMIT} supports left`);
    await supportSection(page)
      .getByRole("button", { name: /^Support this idea/ })
      .click();
    await expect(supportSection(page).getByRole("button", { name: /^Withdraw my support/ })).toBeVisible();
    await expect(quotaText(page)).toHaveText(`${LIMIT - index - 1} of ${LIMIT} supports left`);
    await expectAccessible(page);
  }
  expect(
    await testDb().consultationSupportQuota.findUniqueOrThrow({
      where: {
        consultationId_userId: {
          consultationId: consultation.id,
          userId: citizen.id,
        },
      },
    })
  ).toMatchObject({ used: LIMIT });

  // A sixth support, from the tab opened earlier: refused, with a clear message and nothing changed.
  const tab = last!;
  await supportSection(tab)
    .getByRole("button", { name: /^Support this idea/ })
    .click();
  const limitText = `You have used all ${LIMIT} of your supports in this consultation. Withdraw one from another idea to support this one.`;
  await expect(supportSection(tab).locator('[data-phase-denial="support-limitReached"]')).toHaveText(limitText);
  // Announced to screen readers too (the button that had focus is gone).
  await expect(supportSection(tab).getByRole("status")).toHaveText(limitText);
  await expect(supportSection(tab).getByRole("button", { name: /support/i })).toHaveCount(0);
  await expect(quotaText(tab)).toHaveText(`0 of ${LIMIT} supports left`);
  await expectAccessible(tab);
  expect(await testDb().support.count({ where: { ideaId: others[LIMIT].id } })).toBe(0);
  await tab.close();

  // The consultation page says the same.
  await page.goto(consultation.path);
  await expect(page.getByText(`0 of ${LIMIT} supports left`)).toBeVisible();
  await expectAccessible(page);

  // 4. Results: the city admin moves to the results phase and publishes the results.
  await moveToPhase(adminPage, consultation.path, "RESULTS");
  const results = adminPage.getByRole("region", {
    name: "Results",
    exact: true,
  });
  await results.getByLabel("Results text").fill(`Oulu will pilot **text message payment** (idea ${ideaTitle}) in 2027.`);
  await expectAccessible(adminPage);
  await results.getByRole("button", { name: "Publish the results" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "The results are published." })).toBeVisible();
  await expect(adminPage.getByRole("region", { name: "Results", exact: true }).locator("strong", { hasText: "text message payment" })).toBeVisible();
  await expectAccessible(adminPage);

  // Everyone sees the results and the ideas ranked by supports.
  await page.goto(consultation.path);
  await expect(
    page.getByRole("heading", {
      level: 2,
      name: "Taking part now: Results phase",
    })
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Results", exact: true }).locator("strong", { hasText: "text message payment" })).toBeVisible();
  const ranking = page.getByRole("list", { name: "Ideas ranked by supports" });
  const entries = ranking.locator(":scope > li");
  await expect(entries).toHaveCount(7);
  await expect(entries.nth(0).getByRole("link", { name: ideaTitle })).toBeVisible();
  await expect(entries.nth(0)).toContainText("3 supports");
  await expect(entries.nth(1).getByRole("link", { name: others[1].title })).toBeVisible();
  await expect(entries.nth(1)).toContainText("2 supports");
  for (const position of [2, 3, 4, 5]) await expect(entries.nth(position)).toContainText("1 support");
  await expect(entries.nth(6).getByRole("link", { name: others[LIMIT].title })).toBeVisible();
  await expect(entries.nth(6)).toContainText("0 supports");
  await expect(entries.nth(0)).toHaveAttribute("data-rank", "1");
  await expect(entries.nth(6)).toHaveAttribute("data-rank", "7");
  await expectAccessible(page);

  await citizenContext.close();
  await adminContext.close();
});
