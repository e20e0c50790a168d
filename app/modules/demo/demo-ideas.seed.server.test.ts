// The demo content: valid data, seeded through the real commands with exact counters,
// idempotent. The test database is shared with other test files running in parallel, so
// every count is scoped to the demo accounts (emails @civicloop.example).
import { beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_SLUGS } from "~/modules/categories/categories";
import { COMMENT_MAX, COMMENT_MIN } from "~/modules/comments/comments.schema";
import { SUMMARY_MAX, SUMMARY_MIN, TITLE_MAX, TITLE_MIN } from "~/modules/ideas/ideas.schema";
import { COMMENTABLE_STATUSES, PUBLIC_STATUSES } from "~/modules/ideas/lifecycle.policy";
import { db } from "~/utils/db.server";
import { demoCities, type DemoComment } from "./demo-ideas.data";
import { DECISION_STEPS, DEMO_CITIZEN_EMAIL } from "./demo-ideas.seed.server";
import { withDemoSeedLock } from "~/testing/demo-seed-lock";
import { extraIdeas } from "./demo-absorption.seed.server";
import { seedDemoData } from "./demo.seed.server";

const demoAuthor = { author: { emailNormalized: { endsWith: "@civicloop.example" } } };

function allComments(comments: DemoComment[]): DemoComment[] {
  return comments.flatMap((comment) => [comment, ...allComments(comment.replies ?? [])]);
}

