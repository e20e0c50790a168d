import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "~/utils/env.server";

export type Deliverable = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export interface MailTransport {
  readonly kind: "smtp" | "outbox";
  send(message: Deliverable): Promise<void>;
  close(): void;
}

export function outboxDir(): string {
  return path.join(getEnv().database.dataDir, "outbox");
}

/** Development outbox: one JSON file per email under <DATA_DIR>/outbox. */
export function createOutboxTransport(dir = outboxDir()): MailTransport {
  return {
    kind: "outbox",
    async send(message) {
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${message.id}.json`);
      const from = getEnv().MAIL_FROM;
      await writeFile(file, JSON.stringify({ ...message, from, sentAt: new Date().toISOString() }, null, 2), {
        // Emails carry one-time links: readable by the app's user only.
        mode: 0o600,
      });
    },
    close() {},
  };
}

export function createSmtpTransport(url: string): MailTransport {
  // Timeouts well under the worker's two-minute lease: a stalled SMTP server must fail
  // this attempt before another instance could reclaim the message and send it again.
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail({
        from: getEnv().MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        // Stable Message-ID: a retried delivery is recognisable as the same email.
        messageId: `<${message.id}@civicloop>`,
      });
    },
    close() {
      transporter.close();
    },
  };
}

let transport: MailTransport | undefined;
export function getTransport(): MailTransport {
  const { smtpUrl } = getEnv();
  transport ??= smtpUrl ? createSmtpTransport(smtpUrl) : createOutboxTransport();
  return transport;
}
