// Writes the two provider-specific schemas from prisma/models.prisma.
// Prisma rejects `provider = env(...)` (P1012), so each provider needs its own file;
// keeping one source of truth means the models can never drift apart.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");

export const providers = {
  sqlite: { env: "SQLITE_URL" },
  postgresql: { env: "POSTGRES_URL" },
};

export function schemaFor(provider) {
  const { env } = providers[provider];
  const header = `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.mjs — do not edit.\n`;
  return (
    header +
    source
      .replace(
        "// @@DATASOURCE@@",
        `datasource db {\n  provider = "${provider}"\n  url      = env("${env}")\n}`,
      )
      .replace(
        "// @@GENERATOR@@",
        `generator client {\n  provider   = "prisma-client"\n  output     = "../generated/${provider}"\n  engineType = "client"\n  moduleFormat = "esm"\n}`,
      )
  );
}

export function writeSchemas() {
  for (const provider of Object.keys(providers)) {
    writeFileSync(path.join(root, `prisma/${provider}/schema.prisma`), schemaFor(provider));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeSchemas();
