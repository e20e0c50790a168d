// How a notification reads (in the recipient's language) and where it links, for the app,
// the immediate emails and the digests.
import type { TFunction } from "i18next";
import { fallbackLocale, toSupportedLocale, type Locale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { enqueueEmail, type OutgoingEmail } from "~/modules/mail/outbox.server";
import { escapeHtml } from "~/modules/mail/template.server";
import { AUTOMATIC_REASONS, REVIEW_REASONS } from "~/modules/moderation/moderation.schema";
import type { DbTransaction } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { NotificationKind } from "./kinds";
import { unsubscribeUrl, type UnsubscribeScope } from "./unsubscribe.server";

/** Stored with each notification: enough to render it without joins, in any language. */
export type NotificationData = {
  idea?: string;
  ideaNumber?: number;
  citySlug?: string;
  cityName?: string;
  status?: string;
  fromStatus?: string;
  reason?: string;
  reasonCode?: string;
  answer?: string;
  actor?: string | null;
  excerpt?: string;
  decision?: string;
  targetType?: string;
  title?: string;
  organizationSlug?: string;
  consultation?: string;
  consultationSlug?: string;
  phase?: string;
  /** The live service's link (launches). */
  serviceUrl?: string;
};

export type RenderableNotification = {
  kind: NotificationKind | string;
  ideaId?: string | null;
  commentId: string | null;
  data: unknown;
};

export type DescribedNotification = {
  title: string;
  detail: string | null;
  path: string;
};

export function asData(value: unknown): NotificationData {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as NotificationData) : {};
}

/** The link to the exact item (the comment's thread, the idea, the consultation…). */
export function notificationPath(notification: RenderableNotification): string {
  const data = asData(notification.data);
  const ideaPath = data.citySlug && data.ideaNumber ? `/cities/${data.citySlug}/ideas/${data.ideaNumber}` : null;
  if (ideaPath && notification.commentId) return `${ideaPath}/comments/${notification.commentId}`;
  if (ideaPath) return ideaPath;
  if (data.consultationSlug && data.citySlug) return `/cities/${data.citySlug}/consultations/${data.consultationSlug}`;
  if (data.organizationSlug) return `/organizations/${data.organizationSlug}`;
  return "/notifications";
}

/**
 * A moderation reason code in the reader's language: a review reason chosen by a moderator,
 * or why the system acted ("REPORTS"). An unknown code is left out rather than shown raw.
 */
export function moderationReasonLabel(t: TFunction, code: string | null | undefined): string | null {
  if (!code) return null;
  if ((REVIEW_REASONS as readonly string[]).includes(code)) return t(`moderation:reviewReasons.${code}`);
  if ((AUTOMATIC_REASONS as readonly string[]).includes(code)) return t(`moderation:autoReasons.${code}`);
  return null;
}

/** Title and detail line; `t` must cover the notifications, ideas, consultations and moderation namespaces. */
export function describeNotification(t: TFunction, notification: RenderableNotification): DescribedNotification {
  const data = asData(notification.data);
  const values = {
    idea: data.idea ?? "",
    city: data.cityName ?? "",
    actor: data.actor || t("notifications:item.someone"),
    status:
      data.status && (notification.kind === "IDEA_STATUS_CHANGED" || notification.kind === "IDEA_ANSWERED") ? t(`ideas:status.${data.status}`) : "",
    title: data.title ?? "",
    consultation: data.consultation ?? "",
    phase: data.phase ? t(`consultations:phase.${data.phase}`) : "",
  };
  const title =
    notification.kind === "MODERATION_DECISION"
      ? t(`notifications:item.MODERATION_DECISION.${data.decision ?? "PUBLISHED"}`, values)
      : t(`notifications:item.${notification.kind}`, values);
  let detail: string | null = null;
  const reasonLabel = notification.kind === "MODERATION_DECISION" ? moderationReasonLabel(t, data.reasonCode) : null;
  if (data.serviceUrl) detail = t("notifications:item.serviceUrl", { url: data.serviceUrl });
  else if (data.answer) detail = t("notifications:item.answer", { answer: data.answer });
  else if (reasonLabel && data.reason) detail = t("notifications:item.reasonCoded", { code: reasonLabel, reason: data.reason });
  else if (reasonLabel) detail = t("notifications:item.reason", { reason: reasonLabel });
  else if (data.reason) detail = t("notifications:item.reason", { reason: data.reason });
  else if (data.excerpt) detail = data.excerpt;
  return { title, detail, path: notificationPath(notification) };
}

