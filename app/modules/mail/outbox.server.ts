import type { Db, DbTransaction } from "~/utils/db.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

/**
 * Queues an email. Pass the transaction that made the change the email is about, so
 * the email exists if and only if the change was committed; the mail worker delivers it.
 */
export async function enqueueEmail(client: Db | DbTransaction, email: OutgoingEmail): Promise<void> {
  await client.emailMessage.create({
    data: {
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      headers: email.headers ?? undefined,
    },
  });
}
