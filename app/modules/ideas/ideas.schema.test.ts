import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CATEGORY_SLUGS as SERVER_CATEGORY_SLUGS } from "~/modules/categories/categories.server";
import ideaForm from "~/locales/en/ideaForm.json";
import validation from "~/locales/en/validation.json";
import { fieldErrorsFrom } from "~/utils/forms";
import {
  BODY_MAX,
  IDEA_LANGUAGES,
  IdeaEditSchema,
  IdeaSchema,
  SimilarQuerySchema,
  SUMMARY_MAX,
  TITLE_MAX,
  worthSimilarLookup,
} from "./ideas.schema";
import { MARKDOWN_MAX_LENGTH } from "./markdown.server";

const bundles: Record<string, unknown> = { ideaForm, validation };

/** "ideaForm:errors.titleTooShort" → is it a string in the English bundle? */
function keyExists(key: string): boolean {
  const match = /^(\w+):([\w.]+)$/.exec(key);
  if (!match) return false;
  let node: unknown = bundles[match[1]];
  for (const part of match[2].split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node.length > 0;
}

/** Field → first message of a refused parse; every message must be an existing i18n key. */
function errorsOf(schema: z.ZodTypeAny, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input).slice(0, 200)} to be refused`).toBe(false);
  for (const issue of result.error!.issues) {
    expect(keyExists(issue.message), `"${issue.message}" (${issue.path.join(".")}) is not an i18n key`).toBe(true);
  }
  return fieldErrorsFrom(result.error!);
}

function parsed<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected success, got ${JSON.stringify(result.error.issues.map((issue) => issue.message))}`);
  return result.data;
}

const valid = {
  title: "Renew parking permits online",
  summary: "Residents could renew their parking permit online instead of queueing at the town hall.",
  body: "## Why\n\nQueues are long.",
  category: "mobility",
  language: "en",
};

