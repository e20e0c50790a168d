// Content (ideas, comments, consultations) is shown in the language it was written in.
// When that is not the reader's language, the text carries its own `lang` (so screen
// readers pronounce it right and browsers offer translation) and a visible marker says
// which language it is, named in the reader's language ("Written in Finnish").
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/options";

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0];
}

/**
 * The `lang` to put on content written in `language` (undefined when it is the page's own
 * language, which <html lang> already says) and the language's name in the reader's
 * language (null in that case too).
 */
export function useContentLanguage(language: string | null | undefined): { lang: string | undefined; name: string | null } {
  const { i18n } = useTranslation();
  if (!language || baseLanguage(language) === baseLanguage(i18n.language)) return { lang: undefined, name: null };
  let name: string | null = null;
  try {
    name = new Intl.DisplayNames([intlLocale(i18n.language)], { type: "language" }).of(language) ?? null;
  } catch {
    // A malformed tag from old data: still marked, by its code.
  }
  return { lang: language, name: name ?? language };
}

/** "Written in Finnish" for content in another language than the reader's; nothing otherwise. */
export function WrittenIn({ language, className = "text-sm text-slate-700" }: { language: string | null | undefined; className?: string }) {
  const { t } = useTranslation();
  const { name } = useContentLanguage(language);
  if (!name) return null;
  return <span className={className}>{t("network:content.writtenIn", { language: name })}</span>;
}
