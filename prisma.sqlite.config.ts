// Prisma CLI config for SQLite (migrate deploy / diff, generate). The running app does
// not use this file: app/utils/db.server.ts builds its own client.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.SQLITE_URL ?? `file:${path.resolve("data/civicloop.db")}`;
// Without the variable the CLI tries to download engines (schema has url = env()).
process.env.SQLITE_URL ??= url;

// adapter-better-sqlite3 6.19.3 sends a whole multi-statement migration through
// prepare(), which better-sqlite3 refuses ("more than one statement", surfacing as
// P3006) when migrations are replayed into a shadow database by `migrate diff`.
// Fall back to exec() for parameterless multi-statement SQL. CLI only.
function allowMultiStatement<T extends object>(adapter: T): T {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let proto: any = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "executeIO")) {
    proto = Object.getPrototypeOf(proto);
  }
  if (proto && !proto.__multiStatementPatched) {
    const original = proto.executeIO;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    proto.executeIO = function (this: any, query: { sql: string; args: unknown[] }) {
      if (query.args.length === 0) {
        try {
          this.client.prepare(query.sql);
        } catch (error) {
          if (error instanceof RangeError && /more than one statement/.test(error.message)) {
            try {
              this.client.exec(query.sql);
              return Promise.resolve({ changes: 0 });
            } catch (execError) {
              this.onError(execError);
            }
          }
        }
      }
      return original.call(this, query);
    };
    proto.__multiStatementPatched = true;
  }
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const factory = new PrismaBetterSQLite3({ url });
    const connect = factory.connect.bind(factory);
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connect = async () => allowMultiStatement(await connect());
    factory.connectToShadowDb = async () => allowMultiStatement(await connectToShadowDb());
    return factory;
  },
  schema: "prisma/sqlite/schema.prisma",
  migrations: { path: "prisma/sqlite/migrations" },
});
