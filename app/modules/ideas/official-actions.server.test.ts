import { describe, expect, it } from "vitest";
import type { Role } from "~/modules/accounts/roles.policy";
import type { IdeaStatus, Viewer } from "~/modules/ideas/lifecycle.policy";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { handleOfficialIntent } from "./official-actions.server";

type Outcome = { status: number; location: string | null; body: unknown };

const ANSWER = "The city already runs a similar service; thank you for the proposal.";

async function cityId(slug: string) {
  return (await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function person(roles: (cityId: string, otherCityId: string) => Role[]): Promise<NonNullable<Viewer>> {
  const user = await createUser();
  return { id: user.id, roles: roles(await cityId("oulu"), await cityId("messina")) };
}

async function ideaState(id: string) {
  const idea = await db.idea.findUniqueOrThrow({
    where: { id },
    select: { id: true, number: true, cityId: true, status: true, officialAnswer: true, city: { select: { slug: true } } },
  });
  const events = await db.ideaEvent.findMany({ where: { ideaId: id }, orderBy: { createdAt: "asc" }, select: { type: true, fromStatus: true, toStatus: true, actorId: true, reason: true } });
  return { ...idea, events };
}

/** Runs the handler like the route does; thrown responses (403/404) are outcomes too. */
async function post(ideaId: string, viewer: NonNullable<Viewer>, fields: Record<string, string>): Promise<Outcome> {
  const idea = await ideaState(ideaId);
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  const path = `/cities/${idea.city.slug}/ideas/${idea.number}`;
  const request = new Request(`http://localhost${path}`, { method: "POST" });
  let result: unknown;
  try {
    result = await handleOfficialIntent({
      request,
      formData,
      idea: { id: idea.id, number: idea.number, cityId: idea.cityId, citySlug: idea.city.slug, status: idea.status as IdeaStatus },
      viewer,
    });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const location = result.headers.get("Location");
    if (location) expect(location).toBe(path);
    return { status: result.status, location, body: null };
  }
  const wrapped = result as { data: unknown; init?: { status?: number } };
  return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
}

describe("handleOfficialIntent", () => {
  it("lets a moderator of the idea's city publish a submitted idea", async () => {
    const idea = await createIdea({ published: false });
    const moderator = await person((oulu) => [{ role: "MODERATOR", cityId: oulu }]);
    expect(await post(idea.id, moderator, { intent: "official-publish" })).toMatchObject({ status: 302 });
    const after = await ideaState(idea.id);
    expect(after.status).toBe("PUBLISHED");
    expect(after.events.at(-1)).toMatchObject({ type: "PUBLISHED", fromStatus: "SUBMITTED", toStatus: "PUBLISHED", actorId: moderator.id });
    // Publishing twice (a stale page) is a conflict, told with a flash.
    expect(await post(idea.id, moderator, { intent: "official-publish" })).toMatchObject({ status: 302 });
    expect((await ideaState(idea.id)).events).toHaveLength(after.events.length);
  });

  it("lets a moderator reject with a public answer of 10–2000 characters, keeping the text on errors", async () => {
    const idea = await createIdea({ published: false });
    const moderator = await person((oulu) => [{ role: "MODERATOR", cityId: oulu }]);
    expect(await post(idea.id, moderator, { intent: "official-reject", answer: "  " })).toMatchObject({
      status: 400,
      body: { officialForm: "reject", fieldErrors: { answer: "officials:errors.answerRequired" } },
    });
    expect(await post(idea.id, moderator, { intent: "official-reject", answer: " too short" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { answer: "officials:errors.answerTooShort" }, values: { answer: " too short" } },
    });
    expect(await post(idea.id, moderator, { intent: "official-reject", answer: "x".repeat(2001) })).toMatchObject({
      status: 400,
      body: { fieldErrors: { answer: "officials:errors.answerTooLong" } },
    });
    expect((await ideaState(idea.id)).status).toBe("SUBMITTED");

    expect(await post(idea.id, moderator, { intent: "official-reject", answer: `  ${ANSWER}  ` })).toMatchObject({ status: 302 });
    const after = await ideaState(idea.id);
    expect(after).toMatchObject({ status: "REJECTED", officialAnswer: ANSWER });
    expect(after.events.at(-1)).toMatchObject({ type: "REJECTED", toStatus: "REJECTED", reason: ANSWER, actorId: moderator.id });
  });

  it("refuses (403) moderators of another city, citizens and moderators deciding as admins, with no change", async () => {
    const submitted = await createIdea({ published: false });
    const published = await createIdea();
    const otherModerator = await person((_oulu, messina) => [{ role: "MODERATOR", cityId: messina }]);
    const otherAdmin = await person((_oulu, messina) => [{ role: "CITY_ADMIN", cityId: messina }]);
    const citizen = await person(() => []);
    const moderator = await person((oulu) => [{ role: "MODERATOR", cityId: oulu }]);
    for (const viewer of [otherModerator, otherAdmin, citizen]) {
      expect(await post(submitted.id, viewer, { intent: "official-publish" })).toMatchObject({ status: 403 });
      expect(await post(submitted.id, viewer, { intent: "official-reject", answer: ANSWER })).toMatchObject({ status: 403 });
    }
    for (const viewer of [otherModerator, otherAdmin, citizen, moderator]) {
      expect(await post(published.id, viewer, { intent: "official-status", status: "UNDER_REVIEW" })).toMatchObject({ status: 403 });
    }
    expect((await ideaState(submitted.id)).status).toBe("SUBMITTED");
    expect((await ideaState(published.id)).status).toBe("PUBLISHED");
    expect(await post(submitted.id, citizen, { intent: "official-nonsense" })).toMatchObject({ status: 400 });
  });

  it("lets a city admin move an idea step by step, each move on the timeline", async () => {
    const idea = await createIdea();
    const admin = await person((oulu) => [{ role: "CITY_ADMIN", cityId: oulu }]);
    const before = (await ideaState(idea.id)).events.length;
    const steps: IdeaStatus[] = ["UNDER_REVIEW", "ACCEPTED"];
    let from: IdeaStatus = "PUBLISHED";
    for (const [index, to] of steps.entries()) {
      expect(await post(idea.id, admin, { intent: "official-status", status: to, answer: "" })).toMatchObject({ status: 302 });
      const after = await ideaState(idea.id);
      expect(after.status).toBe(to);
      expect(after.events).toHaveLength(before + index + 1);
      expect(after.events.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, actorId: admin.id });
      from = to;
    }
    // Piloting and launching need their plan or link: the generic form sends the admin to those forms.
    for (const to of ["PILOTING", "LAUNCHED"]) {
      expect(await post(idea.id, admin, { intent: "official-status", status: to, answer: "" })).toMatchObject({ status: 302 });
    }
    expect((await ideaState(idea.id)).status).toBe("ACCEPTED");
    // An optional answer, when given, becomes the official answer.
    const other = await createIdea();
    expect(await post(other.id, admin, { intent: "official-status", status: "UNDER_REVIEW", answer: ANSWER })).toMatchObject({ status: 302 });
    expect(await ideaState(other.id)).toMatchObject({ status: "UNDER_REVIEW", officialAnswer: ANSWER });
  });

  it("refuses a rejection without an answer (400, text kept) and forged target statuses, with no change", async () => {
    const idea = await createIdea();
    const admin = await person(() => [{ role: "NETWORK_ADMIN", cityId: null }]);
    const before = await ideaState(idea.id);

    expect(await post(idea.id, admin, { intent: "official-status", status: "REJECTED", answer: " " })).toMatchObject({
      status: 400,
      body: { officialForm: "status", fieldErrors: { answer: "officials:errors.answerRequiredForStatus" }, values: { status: "REJECTED", answer: " " } },
    });
    // Not an allowed next status from PUBLISHED, not a status at all, or a moderator's transition.
    for (const status of ["LAUNCHED", "SUBMITTED", "WITHDRAWN"]) {
      expect(await post(idea.id, admin, { intent: "official-status", status, answer: ANSWER })).toMatchObject({ status: 302 });
    }
    expect(await post(idea.id, admin, { intent: "official-status", status: "DELETED", answer: ANSWER })).toMatchObject({
      status: 400,
      body: { fieldErrors: { status: "officials:errors.statusRequired" } },
    });
    const after = await ideaState(idea.id);
    expect(after).toMatchObject({ status: "PUBLISHED", officialAnswer: before.officialAnswer });
    expect(after.events).toHaveLength(before.events.length);

    // With an answer the rejection goes through.
    expect(await post(idea.id, admin, { intent: "official-status", status: "REJECTED", answer: ANSWER })).toMatchObject({ status: 302 });
    expect(await ideaState(idea.id)).toMatchObject({ status: "REJECTED", officialAnswer: ANSWER });
  });
});
