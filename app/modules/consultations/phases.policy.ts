// The phases of a consultation and what they allow, in one place. Pure functions used by
// the commands (the authority: castSupport, addComment, idea submission, publishResults)
// and by the pages (which explain a refusal with its dates instead of offering a button
// that fails).
//
// A phase is the half-open interval [startsAt, endsAt): it has begun AT its start instant
// and is over AT its end instant. So phases may touch (one ends at 18:00, the next starts
// at 18:00) without overlapping, and an instant belongs to at most one phase.
//
// What each action needs:
//   propose an idea  the IDEATION phase                [IDEATION.startsAt, IDEATION.endsAt)
//   support an idea  the SUPPORTS phase                [SUPPORTS.startsAt, SUPPORTS.endsAt)
//                    (withdrawing too: once supports close, the ranking is on record)
//   comment / vote   from the first phase until the end of REVIEW
//                    [earliest startsAt, REVIEW.endsAt) — gaps between phases included
//   join             from publication until RESULTS starts [publishedAt, RESULTS.startsAt):
//                    joining is for people who want to take part; once the results are
//                    due, there is nothing left to take part in. (The same rule as
//                    joinDenial in participation.schema.ts.)
// Nothing is allowed on a draft. Ideas without a consultation are not concerned: they keep
// the lifecycle rules of lifecycle.policy.ts only.

export const PHASE_KINDS = ["INFORMATION", "IDEATION", "SUPPORTS", "REVIEW", "RESULTS"] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export function isPhaseKind(value: unknown): value is PhaseKind {
  return typeof value === "string" && (PHASE_KINDS as readonly string[]).includes(value);
}

/** Loaders send dates as ISO strings; the database gives Dates. Both are accepted. */
export type Instant = Date | string;

export type PhaseWindow = { kind: PhaseKind | string; startsAt: Instant; endsAt: Instant };

/** What the phase rules need to know about a consultation. */
export type ConsultationTiming = { status: "DRAFT" | "PUBLISHED" | string; phases: readonly PhaseWindow[] };

const ms = (value: Instant) => (value instanceof Date ? value.getTime() : Date.parse(value));
const isoOf = (value: Instant) => new Date(ms(value)).toISOString();

/** The phases in their fixed order (INFORMATION … RESULTS), whatever order they came in. */
export function sortPhases<T extends { kind: PhaseKind | string }>(phases: readonly T[]): T[] {
  const rank = (kind: string) => {
    const index = (PHASE_KINDS as readonly string[]).indexOf(kind);
    return index === -1 ? PHASE_KINDS.length : index;
  };
  return [...phases].sort((a, b) => rank(a.kind) - rank(b.kind));
}

// ---------------------------------------------------------------------------------------
// Validation of what a city admin entered

/** A phase as entered: a missing or unreadable date is null. */
export type PhaseDraft = { kind: PhaseKind; startsAt: Date | null; endsAt: Date | null };

export type PhaseErrorCode =
  /** The five phases are required. */
  | "missingPhase"
  | "duplicate"
  /** A start or end date is missing. */
  | "missing"
  /** The phase ends at or before its start. */
  | "endBeforeStart"
  /** The phase starts before the previous phase starts (the phases come in a fixed order). */
  | "order"
  /** The phase starts before the previous phase ends. */
  | "overlap";

export type PhaseError = { kind: PhaseKind; field: "startsAt" | "endsAt"; code: PhaseErrorCode };

/**
 * Errors of a list of phases, at most one per field: every kind exactly once, both dates,
 * each phase ending after it starts, each starting no earlier than the previous one ends
 * (touching is fine, gaps are fine). Compared with the last valid phase before it, so one
 * bad phase does not report its neighbours too.
 */
