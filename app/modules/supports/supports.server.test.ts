import { describe, expect, it } from "vitest";
import { IDEA_STATUSES, supportDenial, type IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { castSupport, hasSupported, withdrawSupport } from "./supports.server";
import { supportWeight } from "./trend";

const citizen = (id: string) => ({ id, roles: [] });

async function ideaState(ideaId: string) {
  const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { supportCount: true, trendScore: true } });
  const rows = await db.support.findMany({ where: { ideaId }, select: { userId: true, weight: true } });
  const weightSum = rows.reduce((sum, row) => sum + row.weight, 0);
  return { ...idea, rows: rows.length, weightSum, supporters: new Set(rows.map((row) => row.userId)) };
}

/** The invariants every test ends with. */
async function expectConsistent(ideaId: string) {
  const state = await ideaState(ideaId);
  expect(state.supportCount).toBe(state.rows);
  // Floats: exact up to rounding, relative to the size of today's weights (see trend.ts).
  const tolerance = 1e-9 * 100 * supportWeight(new Date());
  expect(Math.abs(state.trendScore - state.weightSum)).toBeLessThanOrEqual(tolerance);
  return state;
}

async function createUsers(count: number) {
  return Promise.all(Array.from({ length: count }, (_, index) => createUser({ displayName: `Supporter ${index}` })));
}

describe("castSupport / withdrawSupport", () => {
  it("adds one support with its weight, and withdrawing removes exactly that weight", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    const before = Date.now();

    const cast = await castSupport(idea.id, citizen(supporter.id));
    expect(cast).toEqual({ ok: true, supported: true, already: false, supportCount: 1 });
    const row = await db.support.findUniqueOrThrow({ where: { ideaId_userId: { ideaId: idea.id, userId: supporter.id } } });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    const afterCast = await expectConsistent(idea.id);
    expect(afterCast.trendScore).toBe(row.weight);
    expect(await hasSupported(idea.id, supporter.id)).toBe(true);

    const withdrawn = await withdrawSupport(idea.id, citizen(supporter.id));
    expect(withdrawn).toEqual({ ok: true, supported: false, already: false, supportCount: 0 });
    const afterWithdraw = await expectConsistent(idea.id);
    expect(afterWithdraw.supportCount).toBe(0);
    expect(afterWithdraw.trendScore).toBe(0);
    expect(await hasSupported(idea.id, supporter.id)).toBe(false);
    expect(await hasSupported(idea.id, null)).toBe(false);
  });

  it("a second support by the same person changes nothing", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    await castSupport(idea.id, citizen(supporter.id));
    const before = await ideaState(idea.id);

    expect(await castSupport(idea.id, citizen(supporter.id))).toEqual({ ok: true, supported: true, already: true, supportCount: 1 });
    const after = await expectConsistent(idea.id);
    expect(after.supportCount).toBe(1);
    expect(after.trendScore).toBe(before.trendScore);
  });

  it("withdrawing a support that does not exist changes nothing", async () => {
    const idea = await createIdea();
    const [first, second] = await createUsers(2);
    await castSupport(idea.id, citizen(first.id));
    expect(await withdrawSupport(idea.id, citizen(second.id))).toEqual({ ok: true, supported: false, already: true, supportCount: 1 });
    await expectConsistent(idea.id);
  });

  it("refuses the author, unknown, hidden and closed ideas without touching the counters", async () => {
    const idea = await createIdea();
    expect(await castSupport(idea.id, citizen(idea.authorId))).toEqual({ ok: false, error: "ownIdea" });
    expect(await castSupport("no-such-idea", citizen(idea.authorId))).toEqual({ ok: false, error: "notFound" });
    expect(await withdrawSupport("no-such-idea", citizen(idea.authorId))).toEqual({ ok: false, error: "notFound" });

    const submitted = await createIdea({ published: false });
    const supporter = await createUser();
    expect(await castSupport(submitted.id, citizen(supporter.id))).toEqual({ ok: false, error: "notOpen" });

    const hidden = await createIdea();
    await db.idea.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    expect(await castSupport(hidden.id, citizen(supporter.id))).toEqual({ ok: false, error: "hidden" });

    for (const id of [idea.id, submitted.id, hidden.id]) {
      const state = await expectConsistent(id);
      expect(state.supportCount).toBe(0);
    }
  });

  it("keeps supports given before the idea was decided (no withdrawal once closed)", async () => {
    const idea = await createIdea();
    const supporter = await createUser();
    await castSupport(idea.id, citizen(supporter.id));
    await db.idea.update({ where: { id: idea.id }, data: { status: "LAUNCHED" } });
    expect(await withdrawSupport(idea.id, citizen(supporter.id))).toEqual({ ok: false, error: "notOpen" });
    expect((await expectConsistent(idea.id)).supportCount).toBe(1);
  });

  it("agrees with supportDenial() for every status, hidden or not", async () => {
    const supporter = await createUser();
    const idea = await createIdea();
    for (const status of IDEA_STATUSES) {
      for (const hiddenAt of [null, new Date()]) {
        await db.idea.update({ where: { id: idea.id }, data: { status, hiddenAt } });
        const facts = { status: status as IdeaStatus, authorId: idea.authorId, cityId: idea.cityId, hiddenAt, supportCount: 0, commentCount: 0 };
        for (const viewer of [citizen(supporter.id), citizen(idea.authorId)]) {
          const expected = supportDenial(facts, viewer);
          const result = await castSupport(idea.id, viewer);
          expect(result, `${status} hidden=${Boolean(hiddenAt)} author=${viewer.id === idea.authorId}`).toEqual(
            expected ? { ok: false, error: expected } : { ok: true, supported: true, already: false, supportCount: 1 },
          );
          if (result.ok) expect((await withdrawSupport(idea.id, viewer)).ok).toBe(true);
        }
      }
    }
    expect((await expectConsistent(idea.id)).supportCount).toBe(0);
  });
});

