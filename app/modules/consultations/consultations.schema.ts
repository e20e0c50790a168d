// The consultation form's schema, shared by the browser (react-hook-form resolver) and the
// server (the authority). Dates are entered as wall-clock times in the CITY's time zone
// (datetime-local inputs) and converted to UTC instants here, so the same checks run in
// both places: a time skipped by a clock change is refused, phases must not overlap.
// Messages are i18n keys of the `consultations` namespace; "timeDoesNotExist" takes {{zone}}.
import { z } from "zod";
import { CATEGORY_SLUGS } from "~/modules/categories/categories";
import { codePoints, IDEA_LANGUAGES, normalizeLine, normalizeMarkdown } from "~/modules/ideas/ideas.schema";
import { PHASE_KINDS, validatePhases, type PhaseDraft, type PhaseErrorCode, type PhaseKind } from "./phases.policy";
import { zonedLocalToUtc } from "./timezone";

export const TITLE_MIN = 5;
export const TITLE_MAX = 120;
export const QUESTION_MIN = 10;
export const QUESTION_MAX = 300;
export const SUMMARY_MIN = 20;
export const SUMMARY_MAX = 600;
export const BODY_MAX = 20_000;
export const RESULTS_MIN = 20;
export const RESULTS_MAX = 20_000;
export const SUPPORT_LIMIT_MAX = 100;

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/u;
// eslint-disable-next-line no-control-regex -- in Markdown, tabs and line breaks are content
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** Form field names of each phase's dates: informationStart, informationEnd, ideationStart … */
export const PHASE_FIELDS = PHASE_KINDS.map((kind) => {
  const base = kind.toLowerCase();
  return { kind, start: `${base}Start`, end: `${base}End` } as const;
});

export function phaseFieldName(kind: PhaseKind, field: "startsAt" | "endsAt"): string {
  const entry = PHASE_FIELDS.find((item) => item.kind === kind)!;
  return field === "startsAt" ? entry.start : entry.end;
}

function lineField(name: "title" | "question" | "summary", min: number, max: number) {
  const required = `consultations:errors.${name}Required`;
  return z
    .string({ required_error: required, invalid_type_error: required })
    .transform(normalizeLine)
    .pipe(
      z
        .string()
        .min(1, required)
        .refine((value) => !FORBIDDEN_IN_LINE.test(value), "consultations:errors.invalidCharacters")
        .refine((value) => codePoints(value) >= min, `consultations:errors.${name}TooShort`)
        .refine((value) => codePoints(value) <= max, `consultations:errors.${name}TooLong`),
    );
}

function markdownField(max: number, tooLong: string) {
  return z
    .string({ invalid_type_error: "validation:invalid" })
    .default("")
    .transform(normalizeMarkdown)
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((value) => !FORBIDDEN_IN_TEXT.test(value), "consultations:errors.invalidCharacters"),
    );
}

const PHASE_MESSAGES: Record<PhaseErrorCode, string> = {
  missingPhase: "consultations:errors.phaseMissing",
  duplicate: "consultations:errors.phaseMissing",
  missing: "consultations:errors.dateRequired",
  endBeforeStart: "consultations:errors.phaseEndBeforeStart",
  order: "consultations:errors.phaseOrder",
  overlap: "consultations:errors.phaseOverlap",
};

const phaseShape = Object.fromEntries(
  PHASE_FIELDS.flatMap(({ start, end }) => [
    [start, z.string({ invalid_type_error: "consultations:errors.dateRequired" }).trim().max(40, "consultations:errors.dateInvalid").default("")],
    [end, z.string({ invalid_type_error: "consultations:errors.dateRequired" }).trim().max(40, "consultations:errors.dateInvalid").default("")],
  ]),
) as Record<string, z.ZodDefault<z.ZodString>>;