export function validatePhases(list: readonly PhaseDraft[]): PhaseError[] {
  const errors: PhaseError[] = [];
  const add = (error: PhaseError) => {
    if (!errors.some((known) => known.kind === error.kind && known.field === error.field)) errors.push(error);
  };
  let previous: { startsAt: number; endsAt: number } | null = null;
  for (const kind of PHASE_KINDS) {
    const entries = list.filter((phase) => phase.kind === kind);
    if (entries.length === 0) {
      add({ kind, field: "startsAt", code: "missingPhase" });
      continue;
    }
    if (entries.length > 1) add({ kind, field: "startsAt", code: "duplicate" });
    const [phase] = entries;
    const start = phase.startsAt && !Number.isNaN(phase.startsAt.getTime()) ? phase.startsAt.getTime() : null;
    const end = phase.endsAt && !Number.isNaN(phase.endsAt.getTime()) ? phase.endsAt.getTime() : null;
    if (start === null) add({ kind, field: "startsAt", code: "missing" });
    if (end === null) add({ kind, field: "endsAt", code: "missing" });
    if (start === null || end === null) continue;
    if (end <= start) {
      add({ kind, field: "endsAt", code: "endBeforeStart" });
      continue;
    }
    if (previous && start < previous.startsAt) add({ kind, field: "startsAt", code: "order" });
    else if (previous && start < previous.endsAt) add({ kind, field: "startsAt", code: "overlap" });
    previous = { startsAt: start, endsAt: end };
  }
  return errors;
}

// ---------------------------------------------------------------------------------------
// Where a consultation stands

/** Whether `now` is inside the phase: startsAt <= now < endsAt. */
export function isWithin(phase: { startsAt: Instant; endsAt: Instant }, now: Date): boolean {
  const at = now.getTime();
  return ms(phase.startsAt) <= at && at < ms(phase.endsAt);
}

/** The phase `now` is in, or null (before the first, in a gap between two, after the last). */
export function currentPhase<T extends PhaseWindow>(phases: readonly T[], now: Date): T | null {
  return sortPhases(phases).find((phase) => isWithin(phase, now)) ?? null;
}

export type PhaseState = "past" | "current" | "upcoming";

export function phaseState(phase: { startsAt: Instant; endsAt: Instant }, now: Date): PhaseState {
  if (now.getTime() >= ms(phase.endsAt)) return "past";
  return isWithin(phase, now) ? "current" : "upcoming";
}

/** Where the consultation stands, for badges and lists. */
export type ConsultationStage = "draft" | "upcoming" | "between" | "ended" | PhaseKind;

export function consultationStage(consultation: ConsultationTiming, now: Date): ConsultationStage {
  if (consultation.status !== "PUBLISHED") return "draft";
  const current = currentPhase(consultation.phases, now);
  if (current && isPhaseKind(current.kind)) return current.kind;
  if (consultation.phases.length === 0) return "upcoming";
  const at = now.getTime();
  if (consultation.phases.every((phase) => at < ms(phase.startsAt))) return "upcoming";
  if (consultation.phases.every((phase) => at >= ms(phase.endsAt))) return "ended";
  return "between";
}

// ---------------------------------------------------------------------------------------
// What people may do, and why not

export type PhaseAction = "propose" | "support" | "comment" | "join";

/** What participants may do during each phase (the consultation page's timeline says so). */
export const PHASE_ACTIONS: Record<PhaseKind, readonly PhaseAction[]> = {
  INFORMATION: ["comment", "join"],
  IDEATION: ["propose", "comment", "join"],
  SUPPORTS: ["support", "comment", "join"],
  REVIEW: ["comment", "join"],
  RESULTS: [],
};

/**
 * Why the consultation's phases refuse an action now. Dates are ISO strings (they travel
 * to the page), shown in the city's time zone: "Supports open on 12 March 2026 at 09:00".
 *   draft         the consultation is not published
 *   notYet        the window opens at `opensAt`
 *   closed        the window closed at `closedAt` (null: the consultation has no such phase)
 *   limitReached  the person has used all `limit` supports of the consultation
 */
