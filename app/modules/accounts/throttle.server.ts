import { Redis } from "ioredis";
import { db, type Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/**
 * Sliding-window counters (two fixed windows, the previous one weighted by how much of
 * it still overlaps), stored where every app instance sees them: the database, or Redis
 * when REDIS_URL is set. Increments are single atomic statements, never read-then-write.
 */
export interface CounterStore {
  increment(key: string, expiresAt: Date): Promise<void>;
  read(keys: string[]): Promise<number[]>;
  remove(keys: string[]): Promise<void>;
}

export function databaseCounterStore(client: Db = db): CounterStore {
  return {
    async increment(key, expiresAt) {
      await client.rateLimitCounter.upsert({
        where: { key },
        create: { key, count: 1, expiresAt },
        update: { count: { increment: 1 } },
      });
    },
    async read(keys) {
      const rows = await client.rateLimitCounter.findMany({ where: { key: { in: keys } }, select: { key: true, count: true } });
      return keys.map((key) => rows.find((row) => row.key === key)?.count ?? 0);
    },
    async remove(keys) {
      await client.rateLimitCounter.deleteMany({ where: { key: { in: keys } } });
    },
  };
}

export function redisCounterStore(redis: Redis): CounterStore {
  return {
    async increment(key, expiresAt) {
      await redis.multi().incr(key).pexpireat(key, expiresAt.getTime()).exec();
    },
    async read(keys) {
      const values = await redis.mget(...keys);
      return values.map((value) => Number(value ?? 0));
    },
    async remove(keys) {
      if (keys.length) await redis.del(...keys);
    },
  };
}

export type Limit = { bucket: string; max: number; windowMs: number };

export class RateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly limit: Limit,
  ) {}

  private keys(subject: string, now: number) {
    const window = Math.floor(now / this.limit.windowMs);
    const prefix = `rl:${this.limit.bucket}:${subject}`;
    return { current: `${prefix}:${window}`, previous: `${prefix}:${window - 1}`, windowStart: window * this.limit.windowMs };
  }

  /** Weighted count of recent hits. */
  async count(subject: string, now = Date.now()): Promise<number> {
    const { current, previous, windowStart } = this.keys(subject, now);
    const [currentCount, previousCount] = await this.store.read([current, previous]);
    const overlap = 1 - (now - windowStart) / this.limit.windowMs;
    return currentCount + previousCount * overlap;
  }

  /** How long until another attempt is allowed (0 = allowed now). */
  async retryAfterMs(subject: string, now = Date.now()): Promise<number> {
    const { current, previous, windowStart } = this.keys(subject, now);
    const [currentCount, previousCount] = await this.store.read([current, previous]);
    if (currentCount + previousCount * (1 - (now - windowStart) / this.limit.windowMs) < this.limit.max) return 0;
    // A window's weight falls linearly through the window after it; find when the total drops below max.
    if (currentCount >= this.limit.max) {
      // Over the limit on this window's hits alone: they weigh currentCount × (1 − f) in the next window.
      const fraction = 1 - this.limit.max / currentCount;
      return Math.max(1_000, Math.ceil(windowStart + (1 + fraction) * this.limit.windowMs - now) + 1);
    }
    const fraction = 1 - (this.limit.max - currentCount) / previousCount;
    return Math.max(1_000, Math.ceil(windowStart + fraction * this.limit.windowMs - now) + 1);
  }

  async hit(subject: string, now = Date.now()): Promise<void> {
    const { current, windowStart } = this.keys(subject, now);
    await this.store.increment(current, new Date(windowStart + 2 * this.limit.windowMs));
  }

  async reset(subject: string, now = Date.now()): Promise<void> {
    const { current, previous } = this.keys(subject, now);
    await this.store.remove([current, previous]);
  }
}

let redis: Redis | undefined;
function counterStore(): CounterStore {
  const { redisUrl } = getEnv();
  if (!redisUrl) return databaseCounterStore();
  redis ??= new Redis(redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  return redisCounterStore(redis);
}

/** Failed logins: 5 per account and 30 per IP address in 15 minutes. */
export const LOGIN_LIMITS = {
  account: { bucket: "login-account", max: 5, windowMs: 15 * 60_000 },
  ip: { bucket: "login-ip", max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/** Emails we send on request (reset, verification): 3 per address and 20 per IP an hour. */
export const EMAIL_LIMITS = {
  address: { bucket: "email-address", max: 3, windowMs: 60 * 60_000 },
  ip: { bucket: "email-ip", max: 20, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** New accounts from one address: 20 an hour (stops scripted mass sign-ups, not families). */
export const REGISTER_LIMITS = {
  ip: { bucket: "register-ip", max: 20, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

export function limiter(limit: Limit): RateLimiter {
  return new RateLimiter(counterStore(), limit);
}

export async function purgeExpiredCounters(now = new Date()) {
  if (getEnv().redisUrl) return; // Redis expires keys itself.
  await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** Client address from the load context (server.js; honours TRUST_PROXY via Express). */
export function clientAddress(context: { clientIp?: string }): string {
  return context.clientIp || "unknown";
}
