import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const SECRET = "s".repeat(32);
const DATA_DIR = path.resolve("/tmp/civicloop-env-test");

/** The EnvError thrown for this environment (fails the test when none is thrown). */
function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe("parseEnv: refusals", () => {
  it("refuses production without SESSION_SECRET, naming the variable", () => {
    const error = envError({ NODE_ENV: "production", DATA_DIR });
    expect(error.message).toMatch(/^Invalid environment configuration:/);
    expect(error.message).toContain("SESSION_SECRET: is required in production");
  });

  it("refuses production with an empty SESSION_SECRET", () => {
    expect(envError({ NODE_ENV: "production", SESSION_SECRET: "", DATA_DIR }).message).toContain("SESSION_SECRET");
  });

  it("refuses a secret shorter than 32 characters, in any environment", () => {
    expect(envError({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(31), DATA_DIR }).message).toContain(
      "SESSION_SECRET: must be at least 32 characters",
    );
    expect(envError({ SESSION_SECRET: "short", DATA_DIR }).message).toContain("SESSION_SECRET: must be at least 32 characters");
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: SECRET, DATA_DIR }).sessionSecret).toBe(SECRET);
  });

  it.each(["mysql://user:hunter2@db.example/civicloop", "sqlite:./data.db", "civicloop.db", "http://db.example"])(
    "refuses DATABASE_URL %s with a clear message that does not echo credentials",
    (DATABASE_URL) => {
      const { message } = envError({ DATABASE_URL, DATA_DIR });
      expect(message).toContain('DATABASE_URL: DATABASE_URL must start with "postgresql://" or "file:"');
      expect(message).not.toContain("hunter2");
    },
  );

  it.each(["http://mail.example", "mail.example:25", "smtp:/mail.example", "SMTP://mail.example"])("refuses SMTP_URL %s", (SMTP_URL) => {
    expect(envError({ SMTP_URL, DATA_DIR }).message).toContain("SMTP_URL: must start with smtp:// or smtps://");
  });

  it("refuses a REDIS_URL that is not a redis URL", () => {
    expect(envError({ REDIS_URL: "127.0.0.1:6379", DATA_DIR }).message).toContain("REDIS_URL: must start with redis:// or rediss://");
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["PORT", "0"],
    ["APP_URL", "civicloop.example"],
    ["NODE_ENV", "staging"],
    ["MAIL_WORKER", "sometimes"],
    ["TRUST_PROXY", "maybe"],
  ])("refuses %s=%s", (name, value) => {
    expect(envError({ [name]: value, DATA_DIR }).message).toContain(`${name}:`);
  });

  it("lists every problem at once", () => {
    const { message } = envError({ NODE_ENV: "production", DATABASE_URL: "mysql://x", SMTP_URL: "http://x", PORT: "nope", DATA_DIR });
    for (const name of ["SESSION_SECRET", "DATABASE_URL", "SMTP_URL", "PORT"]) expect(message).toContain(`  - ${name}:`);
  });
});

describe("parseEnv: defaults and derived values", () => {
  it("defaults to port 3000, SQLite under DATA_DIR and a localhost app URL", () => {
    const env = parseEnv({ DATA_DIR });
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.database).toEqual({
      provider: "sqlite",
      url: `file:${path.join(DATA_DIR, "civicloop.db")}`,
      dataDir: DATA_DIR,
      sqliteFile: path.join(DATA_DIR, "civicloop.db"),
    });
    expect(env.secureCookies).toBe(false);
    expect(env.isProduction).toBe(false);
    expect(env.smtpUrl).toBeUndefined();
    expect(env.redisUrl).toBeUndefined();
    expect(env.MAIL_FROM).toBe("CivicLoop <no-reply@civicloop.localhost>");
    expect(env.MAIL_WORKER).toBe("inline");
    expect(env.MAIL_POLL_MS).toBe(2_000);
    expect(env.devOutboxEnabled).toBe(true);
    expect(env.logRequests).toBe(true);
    expect(env.sessionSecret).toBe("development-only-secret-do-not-use-in-production");
  });

  it("puts the default database under ./data when DATA_DIR is unset", () => {
    expect(parseEnv({}).database.url).toBe(`file:${path.resolve("data", "civicloop.db")}`);
  });

  it("derives the app URL from PORT, or takes the origin of APP_URL", () => {
    expect(parseEnv({ PORT: "8080", DATA_DIR }).appUrl).toBe("http://localhost:8080");
    const env = parseEnv({ APP_URL: "https://civicloop.example/some/path?x=1", DATA_DIR });
    expect(env.appUrl).toBe("https://civicloop.example");
    expect(env.secureCookies).toBe(true);
  });

  it("picks PostgreSQL from the URL scheme", () => {
    for (const url of ["postgresql://app@db.example:5432/civicloop", "postgres://app@db.example/civicloop"]) {
      expect(parseEnv({ DATABASE_URL: url, DATA_DIR }).database).toEqual({ provider: "postgresql", url, dataDir: DATA_DIR });
    }
    expect(parseEnv({ DATABASE_URL: "file:./somewhere/app.db", DATA_DIR }).database.sqliteFile).toBe(path.resolve("somewhere/app.db"));
  });

  it("reads SMTP and Redis URLs and boolean flags", () => {
    const env = parseEnv({
      SMTP_URL: "smtps://user:pass@mail.example:465",
      REDIS_URL: "redis://127.0.0.1:6379",
      TRUST_PROXY: "yes",
      ENABLE_DEV_OUTBOX: "0",
      LOG_REQUESTS: "false",
      DATA_DIR,
    });
    expect(env.smtpUrl).toBe("smtps://user:pass@mail.example:465");
    expect(env.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.devOutboxEnabled).toBe(false);
    expect(env.logRequests).toBe(false);
  });

  it("turns the development outbox off in production unless asked for", () => {
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: SECRET, DATA_DIR }).devOutboxEnabled).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: SECRET, ENABLE_DEV_OUTBOX: "true", DATA_DIR }).devOutboxEnabled).toBe(true);
  });

  it("treats an empty variable as unset (as in `PORT=` lines of an env file)", () => {
    const env = parseEnv({ PORT: "", APP_URL: "", SMTP_URL: "", REDIS_URL: "", DATABASE_URL: "", MAIL_FROM: "", SESSION_SECRET: "", DATA_DIR });
    expect(env.PORT).toBe(3000);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.smtpUrl).toBeUndefined();
    expect(env.redisUrl).toBeUndefined();
    expect(env.database.provider).toBe("sqlite");
    expect(env.MAIL_FROM).toBe("CivicLoop <no-reply@civicloop.localhost>");
    // Never an empty signing secret.
    expect(env.sessionSecret).toBe("development-only-secret-do-not-use-in-production");
  });
});
