// The app's own commands, run against the e2e database: what a moderator or city admin
// would do through pages other journeys already cover, as a fixture.
//
// They run in a child process under tsx rather than in the Playwright worker: app modules
// reach the translation bundles (JSON modules), which Playwright's ESM loader refuses to
// import without an import attribute that the Remix compiler's esbuild cannot parse.
// (playwright.config.ts points DATABASE_URL at the run's database; the child inherits it.)
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function appCommand<T>(name: string, ...args: unknown[]): Promise<T> {
  const { stdout } = await run(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "e2e/support/app-command.ts"), name, JSON.stringify(args)],
    { cwd: root, env: process.env, maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as T;
}

export async function publishIdeaAsModerator(ideaId: string, moderatorId: string) {
  const result = await appCommand<{ ok: boolean; error?: string }>("publishIdea", ideaId, moderatorId);
  if (!result.ok) throw new Error(`publishIdea failed: ${result.error}`);
}

/** Supports an idea as the given person, as the support button does. */
export async function supportAs(ideaId: string, userId: string) {
  return appCommand<{ ok: boolean; already?: boolean; error?: string }>("castSupport", ideaId, userId);
}