describe("demo content (data)", () => {
  const ideas = demoCities.flatMap((city) => city.ideas.map((idea) => ({ city, idea })));

  it("covers the eight cities with six residents and ~6 ideas each, in the local language and English", () => {
    expect(demoCities.map((city) => city.slug).sort()).toEqual(
      ["botosani", "limerick", "messina", "oulu", "portalegre", "roquetas-de-mar", "saint-quentin", "ventspils"].sort(),
    );
    for (const city of demoCities) {
      expect(city.residents).toHaveLength(6);
      expect(city.ideas.length).toBeGreaterThanOrEqual(6);
      expect(new Set(city.ideas.map((idea) => idea.title)).size).toBe(city.ideas.length);
      if (city.slug !== "limerick") {
        expect(city.ideas.filter((idea) => idea.language === "en").length, city.slug).toBeGreaterThanOrEqual(2);
        expect(city.ideas.filter((idea) => idea.language !== "en").length, city.slug).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("passes the idea form's limits and uses known categories", () => {
    for (const { idea } of ideas) {
      expect(Array.from(idea.title).length, idea.title).toBeGreaterThanOrEqual(TITLE_MIN);
      expect(Array.from(idea.title).length, idea.title).toBeLessThanOrEqual(TITLE_MAX);
      expect(Array.from(idea.summary).length, idea.title).toBeGreaterThanOrEqual(SUMMARY_MIN);
      expect(Array.from(idea.summary).length, idea.title).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(idea.body, idea.title).toMatch(/^## /);
      expect(CATEGORY_SLUGS).toContain(idea.category);
      for (const link of idea.body.matchAll(/\]\(([^)]+)\)/g)) expect(link[1]).toMatch(/^https:\/\//);
    }
  });

  it("spreads the ideas across the lifecycle, with official answers where the city decided", () => {
    const statuses = ideas.map(({ idea }) => idea.status);
    for (const status of ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED", "REJECTED", "WITHDRAWN"] as const) {
      expect(statuses, status).toContain(status);
    }
    expect(statuses.filter((status) => status === "PUBLISHED").length).toBeGreaterThan(ideas.length / 3);
    const submitted = ideas.filter(({ idea }) => idea.status === "SUBMITTED");
    expect(submitted).toHaveLength(1);
    expect(submitted[0].city.slug).toBe("botosani");
    expect(submitted[0].idea.by).toBe("citizen");
    for (const { idea } of ideas) {
      const decided = DECISION_STEPS[idea.status].length > 0;
      expect(Boolean(idea.answer?.trim()), idea.title).toBe(decided);
    }
  });

  it("has comment threads written by residents, with replies, a reply to a reply and every alignment", () => {
    for (const { city, idea } of ideas) {
      const comments = allComments(idea.comments);
      if (idea.status === "SUBMITTED") {
        expect(comments).toHaveLength(0);
        continue;
      }
      expect(comments.length, idea.title).toBeGreaterThanOrEqual(2);
      expect(comments.length, idea.title).toBeLessThanOrEqual(7);
      for (const comment of comments) {
        expect(comment.by).toBeGreaterThanOrEqual(0);
        expect(comment.by).toBeLessThan(city.residents.length);
        expect(Array.from(comment.body).length).toBeGreaterThanOrEqual(COMMENT_MIN);
        expect(Array.from(comment.body).length).toBeLessThanOrEqual(COMMENT_MAX);
      }
      // Comments after the last decision need an idea that still takes comments.
      if (comments.some((comment) => comment.afterDecision)) {
        expect(COMMENTABLE_STATUSES, idea.title).toContain(idea.status);
      }
    }
    const all = ideas.flatMap(({ idea }) => allComments(idea.comments));
    expect(new Set(all.map((comment) => comment.alignment))).toEqual(new Set(["IN_FAVOUR", "AGAINST", "NEUTRAL"]));
    expect(ideas.some(({ idea }) => idea.comments.some((comment) => comment.replies?.some((reply) => reply.replies?.length)))).toBe(true);
  });
});

describe("seedDemoData with demo ideas", () => {
  beforeAll(async () => {
    // demo-absorption.seed.server.test.ts seeds too: the first runs take turns.
    await withDemoSeedLock(seedDemoData);
  }, 240_000);

  async function demoCounts() {
    const [users, ideas, events, supports, comments, votes] = await Promise.all([
      db.user.count({ where: { emailNormalized: { endsWith: "@civicloop.example" } } }),
      db.idea.count({ where: demoAuthor }),
      db.ideaEvent.count({ where: { idea: demoAuthor } }),
      db.support.count({ where: { idea: demoAuthor } }),
      db.comment.count({ where: { idea: demoAuthor } }),
      db.commentVote.count({ where: { comment: { idea: demoAuthor } } }),
    ]);
    return { users, ideas, events, supports, comments, votes };
  }

  it("is idempotent: a second run creates nothing and changes no count", async () => {
    const before = await demoCounts();
    const expectedIdeas = demoCities.reduce((sum, city) => sum + city.ideas.length, 0);
    // Plus the ideas the absorption demo adds where a city had no pilot or no launch.
    expect(before.ideas).toBe(expectedIdeas + extraIdeas.length);
    const started = Date.now();
    const result = await seedDemoData();
    expect(result).toEqual({ createdUsers: 0, createdIdeas: 0, skippedIdeas: expectedIdeas });
    // Generous bound: the suite runs many test files at once on small machines.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await demoCounts()).toEqual(before);
  });

  it("keeps every counter equal to its rows", async () => {
    const ideas = await db.idea.findMany({
      where: demoAuthor,
      select: {
        id: true,
        authorId: true,
        supportCount: true,
        commentCount: true,
        trendScore: true,
        supports: { select: { userId: true, weight: true } },
        comments: {
          select: {
            id: true,
            parentId: true,
            depth: true,
            deletedAt: true,
            replyCount: true,
            upvotes: true,
            downvotes: true,
            score: true,
            votes: { select: { value: true } },
          },
        },
      },
    });
    for (const idea of ideas) {
      expect(idea.supportCount).toBe(idea.supports.length);
      const sum = idea.supports.reduce((total, support) => total + support.weight, 0);
      expect(Math.abs(idea.trendScore - sum)).toBeLessThanOrEqual(Math.abs(sum) * 1e-12);
      expect(idea.supports.some((support) => support.userId === idea.authorId)).toBe(false);
      expect(idea.commentCount).toBe(idea.comments.filter((comment) => !comment.deletedAt).length);
      for (const comment of idea.comments) {
        const replies = idea.comments.filter((reply) => reply.parentId === comment.id);
        expect(comment.replyCount).toBe(replies.length);
        for (const reply of replies) expect(reply.depth).toBe(comment.depth + 1);
        const up = comment.votes.filter((vote) => vote.value === 1).length;
        const down = comment.votes.filter((vote) => vote.value === -1).length;
        expect([comment.upvotes, comment.downvotes, comment.score]).toEqual([up, down, up - down]);
      }
    }
  });

  it("gives every city at least five public ideas with supports and comments", async () => {
    for (const city of demoCities) {
      const lively = await db.idea.count({
        where: {
          ...demoAuthor,
          city: { slug: city.slug },
          status: { in: PUBLIC_STATUSES },
          hiddenAt: null,
          supportCount: { gt: 0 },
          commentCount: { gt: 0 },
        },
      });
      expect(lively, city.slug).toBeGreaterThanOrEqual(5);
    }
  });

  it("leaves one idea of the demo citizen awaiting moderation in Botoșani", async () => {
    const submitted = await db.idea.findMany({
      where: { ...demoAuthor, status: "SUBMITTED" },
      select: { city: { select: { slug: true } }, author: { select: { emailNormalized: true } }, publishedAt: true, supportCount: true },
    });
    expect(submitted).toEqual([{ city: { slug: "botosani" }, author: { emailNormalized: DEMO_CITIZEN_EMAIL }, publishedAt: null, supportCount: 0 }]);
  });

  it("back-dates a timeline that walks the lifecycle in order, with the official answers", async () => {
    const now = Date.now();
    for (const city of demoCities) {
      for (const demo of city.ideas) {
        const idea = await db.idea.findFirstOrThrow({
          where: { ...demoAuthor, city: { slug: city.slug }, title: demo.title },
          select: {
            status: true,
            createdAt: true,
            publishedAt: true,
            officialAnswer: true,
            language: true,
            events: { select: { type: true, toStatus: true, createdAt: true, reason: true }, orderBy: { createdAt: "asc" } },
            supports: { select: { createdAt: true } },
            comments: { select: { createdAt: true, language: true } },
          },
        });
        expect(idea.status).toBe(demo.status);
        expect(idea.language).toBe(demo.language);
        const path = demo.status === "SUBMITTED" ? ["SUBMITTED"] : ["SUBMITTED", "PUBLISHED", ...DECISION_STEPS[demo.status]];
        // Status events only: pilots and launches add their own entries (demo-absorption.seed.server.ts).
        const statusEvents = idea.events.filter((event) => event.toStatus !== null);
        expect(statusEvents.map((event) => event.toStatus)).toEqual(path);
        expect(idea.events[0].createdAt.getTime()).toBe(idea.createdAt.getTime());
        if (idea.publishedAt) {
          expect(idea.events[1].createdAt.getTime()).toBe(idea.publishedAt.getTime());
          expect(now - idea.publishedAt.getTime()).toBeGreaterThanOrEqual((demo.daysAgo - 1) * 24 * 3600 * 1000);
          for (const item of [...idea.supports, ...idea.comments]) {
            expect(item.createdAt.getTime()).toBeGreaterThan(idea.publishedAt.getTime());
            expect(item.createdAt.getTime()).toBeLessThan(now);
          }
        }
        if (demo.status === "REJECTED" || (DECISION_STEPS[demo.status].length > 0 && demo.status !== "WITHDRAWN")) {
          expect(idea.officialAnswer).toBe(demo.answer);
        }
        if (demo.answer) expect(statusEvents.at(-1)?.reason).toBe(demo.answer);
        for (const comment of idea.comments) expect(comment.language).toBe(demo.language);
      }
    }
  });
});
