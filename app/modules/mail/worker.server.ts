import { randomUUID } from "node:crypto";
import { db, type Db } from "~/utils/db.server";
import { getTransport, type MailTransport } from "./transport.server";

const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;
const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** 30 s, 1 min, 2 min … capped at 1 h: a dead SMTP server is retried for about a day. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/**
 * Takes one message for this worker. The conditional update is atomic on both
 * databases, so when several app instances share one database exactly one wins a
 * message; the others see count 0 and move on.
 */
async function claim(client: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await client.emailMessage.updateMany({
    where: {
      id,
      status: "PENDING",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    data: { lockedUntil: new Date(now.getTime() + LEASE_MS), lockedBy: workerId, attempts: { increment: 1 } },
  });
  return count === 1;
}

export async function deliverDueEmails({
  client = db,
  transport = getTransport(),
  limit = 20,
  now = () => new Date(),
}: { client?: Db; transport?: MailTransport; limit?: number; now?: () => Date } = {}) {
  const started = now();
  const due = await client.emailMessage.findMany({
    where: {
      status: "PENDING",
      nextAttemptAt: { lte: started },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: started } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    if (!(await claim(client, id, now()))) continue;
    const message = await client.emailMessage.findUnique({ where: { id } });
    if (!message) continue;
    try {
      await transport.send({
        id: message.id,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        headers: (message.headers as Record<string, string> | null) ?? {},
      });
      await client.emailMessage.update({
        where: { id },
        data: { status: "SENT", sentAt: now(), lockedUntil: null, lockedBy: null, lastError: null },
      });
      sent++;
    } catch (error) {
      const finalFailure = message.attempts >= MAX_ATTEMPTS;
      await client.emailMessage.update({
        where: { id },
        data: {
          status: finalFailure ? "FAILED" : "PENDING",
          lockedUntil: null,
          lockedBy: null,
          lastError: String((error as Error)?.message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(message.attempts)),
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;

export function startMailWorker(intervalMs = 2_000) {
  if (timer) return;
  const tick = async () => {
    running = deliverDueEmails().catch((error) => console.error("[mail] delivery run failed", error));
    await running;
    running = undefined;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  timer = setTimeout(tick, 0);
  timer.unref();
}

export async function stopMailWorker() {
  if (timer) clearTimeout(timer);
  timer = undefined;
  await running;
  getTransport().close();
}
