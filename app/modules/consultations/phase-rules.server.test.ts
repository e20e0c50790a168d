// The phase rules as the server enforces them on ideas of a consultation: supports only
// in SUPPORTS and within the per-person limit (also under 50 parallel requests), comments
// until REVIEW ends. Refusals change no row.
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUserSession } from "~/modules/accounts/session.server";
import * as ideaRoute from "~/routes/cities.$city.ideas.$number";
import { addComment, voteComment } from "~/modules/comments/comments.server";
import { ProposalRefused, submitIdea, type NewIdea } from "~/modules/ideas/ideas.server";
import { castSupport, withdrawSupport } from "~/modules/supports/supports.server";
import { createConsultation, createConsultationIdea, movePhases } from "~/testing/consultations-factories";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";

const citizen = (id: string) => ({ id, roles: [] });

async function quotaUsed(consultationId: string, userId: string) {
  const row = await db.consultationSupportQuota.findUnique({ where: { consultationId_userId: { consultationId, userId } }, select: { used: true } });
  return row?.used ?? null;
}

/** Ideas of the consultation, created one after the other (the parallelism under test is the supports'). */
async function ideasOf(consultationId: string, count: number) {
  const ideas: Awaited<ReturnType<typeof createConsultationIdea>>[] = [];
  for (let index = 0; index < count; index++) ideas.push(await createConsultationIdea(consultationId));
  return ideas;
}

async function supportCount(ideaId: string) {
  const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { supportCount: true } });
  const rows = await db.support.count({ where: { ideaId } });
  expect(idea.supportCount).toBe(rows);
  return rows;
}

describe("supports on ideas of a consultation", () => {
  it("are refused before and after the SUPPORTS phase, with the dates, and change nothing", async () => {
    const consultation = await createConsultation({ phase: "IDEATION" });
    const idea = await createConsultationIdea(consultation.id);
    const supporter = await createUser();
    const supports = consultation.phases.find((phase) => phase.kind === "SUPPORTS")!;

    expect(await castSupport(idea.id, citizen(supporter.id))).toEqual({
      ok: false,
      error: "notOpen",
      phase: { action: "support", code: "notYet", opensAt: supports.startsAt.toISOString() },
    });
    expect(await supportCount(idea.id)).toBe(0);

    await movePhases(consultation.id, "SUPPORTS");
    expect(await castSupport(idea.id, citizen(supporter.id))).toMatchObject({ ok: true, supportCount: 1 });

    await movePhases(consultation.id, "REVIEW");
    const closed = await castSupport(idea.id, citizen((await createUser()).id));
    expect(closed).toMatchObject({ ok: false, error: "notOpen", phase: { action: "support", code: "closed" } });
    // Withdrawing is closed too: the ranking is on record.
    expect(await withdrawSupport(idea.id, citizen(supporter.id))).toMatchObject({ ok: false, error: "notOpen", phase: { code: "closed" } });
    expect(await supportCount(idea.id)).toBe(1);
  });

  it("are refused on a draft consultation", async () => {
    const consultation = await createConsultation({ phase: "SUPPORTS", status: "DRAFT" });
    const idea = await createConsultationIdea(consultation.id);
    const supporter = await createUser();
    expect(await castSupport(idea.id, citizen(supporter.id))).toEqual({ ok: false, error: "notOpen", phase: { action: "support", code: "draft" } });
  });

  it("keep the lifecycle refusals first (own idea) and leave ideas without a consultation alone", async () => {
    const consultation = await createConsultation({ phase: "IDEATION" });
    const idea = await createConsultationIdea(consultation.id);
    expect(await castSupport(idea.id, citizen(idea.authorId))).toEqual({ ok: false, error: "ownIdea" });
    const free = await createIdea();
    expect(await castSupport(free.id, citizen((await createUser()).id))).toMatchObject({ ok: true, supportCount: 1 });
  });

  it("count against the limit; a withdrawal gives the support back; a second support of the same idea is 'already'", async () => {
    const consultation = await createConsultation({ phase: "SUPPORTS", supportLimit: 2 });
    const ideas = await Promise.all([1, 2, 3].map(() => createConsultationIdea(consultation.id)));
    const supporter = citizen((await createUser()).id);

    expect(await castSupport(ideas[0].id, supporter)).toMatchObject({ ok: true, already: false });
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(1);
    expect(await castSupport(ideas[0].id, supporter)).toMatchObject({ ok: true, already: true });
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(1);
    expect(await castSupport(ideas[1].id, supporter)).toMatchObject({ ok: true, already: false });
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(2);
    // At the limit: the same idea again is still "already", a new one is refused.
    expect(await castSupport(ideas[1].id, supporter)).toMatchObject({ ok: true, already: true });
    expect(await castSupport(ideas[2].id, supporter)).toEqual({ ok: false, error: "notOpen", phase: { action: "support", code: "limitReached", limit: 2 } });
    expect(await supportCount(ideas[2].id)).toBe(0);
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(2);

    expect(await withdrawSupport(ideas[0].id, supporter)).toMatchObject({ ok: true, supported: false, already: false });
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(1);
    // Withdrawing twice gives back once.
    expect(await withdrawSupport(ideas[0].id, supporter)).toMatchObject({ ok: true, already: true });
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(1);
    expect(await castSupport(ideas[2].id, supporter)).toMatchObject({ ok: true, already: false });
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(2);
  });

  it("never counts below zero when a limit was added after supports were given", async () => {
    const consultation = await createConsultation({ phase: "SUPPORTS" });
    const idea = await createConsultationIdea(consultation.id);
    const supporter = citizen((await createUser()).id);
    await castSupport(idea.id, supporter);
    expect(await quotaUsed(consultation.id, supporter.id)).toBeNull();
    await db.consultation.update({ where: { id: consultation.id }, data: { supportLimit: 3 } });
    expect(await withdrawSupport(idea.id, supporter)).toMatchObject({ ok: true, already: false });
    expect(await quotaUsed(consultation.id, supporter.id)).toBeNull();
  });

  it("the limit holds under 50 parallel supports by one person on 50 ideas", async () => {
    const limit = 5;
    const consultation = await createConsultation({ phase: "SUPPORTS", supportLimit: limit });
    const ideas = await ideasOf(consultation.id, 50);
    const supporter = citizen((await createUser()).id);

    const results = await Promise.all(ideas.map((idea) => castSupport(idea.id, supporter)));

    const accepted = results.filter((result) => result.ok);
    const refused = results.filter((result) => !result.ok);
    expect(accepted).toHaveLength(limit);
    expect(accepted.every((result) => result.ok && !result.already)).toBe(true);
    expect(refused).toHaveLength(50 - limit);
    for (const result of refused) expect(result).toEqual({ ok: false, error: "notOpen", phase: { action: "support", code: "limitReached", limit } });
    expect(await db.support.count({ where: { userId: supporter.id } })).toBe(limit);
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(limit);
    const counts = await db.idea.findMany({ where: { consultationId: consultation.id }, select: { supportCount: true } });
    expect(counts.reduce((sum, idea) => sum + idea.supportCount, 0)).toBe(limit);
  });

  it("parallel withdrawals and supports keep the quota equal to the supports given", async () => {
    const limit = 5;
    const consultation = await createConsultation({ phase: "SUPPORTS", supportLimit: limit });
    const ideas = await ideasOf(consultation.id, 20);
    const supporter = citizen((await createUser()).id);
    for (const idea of ideas.slice(0, limit)) expect((await castSupport(idea.id, supporter)).ok).toBe(true);

    await Promise.all([
      ...ideas.slice(0, limit).map((idea) => withdrawSupport(idea.id, supporter)),
      ...ideas.slice(0, limit).map((idea) => withdrawSupport(idea.id, supporter)),
      ...ideas.slice(limit).map((idea) => castSupport(idea.id, supporter)),
    ]);

    const given = await db.support.count({ where: { userId: supporter.id } });
    expect(given).toBeLessThanOrEqual(limit);
    expect(await quotaUsed(consultation.id, supporter.id)).toBe(given);
  });
});

