import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queueVerificationEmail } from "~/modules/accounts/emails.server";
import { createTestDatabase, type TestDatabase } from "~/testing/test-database";
import { resolveDatabase } from "~/utils/database-config.js";
import { createDb, prepareSqlite, type Db } from "~/utils/db.server";
import { enqueueEmail } from "./outbox.server";
import { createOutboxTransport, createSmtpTransport, type MailTransport } from "./transport.server";
import { deliverDueEmails, retryDelayMs } from "./worker.server";

// ---------------------------------------------------------------------------------------
// A real SMTP server (the smtp-server package) and a small MIME reader for what it gets.
// ---------------------------------------------------------------------------------------

type ReceivedMail = { from: string; to: string[]; raw: string };

type TestSmtpServer = {
  port: number;
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
};

/** Listens on 127.0.0.1 (a random port unless one is given). */
async function startSmtpServer({ port = 0, delayMs = 0 }: { port?: number; delayMs?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const finish = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        };
        if (delayMs) setTimeout(finish, delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local port with nothing listening on it (connections are refused). */
async function closedPort(): Promise<number> {
  const server = await startSmtpServer();
  await server.close();
  return server.port;
}

type MimePart = { headers: Record<string, string>; body: string; parts: MimePart[] };

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const soft = value.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Enough MIME for nodemailer's output: headers, multipart bodies, QP and base64. */
function parseMime(raw: string): MimePart {
  const split = raw.indexOf("\r\n\r\n");
  const head = split === -1 ? raw : raw.slice(0, split);
  const content = split === -1 ? "" : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const sections = content.split(`--${boundary}`).slice(1);
    const parts = sections.filter((section) => !section.startsWith("--")).map((section) => parseMime(section.replace(/^\r\n/, "")));
    return { headers, body: "", parts };
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const body =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(content)
      : encoding === "base64"
        ? Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8")
        : content;
  return { headers, body: body.replace(/\r\n$/, ""), parts: [] };
}

/** The first text/plain and text/html leaves of a message. */
function bodiesOf(message: MimePart): { text?: string; html?: string } {
  const leaves: MimePart[] = [];
  const walk = (part: MimePart) => (part.parts.length ? part.parts.forEach(walk) : leaves.push(part));
  walk(message);
  const find = (type: string) => leaves.find((leaf) => (leaf.headers["content-type"] ?? "text/plain").toLowerCase().startsWith(type))?.body;
  return { text: find("text/plain")?.replaceAll("\r\n", "\n"), html: find("text/html")?.replaceAll("\r\n", "\n") };
}

// ---------------------------------------------------------------------------------------
// The worker gets a database of its own: deliverDueEmails takes every due message, and
// the other test files queue emails in the shared database while this file runs.
// ---------------------------------------------------------------------------------------

let database: TestDatabase;
let client: Db;
const extraClients: Db[] = [];

async function openClient(): Promise<Db> {
  const config = resolveDatabase({ DATABASE_URL: database.url, DATA_DIR: database.dataDir });
  const opened = createDb(config);
  if (config.provider === "sqlite") await prepareSqlite(opened);
  return opened;
}

beforeAll(async () => {
  database = await createTestDatabase("mail");
  client = await openClient();
});

afterAll(async () => {
  await Promise.all([client, ...extraClients].map((opened) => opened?.$disconnect()));
  await database?.drop();
});

beforeEach(async () => {
  await client.emailMessage.deleteMany();
});

let sequence = 0;
async function queue(count = 1, overrides: { to?: string; headers?: Record<string, string> } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    sequence++;
    await enqueueEmail(client, {
      to: overrides.to ?? `person${sequence}@test.example`,
      subject: `Message ${sequence}`,
      text: `Plain text of message ${sequence}.`,
      html: `<p>HTML of message ${sequence}.</p>`,
      headers: overrides.headers,
    });
    const latest = await client.emailMessage.findFirstOrThrow({ orderBy: { createdAt: "desc" }, where: { subject: `Message ${sequence}` } });
    ids.push(latest.id);
  }
  return ids;
}

const messageIdOf = (mail: ReceivedMail) => parseMime(mail.raw).headers["message-id"];

describe("retryDelayMs", () => {
  it("backs off from 30 s, doubling, capped at one hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe("deliverDueEmails with the development outbox", () => {
  it("writes one private JSON file per message and marks the messages sent", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "civicloop-outbox-"));
    try {
      const ids = await queue(2, { headers: { "List-Unsubscribe": "<https://civicloop.test/unsubscribe>" } });
      const now = new Date("2030-03-03T10:00:00Z");
      expect(await deliverDueEmails({ client, transport: createOutboxTransport(dir), now: () => now })).toEqual({ sent: 2, failed: 0 });

      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(2);
      const written = files.map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      expect(written.map((mail) => mail.id).sort()).toEqual([...ids].sort());
      const first = written.find((mail) => mail.id === ids[0]);
      const row = await client.emailMessage.findUniqueOrThrow({ where: { id: ids[0] } });
      expect(first).toMatchObject({
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        headers: { "List-Unsubscribe": "<https://civicloop.test/unsubscribe>" },
        from: "CivicLoop <no-reply@civicloop.localhost>",
      });
      for (const file of files) expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);

      const rows = await client.emailMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.map((message) => [message.status, message.attempts, message.sentAt?.toISOString(), message.lockedUntil])).toEqual([
        ["SENT", 1, now.toISOString(), null],
        ["SENT", 1, now.toISOString(), null],
      ]);
      // Nothing is due any more.
      expect(await deliverDueEmails({ client, transport: createOutboxTransport(dir), now: () => now })).toEqual({ sent: 0, failed: 0 });
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves messages that are not due yet alone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "civicloop-outbox-"));
    try {
      const [id] = await queue(1);
      const row = await client.emailMessage.findUniqueOrThrow({ where: { id } });
      const before = new Date(row.nextAttemptAt.getTime() - 1_000);
      expect(await deliverDueEmails({ client, transport: createOutboxTransport(dir), now: () => before })).toEqual({ sent: 0, failed: 0 });
      expect(readdirSync(dir)).toHaveLength(0);
      expect((await client.emailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("deliverDueEmails over SMTP", () => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  it("delivers a rendered email: subject, text and HTML parts and a stable Message-ID", async () => {
    const to = "stefan@test.example";
    await queueVerificationEmail(client, { email: to, displayName: "Ștefan <b>Țurcanu</b>", locale: "en" }, "T".repeat(43));
    const row = await client.emailMessage.findFirstOrThrow({ where: { toAddress: to } });

    expect(await deliverDueEmails({ client, transport })).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe("no-reply@civicloop.localhost");
    expect(mail.to).toEqual([to]);
    const message = parseMime(mail.raw);
    expect(message.headers.subject).toBe("Confirm your email address for CivicLoop");
    expect(message.headers["message-id"]).toBe(`<${row.id}@civicloop>`);
    expect(message.headers.to).toBe(to);
    expect(message.headers["content-type"]).toMatch(/^multipart\/alternative/);
    const { text, html } = bodiesOf(message);
    expect(text).toBe(row.textBody);
    expect(html).toBe(row.htmlBody);
    expect(text).toContain("Welcome, Ștefan <b>Țurcanu</b>");
    expect(text).toContain(`/verify-email?token=${"T".repeat(43)}`);
    expect(html).toContain("Welcome, Ștefan &lt;b&gt;Țurcanu&lt;/b&gt;");
    expect(html).not.toContain("<b>");

    const sent = await client.emailMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null, lockedUntil: null, lockedBy: null });
  });

  it("passes extra headers through", async () => {
    await queue(1, { headers: { "List-Unsubscribe": "<https://civicloop.test/u/1>", "X-CivicLoop-Kind": "digest" } });
    expect(await deliverDueEmails({ client, transport })).toEqual({ sent: 1, failed: 0 });
    const { headers } = parseMime(smtp.received[0].raw);
    expect(headers["list-unsubscribe"]).toBe("<https://civicloop.test/u/1>");
    expect(headers["x-civicloop-kind"]).toBe("digest");
  });

  it("two workers running at once never send a message twice", async () => {
    const ids = await queue(12);
    // PostgreSQL: two clients with their own pools, like two app instances. SQLite: one
    // client (better-sqlite3 is synchronous: a second connection in the same process would
    // busy-wait on the first one's write lock while blocking the event loop that releases it;
    // separate processes do not have that problem).
    const sqlite = resolveDatabase({ DATABASE_URL: database.url }).provider === "sqlite";
    const first = sqlite ? client : await openClient();
    const second = sqlite ? client : await openClient();
    if (!sqlite) extraClients.push(first, second);
    const slowSmtp = await startSmtpServer({ delayMs: 50 });
    const slowTransports = [createSmtpTransport(slowSmtp.url), createSmtpTransport(slowSmtp.url)];
    try {
      const results = await Promise.all([
        deliverDueEmails({ client: first, transport: slowTransports[0] }),
        deliverDueEmails({ client: second, transport: slowTransports[1] }),
      ]);
      expect(results[0].sent + results[1].sent).toBe(12);
      // Both really worked (the run was concurrent, not one after the other).
      expect(results[0].sent).toBeGreaterThan(0);
      expect(results[1].sent).toBeGreaterThan(0);
      expect(results[0].failed + results[1].failed).toBe(0);
      const deliveredIds = slowSmtp.received.map(messageIdOf).sort();
      expect(deliveredIds).toEqual(ids.map((id) => `<${id}@civicloop>`).sort());
      const rows = await client.emailMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
    } finally {
      slowTransports.forEach((slow) => slow.close());
      await slowSmtp.close();
    }
  });
});

