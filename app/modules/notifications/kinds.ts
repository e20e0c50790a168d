// Kinds of notification and how each is emailed when the person has not chosen (shared by
// the server and the preferences page).

export const NOTIFICATION_KINDS = [
  "IDEA_STATUS_CHANGED",
  "IDEA_ANSWERED",
  "COMMENT_REPLY",
  "IDEA_COMMENT",
  "MODERATION_DECISION",
  "CONSULTATION_PHASE",
  "SUPPORTED_IDEA_LAUNCHED",
  "PILOT_STARTED",
  "PILOT_ENDED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_FREQUENCIES = ["IMMEDIATE", "DAILY", "WEEKLY", "NEVER"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export type DigestPeriod = "DAILY" | "WEEKLY";

/**
 * What happens to one's own content and direct answers to oneself arrives at once; news
 * about things one merely follows is gathered in the daily digest.
 */
export const DEFAULT_FREQUENCY: Record<NotificationKind, EmailFrequency> = {
  IDEA_STATUS_CHANGED: "IMMEDIATE",
  IDEA_ANSWERED: "IMMEDIATE",
  COMMENT_REPLY: "IMMEDIATE",
  MODERATION_DECISION: "IMMEDIATE",
  IDEA_COMMENT: "DAILY",
  CONSULTATION_PHASE: "DAILY",
  SUPPORTED_IDEA_LAUNCHED: "DAILY",
  // Testers signed up for dates: a digest a day late would miss the start.
  PILOT_STARTED: "IMMEDIATE",
  PILOT_ENDED: "IMMEDIATE",
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The frequency in effect for each kind, given the person's saved choices. */
export function effectiveFrequencies(saved: { kind: string; frequency: string }[]): Record<NotificationKind, EmailFrequency> {
  const result = { ...DEFAULT_FREQUENCY };
  for (const row of saved) {
    if (isNotificationKind(row.kind) && (EMAIL_FREQUENCIES as readonly string[]).includes(row.frequency)) {
      result[row.kind] = row.frequency as EmailFrequency;
    }
  }
  return result;
}
