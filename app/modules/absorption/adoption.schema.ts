// The adoption questions about a launched service, shared by the browser (react-hook-form)
// and the server (the authority).
import { z } from "zod";

export const ADOPTION_USAGES = ["REGULARLY", "TRIED", "NOT_YET", "UNAWARE"] as const;
export type AdoptionUsage = (typeof ADOPTION_USAGES)[number];

/** Answers from people who have used the service: only they can say how easy it is. */
export const USED_SERVICE: readonly AdoptionUsage[] = ["REGULARLY", "TRIED"];

export const EASE_VALUES = ["1", "2", "3", "4", "5"] as const;
export const MISSING_MAX = 1000;

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

export const FEEDBACK_TEXT_STATUSES = ["PENDING", "PUBLISHED", "REJECTED"] as const;
export type FeedbackTextStatus = (typeof FEEDBACK_TEXT_STATUSES)[number];

/**
 * usage, ease (1–5, required when the person used the service) and "what is missing".
 * An ease given with "not yet" / "did not know it existed" is dropped rather than refused:
 * without JavaScript the radios stay as they were when the person changes their mind.
 */
export const AdoptionFeedbackSchema = z
  .object({
    usage: z.enum(ADOPTION_USAGES, {
      errorMap: () => ({ message: "services:errors.usageRequired" }),
    }),
    ease: z
      .union([z.string(), z.null()])
      .optional()
      .transform((value) => (value === null || value === undefined ? "" : value.trim())),
    missing: z
      .union([z.string(), z.null()])
      .optional()
      // Only invisible characters (zero-width spaces, direction marks…) is no answer either.
      .transform((value) => ((value ?? "").replace(INVISIBLE, "").trim() === "" ? "" : (value ?? "").trim()))
      .pipe(
        z
          .string()
          .max(MISSING_MAX, "services:errors.missingTooLong")
          // Control characters cannot be shown, and PostgreSQL refuses NUL (a 500, not an answer).
          .refine((value) => !CONTROL_IN_TEXT.test(value), "ideaForm:errors.invalidCharacters"),
      ),
  })
  .superRefine((value, context) => {
    if (value.ease !== "" && !(EASE_VALUES as readonly string[]).includes(value.ease)) {
      context.addIssue({ code: "custom", path: ["ease"], message: "services:errors.easeInvalid" });
    } else if (USED_SERVICE.includes(value.usage) && value.ease === "") {
      context.addIssue({ code: "custom", path: ["ease"], message: "services:errors.easeRequired" });
    }
  })
  .transform((value) => ({
    usage: value.usage,
    ease: USED_SERVICE.includes(value.usage) ? Number(value.ease) : null,
    missing: value.missing === "" ? null : value.missing,
  }));

export type AdoptionAnswer = z.output<typeof AdoptionFeedbackSchema>;

/** A moderator's decision on one "what is missing" text. */
export const MissingDecisionSchema = z.object({
  intent: z.enum(["publish", "reject"]),
  // A database id: anything else is forged (and NUL would break the PostgreSQL query).
  feedbackId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** The version the moderator read: a text edited since then is not decided blindly. */
  version: z
    .string()
    .datetime()
    .refine((value) => !Number.isNaN(Date.parse(value))),
});