const baseShape = {
  title: lineField("title", TITLE_MIN, TITLE_MAX),
  question: lineField("question", QUESTION_MIN, QUESTION_MAX),
  summary: lineField("summary", SUMMARY_MIN, SUMMARY_MAX),
  body: markdownField(BODY_MAX, "consultations:errors.bodyTooLong"),
  category: z
    .string({ invalid_type_error: "consultations:errors.categoryInvalid" })
    .optional()
    .transform((value) => value?.trim() || "")
    .pipe(z.union([z.literal(""), z.enum(CATEGORY_SLUGS)], { errorMap: () => ({ message: "consultations:errors.categoryInvalid" }) })),
  language: z.enum(IDEA_LANGUAGES, { errorMap: () => ({ message: "consultations:errors.languageInvalid" }) }),
  supportLimit: z
    .string({ invalid_type_error: "consultations:errors.supportLimitInvalid" })
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(
      z
        .string()
        .regex(/^(|[1-9][0-9]{0,2})$/, "consultations:errors.supportLimitInvalid")
        .refine((value) => value === "" || Number(value) <= SUPPORT_LIMIT_MAX, "consultations:errors.supportLimitInvalid"),
    ),
};

/** A phase's local wall-clock values turned into instants, with the field errors of the conversion. */
function convertPhases(values: Record<string, string>, timeZone: string) {
  const errors: { field: string; message: string }[] = [];
  const drafts: PhaseDraft[] = PHASE_FIELDS.map(({ kind, start, end }) => {
    const convert = (field: string): Date | null => {
      const raw = values[field] ?? "";
      if (!raw) return null;
      const result = zonedLocalToUtc(raw, timeZone);
      if (result.ok) return result.date;
      errors.push({ field, message: result.error === "nonexistent" ? "consultations:errors.timeDoesNotExist" : "consultations:errors.dateInvalid" });
      return null;
    };
    return { kind, startsAt: convert(start), endsAt: convert(end) };
  });
  return { drafts, errors };
}

/**
 * The consultation form for a city in `timeZone`. Output: the cleaned text fields,
 * `categorySlug` (null: none), `supportLimit` (null: no limit) and the five phases as UTC
 * instants, in order.
 */
export function consultationSchema(timeZone: string) {
  return z
    .object({ ...baseShape, ...phaseShape })
    .superRefine((values, ctx) => {
      const { drafts, errors } = convertPhases(values as unknown as Record<string, string>, timeZone);
      const failed = new Set(errors.map((error) => error.field));
      for (const error of errors) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [error.field], message: error.message });
      for (const error of validatePhases(drafts)) {
        const field = phaseFieldName(error.kind, error.field);
        // A date that could not be read is already reported as such, not as "missing".
        if (failed.has(field)) continue;
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: PHASE_MESSAGES[error.code] });
      }
    })
    .transform((values) => {
      const { drafts } = convertPhases(values as unknown as Record<string, string>, timeZone);
      return {
        title: values.title,
        question: values.question,
        summary: values.summary,
        body: values.body,
        categorySlug: values.category === "" ? null : values.category,
        language: values.language,
        supportLimit: values.supportLimit === "" ? null : Number(values.supportLimit),
        phases: drafts
          .filter((draft): draft is { kind: PhaseKind; startsAt: Date; endsAt: Date } => Boolean(draft.startsAt && draft.endsAt))
          .map((draft) => ({ kind: draft.kind, startsAt: draft.startsAt, endsAt: draft.endsAt })),
      };
    });
}

export type ConsultationInput = z.output<ReturnType<typeof consultationSchema>>;

/** Names of every field of the form, in order (for echoing values back). */
export const CONSULTATION_FIELDS = [
  "title",
  "question",
  "summary",
  "body",
  "category",
  "language",
  "supportLimit",
  ...PHASE_FIELDS.flatMap(({ start, end }) => [start, end]),
] as const;

export const ResultsSchema = z.object({
  resultsText: z
    .string({ required_error: "consultations:errors.resultsRequired", invalid_type_error: "consultations:errors.resultsRequired" })
    .transform(normalizeMarkdown)
    .pipe(
      z
        .string()
        .min(1, "consultations:errors.resultsRequired")
        .max(RESULTS_MAX, "consultations:errors.resultsTooLong")
        .refine((value) => codePoints(value) >= RESULTS_MIN, "consultations:errors.resultsTooShort")
        .refine((value) => !FORBIDDEN_IN_TEXT.test(value), "consultations:errors.invalidCharacters"),
    ),
});