export type PhaseDenial =
  | { action: PhaseAction; code: "draft" }
  | { action: PhaseAction; code: "notYet"; opensAt: string }
  | { action: PhaseAction; code: "closed"; closedAt: string | null }
  | { action: "support"; code: "limitReached"; limit: number };

/** The window [opensAt, closesAt) of an action; null bounds are open-ended. Null when the needed phase is missing. */
export function actionWindow(action: PhaseAction, phases: readonly PhaseWindow[]): { opensAt: string | null; closesAt: string | null } | null {
  const find = (kind: PhaseKind) => phases.find((phase) => phase.kind === kind);
  switch (action) {
    case "propose":
    case "support": {
      const phase = find(action === "propose" ? "IDEATION" : "SUPPORTS");
      return phase ? { opensAt: isoOf(phase.startsAt), closesAt: isoOf(phase.endsAt) } : null;
    }
    case "comment": {
      const review = find("REVIEW");
      if (!review || phases.length === 0) return null;
      const first = Math.min(...phases.map((phase) => ms(phase.startsAt)));
      return { opensAt: new Date(first).toISOString(), closesAt: isoOf(review.endsAt) };
    }
    case "join": {
      const results = find("RESULTS");
      return { opensAt: null, closesAt: results ? isoOf(results.startsAt) : null };
    }
  }
}

/** Why `action` is refused now by the consultation's status and phases; null when the phases allow it. */
export function phaseDenial(action: PhaseAction, consultation: ConsultationTiming, now: Date): PhaseDenial | null {
  if (consultation.status !== "PUBLISHED") return { action, code: "draft" };
  const window = actionWindow(action, consultation.phases);
  if (!window) return { action, code: "closed", closedAt: null };
  const at = now.getTime();
  if (window.opensAt !== null && at < Date.parse(window.opensAt)) return { action, code: "notYet", opensAt: window.opensAt };
  if (window.closesAt !== null && at >= Date.parse(window.closesAt)) return { action, code: "closed", closedAt: window.closesAt };
  return null;
}

// ---------------------------------------------------------------------------------------
// The per-person support limit

/** Supports left to give: "3 of 5 supports left". Never negative (a limit lowered after use). */
export function remainingSupports(limit: number, used: number): number {
  return Math.max(0, limit - Math.max(0, used));
}

export type SupportQuota = { limit: number; used: number; remaining: number };

export function supportQuota(limit: number | null | undefined, used: number | null | undefined): SupportQuota | null {
  if (limit === null || limit === undefined) return null;
  return { limit, used: Math.max(0, used ?? 0), remaining: remainingSupports(limit, used ?? 0) };
}

/**
 * Why a person may not support one more idea of the consultation: the phase first, then
 * the limit. Someone who already supports this idea is not refused by the limit (they may
 * withdraw, which frees a support).
 */
export function supportPhaseDenial(
  consultation: ConsultationTiming & { supportLimit: number | null },
  now: Date,
  { used, alreadySupported }: { used: number; alreadySupported: boolean },
): PhaseDenial | null {
  const denial = phaseDenial("support", consultation, now);
  if (denial) return denial;
  if (consultation.supportLimit !== null && !alreadySupported && remainingSupports(consultation.supportLimit, used) === 0) {
    return { action: "support", code: "limitReached", limit: consultation.supportLimit };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Results

export type ResultsDenial = "draft" | "notResultsPhase";

/** Results are published during the RESULTS phase of a published consultation. */
export function resultsDenial(consultation: ConsultationTiming, now: Date): ResultsDenial | null {
  if (consultation.status !== "PUBLISHED") return "draft";
  return currentPhase(consultation.phases, now)?.kind === "RESULTS" ? null : "notResultsPhase";
}

/** From the RESULTS phase on, a consultation's ideas are ranked by supports. */
export function showsRanking(consultation: ConsultationTiming, now: Date): boolean {
  const results = consultation.phases.find((phase) => phase.kind === "RESULTS");
  return consultation.status === "PUBLISHED" && Boolean(results) && now.getTime() >= ms(results!.startsAt);
}
