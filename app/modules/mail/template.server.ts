// Plain, accessible HTML email plus its text part, from one description.
export type EmailContent = {
  locale: string;
  subject: string;
  /** Shown before the greeting in inbox previews. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print, e.g. "you received this because…". */
  footer: string;
};

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function renderEmail(content: EmailContent): { subject: string; text: string; html: string } {
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    "--",
    content.footer,
  ].join("\n");

  const html = `<!doctype html>
<html lang="${escapeHtml(content.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a;">
${content.preheader ? `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preheader)}</div>` : ""}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:8px;" cellpadding="0" cellspacing="0"><tr><td style="padding:24px;">
<p style="margin:0 0 16px;font-weight:bold;color:#0b5cad;">CivicLoop</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((paragraph) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(paragraph)}</p>`).join("\n")}
${
  content.action
    ? `<p style="margin:24px 0;"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;word-break:break-all;">${escapeHtml(content.action.url)}</p>`
    : ""
}
<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0;">
<p style="margin:0;font-size:13px;line-height:1.5;color:#334155;">${escapeHtml(content.footer)}</p>
</td></tr></table>
</td></tr></table>
</body>
</html>`;
  return { subject: content.subject, text, html };
}
