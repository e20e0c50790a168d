import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/modules/ideas/lifecycle.policy";
import { useContentLanguage } from "~/components/network/content-language";
import { dateTimeFormat } from "./date-format";
import { StatusBadge } from "./status-badge";
import { categoryLabel } from "~/modules/categories/categories";

export type IdeaCardData = {
  id: string;
  number: number;
  title: string;
  summary: string;
  language: string;
  status: IdeaStatus;
  supportCount: number;
  commentCount: number;
  /** ISO 8601 */
  publishedAt: string;
  city: { slug: string; name: string; timeZone: string };
  category: { slug: string; names?: unknown };
};

/** One idea in a list: a heading with the link, its status, category and counts, and its summary. */
export function IdeaCard({ idea, showCity = false, headingLevel = 3 }: { idea: IdeaCardData; showCity?: boolean; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const written = useContentLanguage(idea.language);
  // Formatted in the idea's city time zone, so server and browser render the same date.
  const published = dateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: idea.city.timeZone }).format(new Date(idea.publishedAt));
  return (
    <article className="card flex h-full flex-col gap-2" aria-labelledby={`idea-${idea.id}-title`}>
      <Heading id={`idea-${idea.id}-title`} className="m-0 text-lg font-semibold leading-snug">
        <Link to={`/cities/${idea.city.slug}/ideas/${idea.number}`} lang={idea.language} className="inline-block py-1">
          {idea.title}
        </Link>
      </Heading>
      <ul className="m-0 flex list-none flex-wrap items-center gap-x-3 gap-y-1 p-0 text-sm text-slate-700">
        <li>
          <span className="sr-only">{t("browse:card.status")} </span>
          <StatusBadge status={idea.status} />
        </li>
        {idea.category.slug ? (
          <li>
            <span className="sr-only">{t("browse:card.category")} </span>
            {categoryLabel(t, idea.category, i18n.language)}
          </li>
        ) : null}
        {showCity ? (
          <li>
            <span className="sr-only">{t("browse:card.city")} </span>
            {idea.city.name}
          </li>
        ) : null}
        {written.name ? <li>{t("network:content.writtenIn", { language: written.name })}</li> : null}
      </ul>
      <p lang={idea.language} className="m-0 flex-1 text-slate-900">
        {idea.summary}
      </p>
      <ul className="m-0 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-sm text-slate-700">
        <li className="font-semibold text-slate-900">{t("browse:card.supports", { count: idea.supportCount })}</li>
        <li>{t("browse:card.comments", { count: idea.commentCount })}</li>
        <li>
          <time dateTime={idea.publishedAt}>{t("browse:card.published", { date: published })}</time>
        </li>
      </ul>
    </article>
  );
}
