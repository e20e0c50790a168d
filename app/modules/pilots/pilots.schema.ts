// Forms of the pilot plan and the launch. Dates are calendar days in the city's time zone
// (the server turns them into instants with timezone.ts); the server is the authority.
import { z } from "zod";

export const PLAN_MIN = 20;
export const PLAN_MAX = 5000;
export const HOW_TO_MAX = 2000;
export const CAPACITY_MAX = 100_000;
export const PARTNERS_MAX = 20;
export const SERVICE_URL_MAX = 2000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Control characters cannot be shown, and PostgreSQL refuses NUL in text outright (a 500
// instead of an answer). Tabs and line breaks are content in the long texts.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const INVALID_CHARACTERS = "ideaForm:errors.invalidCharacters";
/** Database ids (cuid/uuid); anything else is forged and must never reach a query (NUL breaks PostgreSQL). */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A real calendar day ("2026-02-30" is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Pilots and launches of this platform happen in this century; "1000-01-01" is a typo. */
const EARLIEST_DAY = "2000-01-01";
const LATEST_DAY = "2100-12-31";
export function isPlausibleDay(value: string): boolean {
  return !isCalendarDate(value) || (value >= EARLIEST_DAY && value <= LATEST_DAY);
}
const DATE_OUT_OF_RANGE = "pilots:errors.dateOutOfRange";

const calendarDate = (message: string) =>
  z.string({ required_error: message }).trim().refine(isCalendarDate, message).refine(isPlausibleDay, DATE_OUT_OF_RANGE);

export const PilotPlanSchema = z
  .object({
    plan: z
      .string({ required_error: "pilots:errors.planRequired" })
      .trim()
      .min(1, "pilots:errors.planRequired")
      .min(PLAN_MIN, "pilots:errors.planTooShort")
      .max(PLAN_MAX, "pilots:errors.planTooLong")
      .refine((value) => !CONTROL_IN_TEXT.test(value), INVALID_CHARACTERS),
    howToTakePart: z
      .string({ required_error: "pilots:errors.howToRequired" })
      .trim()
      .min(1, "pilots:errors.howToRequired")
      .max(HOW_TO_MAX, "pilots:errors.howToTooLong")
      .refine((value) => !CONTROL_IN_TEXT.test(value), INVALID_CHARACTERS),
    startsAt: calendarDate("pilots:errors.startsAtInvalid"),
    endsAt: calendarDate("pilots:errors.endsAtInvalid"),
    capacity: z
      .string()
      .trim()
      .optional()
      .default("")
      .refine((value) => value === "" || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= CAPACITY_MAX), "pilots:errors.capacityInvalid")
      .transform((value) => (value === "" ? null : Number(value))),
    partnerIds: z.array(z.string().max(64, "pilots:errors.partnerInvalid")).max(PARTNERS_MAX, "pilots:errors.partnersTooMany").default([]),
  })
  .superRefine((value, context) => {
    // Same-format ISO days compare as strings.
    if (isCalendarDate(value.startsAt) && isCalendarDate(value.endsAt) && value.endsAt < value.startsAt) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ["endsAt"], message: "pilots:errors.endsBeforeStart" });
    }
  });

export type PilotPlanInput = z.infer<typeof PilotPlanSchema>;

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const URL_UNSAFE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\ufff9-\ufffb]/u;

/** http(s) only: a `javascript:` or `data:` link on the idea page would run in visitors' browsers. */
export function isServiceUrl(value: string): boolean {
  // The URL parser would quietly drop or encode these, but the typed text is what gets
  // stored: control characters (NUL breaks PostgreSQL), spaces and invisible or
  // direction-changing characters (they disguise where a link goes) are refused.
  if (URL_UNSAFE.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0 && !url.username && !url.password;
}

export const LaunchSchema = z.object({
  serviceUrl: z
    .string({ required_error: "pilots:errors.serviceUrlRequired" })
    .trim()
    .min(1, "pilots:errors.serviceUrlRequired")
    .max(SERVICE_URL_MAX, "pilots:errors.serviceUrlTooLong")
    .refine(isServiceUrl, "pilots:errors.serviceUrlInvalid"),
  launchedAt: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || isCalendarDate(value), "pilots:errors.launchedAtInvalid")
    .refine(isPlausibleDay, DATE_OUT_OF_RANGE),
});

export type LaunchInput = z.infer<typeof LaunchSchema>;

export const TESTER_INTENTS = ["join", "leave"] as const;
export const TesterSchema = z.object({ intent: z.enum(TESTER_INTENTS) });
