import { getT } from "~/i18n/i18n.server";
import { toSupportedLocale, fallbackLocale } from "~/i18n/config";
import { enqueueEmail } from "~/modules/mail/outbox.server";
import { renderEmail } from "~/modules/mail/template.server";
import type { Db, DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

type Recipient = { email: string; displayName: string; locale: string | null };

function localeOf(recipient: Recipient, requestLocale?: string) {
  return toSupportedLocale(recipient.locale) ?? toSupportedLocale(requestLocale) ?? fallbackLocale;
}

export async function queueVerificationEmail(client: Db | DbTransaction, recipient: Recipient, token: string, requestLocale?: string) {
  const locale = localeOf(recipient, requestLocale);
  const t = await getT(locale, "email");
  const url = `${getEnv().appUrl}/verify-email?${new URLSearchParams({ token })}`;
  const content = renderEmail({
    locale,
    subject: t("verify.subject"),
    heading: t("verify.heading", { name: recipient.displayName }),
    paragraphs: [t("verify.body"), t("verify.expiry")],
    action: { label: t("verify.action"), url },
    footer: t("footer.notYou"),
  });
  await enqueueEmail(client, { to: recipient.email, ...content });
}

export async function queuePasswordResetEmail(client: Db | DbTransaction, recipient: Recipient, token: string, requestLocale?: string) {
  const locale = localeOf(recipient, requestLocale);
  const t = await getT(locale, "email");
  const url = `${getEnv().appUrl}/reset-password?${new URLSearchParams({ token })}`;
  const content = renderEmail({
    locale,
    subject: t("reset.subject"),
    heading: t("reset.heading", { name: recipient.displayName }),
    paragraphs: [t("reset.body"), t("reset.expiry")],
    action: { label: t("reset.action"), url },
    footer: t("footer.notYou"),
  });
  await enqueueEmail(client, { to: recipient.email, ...content });
}

export async function queuePasswordChangedEmail(client: Db | DbTransaction, recipient: Recipient, requestLocale?: string) {
  const locale = localeOf(recipient, requestLocale);
  const t = await getT(locale, "email");
  const content = renderEmail({
    locale,
    subject: t("passwordChanged.subject"),
    heading: t("passwordChanged.heading", { name: recipient.displayName }),
    paragraphs: [t("passwordChanged.body")],
    action: { label: t("passwordChanged.action"), url: `${getEnv().appUrl}/forgot-password` },
    footer: t("footer.security"),
  });
  await enqueueEmail(client, { to: recipient.email, ...content });
}
