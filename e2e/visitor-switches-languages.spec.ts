// A visitor switches to each of the eight interface languages with the switcher in the
// header and sees the home page, an idea page, the registration form with its validation
// errors and a consultation page fully translated: the page is marked as that language,
// shows that language's texts, and shows neither a raw translation key nor the English
// text of a key that this language translates differently (a key missing in the locale
// falls back to English).
//
// The texts are read from app/locales at run time (JSON files, not imported modules).
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createPublishedIdea } from "./support/ideas";

const LOCALES = [
  { code: "en", label: "English" },
  { code: "ro", label: "Română" },
  { code: "it", label: "Italiano" },
  { code: "es", label: "Español" },
  { code: "fi", label: "Suomi" },
  { code: "fr", label: "Français" },
  { code: "lv", label: "Latviešu" },
  { code: "pt", label: "Português" },
] as const;

const LOCALES_DIR = path.join(process.cwd(), "app", "locales");

/** Every text of a locale, flattened: "auth:register.title" → "Create an account". */
function flatten(locale: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === "string") texts.set(prefix, value);
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value))
        walk(
          prefix.endsWith(":") ? `${prefix}${key}` : `${prefix}.${key}`,
          child
        );
    }
  };
  for (const file of readdirSync(path.join(LOCALES_DIR, locale)).filter(
    (name) => name.endsWith(".json")
  )) {
    walk(
      `${file.replace(/\.json$/, "")}:`,
      JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, file), "utf8"))
    );
  }
  return texts;
}

const english = flatten("en");

function text(texts: Map<string, string>, key: string): string {
  const value = texts.get(key);
  if (value === undefined) throw new Error(`no text for ${key}`);
  return value;
}

/** A namespaced key left raw on the page ("auth:register.title"). */
const RAW_NAMESPACED_KEY = /\b[a-zA-Z]+:[a-zA-Z]+(\.[a-zA-Z_]+)+\b/g;
/**
 * i18next shows a missing "ns:a.b" as "a.b": a dotted path starting with one of the
 * resources' top-level groups ("register.title", "register.typo"), not part of a word,
 * an address or an email address.
 */
const GROUPS = [
  ...new Set(
    [...english.keys()]
      .map((key) => key.split(":")[1])
      .filter((keyPath) => keyPath.includes("."))
      .map((keyPath) => keyPath.split(".")[0])
  ),
];
const RAW_KEY_PATH = new RegExp(
  `(?<![\\w.@/-])(?:${GROUPS.join("|")})(?:\\.[A-Za-z_]+)+(?![\\w@-]|\\.\\w)`,
  "g"
);

/**
 * English texts that must not appear on a page in `locale`: texts this locale translates
 * differently, long enough to be distinctive (several words or 8+ characters), and not
 * contained in any of the locale's own texts (a shared word is not a leak). Texts with
 * placeholders contribute their fixed parts.
 */
function englishLeaks(locale: string, texts: Map<string, string>): string[] {
  if (locale === "en") return [];
  const ownTexts = [...texts.values()];
  const leaks = new Set<string>();
  for (const [key, value] of english) {
    if (texts.get(key) === value) continue;
    for (const part of value.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>/)) {
      const fragment = part.trim();
      if (fragment.length < 8 || !/\p{L}{3}/u.test(fragment)) continue;
      if (!/\s/.test(fragment) && fragment.length < 12) continue;
      if (ownTexts.some((own) => own.includes(fragment))) continue;
      leaks.add(fragment);
    }
  }
  return [...leaks];
}

/**
 * The text a reader of the page language reads or hears: visible and screen-reader-only
 * text and the accessible attributes, leaving out content marked as written in another
 * language (lang attribute), such as an English idea or the language names in the switcher.
 */
async function pageLanguageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const inPageLanguage = (element: Element | null) =>
      (element?.closest("[lang]")?.getAttribute("lang") ?? pageLang) ===
      pageLang;
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template, noscript"))
        continue;
      if (inPageLanguage(parent)) parts.push(node.textContent ?? "");
    }
    for (const element of document.body.querySelectorAll(
      "[aria-label], [title], [placeholder], [alt], [aria-description]"
    )) {
      if (!inPageLanguage(element)) continue;
      for (const name of [
        "aria-label",
        "title",
        "placeholder",
        "alt",
        "aria-description",
      ]) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join("\n");
  });
}

async function expectFullyTranslated(
  page: Page,
  locale: string,
  leaks: string[]
) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  const content = await pageLanguageText(page);
  const rawKeys = [
    ...content.matchAll(RAW_NAMESPACED_KEY),
    ...content.matchAll(RAW_KEY_PATH),
  ].map((match) => `raw key: ${match[0]}`);
  const englishTexts = leaks
    .filter((leak) => content.includes(leak))
    .map((leak) => `English: ${leak}`);
  expect(
    [...rawKeys, ...englishTexts],
    `untranslated texts on the ${locale} page ${page.url()}`
  ).toEqual([]);
}