describe("comments on ideas of a consultation", () => {
  it("are open from the first phase until REVIEW ends, and refused after with the date", async () => {
    const consultation = await createConsultation({ phase: "REVIEW" });
    const idea = await createConsultationIdea(consultation.id);
    const commenter = citizen((await createUser()).id);
    const input = { ideaId: idea.id, viewer: commenter, body: "A useful remark about the idea.", alignment: "NEUTRAL" as const, language: "en" };
    const comment = await addComment(input);
    expect(comment.ok).toBe(true);

    await movePhases(consultation.id, "RESULTS");
    const review = (await db.consultationPhase.findFirstOrThrow({ where: { consultationId: consultation.id, kind: "REVIEW" } })).endsAt;
    expect(await addComment(input)).toEqual({ ok: false, error: "notOpen", phase: { action: "comment", code: "closed", closedAt: review.toISOString() } });
    const voter = citizen((await createUser()).id);
    if (comment.ok) expect(await voteComment({ ideaId: idea.id, commentId: comment.id, viewer: voter, value: 1 })).toMatchObject({ ok: false, error: "notOpen" });
    const counts = await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { commentCount: true } });
    expect(counts.commentCount).toBe(1);
    expect(await db.comment.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it("are refused before the consultation starts", async () => {
    const consultation = await createConsultation({ phase: "before" });
    const idea = await createConsultationIdea(consultation.id);
    const result = await addComment({ ideaId: idea.id, viewer: citizen((await createUser()).id), body: "Too early for this remark.", alignment: "NEUTRAL", language: "en" });
    expect(result).toMatchObject({ ok: false, error: "notOpen", phase: { action: "comment", code: "notYet" } });
    expect(await db.comment.count({ where: { ideaId: idea.id } })).toBe(0);
  });
});

describe("ideas submitted to a consultation", () => {
  async function newIdea(consultation: { id: string; cityId: string }): Promise<NewIdea> {
    const author = await createUser();
    const category = await db.category.findUniqueOrThrow({ where: { slug: "mobility" }, select: { id: true } });
    return {
      cityId: consultation.cityId,
      authorId: author.id,
      categoryId: category.id,
      consultationId: consultation.id,
      title: "Pay for parking by text message",
      summary: "Send a text message with the zone number to start paying.",
      body: "Any phone can send a text message.",
      language: "en",
    };
  }

  async function ideaNumber() {
    return (await db.sequence.findUnique({ where: { name: "idea" }, select: { value: true } }))?.value ?? 0;
  }

  it("are taken during IDEATION, checked inside submitIdea's transaction", async () => {
    const consultation = await createConsultation({ phase: "IDEATION" });
    const idea = await submitIdea(await newIdea(consultation));
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { consultationId: true } })).toEqual({ consultationId: consultation.id });
  });

  it.each([
    ["INFORMATION", "notYet"],
    ["SUPPORTS", "closed"],
    ["after", "closed"],
  ] as const)("are refused in %s (%s), writing nothing, not even an idea number", async (phase, code) => {
    const consultation = await createConsultation({ phase });
    const input = await newIdea(consultation);
    const before = await ideaNumber();
    const error = await submitIdea(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProposalRefused);
    expect((error as ProposalRefused).denial).toMatchObject({ action: "propose", code });
    expect((error as ProposalRefused).fieldError).toBe(`consultations:errors.propose.${code}`);
    expect(await db.idea.count({ where: { consultationId: consultation.id } })).toBe(0);
    expect(await db.idea.count({ where: { authorId: input.authorId } })).toBe(0);
    expect(await ideaNumber()).toBe(before);
  });

  it("are refused when the phases moved on between the form's check and the write", async () => {
    const consultation = await createConsultation({ phase: "IDEATION" });
    const input = await newIdea(consultation);
    // The admin moves the phases between the form's check and the write.
    await movePhases(consultation.id, "SUPPORTS");
    await expect(submitIdea(input)).rejects.toBeInstanceOf(ProposalRefused);
    expect(await db.idea.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("are refused for a draft and for a consultation of another city, as an unknown consultation", async () => {
    const draft = await createConsultation({ phase: "IDEATION", status: "DRAFT" });
    const refusedDraft = await submitIdea(await newIdea(draft)).catch((caught: unknown) => caught);
    expect(refusedDraft).toBeInstanceOf(ProposalRefused);
    expect((refusedDraft as ProposalRefused).fieldError).toBe("ideaForm:errors.consultationInvalid");

    const elsewhere = await createConsultation({ phase: "IDEATION", citySlug: "messina" });
    const oulu = await db.city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
    const input = { ...(await newIdea(elsewhere)), cityId: oulu.id };
    const refusedCity = await submitIdea(input).catch((caught: unknown) => caught);
    expect(refusedCity).toBeInstanceOf(ProposalRefused);
    expect((refusedCity as ProposalRefused).denial).toBeNull();
    expect((refusedCity as ProposalRefused).fieldError).toBe("ideaForm:errors.consultationInvalid");
    expect(await db.idea.count({ where: { authorId: input.authorId } })).toBe(0);
  });

  it("without a consultation keep today's rules", async () => {
    const consultation = await createConsultation({ phase: "after" });
    const idea = await submitIdea({ ...(await newIdea(consultation)), consultationId: null });
    expect(idea.number).toBeGreaterThan(0);
  });
});

describe("the idea page's answer to a refused support sent by script", () => {
  const BASE = "http://localhost";

  async function postSupport(idea: { number: number }, userId: string) {
    const cookie = (await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }))).split(";")[0];
    const request = new Request(`${BASE}/cities/oulu/ideas/${idea.number}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ intent: "support", async: "1" }),
    });
    const result = (await ideaRoute.action({ request, params: { city: "oulu", number: String(idea.number) }, context: { cspNonce: "", clientIp: "127.0.0.1" } } as ActionFunctionArgs)) as {
      data: unknown;
      init?: ResponseInit;
    };
    return { status: result.init?.status ?? 200, data: result.data };
  }

  it("carries the phase refusal, so the page can say why (the dates, or the limit)", async () => {
    const consultation = await createConsultation({ phase: "IDEATION", supportLimit: 1 });
    const [first, second] = await ideasOf(consultation.id, 2);
    const supporter = await createUser();
    const supportsStart = consultation.phases.find((phase) => phase.kind === "SUPPORTS")!.startsAt;

    expect(await postSupport(first, supporter.id)).toEqual({
      status: 409,
      data: { ok: false, intent: "support", error: "notOpen", phase: { action: "support", code: "notYet", opensAt: supportsStart.toISOString() } },
    });

    await movePhases(consultation.id, "SUPPORTS");
    expect(await postSupport(first, supporter.id)).toMatchObject({ status: 200, data: { ok: true, supported: true } });
    expect(await postSupport(second, supporter.id)).toEqual({
      status: 409,
      data: { ok: false, intent: "support", error: "notOpen", phase: { action: "support", code: "limitReached", limit: 1 } },
    });
    expect(await supportCount(second.id)).toBe(0);
  });
});
