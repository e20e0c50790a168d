import { describe, expect, it } from "vitest";
import { queuePasswordResetEmail, queueVerificationEmail } from "~/modules/accounts/emails.server";
import { uniqueEmail } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { escapeHtml, renderEmail } from "./template.server";

const hostile = `<script>alert("x")</script> & 'friends'`;

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });

  it("escapes & first, so entities are not half-escaped", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
    expect(escapeHtml("a && b")).toBe("a &amp;&amp; b");
  });

  it("leaves other text, including unicode, untouched", () => {
    expect(escapeHtml("Ștefan 👨‍👩‍👧 مريم")).toBe("Ștefan 👨‍👩‍👧 مريم");
  });
});

describe("renderEmail", () => {
  const content = {
    locale: "en",
    subject: `Subject ${hostile}`,
    preheader: `Preview ${hostile}`,
    heading: `Welcome, ${hostile}`,
    paragraphs: [`First ${hostile}`, "Second paragraph."],
    action: { label: `Click ${hostile}`, url: `https://civicloop.test/verify?token=abc&x="><script>` },
    footer: `Footer ${hostile}`,
  };

  it("escapes every piece of content in the HTML part", () => {
    const { html } = renderEmail(content);
    expect(html).not.toContain("<script");
    expect(html).toContain("Welcome, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;");
    expect(html).toContain("<title>Subject &lt;script&gt;");
    expect(html).toContain("Preview &lt;script&gt;");
    expect(html).toContain("First &lt;script&gt;");
    expect(html).toContain("Click &lt;script&gt;");
    expect(html).toContain("Footer &lt;script&gt;");
    expect(html).toContain(`href="https://civicloop.test/verify?token=abc&amp;x=&quot;&gt;&lt;script&gt;"`);
  });

  it("keeps the text part as plain text (no HTML escaping there)", () => {
    const { text, subject } = renderEmail(content);
    expect(subject).toBe(content.subject);
    expect(text.split("\n")).toEqual([
      content.heading,
      "",
      content.paragraphs[0],
      "",
      "Second paragraph.",
      "",
      `${content.action.label}: ${content.action.url}`,
      "",
      "--",
      content.footer,
    ]);
  });

  it("sets the document language and omits the action and preheader when absent", () => {
    const { html, text } = renderEmail({ locale: "ro", subject: "S", heading: "H", paragraphs: ["P"], footer: "F" });
    expect(html).toContain('<html lang="ro">');
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("display:none");
    expect(text).toBe("H\n\nP\n\n--\nF");
  });
});

describe("account emails carry user content safely", () => {
  it("escapes a hostile display name once in the HTML part and leaves the text part readable", async () => {
    const email = uniqueEmail("xss");
    await queueVerificationEmail(db, { email, displayName: "<script>alert(1)</script>", locale: "en" }, "A".repeat(43));
    await queuePasswordResetEmail(db, { email, displayName: `Tom & "Jerry"`, locale: null }, "B".repeat(43), "en");
    const messages = await db.emailMessage.findMany({ where: { toAddress: email } });
    expect(messages).toHaveLength(2);
    const verify = messages.find((message) => message.subject === "Confirm your email address for CivicLoop")!;
    const reset = messages.find((message) => message.subject === "Reset your CivicLoop password")!;

    expect(verify.htmlBody).not.toContain("<script>");
    expect(verify.htmlBody).toContain("Welcome, &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(verify.textBody).toContain("Welcome, <script>alert(1)</script>");
    // Not escaped twice (i18next interpolation must not escape as well).
    expect(verify.htmlBody).not.toContain("&amp;lt;");
    expect(verify.textBody).not.toContain("&lt;");

    expect(reset.htmlBody).toContain("Hello Tom &amp; &quot;Jerry&quot;");
    expect(reset.textBody).toContain(`Hello Tom & "Jerry"`);
    expect(reset.textBody).toContain(`/reset-password?token=${"B".repeat(43)}`);
  });

  it("does not interpret translation syntax inside a display name", async () => {
    const email = uniqueEmail("i18n");
    const name = "$t(reset.subject) {{name}} {{- name}}";
    await queueVerificationEmail(db, { email, displayName: name, locale: "en" }, "C".repeat(43));
    const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: email } });
    expect(message.textBody).toContain(`Welcome, ${name}`);
    expect(message.textBody).not.toContain("Reset your CivicLoop password");
  });
});