/** "Written in {{language}}" as a pattern: the language name comes from Intl at render time. */
function writtenInPattern(template: string): RegExp {
  const [before, after] = template.split("{{language}}").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${before}\\S.*${after}$`);
}

async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

/** A published consultation of Oulu in its ideation phase. */
async function publishedConsultation() {
  const db = testDb();
  const city = await db.city.findUniqueOrThrow({
    where: { slug: "oulu" },
    select: { id: true },
  });
  const day = 24 * 60 * 60 * 1000;
  const start = Math.floor((Date.now() - 15 * day) / 60_000) * 60_000;
  const kinds = [
    "INFORMATION",
    "IDEATION",
    "SUPPORTS",
    "REVIEW",
    "RESULTS",
  ] as const;
  const consultation = await db.consultation.create({
    data: {
      cityId: city.id,
      slug: `languages-${randomUUID().slice(0, 8)}`,
      title: "Parking by phone",
      question: "How should residents pay for parking with their phones?",
      summary: "The city will replace its parking meters.",
      body: "The meters are **twenty years old**.",
      language: "en",
      status: "PUBLISHED",
      publishedAt: new Date(),
      supportLimit: 5,
      phases: {
        create: kinds.map((kind, index) => ({
          kind,
          startsAt: new Date(start + index * 10 * day),
          endsAt: new Date(start + (index + 1) * 10 * day),
        })),
      },
    },
    select: { slug: true },
  });
  return `/cities/oulu/consultations/${consultation.slug}`;
}

let ideaPath = "";
let consultationPath = "";

test.beforeAll(async () => {
  const author = await createUser({ displayName: "Lingua Author" });
  ideaPath = (
    await createPublishedIdea({
      authorId: author.id,
      city: "oulu",
      title: `Bike-share map ${randomUUID().slice(0, 6)}`,
    })
  ).path;
  consultationPath = await publishedConsultation();
});

for (const { code, label } of LOCALES) {
  test(`a visitor switches to ${label} and sees the pages fully translated`, async ({
    page,
  }) => {
    test.slow(); // four pages and a form, each scanned with axe
    const texts = flatten(code);
    const t = (key: string) => text(texts, key);
    const leaks = englishLeaks(code, texts);

    // The switcher in the header, from an English page.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const header = page.getByRole("banner");
    await header
      .getByLabel(text(english, "common:language.label"), { exact: true })
      .selectOption({ label });
    const reload = page.waitForEvent("load");
    await header
      .getByRole("button", {
        name: text(english, "common:language.submit"),
        exact: true,
      })
      .click();
    await reload;

    // Home page.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      t("cities:network.title")
    );
    await expect(
      page
        .getByRole("banner")
        .getByLabel(t("common:language.label"), { exact: true })
    ).toHaveValue(code);
    await expectFullyTranslated(page, code, leaks);
    await expectAccessible(page);

    // An idea page (the idea itself is written in English and marked so).
    await page.goto(ideaPath);
    await expect(
      page.getByRole("heading", { level: 2, name: t("ideaPage:bodyHeading") })
    ).toBeVisible();
    if (code !== "en") {
      await expect(page.locator("#idea-title")).toHaveAttribute("lang", "en");
      // …and a visible marker says so, in the reader's language.
      await expect(page.getByText(writtenInPattern(t("network:content.writtenIn"))).first()).toBeVisible();
    }
    await expectFullyTranslated(page, code, leaks);
    await expectAccessible(page);

    // The registration form and its validation errors.
    await page.goto("/register");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      t("auth:register.title")
    );
    await hydrated(page);
    await expectFullyTranslated(page, code, leaks);
    await page.getByRole("button", { name: t("auth:register.submit") }).click();
    const alert = page.getByRole("alert");
    await expect(
      alert.getByRole("heading", { name: t("validation:summaryTitle") })
    ).toBeVisible();
    await expect(alert).toContainText(t("validation:email.required"));
    await expect(alert).toContainText(t("validation:acceptPrivacy.required"));
    await expectFullyTranslated(page, code, leaks);
    await expectAccessible(page);
    await page.getByLabel(t("auth:fields.email")).fill("not-an-email");
    await page.getByRole("button", { name: t("auth:register.submit") }).click();
    await expect(alert).toContainText(t("validation:email.invalid"));
    await expectFullyTranslated(page, code, leaks);

    // A consultation page.
    await page.goto(consultationPath);
    await expect(
      page.getByRole("heading", {
        level: 2,
        name: t("consultations:page.question"),
      })
    ).toBeVisible();
    await expect(
      page.getByRole("heading", {
        level: 2,
        name: t("consultations:page.about"),
      })
    ).toBeVisible();
    if (code !== "en") {
      await expect(page.locator("#consultation-title")).toHaveAttribute(
        "lang",
        "en"
      );
      await expect(page.getByText(writtenInPattern(t("network:content.writtenIn"))).first()).toBeVisible();
    }
    await expectFullyTranslated(page, code, leaks);
    await expectAccessible(page);
  });
}
