import { z } from "zod";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

const frequency = z.enum(EMAIL_FREQUENCIES, {
  errorMap: () => ({ message: "notifications:preferences.invalid" }),
});

/** One radio group per kind on the preferences page. */
export const PreferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, frequency])) as Record<NotificationKind, typeof frequency>
);

/** A notification id (cuid); anything else is forged, and NUL would break the PostgreSQL query. */
export const NOTIFICATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const MarkReadSchema = z.object({ id: z.string().regex(NOTIFICATION_ID) });
