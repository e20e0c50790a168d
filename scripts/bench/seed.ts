// Seeds a benchmark dataset with raw SQL in big batches: users (one precomputed Argon2
// hash), ideas over the 8 cities and 10 categories, their timeline events, supports
// (distinct idea/user pairs with the app's trend weights) and threaded comments, with
// every counter (supportCount, trendScore, commentCount, replyCount) computed from the
// rows inserted, as the app's commands would have left them.
import { hash } from "@node-rs/argon2";
import { supportWeight } from "../../app/modules/supports/trend.ts";
import type { BenchDb, Column, Row } from "./db.ts";
import { commentText, createRandom, heavyTailCounts, ideaText, randomId, type Random } from "./text.ts";

export type DatasetSize = { ideas: number; supports: number; comments: number; users: number; benchUsers: number };

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 10_000;

const USER_COLUMNS: Column[] = [
  ["id", "text"],
  ["email", "text"],
  ["emailNormalized", "text"],
  ["displayName", "text"],
  ["passwordHash", "text"],
  ["emailVerifiedAt", "timestamp(3)"],
  ["kind", '"AccountKind"'],
  ["homeCityId", "text"],
  ["privacyAcceptedAt", "timestamp(3)"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const IDEA_COLUMNS: Column[] = [
  ["id", "text"],
  ["number", "int4"],
  ["cityId", "text"],
  ["authorId", "text"],
  ["categoryId", "text"],
  ["title", "text"],
  ["summary", "text"],
  ["body", "text"],
  ["language", "text"],
  ["status", '"IdeaStatus"'],
  ["officialAnswer", "text"],
  ["hiddenAt", "timestamp(3)"],
  ["hiddenReason", "text"],
  ["supportCount", "int4"],
  ["commentCount", "int4"],
  ["trendScore", "float8"],
  ["publishedAt", "timestamp(3)"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const EVENT_COLUMNS: Column[] = [
  ["id", "text"],
  ["ideaId", "text"],
  ["type", '"IdeaEventType"'],
  ["fromStatus", '"IdeaStatus"'],
  ["toStatus", '"IdeaStatus"'],
  ["actorId", "text"],
  ["reason", "text"],
  ["createdAt", "timestamp(3)"],
];
const SUPPORT_COLUMNS: Column[] = [
  ["ideaId", "text"],
  ["userId", "text"],
  ["weight", "float8"],
  ["createdAt", "timestamp(3)"],
];
const COMMENT_COLUMNS: Column[] = [
  ["id", "text"],
  ["ideaId", "text"],
  ["authorId", "text"],
  ["parentId", "text"],
  ["depth", "int4"],
  ["body", "text"],
  ["alignment", '"CommentAlignment"'],
  ["language", "text"],
  ["replyCount", "int4"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];

/** Rows of one table, flushed to the database every BATCH rows. */
function batcher(db: BenchDb, table: string, columns: Column[], before?: () => Promise<void>) {
  let rows: Row[] = [];
  let total = 0;
  return {
    async push(row: Row) {
      rows.push(row);
      if (rows.length >= BATCH) await this.flush();
    },
    async flush() {
      if (rows.length === 0) return;
      // Rows this table refers to go first (foreign keys are checked on PostgreSQL).
      await before?.();
      const batch = rows;
      rows = [];
      total += batch.length;
      await db.insert(table, columns, batch);
    },
    get total() {
      return total + rows.length;
    },
  };
}

// Statuses of the seeded ideas (share in %): mostly published or under review.
const STATUS_SHARES: [string, number][] = [
  ["SUBMITTED", 3],
  ["PUBLISHED", 69],
  ["UNDER_REVIEW", 12],
  ["ACCEPTED", 4],
  ["PILOTING", 2],
  ["LAUNCHED", 2],
  ["REJECTED", 5],
  ["WITHDRAWN", 3],
];

function pickStatus(random: Random): string {
  let roll = random.next() * 100;
  for (const [status, share] of STATUS_SHARES) {
    roll -= share;
    if (roll < 0) return status;
  }
  return "PUBLISHED";
}

const FIRST_NAMES = ["Ana", "Mihai", "Giulia", "Marco", "Lucía", "Javier", "Aino", "Eero", "Camille", "Louis", "Aoife", "Seán", "Līga", "Jānis", "Inês", "João"];
const LAST_NAMES = ["Popescu", "Ionescu", "Russo", "Ferrari", "García", "Martínez", "Korhonen", "Virtanen", "Martin", "Bernard", "Murphy", "Kelly", "Bērziņš", "Kalniņa", "Silva", "Santos"];

/** Primes that do not divide any user count we use (20,000 = 2⁵·5⁴ and others): strides that visit every user once. */
const STRIDES = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149];

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export type SeedResult = {
  counts: { users: number; ideas: number; events: number; supports: number; comments: number; benchUsers: number };
  benchUserIds: string[];
  seconds: number;
};

export async function seedDataset(db: BenchDb, size: DatasetSize, log: (message: string) => void): Promise<SeedResult> {
  const started = performance.now();
  const random = createRandom(20260101 + size.ideas);
  const now = Date.now();
  const cities = await db.all<{ id: string; slug: string }>(`SELECT "id", "slug" FROM "City" ORDER BY "slug"`);
  const categories = await db.all<{ id: string }>(`SELECT "id" FROM "Category" ORDER BY "position"`);
  if (cities.length === 0 || categories.length === 0) throw new Error("cities and categories must be seeded first (boot the server once)");

  // One Argon2id hash for every account (hashing 20k passwords would take minutes).
  const passwordHash = await hash("civicloop-bench-password", { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

  // --- users -------------------------------------------------------------------------
  const userIds: string[] = [];
  const users = batcher(db, "User", USER_COLUMNS);
  const addUser = async (email: string) => {
    const id = randomId(random);
    const createdAt = new Date(now - random.next() * 400 * DAY);
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    await users.push([id, email, email, name, passwordHash, createdAt, random.chance(0.1) ? "ENTREPRENEUR" : "CITIZEN", random.pick(cities).id, createdAt, createdAt, createdAt]);
    return id;
  };
  for (let index = 0; index < size.users; index++) userIds.push(await addUser(`person${index}@bench.civicloop.example`));
  // Accounts that only the load phases use (they support nothing yet and wrote nothing).
  const benchUserIds: string[] = [];
  for (let index = 0; index < size.benchUsers; index++) benchUserIds.push(await addUser(`supporter${index}@bench.civicloop.example`));
  await users.flush();
  log(`users: ${users.total.toLocaleString("en")}`);

  // --- ideas: metadata first (supports and comments need it for the counters) ----------
  type IdeaMeta = { id: string; author: number; status: string; publishedAt: number | null; createdAt: number };
  const ideas: IdeaMeta[] = [];
  for (let index = 0; index < size.ideas; index++) {
    const status = pickStatus(random);
    const publishedAt = status === "SUBMITTED" ? null : now - 60 * 60 * 1000 - random.next() * 365 * DAY;
    const createdAt = publishedAt === null ? now - random.next() * 14 * DAY : publishedAt - random.next() * 3 * DAY;
    ideas.push({ id: randomId(random), author: Math.floor(random.next() * size.users), status, publishedAt, createdAt });
  }
  const published = ideas.map((_, index) => index).filter((index) => ideas[index].publishedAt !== null);

  // --- supports, pass 1: the counters (each idea's supports come from their own seeded
  // generator, so pass 2 below yields the very same rows after the ideas are inserted) ----
  const supportCount = new Int32Array(size.ideas);
  const trendScore = new Float64Array(size.ideas);
  const perIdeaSupports = heavyTailCounts(random, published.length, size.supports, Math.min(5_000, size.users - 1));
  const supportSeed = random.int(1, 1_000_000_000);
  function* supportsOf(position: number): Generator<[user: number, createdAt: Date, weight: number]> {
    const idea = ideas[published[position]];
    const own = createRandom(supportSeed + position * 7919);
    let stride = own.pick(STRIDES);
    while (gcd(stride, size.users) !== 1) stride += 2;
    let user = Math.floor(own.next() * size.users);
    const publishedAt = idea.publishedAt ?? now;
    for (let given = 0; given < perIdeaSupports[position]; user = (user + stride) % size.users) {
      if (user === idea.author) continue;
      // Most supports come soon after publication.
      const createdAt = new Date(publishedAt + (now - publishedAt) * own.next() ** 3);
      yield [user, createdAt, supportWeight(createdAt)];
      given++;
    }
  }
  for (let position = 0; position < published.length; position++) {
    const index = published[position];
    for (const [, , weight] of supportsOf(position)) {
      supportCount[index]++;
      trendScore[index] += weight;
    }
  }

  const perIdeaComments = heavyTailCounts(random, published.length, size.comments, 2_000);
  const commentCount = new Int32Array(size.ideas);
  for (let position = 0; position < published.length; position++) commentCount[published[position]] = perIdeaComments[position];

  // --- ideas and their timelines ------------------------------------------------------------
  const ideaRows = batcher(db, "Idea", IDEA_COLUMNS);
  const events = batcher(db, "IdeaEvent", EVENT_COLUMNS, () => ideaRows.flush());
  for (let index = 0; index < size.ideas; index++) {
    const idea = ideas[index];
    const text = ideaText(random, index);
    const city = cities[index % cities.length];
    const category = categories[Math.floor(random.next() * categories.length)];
    const hidden = idea.publishedAt !== null && random.chance(0.005);
    const rejected = idea.status === "REJECTED";
    const publishedAt = idea.publishedAt === null ? null : new Date(idea.publishedAt);
    const createdAt = new Date(idea.createdAt);
    const authorId = userIds[idea.author];
    await ideaRows.push([
      idea.id,
      index + 1,
      city.id,
      authorId,
      category.id,
      text.title,
      text.summary,
      text.body,
      "en",
      idea.status,
      rejected ? "Thank you. The city already runs a service that covers this need; see the city website." : null,
      hidden ? publishedAt : null,
      hidden ? "Off-topic" : null,
      supportCount[index],
      commentCount[index],
      trendScore[index],
      publishedAt,
      createdAt,
      publishedAt ?? createdAt,
    ]);
    await events.push([randomId(random), idea.id, "SUBMITTED", null, "SUBMITTED", authorId, null, createdAt]);
    if (publishedAt) {
      await events.push([randomId(random), idea.id, "PUBLISHED", "SUBMITTED", "PUBLISHED", null, null, publishedAt]);
      if (idea.status !== "PUBLISHED") {
        const type = idea.status === "REJECTED" ? "REJECTED" : idea.status === "WITHDRAWN" ? "WITHDRAWN" : "STATUS_CHANGED";
        const at = new Date(idea.publishedAt! + (now - idea.publishedAt!) * random.next());
        await events.push([randomId(random), idea.id, type, "PUBLISHED", idea.status, type === "WITHDRAWN" ? authorId : null, rejected ? "Covered by an existing service." : null, at]);
      }
    }
  }
  await ideaRows.flush();
  await events.flush();
  log(`ideas: ${ideaRows.total.toLocaleString("en")} (timeline events: ${events.total.toLocaleString("en")})`);

  // --- supports, pass 2: the rows ----------------------------------------------------
  const supports = batcher(db, "Support", SUPPORT_COLUMNS);
  for (let position = 0; position < published.length; position++) {
    const ideaId = ideas[published[position]].id;
    for (const [user, createdAt, weight] of supportsOf(position)) await supports.push([ideaId, userIds[user], weight, createdAt]);
  }
  await supports.flush();
  log(`supports: ${supports.total.toLocaleString("en")}`);

  // --- comments (a third are replies, up to three levels deep) ------------------------------
  const comments = batcher(db, "Comment", COMMENT_COLUMNS);
  for (let position = 0; position < published.length; position++) {
    const index = published[position];
    const idea = ideas[index];
    const count = perIdeaComments[position];
    if (count === 0) continue;
    const times = Array.from({ length: count }, () => (idea.publishedAt ?? now) + (now - (idea.publishedAt ?? now)) * random.next() ** 2).sort((a, b) => a - b);
    type Draft = { id: string; parent: number; depth: number; replies: number };
    const drafts: Draft[] = [];
    for (let order = 0; order < count; order++) {
      let parent = -1;
      if (order > 0 && random.chance(0.33)) {
        parent = Math.floor(random.next() * order);
        if (drafts[parent].depth >= 3) parent = -1;
      }
      drafts.push({ id: randomId(random), parent, depth: parent >= 0 ? drafts[parent].depth + 1 : 0, replies: 0 });
      if (parent >= 0) drafts[parent].replies++;
    }
    for (let order = 0; order < count; order++) {
      const draft = drafts[order];
      const createdAt = new Date(times[order]);
      const roll = random.next();
      const alignment = roll < 0.45 ? "IN_FAVOUR" : roll < 0.7 ? "AGAINST" : "NEUTRAL";
      const author = userIds[Math.floor(random.next() * size.users)];
      await comments.push([
        draft.id,
        idea.id,
        author,
        draft.parent >= 0 ? drafts[draft.parent].id : null,
        draft.depth,
        commentText(random),
        alignment,
        "en",
        draft.replies,
        createdAt,
        createdAt,
      ]);
    }
  }
  await comments.flush();
  log(`comments: ${comments.total.toLocaleString("en")}`);

  // New ideas submitted during or after the benchmark get the next numbers.
  await db.all(
    `INSERT INTO "Sequence" ("name", "value") VALUES ('idea', ${size.ideas}) ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"`,
  );

  return {
    counts: {
      users: size.users,
      ideas: size.ideas,
      events: events.total,
      supports: supports.total,
      comments: comments.total,
      benchUsers: size.benchUsers,
    },
    benchUserIds,
    seconds: (performance.now() - started) / 1000,
  };
}
