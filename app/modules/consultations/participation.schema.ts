// Joining a consultation: the forms (zod, shared by the browser's react-hook-form resolver
// and the server, which is the authority) and the pure "may people still join?" rule.
// Messages are i18n keys of the `participation` namespace.
import { z } from "zod";
import { phaseDenial, type ConsultationTiming } from "./phases.policy";

export type { PhaseWindow } from "./phases.policy";

export const STATEMENT_MIN = 20;
export const STATEMENT_MAX = 2_000;

export const PARTICIPATION_INTENTS = ["join-participant", "join-partner", "leave-consultation"] as const;
export type ParticipationIntent = (typeof PARTICIPATION_INTENTS)[number];

export function isParticipationIntent(intent: unknown): intent is ParticipationIntent {
  return typeof intent === "string" && (PARTICIPATION_INTENTS as readonly string[]).includes(intent);
}

/** Names the form a refused submission (400) belongs to, among the forms of the consultation page. */
export const PARTNER_FORM_ID = "participation-partner";

const codePoints = (value: string) => Array.from(value).length;

export const statementField = z
  .string({ required_error: "participation:errors.statementRequired", invalid_type_error: "participation:errors.statementRequired" })
  // Windows line endings count once, like the browser's textarea counter would.
  .transform((value) => value.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "participation:errors.statementRequired")
      .refine((value) => codePoints(value) >= STATEMENT_MIN, "participation:errors.statementTooShort")
      .refine((value) => codePoints(value) <= STATEMENT_MAX, "participation:errors.statementTooLong"),
  );

export const JoinPartnerSchema = z.object({
  organizationId: z
    .string({ required_error: "participation:errors.organizationRequired", invalid_type_error: "participation:errors.organizationRequired" })
    .trim()
    .min(1, "participation:errors.organizationRequired")
    .max(64, "participation:errors.organizationRequired"),
  statement: statementField,
  // An unticked checkbox sends nothing (react-hook-form: false): consent is only ever
  // given explicitly.
  shareContact: z
    .union([z.literal("on"), z.literal(""), z.boolean(), z.null(), z.undefined()], {
      errorMap: () => ({ message: "participation:errors.shareContactInvalid" }),
    })
    .optional()
    .transform((value) => value === "on" || value === true),
});
export type JoinPartnerInput = z.infer<typeof JoinPartnerSchema>;

/** Why nobody can join (null: people may join). */
export type JoinDenial = "draft" | "closed";

/**
 * People may join a published consultation until its results phase starts (the start
 * instant itself is already closed). The rule itself is the "join" window of the phase
 * policy; this only names the refusal for the participation messages.
 */
export function joinDenial(consultation: ConsultationTiming, now: Date = new Date()): JoinDenial | null {
  const denial = phaseDenial("join", consultation, now);
  if (!denial) return null;
  return denial.code === "draft" ? "draft" : "closed";
}
