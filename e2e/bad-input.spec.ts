import type { APIResponse } from "@playwright/test";
import { createUser, testDb, uniqueEmail } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { errorSummary, fillRegistration, submitRegistration } from "./support/journeys";

const GOOD_PASSWORD = "amber kayak thistle 64";

/** Nothing of a refused registration may stay behind: no user, no token, no queued email. */
async function expectNothingStored(email: string) {
  const db = testDb();
  const normalized = email.trim().toLowerCase();
  expect(await db.user.count({ where: { emailNormalized: normalized } })).toBe(0);
  expect(await db.emailMessage.count({ where: { toAddress: { in: [email, normalized] } } })).toBe(0);
}

function validForm(email: string): Record<string, string> {
  return { email, displayName: "Forger", password: GOOD_PASSWORD, homeCity: "limerick", kind: "CITIZEN", acceptPrivacy: "on" };
}

async function expectRefused(response: APIResponse, message: string) {
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toContain("text/html");
  expect(await response.text()).toContain(message);
}

test("invalid email, short password, over-long name and missing consent are refused with localized errors", async ({ page }) => {
  const longName = "N".repeat(61);
  await page.goto("/register");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Display name").fill(longName);
  await page.getByLabel("Password", { exact: true }).fill("short pw");
  await submitRegistration(page);

  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "Enter an email address in the form name@example.com." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "The name must be 60 characters or fewer." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "The password must be at least 12 characters long." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose your city." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "You need to accept the privacy notice to create an account." })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveAccessibleDescription(/Error: The name must be 60 characters or fewer\./);
  await expect(page).toHaveURL(/\/register$/);
  await expectAccessible(page);

  // The error links lead to their fields.
  await summary.getByRole("link", { name: "Choose your city." }).click();
  await expect(page.getByLabel("Your city")).toBeFocused();

  // The server refuses the same input on its own (nothing relies on the browser).
  const email = uniqueEmail("bad");
  const cases: [Record<string, string>, string][] = [
    [{ ...validForm("not-an-email") }, "Enter an email address in the form name@example.com."],
    [{ ...validForm(email), password: "short pw" }, "The password must be at least 12 characters long."],
    [{ ...validForm(email), displayName: longName }, "The name must be 60 characters or fewer."],
    [{ ...validForm(email), displayName: "   " }, "Enter the name other people will see."],
    [{ ...validForm(email), displayName: "Bad\u0001Name" }, "The name contains characters that cannot be shown."],
    [Object.fromEntries(Object.entries(validForm(email)).filter(([key]) => key !== "acceptPrivacy")), "You need to accept the privacy notice"],
  ];
  for (const [form, message] of cases) {
    await expectRefused(await page.request.post("/register", { form, maxRedirects: 0 }), message);
  }
  await expectNothingStored(email);
});

test("a common password is refused by the server and nothing is stored", async ({ page }) => {
  const email = uniqueEmail("common");
  await page.goto("/register");
  await fillRegistration(page, { email, displayName: "Common Person", password: "password1234", city: "Messina" });
  await submitRegistration(page);
  await expect(errorSummary(page)).toContainText("This password is too common and easy to guess.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Display name")).toHaveValue("Common Person");
  await expectAccessible(page);
  await expectNothingStored(email);

  // A common word with digits stuck on the end, and a repeated pattern.
  for (const password of ["Sunshine123!", "abcabcabcabc"]) {
    await expectRefused(await page.request.post("/register", { form: { ...validForm(email), password }, maxRedirects: 0 }), "This password is too common");
  }
  await expectNothingStored(email);
});

test("an email address registered in another letter case is refused as taken", async ({ page }) => {
  const id = crypto.randomUUID().slice(0, 8);
  await createUser({ email: `Foo-${id}@e2e.example` });
  const shouted = `FOO-${id}@E2E.EXAMPLE`;

  await page.goto("/register");
  await fillRegistration(page, { email: shouted, displayName: "Second Foo", password: GOOD_PASSWORD, city: "Oulu" });
  await submitRegistration(page);
  await expect(errorSummary(page).getByRole("link", { name: /An account with this email address already exists/ })).toHaveAttribute(
    "href",
    "#field-email",
  );
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email address")).toHaveValue(shouted);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  const db = testDb();
  expect(await db.user.count({ where: { emailNormalized: `foo-${id}@e2e.example` } })).toBe(1);
  expect(await db.emailMessage.count({ where: { toAddress: shouted } })).toBe(0);
  // Surrounding spaces do not make it new either.
  await expectRefused(
    await page.request.post("/register", { form: validForm(`  foo-${id}@e2e.example `), maxRedirects: 0 }),
    "An account with this email address already exists",
  );
  expect(await db.user.count({ where: { emailNormalized: { contains: `foo-${id}` } } })).toBe(1);
});

