import { describe, expect, it } from "vitest";
import { castSupport } from "~/modules/supports/supports.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { editIdea, publishIdea, rejectIdea, setIdeaStatus, submitIdea, withdrawIdea } from "./ideas.server";

const citizen = (id: string) => ({ id, roles: [] });

async function snapshot(ideaId: string) {
  const idea = await db.idea.findUniqueOrThrow({
    where: { id: ideaId },
    select: { status: true, title: true, summary: true, body: true, officialAnswer: true, publishedAt: true, editedAt: true },
  });
  const events = await db.ideaEvent.findMany({
    where: { ideaId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { type: true, fromStatus: true, toStatus: true, actorId: true, reason: true },
  });
  return { idea, events };
}

/** Runs a command and returns the events it added. */
async function eventsAddedBy(ideaId: string, command: () => Promise<unknown>) {
  const before = await snapshot(ideaId);
  const result = await command();
  const after = await snapshot(ideaId);
  expect(after.events.slice(0, before.events.length)).toEqual(before.events);
  return { result, added: after.events.slice(before.events.length), before, after };
}

/** The command was refused: neither the row nor the timeline changed. */
async function expectRefused(ideaId: string, command: () => Promise<unknown>, error: string) {
  const { result, before, after } = await eventsAddedBy(ideaId, command);
  expect(result).toEqual({ ok: false, error });
  expect(after).toEqual(before);
}

async function categoryId() {
  return (await db.category.findUniqueOrThrow({ where: { slug: "mobility" }, select: { id: true } })).id;
}

describe("submitIdea", () => {
  it("creates a SUBMITTED idea with one SUBMITTED event and a fresh number", async () => {
    const author = await createUser();
    const city = await db.city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
    const input = { cityId: city.id, authorId: author.id, categoryId: await categoryId(), title: "Open bus data", summary: "Publish timetables.", body: "Text", language: "en" };
    const ideas = await Promise.all(Array.from({ length: 10 }, () => submitIdea(input)));
    expect(new Set(ideas.map((idea) => idea.number)).size).toBe(10);
    const { idea, events } = await snapshot(ideas[0].id);
    expect(idea.status).toBe("SUBMITTED");
    expect(idea.publishedAt).toBeNull();
    expect(events).toEqual([{ type: "SUBMITTED", fromStatus: null, toStatus: "SUBMITTED", actorId: author.id, reason: null }]);
  });
});

describe("publishIdea", () => {
  it("publishes a submitted idea with exactly one PUBLISHED event", async () => {
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    const { result, added, after } = await eventsAddedBy(idea.id, () => publishIdea(idea.id, moderator.id));
    expect(result).toEqual({ ok: true, from: "SUBMITTED" });
    expect(added).toEqual([{ type: "PUBLISHED", fromStatus: "SUBMITTED", toStatus: "PUBLISHED", actorId: moderator.id, reason: null }]);
    expect(after.idea.status).toBe("PUBLISHED");
    expect(after.idea.publishedAt).toBeInstanceOf(Date);
  });

  it("refuses an idea that is not awaiting moderation, or does not exist", async () => {
    const idea = await createIdea();
    const moderator = await createUser();
    await expectRefused(idea.id, () => publishIdea(idea.id, moderator.id), "conflict");
    expect(await publishIdea("no-such-idea", moderator.id)).toEqual({ ok: false, error: "notFound" });
    await db.idea.update({ where: { id: idea.id }, data: { status: "REJECTED" } });
    await expectRefused(idea.id, () => publishIdea(idea.id, moderator.id), "invalidTransition");
  });

  it("two moderators publishing at once: one succeeds, the other gets a conflict", async () => {
    const idea = await createIdea({ published: false });
    const [first, second] = await Promise.all([createUser(), createUser()]);
    const results = await Promise.all([publishIdea(idea.id, first.id), publishIdea(idea.id, second.id)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "conflict" }]);
    const { events } = await snapshot(idea.id);
    expect(events.filter((event) => event.type === "PUBLISHED")).toHaveLength(1);
  });
});

describe("rejectIdea", () => {
  it("needs a reason (empty or blank is refused, nothing changes)", async () => {
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    await expectRefused(idea.id, () => rejectIdea(idea.id, moderator.id, "", "MODERATOR"), "reasonRequired");
    await expectRefused(idea.id, () => rejectIdea(idea.id, moderator.id, "   ", "MODERATOR"), "reasonRequired");
  });

  it("rejects with the answer as official answer and one REJECTED event", async () => {
    const idea = await createIdea({ published: false });
    const moderator = await createUser();
    const answer = "This already exists: see the city's e-services portal.";
    const { result, added, after } = await eventsAddedBy(idea.id, () => rejectIdea(idea.id, moderator.id, answer, "MODERATOR"));
    expect(result).toEqual({ ok: true, from: "SUBMITTED" });
    expect(added).toEqual([{ type: "REJECTED", fromStatus: "SUBMITTED", toStatus: "REJECTED", actorId: moderator.id, reason: answer }]);
    expect(after.idea.officialAnswer).toBe(answer);
    // A final state: nothing moves it any more.
    await expectRefused(idea.id, () => rejectIdea(idea.id, moderator.id, answer, "CITY_ADMIN"), "conflict");
    await expectRefused(idea.id, () => setIdeaStatus(idea.id, "UNDER_REVIEW", moderator.id), "invalidTransition");
  });

  it("a moderator cannot reject a published idea (that is the city admin's decision)", async () => {
    const idea = await createIdea();
    const moderator = await createUser();
    await expectRefused(idea.id, () => rejectIdea(idea.id, moderator.id, "No.", "MODERATOR"), "invalidTransition");
    const { result } = await eventsAddedBy(idea.id, () => rejectIdea(idea.id, moderator.id, "Out of scope.", "CITY_ADMIN"));
    expect(result).toEqual({ ok: true, from: "PUBLISHED" });
  });
});

