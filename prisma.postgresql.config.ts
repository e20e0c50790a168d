// Prisma CLI config for PostgreSQL (migrate deploy / diff, generate). The running app
// does not use this file: app/utils/db.server.ts builds its own client.
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/civicloop";
process.env.POSTGRES_URL ??= url;

// prisma/prisma#27403: the schema engine's introspection reads columns of PG types
// `name` (OID 19) and `"char"` (OID 18), which adapter-pg 6.19.3 cannot deserialize.
// Report them (and their arrays) as text. CLI only.
function readNameColumnsAsText<T extends object>(adapter: T): T {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let proto: any = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) {
    proto = Object.getPrototypeOf(proto);
  }
  if (proto && !proto.__nameColumnsPatched) {
    const original = proto.performIO;
    proto.performIO = async function (this: unknown, ...args: unknown[]) {
      const result = await original.apply(this, args);
      for (const field of result?.fields ?? []) {
        if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
        else if (field.dataTypeID === 1002 || field.dataTypeID === 1003) field.dataTypeID = 1009;
      }
      return result;
    };
    proto.__nameColumnsPatched = true;
  }
  return adapter;
}

// Discrete fields, never { connectionString }: the stock shadow-database helper spreads
// this config with another database name, and pg lets connectionString win, so the
// "shadow" database would silently be the real one.
function poolConfig(u: URL, database = decodeURIComponent(u.pathname.slice(1))) {
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database,
    // The CLI never closes this pool; a short idle timeout lets the process exit.
    idleTimeoutMillis: 500,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const u = new URL(url);
    const factory = new PrismaPg(poolConfig(u));
    const connect = factory.connect.bind(factory);
    factory.connect = async () => readNameColumnsAsText(await connect());
    // A throw-away shadow database, dropped WITH (FORCE) after its pool is closed.
    factory.connectToShadowDb = async () => {
      const admin = await connect();
      const shadowName = `civicloop_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin.executeScript(`CREATE DATABASE "${shadowName}"`);
      const shadow = readNameColumnsAsText(await new PrismaPg(poolConfig(u, shadowName)).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    };
    return factory;
  },
  schema: "prisma/postgresql/schema.prisma",
  migrations: { path: "prisma/postgresql/migrations" },
});
