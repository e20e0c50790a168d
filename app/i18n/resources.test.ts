// Completeness of the translation bundles: every language listed in config.ts must
// translate every namespace fully, with the same structure, the same {{variables}} and
// all the plural forms its grammar needs. English (the fallback) is the reference.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { fallbackLocale, languages, namespaces, type Locale, type Namespace } from "./config";
import { resources } from "./resources";

const reference: Locale = fallbackLocale;
// i18next v23+ suffixes, named after Intl.PluralRules categories.
const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
const PLURAL_KEY = new RegExp(`^(.*)_(${PLURAL_CATEGORIES.join("|")})$`);

type Leaf = { path: string; value: unknown };

/** Every leaf of a bundle, addressed by dotted path ("sections.0.paragraphs.1"). */
function leaves(node: unknown, prefix = ""): Leaf[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => leaves(child, prefix ? `${prefix}.${index}` : String(index)));
  if (node !== null && typeof node === "object") {
    return Object.entries(node).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [{ path: prefix, value: node }];
}

/** "login.throttled_few" → { base: "login.throttled", category: "few" }; null for other keys. */
function pluralPart(path: string): { base: string; category: string } | null {
  const match = PLURAL_KEY.exec(path);
  return match ? { base: match[1], category: match[2] } : null;
}

/** {{name}}, {{ date, datetime }} → "name", "date". Format arguments are ignored. */
function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((match) => match[1]).sort();
}

function bundle(locale: Locale, ns: Namespace): Record<string, unknown> | undefined {
  return (resources[locale] as Record<string, Record<string, unknown> | undefined> | undefined)?.[ns];
}

function pluralCategories(locale: Locale): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
}

/** The expected shape of `locale`: English paths, with plural groups expanded to the language's categories. */
function expectedPaths(locale: Locale, ns: Namespace): Set<string> {
  const expected = new Set<string>();
  for (const { path } of leaves(bundle(reference, ns))) {
    const plural = pluralPart(path);
    if (!plural) expected.add(path);
    else for (const category of pluralCategories(locale)) expected.add(`${plural.base}_${category}`);
  }
  return expected;
}

/** The English text a locale key is checked against (a plural form is compared with English "_other"). */
function referenceText(ns: Namespace, path: string): unknown {
  const plural = pluralPart(path);
  const englishPath = plural ? `${plural.base}_other` : path;
  return leaves(bundle(reference, ns)).find((leaf) => leaf.path === englishPath)?.value;
}

describe("i18n configuration", () => {
  it("has a bundle with every namespace for every listed language", () => {
    for (const { code } of languages) {
      expect(resources[code], `resources.ts has no bundle for "${code}"`).toBeDefined();
      for (const ns of namespaces) expect(bundle(code, ns), `${code}/${ns}.json is not loaded`).toBeTypeOf("object");
    }
  });

  it("lists the fallback language", () => {
    expect(languages.map((language) => language.code)).toContain(reference);
  });
});

describe.each(languages.map(({ code }) => code))("locale %s", (locale) => {
  describe.each([...namespaces])("namespace %s", (ns) => {
    const actual = leaves(bundle(locale, ns) ?? {});
    const actualPaths = new Set(actual.map((leaf) => leaf.path));
    const expected = expectedPaths(locale, ns);

    it("has every key of the reference language", () => {
      const missing = [...expected].filter((path) => !actualPaths.has(path));
      expect(missing, `${locale}/${ns}.json is missing keys`).toEqual([]);
    });

    it("has no keys the reference language does not have", () => {
      const extra = [...actualPaths].filter((path) => !expected.has(path));
      expect(extra, `${locale}/${ns}.json has unknown keys (or plural forms ${locale} does not use)`).toEqual([]);
    });

    it("has only non-empty strings", () => {
      const bad = actual.filter(({ value }) => typeof value !== "string" || value.trim() === "").map(({ path, value }) => `${path}: ${JSON.stringify(value)}`);
      expect(bad, `${locale}/${ns}.json has empty or non-text values`).toEqual([]);
    });

    it("uses the same {{variables}} as the reference language", () => {
      const problems: string[] = [];
      for (const { path, value } of actual) {
        if (typeof value !== "string") continue;
        const english = referenceText(ns, path);
        if (typeof english !== "string") continue; // reported as an extra key
        if ((value.match(/\{\{/g) ?? []).length !== (value.match(/\}\}/g) ?? []).length) {
          problems.push(`${path}: unbalanced braces in ${JSON.stringify(value)}`);
          continue;
        }
        let want = variables(english);
        // A singular-like form may spell the number out ("one minute") and drop {{count}}.
        const plural = pluralPart(path);
        if (plural && plural.category !== "other" && !value.includes("{{count")) want = want.filter((name) => name !== "count");
        const got = variables(value);
        if (got.join() !== want.join()) problems.push(`${path}: has {{${got.join("}}, {{")}}}, expected {{${want.join("}}, {{")}}}`);
      }
      expect(problems, `${locale}/${ns}.json interpolation mismatch`).toEqual([]);
    });

    it(`has every plural form ${locale} needs (${pluralCategories(locale).join(", ")})`, () => {
      const categories = pluralCategories(locale);
      const groups = new Map<string, Set<string>>();
      for (const { path } of actual) {
        const plural = pluralPart(path);
        if (plural) groups.set(plural.base, (groups.get(plural.base) ?? new Set()).add(plural.category));
      }
      const problems = [...groups].flatMap(([base, present]) => {
        const missing = categories.filter((category) => !present.has(category));
        return missing.length ? [`${base}: missing _${missing.join(", _")}`] : [];
      });
      expect(problems, `${locale}/${ns}.json incomplete plurals`).toEqual([]);
    });
  });

  it("resolves each plural form through i18next", async () => {
    const instance = createInstance();
    await instance.init({ lng: locale, fallbackLng: false, resources, ns: [...namespaces], interpolation: { escapeValue: false } });
    const rules = new Intl.PluralRules(locale);
    // One sample count per category, e.g. ro: one → 1, few → 2, other → 20.
    const samples = new Map<string, number>();
    for (let n = 0; n <= 1000; n++) if (!samples.has(rules.select(n))) samples.set(rules.select(n), n);
    for (const ns of namespaces) {
      for (const { path, value } of leaves(bundle(locale, ns))) {
        const plural = pluralPart(path);
        const count = plural && samples.get(plural.category);
        if (!plural || count === undefined || count === null) continue;
        const expectedText = instance.services.interpolator.interpolate(String(value), { count }, locale, {});
        expect(instance.t(`${ns}:${plural.base}`, { count }), `${locale} ${ns}:${plural.base} with count ${count}`).toBe(expectedText);
      }
    }
  });
});
