// Test data for consultations: a consultation whose phases are placed around "now" so a
// test can choose the phase it runs in.
import { randomUUID } from "node:crypto";
import { PHASE_KINDS, type PhaseKind } from "~/modules/consultations/phases.policy";
import { db } from "~/utils/db.server";
import { createIdea, createUser } from "./factories";

const DAY = 86_400_000;

/**
 * Five contiguous phases of 10 days each, placed so that `now` falls in the middle of
 * `current` ("before": all phases are in the future; "after": all are over).
 */
export function phasesAround(current: PhaseKind | "before" | "after", now = new Date()) {
  const index = current === "before" ? -1 : current === "after" ? PHASE_KINDS.length : PHASE_KINDS.indexOf(current);
  const firstStart = now.getTime() - index * 10 * DAY - 5 * DAY - (current === "before" ? -10 * DAY : 0);
  return PHASE_KINDS.map((kind, position) => ({
    kind,
    startsAt: new Date(firstStart + position * 10 * DAY),
    endsAt: new Date(firstStart + (position + 1) * 10 * DAY),
  }));
}

export async function createConsultation(
  options: {
    citySlug?: string;
    phase?: PhaseKind | "before" | "after";
    phases?: { kind: PhaseKind; startsAt: Date; endsAt: Date }[];
    status?: "DRAFT" | "PUBLISHED";
    supportLimit?: number | null;
    title?: string;
  } = {},
) {
  const city = await db.city.findUniqueOrThrow({ where: { slug: options.citySlug ?? "oulu" }, select: { id: true, slug: true } });
  const status = options.status ?? "PUBLISHED";
  const phases = options.phases ?? phasesAround(options.phase ?? "IDEATION");
  const consultation = await db.consultation.create({
    data: {
      cityId: city.id,
      slug: `consultation-${randomUUID().slice(0, 8)}`,
      title: options.title ?? `How should parking payment go digital? ${randomUUID().slice(0, 4)}`,
      question: "How should parking payment go digital?",
      summary: "The city wants to replace parking meters with digital payment.",
      body: "## Background\nMeters are old.",
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      supportLimit: options.supportLimit ?? null,
      phases: { create: phases },
    },
    select: { id: true, slug: true, cityId: true },
  });
  return { ...consultation, citySlug: city.slug, phases };
}

/** A published idea attached to the consultation (ideas are submitted in IDEATION; tests attach directly). */
export async function createConsultationIdea(consultationId: string, options: { citySlug?: string; authorId?: string } = {}) {
  const idea = await createIdea({ citySlug: options.citySlug, authorId: options.authorId });
  await db.idea.update({ where: { id: idea.id }, data: { consultationId }, select: { id: true } });
  return idea;
}

/** Moves a consultation's phases so that now is in `phase`. */
export async function movePhases(consultationId: string, phase: PhaseKind | "before" | "after", now = new Date()) {
  await db.$transaction(async (tx) => {
    await tx.consultationPhase.deleteMany({ where: { consultationId } });
    await tx.consultationPhase.createMany({ data: phasesAround(phase, now).map((item) => ({ ...item, consultationId })) });
  });
}

/** A user with the CITY_ADMIN role in the city. */
export async function createCityAdmin(citySlug = "oulu") {
  const user = await createUser({ citySlug });
  const city = await db.city.findUniqueOrThrow({ where: { slug: citySlug }, select: { id: true } });
  await db.roleAssignment.create({ data: { userId: user.id, role: "CITY_ADMIN", cityId: city.id, scope: city.id } });
  return user;
}
