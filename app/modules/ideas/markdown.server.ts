import MarkdownIt from "markdown-it";

// Markdown written by participants, rendered safely:
// - raw HTML is never passed through (html: false escapes it);
// - only http(s) and mailto links survive (javascript:, data:, vbscript:, file: … are
//   dropped by validateLink, and the text stays as plain text);
// - images become plain links: loading third-party images would track readers and break
//   the Content-Security-Policy (img-src 'self');
// - nesting is capped so a crafted document cannot blow the stack.
const SAFE_URL = /^(https?:|mailto:)/i;

const md = new MarkdownIt("default", {
  html: false,
  linkify: true,
  typographer: false,
  breaks: false,
});
// Not in the published Options type, but honoured by the parser.
(md.options as { maxNesting?: number }).maxNesting = 20;

md.validateLink = (url: string) => SAFE_URL.test(url.trim()) || url.trim().startsWith("#");
md.disable(["image"]);

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

md.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  const href = token.attrGet("href") ?? "";
  if (/^https?:/i.test(href)) {
    // External: marked as such for people and search engines, and without opener access.
    token.attrSet("rel", "noopener noreferrer nofollow ugc");
    token.attrSet("class", "external-link");
  }
  return defaultLinkOpen(tokens, index, options, env, self);
};

// Headings inside user content start at h3, below the page's own h1/h2.
md.renderer.rules.heading_open = (tokens, index) => {
  const level = Math.min(6, Number(tokens[index].tag.slice(1)) + 2);
  return `<h${level}>`;
};
md.renderer.rules.heading_close = (tokens, index) => {
  const level = Math.min(6, Number(tokens[index].tag.slice(1)) + 2);
  return `</h${level}>`;
};

export const MARKDOWN_MAX_LENGTH = 20_000;

export function renderMarkdown(source: string): string {
  return md.render(source.slice(0, MARKDOWN_MAX_LENGTH));
}

/** Plain text of a Markdown document (for summaries, search snippets and emails). */
export function markdownToText(source: string): string {
  return md
    .render(source.slice(0, MARKDOWN_MAX_LENGTH))
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
