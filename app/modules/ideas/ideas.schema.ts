// The idea form's schema, shared by the browser (react-hook-form resolver) and the server
// (the authority). Messages are i18n keys in the `ideaForm` namespace. Whether a
// consultation or an organization may be used is decided on the server (it needs the
// database): here they are only checked to look like ids.
import { z } from "zod";
import { CATEGORY_SLUGS, CITY_CATEGORY_SLUG } from "~/modules/categories/categories";

export const TITLE_MIN = 10;
export const TITLE_MAX = 120;
export const SUMMARY_MIN = 20;
export const SUMMARY_MAX = 500;
/** Same as MARKDOWN_MAX_LENGTH in markdown.server.ts: what is accepted renders in full. */
export const BODY_MAX = 20_000;
/** Longest title the similar-ideas lookup accepts (it only needs the first words). */
export const SIMILAR_QUERY_MAX = 200;

/** Languages an idea can be written in: the network's languages, whatever the interface offers. */
export const IDEA_LANGUAGES = ["en", "ro", "it", "es", "fi", "fr", "lv", "pt", "ga"] as const;
export type IdeaLanguage = (typeof IDEA_LANGUAGES)[number];

export function isIdeaLanguage(value: unknown): value is IdeaLanguage {
  return typeof value === "string" && (IDEA_LANGUAGES as readonly string[]).includes(value);
}

/** Length as people count it (an emoji or "ă" is one, not two UTF-16 units). */
export const codePoints = (value: string) => Array.from(value).length;

// Control characters and invisible ones that only serve to spoof or break layout. Joiners
// (emoji sequences), direction marks (RTL text) and combining accents stay allowed.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/u;
// In Markdown, tabs and line breaks are content.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** NFC, whitespace runs (line breaks included) collapsed to one space, trimmed. */
export function normalizeLine(value: string): string {
  return value.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** NFC, Windows/old-Mac line ends as "\n", no leading blank lines or trailing spaces. */
export function normalizeMarkdown(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}

function lineField(keys: { required: string; tooShort: string; tooLong: string; invalid: string }, min: number, max: number) {
  return z
    .string({ required_error: keys.required, invalid_type_error: keys.required })
    .transform(normalizeLine)
    .pipe(
      z
        .string()
        .min(1, keys.required)
        .refine((value) => !FORBIDDEN_IN_LINE.test(value), keys.invalid)
        .refine((value) => codePoints(value) >= min, keys.tooShort)
        .refine((value) => codePoints(value) <= max, keys.tooLong),
    );
}

export const titleField = lineField(
  {
    required: "ideaForm:errors.titleRequired",
    tooShort: "ideaForm:errors.titleTooShort",
    tooLong: "ideaForm:errors.titleTooLong",
    invalid: "ideaForm:errors.invalidCharacters",
  },
  TITLE_MIN,
  TITLE_MAX,
);

export const summaryField = lineField(
  {
    required: "ideaForm:errors.summaryRequired",
    tooShort: "ideaForm:errors.summaryTooShort",
    tooLong: "ideaForm:errors.summaryTooLong",
    invalid: "ideaForm:errors.invalidCharacters",
  },
  SUMMARY_MIN,
  SUMMARY_MAX,
);

export const bodyField = z
  .string({ invalid_type_error: "validation:invalid" })
  .default("")
  .transform(normalizeMarkdown)
  .pipe(
    z
      .string()
      .max(BODY_MAX, "ideaForm:errors.bodyTooLong")
      .refine((value) => !FORBIDDEN_IN_TEXT.test(value), "ideaForm:errors.invalidCharacters"),
  );

export const categoryField = z
  .string({ required_error: "ideaForm:errors.categoryRequired", invalid_type_error: "ideaForm:errors.categoryRequired" })
  // A network category, or one of the city's own (checked against the city on the server).
  .refine((slug) => (CATEGORY_SLUGS as readonly string[]).includes(slug) || CITY_CATEGORY_SLUG.test(slug), "ideaForm:errors.categoryRequired");

export const languageField = z.enum(IDEA_LANGUAGES, { errorMap: () => ({ message: "ideaForm:errors.languageInvalid" }) });

/** An optional reference by id: "" (the "none" option) means none. */
function optionalId(message: string) {
  return z
    .string({ invalid_type_error: message })
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(
      z
        .string()
        .max(64, message)
        .regex(/^[A-Za-z0-9_-]+$/, message)
        .optional(),
    );
}

export const IdeaSchema = z.object({
  title: titleField,
  summary: summaryField,
  body: bodyField,
  category: categoryField,
  language: languageField,
  consultation: optionalId("ideaForm:errors.consultationInvalid"),
  organization: optionalId("ideaForm:errors.organizationInvalid"),
});

/** Editing changes the text, category and language; the idea's context stays as submitted. */
export const IdeaEditSchema = IdeaSchema.omit({ consultation: true, organization: true });

export type IdeaInput = z.infer<typeof IdeaSchema>;
export type IdeaEditInput = z.infer<typeof IdeaEditSchema>;

/** Query of the similar-ideas lookup (GET ?title=…). */
export const SimilarQuerySchema = z.object({
  title: z.string().max(SIMILAR_QUERY_MAX),
  /** Number of the idea being edited (not "similar" to itself). */
  exclude: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/)
    .transform(Number)
    .optional(),
});

/** Whether a title has enough letters to look for similar ideas (as similarIdeaIds needs). */
export function worthSimilarLookup(title: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(title.normalize("NFKC"));
}
