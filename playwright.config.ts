import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One throw-away environment per run, shared by the web server and the tests (the
// tests read the email outbox and create users directly in the database). Values are
// put in process.env so Playwright's worker processes inherit them.
const port = Number(process.env.E2E_PORT ?? 3210);
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "civicloop-e2e-"));
if (!process.env.E2E_DATABASE_URL) {
  const base = process.env.TEST_DATABASE_URL?.trim();
  if (base && !base.startsWith("file:")) {
    const url = new URL(base);
    url.pathname = `/civicloop_e2e_${Date.now().toString(36)}`;
    process.env.E2E_DATABASE_URL = url.toString();
  } else {
    process.env.E2E_DATABASE_URL = `file:${path.join(process.env.E2E_DATA_DIR, "e2e.db")}`;
  }
}
process.env.E2E_BASE_URL = `http://localhost:${port}`;
// App modules imported by tests (fixtures that run the app's own commands) use the run's
// database too.
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
process.env.DATA_DIR = process.env.E2E_DATA_DIR;

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  // Two workers on the 2-core machines this runs on (the server takes the rest).
  workers: 2,
  // One retry in CI only, and Playwright still reports the test as "flaky" (a real failure
  // fails twice). On a loaded 2-core machine a step can exceed its 10 s expectation; and
  // SQLite transactions used to fail with SQLITE_BUSY_SNAPSHOT when another process (the
  // digest command, a test worker) committed mid-transaction — fixed by BEGIN IMMEDIATE
  // (app/utils/db.server.ts).
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // A safety limit, not a speed target: journeys scan every page with axe on 2 shared cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    locale: "en-GB",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: "node e2e/support/start-server.mjs",
    url: `${process.env.E2E_BASE_URL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      DATA_DIR: process.env.E2E_DATA_DIR,
      APP_URL: process.env.E2E_BASE_URL,
      SESSION_SECRET: "e2e-only-session-secret-0123456789abcdef",
      // Digests run only when a test runs the command (the hourly schedule would race them).
      DIGEST_SCHEDULER: "off",
      SMTP_URL: "",
      REDIS_URL: "",
      SEED_DEMO: "false",
      MAIL_POLL_MS: "200",
      LOG_REQUESTS: "false",
      QUIET_MIGRATIONS: "1",
    },
  },
});
