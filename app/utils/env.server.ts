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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production") {
      if (!env.SESSION_SECRET) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["SESSION_SECRET"],
          message: "is required in production (at least 32 random characters)",
        });
      }
    }
    if (env.SESSION_SECRET && env.SESSION_SECRET.length < 32) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "must be at least 32 characters",
      });
    }
    try {
      resolveDatabase({ DATABASE_URL: env.DATABASE_URL, DATA_DIR: env.DATA_DIR });
    } catch (error) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["DATABASE_URL"],
        message: (error as Error).message,
      });
    }
  });

export type Env = ReturnType<typeof parseEnv>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env) {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
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
