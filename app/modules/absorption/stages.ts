// The stages of the absorption funnel, shared by the server (queries) and the pages.

/** The stages of the funnel, in order. */
export const FUNNEL_STAGES = ["SUBMITTED", "PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Stages an idea leaves again (a launched service stays launched). */
export const TIMED_STAGES = FUNNEL_STAGES.filter((stage) => stage !== "LAUNCHED");

/** "What is missing" answers listed on the dashboard (the CSV holds them all). */
export const DASHBOARD_MISSING_LIMIT = 200;
