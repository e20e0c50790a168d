import { describe, expect, it } from "vitest";
import { markdownToText, MARKDOWN_MAX_LENGTH, renderMarkdown } from "./markdown.server";

/** Every start tag of the output, e.g. `<a href="…" rel="…">`. */
function tags(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

/** The href of every rendered link. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)].map((match) => match[1]);
}

/** No tag the renderer did not mean to produce, and no event-handler or style attribute. */
function expectInert(html: string) {
  const allowed = /^<(p|a|em|strong|code|pre|ul|ol|li|blockquote|h[3-6]|hr|br|table|thead|tbody|tr|th|td|s)(\s|>|\/)/i;
  for (const tag of tags(html)) {
    expect(tag, `unexpected tag in ${html}`).toMatch(allowed);
    expect(tag).not.toMatch(/\son\w+\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(tag).not.toMatch(/\ssrc\s*=/i);
  }
  for (const href of hrefs(html)) expect(href, `unsafe link in ${html}`).toMatch(/^(https?:|mailto:|#)/i);
}

describe("renderMarkdown: raw HTML", () => {
  it.each([
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '<div style="position:fixed;inset:0">overlay</div>',
    "<style>body{display:none}</style>",
    "text <b onmouseover=alert(1)>bold</b>",
    "<!-- comment --><meta http-equiv=refresh content=0;url=https://evil.example>",
  ])("escapes %s", (source) => {
    const html = renderMarkdown(source);
    expectInert(html);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|meta|div|b)\b/i);
    expect(html).toContain("&lt;");
  });

  it("escapes HTML inside inline code and code blocks too", () => {
    const html = renderMarkdown("`<script>x</script>`\n\n```\n<img src=x onerror=alert(1)>\n```");
    expectInert(html);
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("renderMarkdown: links", () => {
  it.each([
    "[click](javascript:alert(1))",
    "[click](JavaScript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](<javascript:alert(1)>)",
    "[click](java\tscript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[click](%6Aavascript:alert(1))",
    "[click](\\javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](DATA:text/html,<script>alert(1)</script>)",
    "[click](vbscript:msgbox(1))",
    "[click](VbScript:msgbox(1))",
    "[click](file:///etc/passwd)",
    "[click](//evil.example/path)",
    "[click](/relative/path)",
    "<javascript:alert(1)>",
    "<data:text/html,hi>",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click][ref]\n\n[ref]: <vbscript:msgbox(1)>",
  ])("drops the unsafe target of %s", (source) => {
    const html = renderMarkdown(source);
    expectInert(html);
    expect(hrefs(html)).toEqual([]);
  });

  it("keeps http(s) and mailto links; external ones get rel and cannot reach the opener", () => {
    const html = renderMarkdown("[site](https://example.org/a?b=1) and [mail](mailto:team@example.org) and <http://example.org>");
    expectInert(html);
    expect(hrefs(html)).toEqual(["https://example.org/a?b=1", "mailto:team@example.org", "http://example.org"]);
    const external = tags(html).filter((tag) => /href="https?:/.test(tag));
    expect(external).toHaveLength(2);
    for (const tag of external) expect(tag).toContain('rel="noopener noreferrer nofollow ugc"');
    const mail = tags(html).find((tag) => tag.includes("mailto:"));
    expect(mail).not.toContain("rel=");
  });

  it("linkifies bare URLs with the same rel, and does not linkify unsafe schemes", () => {
    const html = renderMarkdown("See www.example.org and https://example.com/x, not javascript:alert(1) nor ftp://example.org/file");
    expectInert(html);
    expect(hrefs(html)).toEqual(["http://www.example.org", "https://example.com/x"]);
    for (const tag of tags(html).filter((tag) => tag.startsWith("<a"))) expect(tag).toContain('rel="noopener noreferrer nofollow ugc"');
  });

  it("keeps in-page anchors", () => {
    expect(hrefs(renderMarkdown("[up](#top)"))).toEqual(["#top"]);
  });

  it("escapes quotes so a URL cannot break out of the attribute", () => {
    const html = renderMarkdown('[x](https://example.org/"onmouseover="alert(1))');
    expectInert(html);
    for (const href of hrefs(html)) expect(href).not.toContain('"');
  });
});

describe("renderMarkdown: images", () => {
  it("turns images into links, never <img> (no third-party requests, CSP img-src 'self')", () => {
    const html = renderMarkdown("![a map of the bus lines](https://tracker.example/pixel.png)");
    expectInert(html);
    expect(html).not.toMatch(/<img/i);
    expect(hrefs(html)).toEqual(["https://tracker.example/pixel.png"]);
    expect(html).toContain("a map of the bus lines");
  });

  it("drops unsafe image targets like unsafe links", () => {
    const html = renderMarkdown("![x](javascript:alert(1)) ![y](data:image/svg+xml;base64,PHN2Zz4=)");
    expectInert(html);
    expect(hrefs(html)).toEqual([]);
  });
});

describe("renderMarkdown: structure and size", () => {
  it("shifts headings so user content starts at h3 (the page has h1 and h2)", () => {
    const html = renderMarkdown("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n\nSetext\n======");
    expect(html).toContain("<h3>One</h3>");
    expect(html).toContain("<h4>Two</h4>");
    expect(html).toContain("<h5>Three</h5>");
    expect(html).toContain("<h6>Four</h6>");
    expect(html).toContain("<h6>Five</h6>");
    expect(html).toContain("<h6>Six</h6>");
    expect(html).toContain("<h3>Setext</h3>");
    expect(html).not.toMatch(/<h[12][\s>]/);
  });

  it("caps deep nesting (blockquotes, lists, emphasis) without blowing the stack", () => {
    const started = performance.now();
    const quotes = renderMarkdown(`${">".repeat(5000)} deep`);
    expect((quotes.match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(20);
    const lists = renderMarkdown(Array.from({ length: 500 }, (_, depth) => `${"  ".repeat(depth)}- item ${depth}`).join("\n"));
    expect((lists.match(/<ul>/g) ?? []).length).toBeLessThanOrEqual(20);
    const brackets = renderMarkdown(`${"[".repeat(5000)}x${"](https://example.org)".repeat(5000)}`);
    expectInert(brackets);
    const emphasis = renderMarkdown(`${"*".repeat(9000)}x${"*".repeat(9000)}`);
    expectInert(emphasis);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("truncates a 1 MB document to the limit instead of rendering it all", () => {
    const source = "word ".repeat(Math.ceil((1024 * 1024) / 5));
    const started = performance.now();
    const html = renderMarkdown(source);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html.length).toBeLessThan(MARKDOWN_MAX_LENGTH + 100);
    expect(markdownToText(source).length).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
  });

  it("renders ordinary Markdown and Unicode as expected", () => {
    const html = renderMarkdown("**bold** _it_ ~~gone~~\n\n- one\n- two\n\n1. first\n\n> quote\n\nمرحبا 👋 e\u0301");
    expectInert(html);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("مرحبا 👋");
  });
});

describe("markdownToText", () => {
  it("returns plain text with entities decoded and no markup", () => {
    expect(markdownToText("# Title\n\nSome **bold** & <b>raw</b> [link](https://example.org)")).toBe("Title Some bold & <b>raw</b> link");
  });
});