describe("IdeaSchema: accepted input", () => {
  it("accepts a complete idea and leaves optional references empty", () => {
    const data = parsed(IdeaSchema, valid);
    expect(data).toEqual({ ...valid, consultation: undefined, organization: undefined });
  });

  it("trims, collapses whitespace and line breaks in title and summary into one line", () => {
    const data = parsed(IdeaSchema, {
      ...valid,
      title: "  Renew   parking\tpermits online  ",
      summary: "First line of the summary\r\n\r\nsecond paragraph joined.",
    });
    expect(data.title).toBe("Renew parking permits online");
    expect(data.summary).toBe("First line of the summary second paragraph joined.");
  });

  it("normalizes to NFC (a decomposed accent counts and is stored as one character)", () => {
    const decomposed = "Cafe\u0301 cu wifi public gratuit";
    const data = parsed(IdeaSchema, { ...valid, title: decomposed });
    expect(data.title).toBe("Café cu wifi public gratuit");
    expect(data.title).toBe(data.title.normalize("NFC"));
  });

  it("accepts emoji, right-to-left text and combining accents", () => {
    const titles = [
      "🚲🚲 Bike lanes map 🗺️ for 👨‍👩‍👧 families",
      "خدمة رقمية لتصاريح الوقوف",
      "שירות דיגיטלי לחניה בעיר",
      "Mixed \u200fעברית\u200e and English",
      "Ţară, Ştefan, ș and ț: Botoșani",
      "Z\u0351a\u0352l\u0353g\u0354o text still fine",
    ];
    for (const title of titles) expect(parsed(IdeaSchema, { ...valid, title }).title.length).toBeGreaterThan(0);
    expect(parsed(IdeaSchema, { ...valid, body: "Emoji 🎉, RTL: مرحبا, combining: e\u0301" }).body).toContain("🎉");
  });

  it("counts code points, not UTF-16 units: 10 emoji are a valid title, 121 are too long", () => {
    expect(parsed(IdeaSchema, { ...valid, title: "🔥".repeat(10) }).title).toHaveLength(20);
    expect(errorsOf(IdeaSchema, { ...valid, title: "🔥".repeat(TITLE_MAX + 1) }).title).toBe("ideaForm:errors.titleTooLong");
    expect(parsed(IdeaSchema, { ...valid, title: "🔥".repeat(TITLE_MAX) }).title).toBeDefined();
  });

  it("accepts the limits exactly", () => {
    expect(parsed(IdeaSchema, { ...valid, title: "a".repeat(10) }).title).toHaveLength(10);
    expect(parsed(IdeaSchema, { ...valid, title: "a".repeat(TITLE_MAX) }).title).toHaveLength(TITLE_MAX);
    expect(parsed(IdeaSchema, { ...valid, summary: "s".repeat(20) }).summary).toHaveLength(20);
    expect(parsed(IdeaSchema, { ...valid, summary: "s".repeat(SUMMARY_MAX) }).summary).toHaveLength(SUMMARY_MAX);
    expect(parsed(IdeaSchema, { ...valid, body: "b".repeat(BODY_MAX) }).body).toHaveLength(BODY_MAX);
  });

  it("accepts an empty or missing description", () => {
    expect(parsed(IdeaSchema, { ...valid, body: "" }).body).toBe("");
    const { body: _body, ...withoutBody } = valid;
    expect(parsed(IdeaSchema, withoutBody).body).toBe("");
  });

  it("keeps Markdown structure but normalizes line ends (CRLF from browsers does not count twice)", () => {
    const body = "line\r\n".repeat(3990); // 23,940 characters as posted, 19,950 with "\n"
    const data = parsed(IdeaSchema, { ...valid, body: `\n\n    indented code\r\n- item\r\n${body}` });
    expect(data.body.startsWith("    indented code\n- item\n")).toBe(true);
    expect(data.body).not.toContain("\r");
  });

  it("accepts every network language (and Irish) and no other", () => {
    for (const language of IDEA_LANGUAGES) expect(parsed(IdeaSchema, { ...valid, language }).language).toBe(language);
    // The network languages, plus Irish (Limerick publishes in both English and Irish).
    expect(IDEA_LANGUAGES).toEqual(["en", "ro", "it", "es", "fi", "fr", "lv", "pt", "ga"]);
    for (const language of ["", "de", "EN", "en-GB", "../en", "ro "]) {
      expect(errorsOf(IdeaSchema, { ...valid, language }).language).toBe("ideaForm:errors.languageInvalid");
    }
  });

  it("accepts id-shaped consultation and organization values; empty means none", () => {
    const data = parsed(IdeaSchema, { ...valid, consultation: " cm1abcdef0000 ", organization: "" });
    expect(data.consultation).toBe("cm1abcdef0000");
    expect(data.organization).toBeUndefined();
  });
});

