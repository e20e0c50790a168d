// A bare `npx prisma …` uses the embedded default database (SQLite).
// For PostgreSQL: `npx prisma … --config prisma.postgresql.config.ts`.
export { default } from "./prisma.sqlite.config";
