import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

export type OutboxEmail = { id: string; to: string; subject: string; text: string; html: string; headers: Record<string, string> };

async function readAll(): Promise<OutboxEmail[]> {
  const dir = path.join(process.env.E2E_DATA_DIR ?? "", "outbox");
  const files = await readdir(dir).catch(() => [] as string[]);
  const emails: OutboxEmail[] = [];
  for (const file of files.filter((name) => name.endsWith(".json")).sort()) {
    try {
      emails.push(JSON.parse(await readFile(path.join(dir, file), "utf8")));
    } catch {
      // being written right now: picked up on the next poll
    }
  }
  return emails;
}

/** Waits for the mail worker to deliver emails to `to` and returns them, oldest first. */
export async function emailsTo(to: string, { count = 1 }: { count?: number } = {}): Promise<OutboxEmail[]> {
  let found: OutboxEmail[] = [];
  await expect
    .poll(
      async () => {
        found = (await readAll()).filter((email) => email.to.toLowerCase() === to.toLowerCase());
        return found.length;
      },
      { timeout: 15_000, message: `waiting for ${count} email(s) to ${to}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

export function linkIn(email: OutboxEmail, pathPrefix: string): string {
  const match = email.text.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/?]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`no ${pathPrefix} link in email "${email.subject}"`);
  return match[0];
}