describe("IdeaSchema: refused input", () => {
  it("refuses missing and too short title and summary", () => {
    expect(errorsOf(IdeaSchema, { ...valid, title: "" }).title).toBe("ideaForm:errors.titleRequired");
    expect(errorsOf(IdeaSchema, { ...valid, title: "    " }).title).toBe("ideaForm:errors.titleRequired");
    expect(errorsOf(IdeaSchema, { ...valid, title: undefined }).title).toBe("ideaForm:errors.titleRequired");
    expect(errorsOf(IdeaSchema, { ...valid, title: "Too  short" }).title).toBe("ideaForm:errors.titleTooShort"); // 9 after collapsing
    expect(errorsOf(IdeaSchema, { ...valid, summary: "" }).summary).toBe("ideaForm:errors.summaryRequired");
    expect(errorsOf(IdeaSchema, { ...valid, summary: "s".repeat(19) }).summary).toBe("ideaForm:errors.summaryTooShort");
  });

  it("refuses too long title, summary and description", () => {
    expect(errorsOf(IdeaSchema, { ...valid, title: "a".repeat(TITLE_MAX + 1) }).title).toBe("ideaForm:errors.titleTooLong");
    expect(errorsOf(IdeaSchema, { ...valid, summary: "s".repeat(SUMMARY_MAX + 1) }).summary).toBe("ideaForm:errors.summaryTooLong");
    expect(errorsOf(IdeaSchema, { ...valid, body: "b".repeat(BODY_MAX + 1) }).body).toBe("ideaForm:errors.bodyTooLong");
  });

  it("refuses a 1 MB description quickly, with the clear message", () => {
    const started = performance.now();
    expect(errorsOf(IdeaSchema, { ...valid, body: "x".repeat(1024 * 1024) }).body).toBe("ideaForm:errors.bodyTooLong");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses control characters and invisible spoofing characters in title and summary", () => {
    for (const bad of ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009b", "\u200b"]) {
      expect(errorsOf(IdeaSchema, { ...valid, title: `Parking permits${bad} online` }).title, JSON.stringify(bad)).toBe(
        "ideaForm:errors.invalidCharacters",
      );
      expect(errorsOf(IdeaSchema, { ...valid, summary: `${valid.summary}${bad}` }).summary, JSON.stringify(bad)).toBe(
        "ideaForm:errors.invalidCharacters",
      );
    }
  });

  it("turns other whitespace (no-break space, BOM, line separators) into plain spaces", () => {
    expect(parsed(IdeaSchema, { ...valid, title: "Parking\u00a0permits\ufeff\u2028online" }).title).toBe("Parking permits online");
  });

  it("refuses control characters in the description but keeps tabs and line breaks", () => {
    expect(errorsOf(IdeaSchema, { ...valid, body: "text\u0000more" }).body).toBe("ideaForm:errors.invalidCharacters");
    expect(errorsOf(IdeaSchema, { ...valid, body: "bell\u0007" }).body).toBe("ideaForm:errors.invalidCharacters");
    expect(parsed(IdeaSchema, { ...valid, body: "a\tb\nc" }).body).toBe("a\tb\nc");
  });

  it("refuses forged categories", () => {
    for (const category of ["", "MOBILITY", "mobility ", "unknown", "mobility' OR 1=1", "__proto__", "../mobility"]) {
      expect(errorsOf(IdeaSchema, { ...valid, category }).category, category).toBe("ideaForm:errors.categoryRequired");
    }
    expect(errorsOf(IdeaSchema, { ...valid, category: undefined }).category).toBe("ideaForm:errors.categoryRequired");
  });

  it("refuses references that cannot be ids", () => {
    expect(errorsOf(IdeaSchema, { ...valid, consultation: "x'; DROP TABLE" }).consultation).toBe("ideaForm:errors.consultationInvalid");
    expect(errorsOf(IdeaSchema, { ...valid, organization: "a".repeat(65) }).organization).toBe("ideaForm:errors.organizationInvalid");
  });

  it("refuses non-string values (forged JSON or repeated fields) without throwing", () => {
    const errors = errorsOf(IdeaSchema, { ...valid, title: 42, summary: ["a"], body: { x: 1 }, category: null });
    expect(Object.keys(errors).sort()).toEqual(["body", "category", "summary", "title"]);
  });
});

describe("IdeaEditSchema", () => {
  it("validates the same text fields and ignores consultation and organization", () => {
    const data = parsed(IdeaEditSchema, { ...valid, consultation: "forged", organization: "forged" });
    expect(data).toEqual(valid);
    expect(errorsOf(IdeaEditSchema, { ...valid, title: "short" }).title).toBe("ideaForm:errors.titleTooShort");
  });
});

describe("shared limits", () => {
  it("match the renderer and the server's category list", () => {
    expect(BODY_MAX).toBe(MARKDOWN_MAX_LENGTH);
    expect(SERVER_CATEGORY_SLUGS.length).toBe(10);
  });
});

describe("SimilarQuerySchema and worthSimilarLookup", () => {
  it("caps the title at 200 characters and accepts only a positive idea number to exclude", () => {
    expect(SimilarQuerySchema.safeParse({ title: "a".repeat(200) }).success).toBe(true);
    expect(SimilarQuerySchema.safeParse({ title: "a".repeat(201) }).success).toBe(false);
    expect(SimilarQuerySchema.parse({ title: "x", exclude: "12" }).exclude).toBe(12);
    for (const exclude of ["0", "-1", "1.5", "abc", "9999999999"]) {
      expect(SimilarQuerySchema.safeParse({ title: "x", exclude }).success, exclude).toBe(false);
    }
  });

  it("needs a word of three letters or digits", () => {
    expect(worthSimilarLookup("ab")).toBe(false);
    expect(worthSimilarLookup("a b c d")).toBe(false);
    expect(worthSimilarLookup("*** ---")).toBe(false);
    expect(worthSimilarLookup("bus")).toBe(true);
    expect(worthSimilarLookup("Piață")).toBe(true);
    expect(worthSimilarLookup("東京都")).toBe(true);
  });
});