export type Recipient = {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
  homeCity?: { defaultLocale: string } | null;
};

export function recipientLocale(recipient: Recipient): Locale {
  return toSupportedLocale(recipient.locale) ?? toSupportedLocale(recipient.homeCity?.defaultLocale) ?? fallbackLocale;
}

const NAMESPACES = ["notifications", "ideas", "consultations", "moderation"] as const;

export function translatorFor(locale: Locale): Promise<TFunction> {
  return getT(locale, [...NAMESPACES]);
}

function unsubscribeHeaders(url: string): Record<string, string> {
  // RFC 2369 + RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the URL.
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

type EmailItem = DescribedNotification & { url: string };

/** Accessible HTML + text, with a list of items each linking to its exact place. */
export function renderNotificationEmail({
  locale,
  subject,
  heading,
  intro,
  items,
  more,
  action,
  footer,
  unsubscribe,
}: {
  locale: Locale;
  subject: string;
  heading: string;
  intro: string | null;
  items: EmailItem[];
  more: string | null;
  action: { label: string; url: string };
  footer: string;
  unsubscribe: { label: string; url: string };
}): Pick<OutgoingEmail, "subject" | "text" | "html"> {
  const text = [
    heading,
    "",
    ...(intro ? [intro, ""] : []),
    ...items.flatMap((item) => [`* ${item.title}`, ...(item.detail ? [`  ${item.detail}`] : []), `  ${item.url}`, ""]),
    ...(more ? [more, ""] : []),
    `${action.label}: ${action.url}`,
    "",
    "--",
    footer,
    `${unsubscribe.label}: ${unsubscribe.url}`,
  ].join("\n");
  const listItems = items
    .map(
      (item) =>
        `<li style="margin:0 0 16px;font-size:16px;line-height:1.5;"><a href="${escapeHtml(
          item.url
        )}" style="color:#0b5cad;font-weight:bold;">${escapeHtml(item.title)}</a>${
          item.detail ? `<br><span style="color:#334155;">${escapeHtml(item.detail)}</span>` : ""
        }</li>`
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:8px;" cellpadding="0" cellspacing="0"><tr><td style="padding:24px;">
<p style="margin:0 0 16px;font-weight:bold;color:#0b5cad;">CivicLoop</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${escapeHtml(heading)}</h1>
${intro ? `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(intro)}</p>` : ""}
<ul style="margin:0 0 16px;padding-left:20px;">
${listItems}
</ul>
${more ? `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(more)}</p>` : ""}
<p style="margin:24px 0;"><a href="${escapeHtml(
    action.url
  )}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;">${escapeHtml(
    action.label
  )}</a></p>
<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0;">
<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#334155;">${escapeHtml(footer)}</p>
<p style="margin:0;font-size:13px;line-height:1.5;color:#334155;"><a href="${escapeHtml(unsubscribe.url)}" style="color:#0b5cad;">${escapeHtml(
    unsubscribe.label
  )}</a></p>
