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

/** A real calendar day ("2026-02-30" is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const calendarDate = (message: string) => z.string({ required_error: message }).trim().refine(isCalendarDate, message);

export const PilotPlanSchema = z
  .object({
    plan: z
      .string({ required_error: "pilots:errors.planRequired" })
      .trim()
      .min(1, "pilots:errors.planRequired")
      .min(PLAN_MIN, "pilots:errors.planTooShort")
      .max(PLAN_MAX, "pilots:errors.planTooLong"),
    howToTakePart: z
      .string({ required_error: "pilots:errors.howToRequired" })
      .trim()
      .min(1, "pilots:errors.howToRequired")
      .max(HOW_TO_MAX, "pilots:errors.howToTooLong"),
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

/** http(s) only: a `javascript:` or `data:` link on the idea page would run in visitors' browsers. */
export function isServiceUrl(value: string): boolean {
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
    .refine((value) => value === "" || isCalendarDate(value), "pilots:errors.launchedAtInvalid"),
});

export type LaunchInput = z.infer<typeof LaunchSchema>;

export const TESTER_INTENTS = ["join", "leave"] as const;
export const TesterSchema = z.object({ intent: z.enum(TESTER_INTENTS) });
