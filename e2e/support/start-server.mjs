// Web server for the e2e run: the production build on the run's throw-away database
// (server.js creates and migrates it at boot). The build is made by `npm test`
// beforehand (scripts/test.mjs), or here when missing.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync("build/index.js")) {
  const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import("../../server.js");