describe("deliverDueEmails when the SMTP server is down", () => {
  it("keeps the message pending with the error, then delivers it on a later run once the server is up", async () => {
    const port = await closedPort();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    let server: TestSmtpServer | undefined;
    try {
      const [id] = await queue(1);
      const t0 = new Date(Date.now() + 1_000);
      expect(await deliverDueEmails({ client, transport, now: () => t0 })).toEqual({ sent: 0, failed: 1 });
      const failed = await client.emailMessage.findUniqueOrThrow({ where: { id } });
      expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, lockedBy: null, sentAt: null });
      expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

      // Not due again before the back-off has passed, even with the server up.
      server = await startSmtpServer({ port });
      expect(await deliverDueEmails({ client, transport, now: () => new Date(t0.getTime() + 29_000) })).toEqual({ sent: 0, failed: 0 });
      expect(server.received).toHaveLength(0);

      const later = new Date(t0.getTime() + 31_000);
      expect(await deliverDueEmails({ client, transport, now: () => later })).toEqual({ sent: 1, failed: 0 });
      expect(server.received.map(messageIdOf)).toEqual([`<${id}@civicloop>`]);
      expect(await client.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "SENT",
        attempts: 2,
        lastError: null,
        sentAt: later,
      });
    } finally {
      transport.close();
      await server?.close();
    }
  });

  it("gives up after 8 attempts: the message becomes FAILED and is not retried", async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
    try {
      const [id] = await queue(1);
      let clock = Date.now() + 1_000;
      for (let attempt = 1; attempt <= 8; attempt++) {
        expect(await deliverDueEmails({ client, transport, now: () => new Date(clock) })).toEqual({ sent: 0, failed: 1 });
        const row = await client.emailMessage.findUniqueOrThrow({ where: { id } });
        expect(row.attempts).toBe(attempt);
        expect(row.status).toBe(attempt < 8 ? "PENDING" : "FAILED");
        expect(row.lastError).toBeTruthy();
        clock = row.nextAttemptAt.getTime() + 1;
      }
      expect(await deliverDueEmails({ client, transport, now: () => new Date(clock + 365 * 24 * 60 * 60_000) })).toEqual({ sent: 0, failed: 0 });
      expect((await client.emailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(8);
    } finally {
      transport.close();
    }
  });
});
