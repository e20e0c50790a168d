// Moderation forms, shared by the browser and the server (the server is the authority).
import { z } from "zod";

/** Reasons a moderator may give when rejecting an idea or asking for changes (translated by code). */
export const REVIEW_REASONS = [
  "DUPLICATE",
  "NOT_DIGITAL",
  "NOT_CITY_MATTER",
  "UNCLEAR",
  "INAPPROPRIATE",
  "PERSONAL_DATA",
  "OTHER",
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** Why the system itself acted (auto-hide at the report threshold), translated by code. */
export const AUTOMATIC_REASONS = ["REPORTS"] as const;

/** What a report may be about (mirrors the ReportTarget enum). */
export const REPORT_TARGETS = ["IDEA", "COMMENT", "ORGANIZATION", "USER"] as const;
export type ReportTargetType = (typeof REPORT_TARGETS)[number];
/** Content that can be hidden (a person is suspended instead). */
export const HIDEABLE_TARGETS = ["IDEA", "COMMENT", "ORGANIZATION"] as const;
export type HideableTarget = (typeof HIDEABLE_TARGETS)[number];

/** Why someone reports (mirrors the ReportReason enum). */
export const REPORT_REASONS = ["SPAM", "OFFENSIVE", "OFF_TOPIC", "PERSONAL_DATA", "OTHER"] as const;
export type ReportReasonCode = (typeof REPORT_REASONS)[number];

export const REVIEW_MESSAGE_MIN = 10;
export const REVIEW_MESSAGE_MAX = 2000;
export const REPORT_DETAILS_MAX = 1000;
export const HIDE_REASON_MIN = 3;
export const HIDE_REASON_MAX = 300;
export const SUSPENSION_REASON_MIN = 3;
export const SUSPENSION_REASON_MAX = 500;
/** Suspension lengths offered, in days ("indefinite" = until a moderator lifts it). */
export const SUSPENSION_DURATIONS = ["1", "3", "7", "30", "90", "365", "indefinite"] as const;

// Ids are cuids; anything else is forged and refused before it reaches the database.
const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

// Control characters cannot be shown, and PostgreSQL refuses NUL in text (a 500, not an
// answer). Tabs and line breaks are content.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const INVALID_CHARACTERS = "ideaForm:errors.invalidCharacters";
const withoutControlCharacters = (value: string) => !CONTROL_IN_TEXT.test(value);

const message = z
  .string({ required_error: "moderation:errors.messageRequired" })
  .trim()
  .min(1, "moderation:errors.messageRequired")
  .min(REVIEW_MESSAGE_MIN, "moderation:errors.messageTooShort")
  .max(REVIEW_MESSAGE_MAX, "moderation:errors.messageTooLong")
  .refine(withoutControlCharacters, INVALID_CHARACTERS);

/** Reject a submitted idea, or ask its author for changes: a reason from the list and an explanation. */
export const ReviewDecisionSchema = z.object({
  ideaId: id,
  reasonCode: z.enum(REVIEW_REASONS, {
    errorMap: () => ({ message: "moderation:errors.reasonRequired" }),
  }),
  message,
});

export const IdeaIdSchema = z.object({ ideaId: id });

export const ReportSchema = z.object({
  targetType: z.enum(REPORT_TARGETS),
  targetId: id,
  /** The city the report was made from (used for reports on people). */
  city: z.string().trim().max(64).optional().default(""),
  reason: z.enum(REPORT_REASONS, {
    errorMap: () => ({ message: "moderation:errors.reportReasonRequired" }),
  }),
  details: z.string().trim().max(REPORT_DETAILS_MAX, "moderation:errors.detailsTooLong").refine(withoutControlCharacters, INVALID_CHARACTERS).optional().default(""),
});

export const ReportTargetSchema = z.object({
  targetType: z.enum(REPORT_TARGETS),
  targetId: id,
});

export const HideSchema = z.object({
  targetType: z.enum(HIDEABLE_TARGETS),
  targetId: id,
  reason: z
    .string({ required_error: "moderation:errors.hideReasonRequired" })
    .trim()
    .min(1, "moderation:errors.hideReasonRequired")
    .min(HIDE_REASON_MIN, "moderation:errors.hideReasonTooShort")
    .max(HIDE_REASON_MAX, "moderation:errors.hideReasonTooLong"),
});

export const SuspendSchema = z.object({
  duration: z.enum(SUSPENSION_DURATIONS, {
    errorMap: () => ({ message: "moderation:errors.durationRequired" }),
  }),
  reason: z
    .string({ required_error: "moderation:errors.suspensionReasonRequired" })
    .trim()
    .min(1, "moderation:errors.suspensionReasonRequired")
    .min(SUSPENSION_REASON_MIN, "moderation:errors.suspensionReasonTooShort")
    .max(SUSPENSION_REASON_MAX, "moderation:errors.suspensionReasonTooLong"),
});

/** Audit log filters (query string); bad values are ignored rather than refused. */
export const AuditFilterSchema = z.object({
  action: z.string().trim().max(40).optional().catch(undefined),
  actor: z.string().trim().max(64).optional().catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
