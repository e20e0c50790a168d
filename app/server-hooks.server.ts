// Entry points server.js calls around the Remix handler (re-exported by
// entry.server.tsx so they share the bundle's single database client).
import { seedCategories } from "~/modules/categories/categories.server";
import { seedCities } from "~/modules/cities/cities.server";
import { seedDemoData } from "~/modules/demo/demo.seed.server";
import { ensureSearchIndex } from "~/modules/ideas/search.server";
import { startBackgroundJobs as start, stopBackgroundJobs as stop } from "~/jobs.server";
import { db, prepareSqlite } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/** Throws an EnvError listing every missing or invalid variable. */
export function validateEnvironment() {
  getEnv();
}

/** Reference data always; demo accounts and content only when asked. Idempotent. */
export async function prepareDatabase({ demo }: { demo: boolean }) {
  if (getEnv().database.provider === "sqlite") await prepareSqlite(db);
  await seedCities();
  await seedCategories();
  await ensureSearchIndex();
  if (demo) await seedDemoData();
}

export async function checkHealth() {
  await db.$queryRawUnsafe("SELECT 1");
}

export function startBackgroundJobs() {
  start();
}

export async function stopBackgroundJobs() {
  await stop();
  await db.$disconnect();
}