</td></tr></table>
</td></tr></table>
</body>
</html>`;
  return { subject, text, html };
}

function absolute(path: string) {
  return `${getEnv().appUrl}${path}`;
}

function footerFor(t: TFunction, cityName: string | undefined) {
  return t("notifications:email.footer", {
    city: cityName || t("notifications:email.network"),
    preferences: absolute("/account/notifications"),
  });
}

/** One email per notification, in each recipient's language, queued in the transaction. */
export async function queueImmediateEmails(
  tx: DbTransaction,
  entries: {
    notification: RenderableNotification & { kind: NotificationKind };
    user: Recipient;
  }[],
  now = new Date()
): Promise<void> {
  for (const { notification, user } of entries) {
    const locale = recipientLocale(user);
    const t = await translatorFor(locale);
    const described = describeNotification(t, notification);
    const data = asData(notification.data);
    const unsubscribe = unsubscribeUrl(user.id, notification.kind, now);
    const content = renderNotificationEmail({
      locale,
      subject: t("notifications:email.subject", {
        city: data.cityName || t("notifications:email.network"),
        title: described.title,
      }),
      heading: t("notifications:email.heading", { name: user.displayName }),
      intro: null,
      items: [{ ...described, url: absolute(described.path) }],
      more: null,
      action: {
        label: t("notifications:email.action"),
        url: absolute(described.path),
      },
      footer: footerFor(t, data.cityName),
      unsubscribe: {
        label: t("notifications:email.unsubscribeKind"),
        url: unsubscribe,
      },
    });
    await enqueueEmail(tx, {
      to: user.email,
      ...content,
      headers: unsubscribeHeaders(unsubscribe),
    });
  }
}

/** At most this many items are listed in one digest; the rest are counted. */
export const DIGEST_MAX_ITEMS = 20;

/** Strings every digest in one language shares, made once per translator. */
type DigestStrings = {
  intro: string;
  action: string;
  unsubscribe: string;
  footers: Map<string, string>;
  subjects: Map<string, string>;
  /** The greeting with a marker where the name goes (translated once, not per person). */
  heading: [string, string];
};
const digestStrings = new WeakMap<TFunction, DigestStrings>();
const NAME_MARK = "\u0000name\u0000";

function stringsFor(t: TFunction) {
  let strings = digestStrings.get(t);
  if (!strings) {
    strings = {
      intro: t("notifications:email.digestIntro"),
      action: t("notifications:email.digestAction"),
      unsubscribe: t("notifications:email.unsubscribeDigest"),
      footers: new Map(),
      subjects: new Map(),
      heading: t("notifications:email.heading", { name: NAME_MARK }).split(NAME_MARK, 2) as [string, string],
    };
    digestStrings.set(t, strings);
  }
  return strings;
}

/**
 * A digest email for one person (rendered, not queued: the digest queues in bulk).
 * `describe` lets the digest reuse one rendering of an event that many people follow.
 */
export function renderDigest(
  t: TFunction,
  locale: Locale,
  user: Recipient,
  period: "DAILY" | "WEEKLY",
  notifications: RenderableNotification[],
  now: Date,
  describe: (notification: RenderableNotification) => DescribedNotification = (notification) => describeNotification(t, notification)
): OutgoingEmail {
  const strings = stringsFor(t);
  const shown = notifications.slice(0, DIGEST_MAX_ITEMS);
  const items = shown.map((notification) => {
    const described = describe(notification);
    return { ...described, url: absolute(described.path) };
  });
  const cities = new Set<string>();
  for (const notification of notifications) {
    const city = asData(notification.data).cityName;
    if (city) cities.add(city);
  }
  const city = cities.size === 1 ? [...cities][0] : "";
  let footer = strings.footers.get(city);
  if (footer === undefined) {
    footer = footerFor(t, city || undefined);
    strings.footers.set(city, footer);
  }
  const scope: UnsubscribeScope = period === "DAILY" ? "daily" : "weekly";
  const unsubscribe = unsubscribeUrl(user.id, scope, now);
  const subjectKey = `${period}:${notifications.length}`;
  let subject = strings.subjects.get(subjectKey);
  if (subject === undefined) {
    subject = t(period === "DAILY" ? "notifications:email.digestSubjectDaily" : "notifications:email.digestSubjectWeekly", {
      count: notifications.length,
    });
    strings.subjects.set(subjectKey, subject);
  }
  const content = renderNotificationEmail({
    locale,
    subject,
    heading: `${strings.heading[0]}${user.displayName}${strings.heading[1] ?? ""}`,
    intro: strings.intro,
    items,
    more: notifications.length > shown.length ? t("notifications:email.digestMore", { count: notifications.length - shown.length }) : null,
    action: { label: strings.action, url: absolute("/notifications") },
    footer,
    unsubscribe: { label: strings.unsubscribe, url: unsubscribe },
  });
  return { to: user.email, ...content, headers: unsubscribeHeaders(unsubscribe) };
}
