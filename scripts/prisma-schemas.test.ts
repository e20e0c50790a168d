import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaFor } from "./prisma-schemas.mjs";

describe("provider schemas", () => {
  for (const provider of ["sqlite", "postgresql"]) {
    it(`prisma/${provider}/schema.prisma is generated from prisma/models.prisma`, () => {
      const committed = readFileSync(`prisma/${provider}/schema.prisma`, "utf8");
      expect(committed, "run `node scripts/prisma-schemas.mjs` and add a migration").toBe(schemaFor(provider));
    });
  }
});