describe("setIdeaStatus", () => {
  it("walks the decision path, one STATUS_CHANGED event per step", async () => {
    const idea = await createIdea();
    const admin = await createUser();
    const path = ["UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"] as const;
    let from = "PUBLISHED";
    for (const to of path) {
      const { result, added } = await eventsAddedBy(idea.id, () => setIdeaStatus(idea.id, to, admin.id));
      expect(result).toEqual({ ok: true, from });
      expect(added).toEqual([{ type: "STATUS_CHANGED", fromStatus: from, toStatus: to, actorId: admin.id, reason: null }]);
      from = to;
    }
  });

  it("refuses skipped steps and steps back without a reason", async () => {
    const idea = await createIdea();
    const admin = await createUser();
    await expectRefused(idea.id, () => setIdeaStatus(idea.id, "LAUNCHED", admin.id), "invalidTransition");
    await expectRefused(idea.id, () => setIdeaStatus(idea.id, "SUBMITTED", admin.id), "invalidTransition");
    await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id);
    await expectRefused(idea.id, () => setIdeaStatus(idea.id, "PUBLISHED", admin.id), "reasonRequired");
    const { result, added } = await eventsAddedBy(idea.id, () => setIdeaStatus(idea.id, "PUBLISHED", admin.id, "Needs more detail first."));
    expect(result).toEqual({ ok: true, from: "UNDER_REVIEW" });
    expect(added).toHaveLength(1);
    expect(added[0].reason).toBe("Needs more detail first.");
  });
});

describe("editIdea", () => {
  const changes = async () => ({ title: "Revised parking permits", summary: "Revised summary text.", body: "Revised body", categoryId: await categoryId(), language: "en" });

  it("lets the author edit before any activity, with one EDITED event", async () => {
    const idea = await createIdea();
    const { result, added, after } = await eventsAddedBy(idea.id, async () => editIdea(idea.id, citizen(idea.authorId), await changes()));
    expect(result).toEqual({ ok: true });
    expect(added).toEqual([{ type: "EDITED", fromStatus: null, toStatus: null, actorId: idea.authorId, reason: null }]);
    expect(after.idea).toMatchObject({ title: "Revised parking permits", summary: "Revised summary text.", body: "Revised body", status: "PUBLISHED" });
    expect(after.idea.editedAt).toBeInstanceOf(Date);
  });

  it("is refused once a support exists", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    expect((await castSupport(idea.id, citizen(supporter.id))).ok).toBe(true);
    const edit = await changes();
    await expectRefused(idea.id, () => editIdea(idea.id, citizen(idea.authorId), edit), "hasActivity");
  });

  it("is refused to anyone but the author", async () => {
    const idea = await createIdea();
    const other = await createUser();
    const edit = await changes();
    await expectRefused(idea.id, () => editIdea(idea.id, citizen(other.id), edit), "notAuthor");
    await expectRefused(idea.id, () => editIdea(idea.id, { id: other.id, roles: [{ role: "NETWORK_ADMIN", cityId: null }] }, edit), "notAuthor");
  });
});

describe("withdrawIdea", () => {
  it("only the author withdraws, with one WITHDRAWN event carrying the reason", async () => {
    const idea = await createIdea();
    const other = await createUser();
    await expectRefused(idea.id, () => withdrawIdea(idea.id, citizen(other.id), "Not mine"), "notAuthor");
    await expectRefused(
      idea.id,
      () => withdrawIdea(idea.id, { id: other.id, roles: [{ role: "CITY_ADMIN", cityId: idea.cityId }] }, "Admin"),
      "notAuthor",
    );

    const { result, added, after } = await eventsAddedBy(idea.id, () => withdrawIdea(idea.id, citizen(idea.authorId), "A better idea came up"));
    expect(result).toEqual({ ok: true, from: "PUBLISHED" });
    expect(added).toEqual([
      { type: "WITHDRAWN", fromStatus: "PUBLISHED", toStatus: "WITHDRAWN", actorId: idea.authorId, reason: "A better idea came up" },
    ]);
    expect(after.idea.status).toBe("WITHDRAWN");

    await expectRefused(idea.id, () => withdrawIdea(idea.id, citizen(idea.authorId)), "notOpen");
  });

  it("works without a reason, also while awaiting moderation; not once launched", async () => {
    const submitted = await createIdea({ published: false });
    const { result, added } = await eventsAddedBy(submitted.id, () => withdrawIdea(submitted.id, citizen(submitted.authorId), "  "));
    expect(result).toEqual({ ok: true, from: "SUBMITTED" });
    expect(added[0]).toMatchObject({ type: "WITHDRAWN", reason: null });

    const launched = await createIdea();
    await db.idea.update({ where: { id: launched.id }, data: { status: "LAUNCHED" } });
    await expectRefused(launched.id, () => withdrawIdea(launched.id, citizen(launched.authorId)), "notOpen");
    expect(await withdrawIdea("no-such-idea", citizen(launched.authorId))).toEqual({ ok: false, error: "notFound" });
  });
});
