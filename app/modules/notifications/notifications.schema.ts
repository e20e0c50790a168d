import { z } from "zod";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

const frequency = z.enum(EMAIL_FREQUENCIES, {
  errorMap: () => ({ message: "notifications:preferences.invalid" }),
});

/** One radio group per kind on the preferences page. */
export const PreferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, frequency])) as Record<NotificationKind, typeof frequency>
);

export const MarkReadSchema = z.object({ id: z.string().min(1).max(64) });
