// CivicLoop production server: Express in front of the Remix request handler.
// Boot order: validate the environment, apply pending migrations, seed reference data
// (and demo data when SEED_DEMO=true), then listen. SIGTERM/SIGINT drain connections.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { migrate } from "./scripts/prisma.mjs";

installGlobals({ nativeFetch: true });

const root = path.dirname(fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(root, "build/index.js");
const isDev = process.env.NODE_ENV === "development";

async function loadBuild() {
  // A query string busts Node's module cache when the dev server rebuilds.
  return import(`${BUILD_PATH}?t=${Date.now()}`);
}

function securityHeaders(req, res, next) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws://localhost:* ws://127.0.0.1:*" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

// Cross-site form posts are refused (CSRF): browsers send Origin on every POST.
function sameOriginWrites(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  if (!origin || origin === "null") return next();
  const host = req.get("x-forwarded-host") && app.get("trust proxy") ? req.get("x-forwarded-host") : req.get("host");
  let originHost;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host) {
    res.status(403).type("text/plain").send("Cross-origin request refused");
    return;
  }
  next();
}

// A NUL (%00) in an address is never a real page, and PostgreSQL refuses it in text (error
// 22021): refused here, before any lookup of a slug, id or filter could turn it into a 500.
function refuseNulInAddress(req, res, next) {
  if (/%00/i.test(req.originalUrl)) {
    res.status(400).type("text/plain").send("Bad request");
    return;
  }
  next();
}

// An action's data (a fetcher's POST to a `.data` URL) is a few hundred bytes: deflating
// it costs more CPU than it saves on the wire. Everything else follows compression's rules.
function worthCompressing(req, res) {
  if (req.method === "POST" && req.path.endsWith(".data")) return false;
  return compression.filter(req, res);
}

// Express's req.ip honours "trust proxy", so X-Forwarded-For is only believed behind one.
const loadContext = (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? req.socket.remoteAddress ?? "" });

const app = express();
app.disable("x-powered-by");
if (/^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "")) app.set("trust proxy", true);

let build;
let server;
let shuttingDown = false;

async function boot() {
  build = await loadBuild();
  const hooks = build.entry.module;
  try {
    hooks.validateEnvironment();
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  if (!/^(0|false|no)$/i.test(process.env.MIGRATE_ON_START ?? "")) await migrate();
  await hooks.prepareDatabase({ demo: /^(1|true|yes)$/i.test(process.env.SEED_DEMO ?? "") });

  app.use(compression({ filter: worthCompressing }));
  app.use(securityHeaders);
  app.use(refuseNulInAddress);
  app.get("/healthz", async (_req, res) => {
    if (shuttingDown) return res.status(503).json({ status: "shutting-down" });
    try {
      await hooks.checkHealth();
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "database-unavailable" });
    }
  });
  if (!/^(0|false|no)$/i.test(process.env.LOG_REQUESTS ?? "")) {
    app.use(morgan(isDev ? "dev" : ":remote-addr :method :url :status :res[content-length] - :response-time ms"));
  }
  // Fingerprinted assets never change; everything else in public/ may.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.use(sameOriginWrites);
  app.all(
    "*",
    isDev
      ? async (req, res, next) => {
          try {
            return createRequestHandler({ build: await loadBuild(), mode: "development", getLoadContext: loadContext })(req, res, next);
          } catch (error) {
            next(error);
          }
        }
      : createRequestHandler({ build, mode: build.mode, getLoadContext: loadContext }),
  );

  const port = Number(process.env.PORT || 3000);
  server = app.listen(port, process.env.HOST || undefined, () => {
    console.log(`CivicLoop listening on http://localhost:${port}`);
    if (isDev) broadcastDevReady(build);
  });
  hooks.startBackgroundJobs();
}

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal} received: finishing open requests`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server?.close(async () => {
    await build?.entry.module.stopBackgroundJobs();
    process.exit(0);
  });
  server?.closeIdleConnections?.();
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));

boot().catch((error) => {
  console.error("CivicLoop could not start:", error);
  process.exit(1);
});
