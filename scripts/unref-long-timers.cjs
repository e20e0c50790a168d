// Preload for the Prisma 6.19 CLI with engine "js": its WASM schema engine arms long
// timers it never clears, so the CLI would exit 10-60 s after finishing. Unref them.
const orig = globalThis.setTimeout;
globalThis.setTimeout = function (fn, ms, ...args) {
  const t = orig(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 10000 && t && typeof t.unref === "function") t.unref();
  return t;
};
