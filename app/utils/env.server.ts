import { z } from "zod";
import { resolveDatabase } from "./database-config.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : ["true", "1", "yes"].includes(value)));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.string().url().optional(),
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().optional(),
    SESSION_SECRET: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional()
      .or(z.literal("")),
    MAIL_FROM: z.string().default("CivicLoop <no-reply@civicloop.localhost>"),
    MAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
    MAIL_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional()
      .or(z.literal("")),
    TRUST_PROXY: booleanFlag,
    ENABLE_DEV_OUTBOX: booleanFlag,
    LOG_REQUESTS: booleanFlag,
  });

/**
 * Checks across variables. Kept out of the schema: zod skips an object's refinements once
 * a field is invalid, and every problem should be reported at once.
 */
function crossFieldProblems(source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (source.NODE_ENV === "production" && !source.SESSION_SECRET) {
    problems.push("SESSION_SECRET: is required in production (at least 32 random characters)");
  }
  if (source.SESSION_SECRET && source.SESSION_SECRET.length < 32) {
    problems.push("SESSION_SECRET: must be at least 32 characters");
  }
  try {
    resolveDatabase({ DATABASE_URL: source.DATABASE_URL, DATA_DIR: source.DATA_DIR });
  } catch (error) {
    problems.push(`DATABASE_URL: ${(error as Error).message}`);
  }
  return problems;
}

export type Env = ReturnType<typeof parseEnv>;

export class EnvError extends Error {}

export function parseEnv(rawSource: Record<string, string | undefined> = process.env) {
  // An empty variable means unset (a `PORT=` line in an env file), as it already did for
  // DATABASE_URL, SMTP_URL and the flags; and an empty SESSION_SECRET is never used as a key.
  const source = Object.fromEntries(Object.entries(rawSource).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(source);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`)),
    ...crossFieldProblems(source),
  ];
  if (!result.success || problems.length) {
    throw new EnvError(`Invalid environment configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
  const env = result.data;
  const database = resolveDatabase(source);
  const appUrl = new URL(env.APP_URL ?? `http://localhost:${env.PORT}`);
  return {
    ...env,
    appUrl: appUrl.origin,
    database,
    isProduction: env.NODE_ENV === "production",
    // Development gets a fixed, obviously-unsafe secret so `npm run dev` just works;
    // production refuses to start without one (see the schema above).
    sessionSecret: env.SESSION_SECRET ?? "development-only-secret-do-not-use-in-production",
    secureCookies: appUrl.protocol === "https:",
    smtpUrl: env.SMTP_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    devOutboxEnabled: env.ENABLE_DEV_OUTBOX ?? env.NODE_ENV !== "production",
    logRequests: env.LOG_REQUESTS ?? true,
  };
}

let cached: Env | undefined;

/** The validated environment; throws EnvError with every problem listed. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
