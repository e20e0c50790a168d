// The job that announces a consultation's new phase: once per phase, to followers and
// participants, never twice (reruns, parallel runs, edited phases), never for phases that
// began before the consultation was public or too long ago. Runs on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import type { PhaseKind } from "~/modules/consultations/phases.policy";
import { createConsultation } from "~/testing/consultations-factories";
import { createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { follow } from "./follows.server";
import { PHASE_NOTICE_WINDOW_MS, runPhaseNotifications } from "./phase-notifications.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The five phases with IDEATION having started `ideationStartedAgo` before `now`. */
function phasesWithIdeationStarted(now: Date, ideationStartedAgo: number): { kind: PhaseKind; startsAt: Date; endsAt: Date }[] {
  const ideation = now.getTime() - ideationStartedAgo;
  const at = (offset: number) => new Date(ideation + offset * DAY);
  return [
    { kind: "INFORMATION", startsAt: at(-10), endsAt: at(0) },
    { kind: "IDEATION", startsAt: at(0), endsAt: at(10) },
    { kind: "SUPPORTS", startsAt: at(10), endsAt: at(20) },
    { kind: "REVIEW", startsAt: at(20), endsAt: at(30) },
    { kind: "RESULTS", startsAt: at(30), endsAt: at(40) },
  ];
}

/** A published consultation (public since well before its phases) with a follower, a participant and a bystander. */
async function setUp({ ideationStartedAgo = HOUR, publishedAgo = 20 * DAY, status = "PUBLISHED" as "PUBLISHED" | "DRAFT" } = {}) {
  const now = new Date();
  const consultation = await createConsultation({ status, phases: phasesWithIdeationStarted(now, ideationStartedAgo) });
  if (status === "PUBLISHED") await db.consultation.update({ where: { id: consultation.id }, data: { publishedAt: new Date(now.getTime() - publishedAgo) } });
  const [follower, participant, bystander] = [await createUser(), await createUser(), await createUser()];
  await follow(db, follower.id, "CONSULTATION", consultation.id);
  await db.consultationParticipant.create({ data: { consultationId: consultation.id, userId: participant.id } });
  return { now, consultation, follower, participant, bystander };
}

async function phaseNotices(userId: string, consultationId: string) {
  return db.notification.findMany({ where: { userId, consultationId, kind: "CONSULTATION_PHASE" }, select: { data: true } });
}

describe("consultation phase notifications", () => {
  it("tells followers and participants once that the consultation entered its phase", async () => {
    const { now, consultation, follower, participant, bystander } = await setUp();
    await runPhaseNotifications(now);
    for (const user of [follower, participant]) {
      const notices = await phaseNotices(user.id, consultation.id);
      expect(notices).toHaveLength(1);
      expect(notices[0].data).toMatchObject({ phase: "IDEATION", consultationSlug: consultation.slug, citySlug: "oulu" });
    }
    expect(await phaseNotices(bystander.id, consultation.id)).toHaveLength(0);
    expect(await db.consultationPhaseNotice.count({ where: { consultationId: consultation.id, kind: "IDEATION" } })).toBe(1);

    // Again, later: nothing new.
    await runPhaseNotifications(new Date(now.getTime() + HOUR));
    expect(await phaseNotices(follower.id, consultation.id)).toHaveLength(1);
    expect(await phaseNotices(participant.id, consultation.id)).toHaveLength(1);
  });

  it("sends nothing twice when two instances run at the same time", async () => {
    const { now, consultation, follower, participant } = await setUp();
    await Promise.all([runPhaseNotifications(now), runPhaseNotifications(now), runPhaseNotifications(now)]);
    expect(await phaseNotices(follower.id, consultation.id)).toHaveLength(1);
    expect(await phaseNotices(participant.id, consultation.id)).toHaveLength(1);
  });

  it("does not announce a running phase again after the consultation's phases are edited", async () => {
    const { now, consultation, follower } = await setUp();
    await runPhaseNotifications(now);
    // Saving the consultation replaces its phase rows (new ids, corrected dates).
    await db.$transaction(async (tx) => {
      await tx.consultationPhase.deleteMany({ where: { consultationId: consultation.id } });
      await tx.consultationPhase.createMany({
        data: phasesWithIdeationStarted(now, 2 * HOUR).map((phase) => ({ ...phase, consultationId: consultation.id })),
      });
    });
    await runPhaseNotifications(now);
    expect(await phaseNotices(follower.id, consultation.id)).toHaveLength(1);
  });

  it("announces the next phase when it starts", async () => {
    const { now, consultation, follower } = await setUp();
    await runPhaseNotifications(now);
    await runPhaseNotifications(new Date(now.getTime() + 10 * DAY + HOUR));
    const notices = await phaseNotices(follower.id, consultation.id);
    expect(notices.map((notice) => (notice.data as { phase: string }).phase).sort()).toEqual(["IDEATION", "SUPPORTS"]);
  });

  it("stays silent for drafts, phases that began before publication, and phases that began too long ago", async () => {
    const draft = await setUp({ status: "DRAFT" });
    await runPhaseNotifications(draft.now);
    expect(await phaseNotices(draft.follower.id, draft.consultation.id)).toHaveLength(0);

    // Published after IDEATION had begun: nobody saw it "enter" the phase.
    const late = await setUp({ ideationStartedAgo: 2 * HOUR, publishedAgo: HOUR });
    await runPhaseNotifications(late.now);
    expect(await phaseNotices(late.follower.id, late.consultation.id)).toHaveLength(0);

    const stale = await setUp({ ideationStartedAgo: PHASE_NOTICE_WINDOW_MS + HOUR });
    await runPhaseNotifications(stale.now);
    expect(await phaseNotices(stale.follower.id, stale.consultation.id)).toHaveLength(0);
  });
});

describe("following an organization", () => {
  it("brings news of the organization's ideas: status changes and answers", async () => {
    const { createTestOrganization } = await import("~/testing/organizations-factories");
    const { createIdea } = await import("~/testing/factories");
    const { notify } = await import("./notify.server");
    const organization = await createTestOrganization();
    const idea = await createIdea();
    await db.idea.update({ where: { id: idea.id }, data: { organizationId: organization.id } });
    const [fan, stranger] = [await createUser(), await createUser()];
    await follow(db, fan.id, "ORGANIZATION", organization.id);
    await db.$transaction((tx) => notify(tx, { kind: "IDEA_STATUS_CHANGED", ideaId: idea.id, actorId: null, fromStatus: "PUBLISHED", toStatus: "UNDER_REVIEW" }));
    expect(await db.notification.count({ where: { userId: fan.id, ideaId: idea.id, kind: "IDEA_STATUS_CHANGED" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: stranger.id, ideaId: idea.id } })).toBe(0);
  });
});
