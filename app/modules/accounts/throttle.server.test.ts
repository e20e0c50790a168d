import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  clientAddress,
  databaseCounterStore,
  EMAIL_LIMITS,
  LOGIN_LIMITS,
  purgeExpiredCounters,
  RateLimiter,
  redisCounterStore,
  type CounterStore,
  type Limit,
} from "./throttle.server";

const W = 60_000;
const MAX = 5;
const run = randomUUID().slice(0, 8);
// Injected clocks start at a window boundary a little in the future: Redis expires keys
// by the real clock, so counters must not be born expired.
const BASE = (Math.ceil(Date.now() / W) + 10) * W;

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

async function connectRedis(): Promise<Redis | null> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (error) {
    client.disconnect();
    console.warn(`Redis at ${REDIS_URL} is unreachable (${(error as Error).message}): skipping the redisCounterStore tests.`);
    return null;
  }
}

const redis = await connectRedis();

afterAll(async () => {
  if (redis) {
    const keys = await redis.keys(`rl:t-${run}-*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  await db.rateLimitCounter.deleteMany({ where: { key: { startsWith: `rl:t-${run}-` } } });
});

function storeSuite(name: string, makeStore: () => CounterStore) {
  describe(`RateLimiter on ${name}`, () => {
    const limit = (overrides: Partial<Limit> = {}): Limit => ({ bucket: `t-${run}-${randomUUID().slice(0, 8)}`, max: MAX, windowMs: W, ...overrides });
    const limiterFor = (overrides: Partial<Limit> = {}) => new RateLimiter(makeStore(), limit(overrides));
    const hits = async (limiter: RateLimiter, subject: string, times: number, now: number) => {
      for (let i = 0; i < times; i++) await limiter.hit(subject, now);
    };

    it("counts hits and allows until the maximum is reached", async () => {
      const limiter = limiterFor();
      const now = BASE + 0.2 * W;
      expect(await limiter.count("alice", now)).toBe(0);
      expect(await limiter.retryAfterMs("alice", now)).toBe(0);
      await hits(limiter, "alice", MAX - 1, now);
      expect(await limiter.count("alice", now)).toBe(MAX - 1);
      expect(await limiter.retryAfterMs("alice", now)).toBe(0);
      await limiter.hit("alice", now);
      expect(await limiter.count("alice", now)).toBe(MAX);
      expect(await limiter.retryAfterMs("alice", now)).toBeGreaterThan(0);
    });

    it("keeps subjects and buckets apart", async () => {
      const store = makeStore();
      const a = new RateLimiter(store, limit());
      const b = new RateLimiter(store, limit());
      const now = BASE + 0.5 * W;
      await hits(a, "alice", MAX, now);
      expect(await a.retryAfterMs("alice", now)).toBeGreaterThan(0);
      expect(await a.count("bob", now)).toBe(0);
      expect(await b.count("alice", now)).toBe(0);
    });

    it("slides: the previous window counts in proportion to its remaining overlap", async () => {
      const limiter = limiterFor();
      await hits(limiter, "s", 4, BASE + 0.9 * W);
      // Next window: 4 previous hits weigh 4 × (1 − elapsed fraction).
      expect(await limiter.count("s", BASE + W)).toBeCloseTo(4);
      expect(await limiter.count("s", BASE + 1.25 * W)).toBeCloseTo(3);
      expect(await limiter.count("s", BASE + 1.75 * W)).toBeCloseTo(1);
      // Two windows later nothing is left.
      expect(await limiter.count("s", BASE + 2 * W)).toBe(0);
      await limiter.hit("s", BASE + 1.25 * W);
      expect(await limiter.count("s", BASE + 1.25 * W)).toBeCloseTo(4);
      await limiter.hit("s", BASE + 1.25 * W);
      expect(await limiter.count("s", BASE + 1.25 * W)).toBeCloseTo(5);
      expect(await limiter.retryAfterMs("s", BASE + 1.25 * W)).toBeGreaterThan(0);
    });

    // retryAfterMs must agree with the check it stands for: waiting that long is enough,
    // and it is not wildly longer than needed.
    async function expectTightRetry(limiter: RateLimiter, subject: string, now: number, expectedAllowedAt: number) {
      const wait = await limiter.retryAfterMs(subject, now);
      expect(wait).toBeGreaterThan(0);
      expect(await limiter.retryAfterMs(subject, now + wait)).toBe(0);
      expect(await limiter.count(subject, now + wait)).toBeLessThan(MAX);
      expect(now + wait).toBeGreaterThanOrEqual(expectedAllowedAt);
      expect(now + wait).toBeLessThanOrEqual(expectedAllowedAt + 2_000);
      // Shortly before, the subject is still over the limit.
      expect(await limiter.retryAfterMs(subject, now + wait - 1_500)).toBeGreaterThan(0);
    }

    it("retryAfterMs: limit reached within the previous window's overlap", async () => {
      const limiter = limiterFor();
      await hits(limiter, "p", 4, BASE + 0.1 * W);
      const now = BASE + 1.1 * W;
      await hits(limiter, "p", 2, now);
      // 2 + 4 × (1 − f) < 5  ⇔  f > 0.25
      await expectTightRetry(limiter, "p", now, BASE + 1.25 * W);
    });

    it("retryAfterMs: limit reached within the current window alone", async () => {
      const limiter = limiterFor();
      const now = BASE + 0.3 * W;
      await hits(limiter, "c", MAX, now);
      // 5 × (1 − f) < 5 as soon as the next window begins.
      await expectTightRetry(limiter, "c", now, BASE + W);
    });

    it("retryAfterMs: far over the limit in the current window", async () => {
      const limiter = limiterFor();
      const now = BASE + 0.6 * W;
      await hits(limiter, "f", 2 * MAX, now);
      // 10 × (1 − f) < 5  ⇔  f > 0.5 of the next window.
      await expectTightRetry(limiter, "f", now, BASE + 1.5 * W);
    });

    it("reset forgets the subject's current and previous windows", async () => {
      const limiter = limiterFor();
      await hits(limiter, "r", 4, BASE + 0.5 * W);
      await hits(limiter, "r", 4, BASE + 1.5 * W);
      expect(await limiter.count("r", BASE + 1.5 * W)).toBeCloseTo(6);
      expect(await limiter.retryAfterMs("r", BASE + 1.5 * W)).toBeGreaterThan(0);
      await limiter.reset("r", BASE + 1.5 * W);
      expect(await limiter.count("r", BASE + 1.5 * W)).toBe(0);
      expect(await limiter.retryAfterMs("r", BASE + 1.5 * W)).toBe(0);
    });

    it("50 concurrent hits count exactly 50", async () => {
      const limiter = limiterFor({ max: 1_000 });
      const now = BASE + 0.5 * W;
      await Promise.all(Array.from({ length: 50 }, () => limiter.hit("burst", now)));
      expect(await limiter.count("burst", now)).toBe(50);
      await Promise.all(Array.from({ length: 50 }, () => limiter.hit("burst", now)));
      expect(await limiter.count("burst", now)).toBe(100);
    });
  });
}

storeSuite("the database store", () => databaseCounterStore());

if (redis) {
  storeSuite("the Redis store", () => redisCounterStore(redis));
} else {
  describe.skip(`RateLimiter on the Redis store (Redis at ${REDIS_URL} is unreachable)`, () => {
    it("needs Redis", () => {});
  });
}

describe("store details", () => {
  it("the database store keeps one row per window, expiring two windows after its start", async () => {
    const bucket = `t-${run}-rows`;
    const limiter = new RateLimiter(databaseCounterStore(), { bucket, max: 5, windowMs: W });
    await limiter.hit("x", BASE + 0.5 * W);
    await limiter.hit("x", BASE + 0.7 * W);
    const rows = await db.rateLimitCounter.findMany({ where: { key: { startsWith: `rl:${bucket}:x:` } } });
    expect(rows).toEqual([{ key: `rl:${bucket}:x:${BASE / W}`, count: 2, expiresAt: new Date(BASE + 2 * W) }]);
  });

  it.skipIf(!redis)("the Redis store sets the key to expire two windows after its start", async () => {
    const bucket = `t-${run}-ttl`;
    const limiter = new RateLimiter(redisCounterStore(redis!), { bucket, max: 5, windowMs: W });
    await limiter.hit("x", BASE + 0.5 * W);
    const key = `rl:${bucket}:x:${BASE / W}`;
    expect(await redis!.get(key)).toBe("1");
    expect(await redis!.pexpiretime(key)).toBe(BASE + 2 * W);
  });

  it("purgeExpiredCounters deletes expired database counters only", async () => {
    const bucket = `t-${run}-purge`;
    const limiter = new RateLimiter(databaseCounterStore(), { bucket, max: 5, windowMs: W });
    const past = (Math.floor(Date.now() / W) - 5) * W;
    await limiter.hit("old", past);
    await limiter.hit("fresh", BASE);
    await purgeExpiredCounters();
    const keys = (await db.rateLimitCounter.findMany({ where: { key: { startsWith: `rl:${bucket}:` } }, select: { key: true } })).map(
      (row) => row.key,
    );
    expect(keys).toEqual([`rl:${bucket}:fresh:${BASE / W}`]);
  });
});

describe("limits and client address", () => {
  it("uses the documented limits", () => {
    expect(LOGIN_LIMITS.account).toMatchObject({ max: 5, windowMs: 15 * 60_000 });
    expect(LOGIN_LIMITS.ip).toMatchObject({ max: 30, windowMs: 15 * 60_000 });
    expect(EMAIL_LIMITS.address).toMatchObject({ max: 3, windowMs: 60 * 60_000 });
    expect(EMAIL_LIMITS.ip).toMatchObject({ max: 20, windowMs: 60 * 60_000 });
  });

  it("clientAddress falls back to one shared 'unknown' bucket", () => {
    expect(clientAddress({ clientIp: "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({ clientIp: "" })).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });
});