const unicodeNames = [
  { label: "an emoji", typed: "Ana 🌻", stored: "Ana 🌻" },
  { label: "right-to-left script", typed: "مريم", stored: "مريم" },
  { label: "a combining mark", typed: "Zoe\u0308", stored: "Zo\u00eb" },
];

for (const name of unicodeNames) {
  test(`a display name with ${name.label} is accepted`, async ({ page }) => {
    const email = uniqueEmail("unicode");
    await page.goto("/register");
    await fillRegistration(page, { email, displayName: name.typed, password: GOOD_PASSWORD, city: "Portalegre", kind: "Entrepreneur" });
    await submitRegistration(page);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByLabel("Display name")).toHaveValue(name.stored);
    await expect(page.getByRole("navigation", { name: "Main" }).getByText(name.stored, { exact: true })).toBeVisible();
    await expectAccessible(page);
    const user = await testDb().user.findUniqueOrThrow({ where: { emailNormalized: email }, select: { displayName: true, kind: true } });
    expect(user).toEqual({ displayName: name.stored, kind: "ENTREPRENEUR" });
  });
}

test("forged registration posts get a 400 with an error, never a 500, and store nothing", async ({ page }) => {
  const email = uniqueEmail("forged");
  const post = (options: Parameters<typeof page.request.post>[1]) => page.request.post("/register", { maxRedirects: 0, ...options });

  await expectRefused(await post({ form: { ...validForm(email), kind: "ADMIN" } }), "Choose whether you join as a citizen or as an entrepreneur.");
  await expectRefused(await post({ form: { ...validForm(email), homeCity: "atlantis" } }), "Choose one of the cities in the list.");
  await expectRefused(await post({ form: { ...validForm(email), homeCity: "../../etc/passwd" } }), "Choose one of the cities in the list.");
  await expectRefused(await post({ form: { ...validForm(email), acceptPrivacy: "yes" } }), "You need to accept the privacy notice");
  await expectRefused(await post({ form: { email } }), "Enter your password.");
  await expectRefused(await post({ form: {} }), "Enter your email address.");
  await expectRefused(await post({ form: { ...validForm(email), displayName: "x".repeat(1024 * 1024) } }), "The name must be 60 characters or fewer.");
  await expectRefused(await post({ form: { ...validForm(email), email: `${"a".repeat(1024 * 1024)}@e2e.example` } }), "The email address must be 254 characters or fewer.");
  await expectRefused(await post({ form: { ...validForm(email), password: "p".repeat(1024 * 1024) } }), "The password must be 128 characters or fewer.");
  // A file where text is expected counts as missing.
  await expectRefused(
    await post({ multipart: { ...validForm(email), displayName: { name: "name.txt", mimeType: "text/plain", buffer: Buffer.from("Mallory") } } }),
    "Enter the name other people will see.",
  );

  // Not a form at all.
  const json = await post({ data: validForm(email) });
  expect(json.status()).toBe(400);
  expect(await json.text()).toContain("We could not understand that request");
  const text = await post({ headers: { "Content-Type": "text/plain" }, data: "email=x" });
  expect(text.status()).toBe(400);
  const broken = await post({ headers: { "Content-Type": "multipart/form-data; boundary=nothing" }, data: "garbage" });
  expect(broken.status()).toBe(400);

  await expectNothingStored(email);
});

test("a NUL character in an address or a form is never a server error", async ({ page }) => {
  for (const address of ["/cities/%00", "/cities/oulu/ideas/%00", "/organizations/%00", "/ideas?q=%00", "/network?city=oulu%00", "/notifications?before=%00"]) {
    const response = await page.request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBe(400);
  }
  // In a form, NUL is dropped before validation: the rest of the answer is judged as typed.
  const email = uniqueEmail("nul");
  const response = await page.request.post("/register", { maxRedirects: 0, form: { ...validForm(email), displayName: "\u0000\u0000", homeCity: "oulu\u0000" } });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Enter the name other people will see.");
  await expectNothingStored(email);
});
