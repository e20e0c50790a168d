import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

// One migrated database for the whole unit run; tests use unique data so files can
// run in parallel against it.
export default async function setup(project: TestProject) {
  process.env.QUIET_MIGRATIONS = "1";
  const database = await createTestDatabase("unit");
  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = database.dataDir;
  const { seedCities } = await import("~/modules/cities/cities.server");
  const { seedCategories } = await import("~/modules/categories/categories.server");
  const { db } = await import("~/utils/db.server");
  await seedCities();
  await seedCategories();
  const { ensureSearchIndex } = await import("~/modules/ideas/search.server");
  await ensureSearchIndex();
  await db.$disconnect();
  project.provide("databaseUrl", database.url);
  project.provide("dataDir", database.dataDir);
  return async () => {
    await database.drop();
  };
}
