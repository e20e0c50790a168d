import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { HiddenIdeaNotice as Notice } from "~/modules/moderation/visibility.server";

/**
 * What the public sees at the address of an idea moderation hid: that it is hidden and the
 * public reason — no title, text, comments or actions (those may be what was reported).
 */
export function HiddenIdeaNotice({ idea }: { idea: Notice }) {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${idea.city.slug}`}>{idea.city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${idea.city.slug}/ideas`}>{t("ideaPage:breadcrumb.ideas")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("ideaPage:number", { number: idea.number })}</li>
        </ol>
      </nav>
      <article aria-labelledby="idea-title">
        <h1 id="idea-title">{t("moderation:hidden.ideaTitle")}</h1>
        <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          {idea.hiddenReason ? t("moderation:hidden.byModeration", { reason: idea.hiddenReason }) : t("moderation:hidden.pending")}
        </p>
        <p>
          <Link to={`/cities/${idea.city.slug}/ideas`}>{t("moderation:hidden.backToIdeas", { city: idea.city.name })}</Link>
        </p>
      </article>
    </>
  );
}