describe("supports under concurrency", () => {
  it("50 parallel supports by one person and 50 by different people count each person once", async () => {
    const idea = await createIdea();
    const repeat = await createUser();
    const others = await createUsers(50);

    const results = await Promise.all([
      ...Array.from({ length: 50 }, () => castSupport(idea.id, citizen(repeat.id))),
      ...others.map((user) => castSupport(idea.id, citizen(user.id))),
    ]);

    expect(results.every((result) => result.ok)).toBe(true);
    const fresh = results.slice(0, 50).filter((result) => result.ok && !result.already);
    expect(fresh).toHaveLength(1);
    const state = await expectConsistent(idea.id);
    expect(state.supportCount).toBe(51);
    expect(state.rows).toBe(51);
    expect(state.supporters).toEqual(new Set([repeat.id, ...others.map((user) => user.id)]));
  });

  it("parallel withdrawals decrement once per support, also while others support", async () => {
    const idea = await createIdea();
    const repeat = await createUser();
    const leaving = await createUsers(25);
    const joining = await createUsers(25);
    for (const user of [repeat, ...leaving]) await castSupport(idea.id, citizen(user.id));
    expect((await expectConsistent(idea.id)).supportCount).toBe(26);

    const results = await Promise.all([
      ...Array.from({ length: 50 }, () => withdrawSupport(idea.id, citizen(repeat.id))),
      ...leaving.map((user) => withdrawSupport(idea.id, citizen(user.id))),
      ...joining.map((user) => castSupport(idea.id, citizen(user.id))),
    ]);

    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.slice(0, 50).filter((result) => result.ok && !result.already)).toHaveLength(1);
    const state = await expectConsistent(idea.id);
    expect(state.supportCount).toBe(25);
    expect(state.supporters).toEqual(new Set(joining.map((user) => user.id)));
  });

  it("one person supporting and withdrawing in a burst ends with 0 or 1, matching the rows", async () => {
    const idea = await createIdea();
    const user = await createUser();
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        index % 2 === 0 ? castSupport(idea.id, citizen(user.id)) : withdrawSupport(idea.id, citizen(user.id)),
      ),
    );
    const state = await expectConsistent(idea.id);
    expect([0, 1]).toContain(state.supportCount);
  });
});
