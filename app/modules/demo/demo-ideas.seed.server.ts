// Demo content for a first start (SEED_DEMO=true): residents, ideas across the lifecycle,
// supports, comment threads and comment votes in every city, from demo-ideas.data.ts.
//
// - The lifecycle goes through the real commands (submitIdea, publishIdea, setIdeaStatus,
//   rejectIdea, withdrawIdea), so numbers, statuses, official answers and timeline events
//   are exactly what the app produces.
// - Supports, comments and comment votes are written in bulk, with every counter set from
//   the rows written in the same transaction (supportCount, trendScore = sum of weights,
//   commentCount, replyCount, upvotes/downvotes/score). Going through castSupport,
//   addComment and voteComment would mean ~1,000 more transactions (10-60 s on a small
//   server instead of ~2 s), and their weights would be "now" anyway: each support's weight
//   here is supportWeight() of its back-dated moment, so "trending" looks like months of
//   activity. The test checks every counter against its rows.
// - One transaction per city then moves the commands' dates into the past (submission,
//   publication, decisions), so "newest" varies too.
//
// Idempotent and cheap at every boot: an idea whose title already exists in its city is
// skipped, residents are created only when missing (one password hash for all), and the
// randomness (who supports, who votes, when) comes from a PRNG seeded by the city and the
// idea's position, so a run produces the same data whatever was skipped.
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/modules/accounts/password.server";
import { roleScope } from "~/modules/accounts/roles.policy";
import { publishIdea, rejectIdea, setIdeaStatus, submitIdea, withdrawIdea } from "~/modules/ideas/ideas.server";
import { COMMENTABLE_STATUSES, SUPPORTABLE_STATUSES, type IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { supportWeight } from "~/modules/supports/trend";
import { db, isUniqueViolation } from "~/utils/db.server";
import {
  demoCities,
  officialEmail,
  residentEmail,
  type DemoCity,
  type DemoComment,
  type DemoIdea,
  type DemoIdeaStatus,
} from "./demo-ideas.data";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The demo accounts of demo.seed.server.ts that play a part in Botoșani's content. */
export const DEMO_CITIZEN_EMAIL = "citizen@civicloop.example";
export const DEMO_MODERATOR_EMAIL = "moderator@civicloop.example";
export const DEMO_CITY_ADMIN_EMAIL = "cityadmin@civicloop.example";

/** The city's decisions walked, step by step, to reach each target status. */
export const DECISION_STEPS: Record<DemoIdeaStatus, IdeaStatus[]> = {
  SUBMITTED: [],
  PUBLISHED: [],
  UNDER_REVIEW: ["UNDER_REVIEW"],
  ACCEPTED: ["UNDER_REVIEW", "ACCEPTED"],
  PILOTING: ["UNDER_REVIEW", "ACCEPTED", "PILOTING"],
  LAUNCHED: ["UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"],
  REJECTED: ["UNDER_REVIEW", "REJECTED"],
  WITHDRAWN: ["WITHDRAWN"],
};

/** How many people support an idea, by the status it reaches: [minimum, maximum]. */
const SUPPORTERS: Record<DemoIdeaStatus, [number, number]> = {
  SUBMITTED: [0, 0],
  PUBLISHED: [2, 11],
  UNDER_REVIEW: [7, 14],
  ACCEPTED: [9, 16],
  PILOTING: [10, 18],
  LAUNCHED: [12, 22],
  REJECTED: [2, 7],
  WITHDRAWN: [0, 2],
};

export type DemoSeedResult = { createdUsers: number; createdIdeas: number; skippedIdeas: number };

// ---------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence everywhere. */
export function createRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (const char of seedText) seed = Math.imul(seed ^ char.codePointAt(0)!, 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

function between(random: () => number, [min, max]: [number, number]): number {
  return min + Math.floor(random() * (max - min + 1));
}

// ---------------------------------------------------------------------------------------
// People

type People = {
  /** residents[citySlug][index] = user id */
  residents: Map<string, string[]>;
  /** The account that moderates and the one that decides, per city. */
  officials: Map<string, { moderatorId: string; adminId: string }>;
  citizenId: string;
};

/** Creates the missing residents and city officials (one password hash for all of them). */
async function ensurePeople(password: string, cityIds: Map<string, string>): Promise<{ people: People; created: number }> {
  const wanted: { email: string; displayName: string; kind: "CITIZEN" | "ENTREPRENEUR"; citySlug: string }[] = [];
  for (const city of demoCities) {
    city.residents.forEach((resident, index) =>
      wanted.push({ email: residentEmail(city.slug, index), displayName: resident.name, kind: resident.kind, citySlug: city.slug }),
    );
    if (city.official) wanted.push({ email: officialEmail(city.slug), displayName: city.official.name, kind: "CITIZEN", citySlug: city.slug });
  }
  const demoAccounts = [DEMO_CITIZEN_EMAIL, DEMO_MODERATOR_EMAIL, DEMO_CITY_ADMIN_EMAIL];
  const findAll = () =>
    db.user.findMany({
      where: { emailNormalized: { in: [...wanted.map((person) => person.email), ...demoAccounts] } },
      select: { id: true, emailNormalized: true },
    });
  let users = await findAll();
  const known = new Set(users.map((user) => user.emailNormalized));
  const missing = wanted.filter((person) => !known.has(person.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(password);
    const now = new Date();
    const rows = missing.map((person) => ({
      email: person.email,
      emailNormalized: person.email,
      displayName: person.displayName,
      passwordHash,
      kind: person.kind,
      homeCityId: cityIds.get(person.citySlug)!,
      emailVerifiedAt: now,
      privacyAcceptedAt: now,
    }));
    try {
      await db.user.createMany({ data: rows });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another instance booting at the same moment created some of them: add the rest.
      for (const data of rows) await db.user.create({ data, select: { id: true } }).catch((reason) => {
        if (!isUniqueViolation(reason)) throw reason;
      });
    }
    users = await findAll();
  }
  const idOf = new Map(users.map((user) => [user.emailNormalized, user.id]));
  const required = (email: string) => {
    const id = idOf.get(email);
    if (!id) throw new Error(`demo seed: missing account ${email}`);
    return id;
  };

  const people: People = { residents: new Map(), officials: new Map(), citizenId: required(DEMO_CITIZEN_EMAIL) };
  for (const city of demoCities) {
    people.residents.set(
      city.slug,
      city.residents.map((_, index) => required(residentEmail(city.slug, index))),
    );
    if (city.official) {
      const id = required(officialEmail(city.slug));
      people.officials.set(city.slug, { moderatorId: id, adminId: id });
    } else {
      people.officials.set(city.slug, { moderatorId: required(DEMO_MODERATOR_EMAIL), adminId: required(DEMO_CITY_ADMIN_EMAIL) });
    }
  }

  // Each city's official account is its city admin (who may also moderate).
  const officials = demoCities.filter((city) => city.official);
  const granted = await db.roleAssignment.findMany({
    where: { role: "CITY_ADMIN", userId: { in: officials.map((city) => required(officialEmail(city.slug))) } },
    select: { userId: true, cityId: true },
  });
  for (const city of officials) {
    const userId = required(officialEmail(city.slug));
    const cityId = cityIds.get(city.slug)!;
    if (granted.some((role) => role.userId === userId && role.cityId === cityId)) continue;
    const scope = roleScope("CITY_ADMIN", cityId);
    await db.roleAssignment.upsert({
      where: { userId_role_scope: { userId, role: "CITY_ADMIN", scope } },
      create: { userId, role: "CITY_ADMIN", cityId, scope },
      update: {},
    });
  }
  return { people, created: missing.length };
}

// ---------------------------------------------------------------------------------------
// Ideas

type Timeline = {
  submittedAt: Date;
  publishedAt: Date | null;
  /** One date per decision step (DECISION_STEPS). */
  steps: Date[];
  supportsUntil: Date;
  /** Comments written before the last decision, and those written after it. */
  early: [Date, Date];
  late: [Date, Date];
};

function planTimeline(idea: DemoIdea, now: Date, random: () => number): Timeline {
  const steps = DECISION_STEPS[idea.status];
  // Officials publish and decide during office hours (07:00-16:00 UTC, morning to late
  // afternoon in every city of the network), never later than an hour ago.
  const officeHours = (time: number, notBefore = 0) => {
    const date = new Date(time);
    date.setUTCHours(7 + Math.floor(random() * 9), Math.floor(random() * 60), Math.floor(random() * 60), 0);
    return Math.min(Math.max(date.getTime(), notBefore + HOUR), now.getTime() - HOUR);
  };
  const published = officeHours(now.getTime() - idea.daysAgo * DAY);
  const submittedAt = new Date(published - (3 + random() * 30) * HOUR);
  if (idea.status === "SUBMITTED") {
    return { submittedAt, publishedAt: null, steps: [], supportsUntil: submittedAt, early: [submittedAt, submittedAt], late: [submittedAt, submittedAt] };
  }
  const span = now.getTime() - published;
  const stepDates: Date[] = [];
  for (const [index] of steps.entries()) {
    const previous = stepDates.at(-1)?.getTime() ?? published;
    stepDates.push(new Date(officeHours(published + span * (0.35 + (0.45 * (index + 1)) / steps.length), previous)));
  }
  const last = stepDates.at(-1)?.getTime();
  const end = now.getTime() - HOUR;
  const finalStatus = steps.at(-1);
  const supportsClose = finalStatus && !SUPPORTABLE_STATUSES.includes(finalStatus);
  return {
    submittedAt,
    publishedAt: new Date(published),
    steps: stepDates,
    supportsUntil: new Date(supportsClose && last ? last - HOUR : end),
    early: [new Date(published + HOUR), new Date(last ? last - HOUR : end)],
    late: [new Date((last ?? end) + HOUR), new Date(end)],
  };
}

type FlatComment = { comment: DemoComment; parentIndex: number | null; late: boolean };

/** Depth-first: every reply comes after its parent. */
function flatten(comments: DemoComment[], parentIndex: number | null = null, late = false, out: FlatComment[] = []): FlatComment[] {
  for (const comment of comments) {
    const isLate = late || Boolean(comment.afterDecision);
    out.push({ comment, parentIndex, late: isLate });
    flatten(comment.replies ?? [], out.length - 1, isLate, out);
  }
  return out;
}

/** Spreads `count` moments over [from, to], in order, a little irregularly. */
function spread(count: number, [from, to]: [Date, Date], random: () => number): Date[] {
  const start = from.getTime();
  const length = Math.max(0, to.getTime() - start);
  return Array.from({ length: count }, (_, index) => new Date(start + (length * (index + 0.25 + random() * 0.5)) / count));
}

type IdeaContext = {
  city: DemoCity;
  cityId: string;
  categoryId: string;
  people: People;
  /** Every resident of the network, to pick supporters from other cities too. */
  network: string[];
  now: Date;
};

function expectOk(result: { ok: boolean; error?: string }, what: string) {
  if (!result.ok) throw new Error(`demo seed: ${what} failed (${result.error})`);
}

async function seedIdea(idea: DemoIdea, index: number, context: IdeaContext) {
  const { city, cityId, categoryId, people, network, now } = context;
  const random = createRandom(`${city.slug}/${index}`);
  const residents = people.residents.get(city.slug)!;
  const { moderatorId, adminId } = people.officials.get(city.slug)!;
  const authorId = idea.by === "citizen" ? people.citizenId : residents[idea.by];
  const timeline = planTimeline(idea, now, random);

  // 1. The lifecycle, through the commands: numbers, statuses, answers and timeline events
  //    are exactly what the app produces.
  const { id: ideaId } = await submitIdea({
    cityId,
    authorId,
    categoryId,
    title: idea.title,
    summary: idea.summary,
    body: idea.body,
    language: idea.language,
  });
  const steps = DECISION_STEPS[idea.status];
  if (idea.status !== "SUBMITTED") {
    expectOk(await publishIdea(ideaId, moderatorId), `publishing "${idea.title}"`);
    for (const [position, step] of steps.entries()) {
      // The official answer (or the author's reason) comes with the last step.
      const answer = position === steps.length - 1 ? (idea.answer ?? null) : null;
      if (step === "WITHDRAWN") expectOk(await withdrawIdea(ideaId, { id: authorId, roles: [] }, answer), `withdrawing "${idea.title}"`);
      else if (step === "REJECTED") expectOk(await rejectIdea(ideaId, adminId, answer ?? "", "CITY_ADMIN"), `rejecting "${idea.title}"`);
      else expectOk(await setIdeaStatus(ideaId, step, adminId, answer), `moving "${idea.title}" to ${step}`);
    }
  }

  // 2. Supports, comments and votes, planned here and written in bulk below.
  const supports: { userId: string; weight: number; createdAt: Date }[] = [];
  const comments: {
    id: string;
    parentId: string | null;
    depth: number;
    authorId: string;
    body: string;
    alignment: DemoComment["alignment"];
    createdAt: Date;
    replyCount: number;
    upvotes: number;
    downvotes: number;
  }[] = [];
  const votes: { commentId: string; userId: string; value: number; createdAt: Date }[] = [];
  if (timeline.publishedAt) {
    // Neighbours first, then people from the rest of the network; never the author.
    const locals = shuffled(
      residents.filter((id) => id !== authorId),
      random,
    );
    const others = shuffled(
      network.filter((id) => id !== authorId && !residents.includes(id)),
      random,
    );
    const supporters = [...locals, ...others].slice(0, between(random, SUPPORTERS[idea.status]));
    const from = timeline.publishedAt.getTime() + HOUR;
    const window = Math.max(HOUR, timeline.supportsUntil.getTime() - from);
    for (const userId of supporters) {
      // Most supports come soon after publication, then a long tail.
      const createdAt = new Date(from + window * random() ** 2);
      supports.push({ userId, weight: supportWeight(createdAt), createdAt });
    }

    const flat = flatten(idea.comments);
    if (flat.some((entry) => entry.late) && !COMMENTABLE_STATUSES.includes(idea.status)) {
      throw new Error(`demo seed: "${idea.title}" takes no comments once ${idea.status}`);
    }
    const earlyDates = spread(flat.filter((entry) => !entry.late).length, timeline.early, random);
    const lateDates = spread(flat.filter((entry) => entry.late).length, timeline.late, random);
    for (const entry of flat) {
      const parent = entry.parentIndex === null ? null : comments[entry.parentIndex];
      const commenterId = residents[entry.comment.by];
      const comment = {
        id: randomUUID(),
        parentId: parent?.id ?? null,
        depth: parent ? parent.depth + 1 : 0,
        authorId: commenterId,
        body: entry.comment.body,
        alignment: entry.comment.alignment,
        createdAt: (entry.late ? lateDates : earlyDates).shift()!,
        replyCount: 0,
        upvotes: 0,
        downvotes: 0,
      };
      if (parent) parent.replyCount++;
      comments.push(comment);
      // A few neighbours vote on it (mostly up; objections get more down votes).
      const voters = shuffled(
        residents.filter((id) => id !== commenterId),
        random,
      ).slice(0, Math.floor(random() * 4));
      for (const userId of voters) {
        const up = random() < (entry.comment.alignment === "AGAINST" ? 0.55 : 0.85);
        if (up) comment.upvotes++;
        else comment.downvotes++;
        votes.push({ commentId: comment.id, userId, value: up ? 1 : -1, createdAt: new Date(comment.createdAt.getTime() + 2 * HOUR) });
      }
    }
  }

  return { ideaId, language: idea.language, timeline, steps, supports, comments, votes };
}

type IdeaPlan = Awaited<ReturnType<typeof seedIdea>>;

/**
 * One transaction per city: the activity of its new ideas with exact counters, and every
 * date moved into the past (the commands stamped "now"). Timeline events are re-written
 * unchanged (same ids, types, actors, reasons) except for their date.
 */
async function writeActivity(plans: IdeaPlan[]) {
  if (plans.length === 0) return;
  await db.$transaction(async (tx) => {
    const supports = plans.flatMap((plan) => plan.supports.map((support) => ({ ideaId: plan.ideaId, ...support })));
    if (supports.length > 0) await tx.support.createMany({ data: supports });
    // Depth-first order: a parent row is always inserted before its replies.
    const comments = plans.flatMap((plan) =>
      plan.comments.map((comment) => ({
        ...comment,
        ideaId: plan.ideaId,
        language: plan.language,
        score: comment.upvotes - comment.downvotes,
        updatedAt: comment.createdAt,
      })),
    );
    if (comments.length > 0) await tx.comment.createMany({ data: comments });
    const votes = plans.flatMap((plan) => plan.votes);
    if (votes.length > 0) await tx.commentVote.createMany({ data: votes });

    for (const plan of plans) {
      await tx.idea.update({
        where: { id: plan.ideaId },
        data: {
          createdAt: plan.timeline.submittedAt,
          ...(plan.timeline.publishedAt ? { publishedAt: plan.timeline.publishedAt } : {}),
          // Set, not incremented: this seed is the idea's only writer so far.
          supportCount: plan.supports.length,
          trendScore: plan.supports.reduce((sum, support) => sum + support.weight, 0),
          commentCount: plan.comments.length,
        },
        select: { id: true },
      });
    }

    const ideaIds = plans.map((plan) => plan.ideaId);
    const events = await tx.ideaEvent.findMany({
      where: { ideaId: { in: ideaIds } },
      select: { id: true, ideaId: true, type: true, fromStatus: true, toStatus: true, actorId: true, reason: true },
    });
    const dateOf = (ideaId: string, status: IdeaStatus | null) => {
      const { timeline, steps } = plans.find((plan) => plan.ideaId === ideaId)!;
      if (status === "SUBMITTED") return timeline.submittedAt;
      if (status === "PUBLISHED" && timeline.publishedAt) return timeline.publishedAt;
      const position = status ? steps.indexOf(status) : -1;
      if (position < 0) throw new Error(`demo seed: unexpected ${status} event`);
      return timeline.steps[position];
    };
    await tx.ideaEvent.deleteMany({ where: { ideaId: { in: ideaIds } } });
    await tx.ideaEvent.createMany({ data: events.map((event) => ({ ...event, createdAt: dateOf(event.ideaId, event.toStatus) })) });
  });
}

/**
 * Seeds the demo ideas of every city (see the file comment). Runs after the demo accounts
 * exist (seedDemoData). Returns what it did, for the boot log and tests.
 */
export async function seedDemoIdeas({ password, now = new Date() }: { password: string; now?: Date }): Promise<DemoSeedResult> {
  const [cities, categories] = await Promise.all([
    db.city.findMany({ where: { slug: { in: demoCities.map((city) => city.slug) } }, select: { id: true, slug: true } }),
    db.category.findMany({ select: { id: true, slug: true } }),
  ]);
  const cityIds = new Map(cities.map((city) => [city.slug, city.id]));
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  for (const city of demoCities) if (!cityIds.has(city.slug)) throw new Error(`demo seed: unknown city ${city.slug}`);

  const { people, created } = await ensurePeople(password, cityIds);

  const existing = await db.idea.findMany({
    where: { title: { in: demoCities.flatMap((city) => city.ideas.map((idea) => idea.title)) } },
    select: { cityId: true, title: true },
  });
  const seen = new Set(existing.map((idea) => `${idea.cityId}\n${idea.title}`));
  const network = demoCities.flatMap((city) => people.residents.get(city.slug)!);

  let createdIdeas = 0;
  let skippedIdeas = 0;
  for (const city of demoCities) {
    const cityId = cityIds.get(city.slug)!;
    const plans: IdeaPlan[] = [];
    for (const [index, idea] of city.ideas.entries()) {
      if (seen.has(`${cityId}\n${idea.title}`)) {
        skippedIdeas++;
        continue;
      }
      const categoryId = categoryIds.get(idea.category);
      if (!categoryId) throw new Error(`demo seed: unknown category ${idea.category}`);
      plans.push(await seedIdea(idea, index, { city, cityId, categoryId, people, network, now }));
      createdIdeas++;
    }
    await writeActivity(plans);
  }
  return { createdUsers: created, createdIdeas, skippedIdeas };
}
