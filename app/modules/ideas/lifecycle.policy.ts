// The idea lifecycle in one place: which transitions exist, who may make them, and what
// each state allows. Pure functions, used by the commands (authority) and the UI.
import type { Role } from "~/modules/accounts/roles.policy";
import { hasCityRole } from "~/modules/accounts/roles.policy";
import type { PhaseDenial } from "~/modules/consultations/phases.policy";

export const IDEA_STATUSES = [
  "SUBMITTED",
  "PUBLISHED",
  "UNDER_REVIEW",
  "ACCEPTED",
  "PILOTING",
  "LAUNCHED",
  "REJECTED",
  "WITHDRAWN",
  "MERGED",
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** Kinds of entries in an idea's public timeline (mirrors the IdeaEventType enum). */
export const IDEA_EVENT_TYPES = [
  "SUBMITTED",
  "PUBLISHED",
  "REJECTED",
  "WITHDRAWN",
  "STATUS_CHANGED",
  "EDITED",
  "CHANGES_REQUESTED",
  "ANSWERED",
  "MERGED",
  "HIDDEN",
  "RESTORED",
  "PILOT_PLANNED",
  "SERVICE_LAUNCHED",
  "PROPOSED_ELSEWHERE",
] as const;
export type IdeaEventType = (typeof IDEA_EVENT_TYPES)[number];

/** Who makes a transition: the author, a moderator (review queue) or a city admin (decisions). */
export type TransitionActor = "AUTHOR" | "MODERATOR" | "CITY_ADMIN";

type Transition = { from: IdeaStatus; to: IdeaStatus; by: TransitionActor; reasonRequired: boolean };

const DECISION_STATES: IdeaStatus[] = ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"];

export const TRANSITIONS: readonly Transition[] = [
  // Moderation of new ideas.
  { from: "SUBMITTED", to: "PUBLISHED", by: "MODERATOR", reasonRequired: false },
  { from: "SUBMITTED", to: "REJECTED", by: "MODERATOR", reasonRequired: true },
  // The city's decisions, step by step.
  { from: "PUBLISHED", to: "UNDER_REVIEW", by: "CITY_ADMIN", reasonRequired: false },
  { from: "UNDER_REVIEW", to: "ACCEPTED", by: "CITY_ADMIN", reasonRequired: false },
  { from: "ACCEPTED", to: "PILOTING", by: "CITY_ADMIN", reasonRequired: false },
  { from: "PILOTING", to: "LAUNCHED", by: "CITY_ADMIN", reasonRequired: false },
  { from: "ACCEPTED", to: "LAUNCHED", by: "CITY_ADMIN", reasonRequired: false },
  // A city may go back one step (e.g. a pilot that needs rework), with a reason.
  { from: "UNDER_REVIEW", to: "PUBLISHED", by: "CITY_ADMIN", reasonRequired: true },
  { from: "ACCEPTED", to: "UNDER_REVIEW", by: "CITY_ADMIN", reasonRequired: true },
  { from: "PILOTING", to: "ACCEPTED", by: "CITY_ADMIN", reasonRequired: true },
  // Rejection always comes with an official answer.
  ...(["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING"] as const).map(
    (from): Transition => ({ from, to: "REJECTED", by: "CITY_ADMIN", reasonRequired: true }),
  ),
  // Merging into a duplicate (performed by the merge command, which moves supporters).
  ...(["PUBLISHED", "UNDER_REVIEW"] as const).map((from): Transition => ({ from, to: "MERGED", by: "CITY_ADMIN", reasonRequired: true })),
  // The author may withdraw at any time until the idea is decided.
  ...(["SUBMITTED", ...DECISION_STATES.filter((state) => state !== "LAUNCHED")] as IdeaStatus[]).map(
    (from): Transition => ({ from, to: "WITHDRAWN", by: "AUTHOR", reasonRequired: false }),
  ),
];

export function findTransition(from: IdeaStatus, to: IdeaStatus, by: TransitionActor): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.from === from && transition.to === to && transition.by === by);
}

