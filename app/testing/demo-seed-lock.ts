// Test files run in parallel processes on one database. The demo seed is idempotent but
// not built for two first runs at the same moment (ideas are found by title), so the test
// files that seed the demo take turns through a lock directory (mkdir is atomic).
import { createHash } from "node:crypto";
import { mkdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const STALE_MS = 180_000;

export async function withDemoSeedLock<T>(work: () => Promise<T>): Promise<T> {
  const key = createHash("sha256").update(process.env.DATABASE_URL ?? "").digest("hex").slice(0, 16);
  const lock = path.join(os.tmpdir(), `civicloop-demo-seed-${key}.lock`);
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A crashed holder leaves the directory behind: take it over once it is old.
      const info = await stat(lock).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_MS) await rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
