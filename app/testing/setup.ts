import { inject } from "vitest";

// Must run before any module reads the environment (app/utils/env.server.ts caches it).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.NODE_ENV = "test";
process.env.SMTP_URL = "";
process.env.REDIS_URL = "";