/** Next states a city admin can choose from the idea's current state. */
export function adminTargets(from: IdeaStatus): IdeaStatus[] {
  return TRANSITIONS.filter((transition) => transition.from === from && transition.by === "CITY_ADMIN" && transition.to !== "MERGED").map(
    (transition) => transition.to,
  );
}

/** Publicly listed states (SUBMITTED is only for the author and moderators). */
export const PUBLIC_STATUSES: IdeaStatus[] = ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED", "REJECTED", "WITHDRAWN", "MERGED"];

/** States in which people can still support the idea. */
export const SUPPORTABLE_STATUSES: IdeaStatus[] = ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING"];

/** States in which the idea is open for discussion. */
export const COMMENTABLE_STATUSES: IdeaStatus[] = ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"];

export type IdeaFacts = {
  status: IdeaStatus;
  authorId: string;
  cityId: string;
  hiddenAt: Date | string | null;
  supportCount: number;
  commentCount: number;
};

export type Viewer = { id: string; roles: readonly Role[] } | null;

export function isModerator(viewer: Viewer, cityId: string): boolean {
  return Boolean(viewer && hasCityRole(viewer.roles, cityId, "MODERATOR"));
}

export function isCityAdmin(viewer: Viewer, cityId: string): boolean {
  return Boolean(viewer && hasCityRole(viewer.roles, cityId, "CITY_ADMIN"));
}

/**
 * Ideas that never passed moderation (submitted, or rejected/withdrawn straight from the
 * queue: no publishedAt) and hidden ideas are seen by their author and the city's
 * moderators only.
 */
export function canView(idea: IdeaFacts & { publishedAt: Date | string | null }, viewer: Viewer): boolean {
  if (idea.status !== "SUBMITTED" && idea.publishedAt && !idea.hiddenAt) return true;
  return Boolean(viewer && (viewer.id === idea.authorId || isModerator(viewer, idea.cityId)));
}

export type Denial =
  | "signIn"
  | "ownIdea"
  | "notOpen"
  | "hidden"
  | "hasActivity"
  | "notAuthor"
  | "notAllowed";

/**
 * `phase`: for an idea of a consultation, why the consultation's phases refuse the action
 * now (phases.policy.ts). It makes the answer "notOpen" — before "signIn", so nobody is
 * asked to log in for something that would fail — and the page explains it with its dates.
 */
export function supportDenial(idea: IdeaFacts, viewer: Viewer, phase: PhaseDenial | null = null): Denial | null {
  if (idea.hiddenAt) return "hidden";
  if (!SUPPORTABLE_STATUSES.includes(idea.status)) return "notOpen";
  if (phase) return "notOpen";
  if (!viewer) return "signIn";
  if (viewer.id === idea.authorId) return "ownIdea";
  return null;
}

export function commentDenial(idea: IdeaFacts, viewer: Viewer, phase: PhaseDenial | null = null): Denial | null {
  if (idea.hiddenAt) return "hidden";
  if (!COMMENTABLE_STATUSES.includes(idea.status)) return "notOpen";
  if (phase) return "notOpen";
  if (!viewer) return "signIn";
  return null;
}

/** The author may edit until the idea gathers supports or comments (then it would change under people). */
export function editDenial(idea: IdeaFacts, viewer: Viewer): Denial | null {
  if (!viewer) return "signIn";
  if (viewer.id !== idea.authorId) return "notAuthor";
  if (!["SUBMITTED", "PUBLISHED"].includes(idea.status)) return "notOpen";
  if (idea.supportCount > 0 || idea.commentCount > 0) return "hasActivity";
  return null;
}

export function withdrawDenial(idea: IdeaFacts, viewer: Viewer): Denial | null {
  if (!viewer) return "signIn";
  if (viewer.id !== idea.authorId) return "notAuthor";
  if (!findTransition(idea.status, "WITHDRAWN", "AUTHOR")) return "notOpen";
  return null;
}
