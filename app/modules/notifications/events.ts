/**
 * Everything that can notify someone, as the code that causes it describes it. The
 * notifications module (notify.server.ts) decides who hears about each event, in the app
 * and by email; callers only say what happened, inside their own transaction.
 */
export type NotificationEvent =
  /** An idea moved in its lifecycle (under review, accepted, piloting, launched, rejected…). */
  | {
      kind: "IDEA_STATUS_CHANGED";
      ideaId: string;
      actorId: string | null;
      fromStatus: string;
      toStatus: string;
      reason?: string | null;
    }
  /** The city published or changed its official answer to an idea. */
  | { kind: "IDEA_ANSWERED"; ideaId: string; actorId: string | null }
  /** A new comment on an idea (notifies the idea's author and followers). */
  | { kind: "IDEA_COMMENT"; commentId: string; actorId: string }
  /** A reply to a comment (notifies the parent comment's author). */
  | { kind: "COMMENT_REPLY"; commentId: string; actorId: string }
  /** A moderator decided on someone's content; notifies its author. */
  | {
      kind: "MODERATION_DECISION";
      targetType: "IDEA" | "COMMENT" | "ORGANIZATION";
      targetId: string;
      decision: "PUBLISHED" | "REJECTED" | "CHANGES_REQUESTED" | "HIDDEN" | "RESTORED" | "MERGED";
      /** A code from the moderation reason list, translated for the recipient. */
      reasonCode?: string | null;
      /** Free text from the moderator. */
      reason?: string | null;
      actorId: string | null;
    }
  /** A consultation entered a new phase (notifies its followers and participants). */
  | { kind: "CONSULTATION_PHASE"; consultationId: string; phase: string }
  /** An idea reached LAUNCHED: its supporters hear that what they backed now exists. */
  | { kind: "SUPPORTED_IDEA_LAUNCHED"; ideaId: string; actorId: string | null }
  /** A pilot's start or end date came (sent by the pilot job, once each); notifies its testers. */
  | { kind: "PILOT_STARTED" | "PILOT_ENDED"; ideaId: string; actorId: null };
