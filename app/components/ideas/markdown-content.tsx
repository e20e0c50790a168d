// Participants' Markdown, shown as HTML. The HTML must come from renderMarkdown()
// (app/modules/ideas/markdown.server.ts), run on the server: raw HTML is escaped there,
// only http(s)/mailto links survive and images are dropped. Nothing is rendered in the
// browser, so the page looks the same with and without JavaScript.

/** HTML produced by the server's safe Markdown renderer (never anything typed by people directly). */
export type SafeHtml = string;

const typography = [
  "break-words leading-relaxed",
  "[&_p]:mb-3",
  "[&_ul]:mb-3 [&_ul]:list-disc [&_ul]:pl-6",
  "[&_ol]:mb-3 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_li]:mb-1",
  "[&_h3]:mb-2 [&_h3]:mt-5 [&_h3]:text-lg [&_h3]:font-semibold",
  "[&_h4]:mb-2 [&_h4]:mt-4 [&_h4]:font-semibold",
  "[&_h5]:mb-2 [&_h5]:mt-4 [&_h5]:font-semibold",
  "[&_h6]:mb-2 [&_h6]:mt-4 [&_h6]:font-semibold",
  "[&_blockquote]:mb-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_blockquote]:text-slate-700",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.95em]",
  "[&_pre]:mb-3 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3",
  "[&_hr]:my-4 [&_hr]:border-slate-300",
  "[&_table]:mb-3 [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:p-2 [&_th]:border [&_th]:border-slate-300 [&_th]:p-2 [&_th]:text-left",
].join(" ");

export function MarkdownContent({ html, lang, className = "" }: { html: SafeHtml; lang?: string; className?: string }) {
  return (
    <div
      className={`${typography} ${className}`}
      lang={lang}
      // Safe by construction: see the comment at the top of this file.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
