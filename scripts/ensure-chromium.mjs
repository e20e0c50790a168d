// Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, or a
// Playwright-managed browser. On a fresh Debian machine, as root, installs Debian's
// package. Never downloads a browser build of its own (no `playwright install`).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function found() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(candidate)) return candidate;
  return null;
}

let path = found();
if (!path && process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("No Chromium found: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const result = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (result.status === 0) path = found();
}
if (!path) {
  console.error(
    "No Chromium browser found for the end-to-end tests.\n" +
      "Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium/Chrome binary.",
  );
  process.exit(1);
}
if (!process.env.CHROMIUM_PATH && path !== "/usr/bin/chromium") console.log(`Using Chromium at ${path}`);
try {
  execFileSync(path, ["--version"], { stdio: "ignore" });
} catch {
  console.error(`${path} does not run. Set CHROMIUM_PATH to a working Chromium.`);
  process.exit(1);
}
