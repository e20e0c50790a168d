import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaCard } from "~/components/ideas/idea-card";
import type { ConsultationPage } from "~/modules/consultations/consultations.server";

function pageLink(path: string, page: number) {
  return page <= 1 ? `${path}#ideas-heading` : `${path}?ideasPage=${page}#ideas-heading`;
}

/**
 * The public ideas of the consultation: newest first while it runs; from the results phase
 * on, an ordered ranking by supports with each idea's status and the city's official answer.
 */
export function ConsultationIdeas({ consultation, path }: { consultation: ConsultationPage; path: string }) {
  const { t } = useTranslation();
  const { items, total, page, hasNextPage } = consultation.ideas;
  const ranked = consultation.ranked;
  return (
    <section aria-labelledby="ideas-heading" className="mb-8 scroll-mt-24">
      <h2 id="ideas-heading">
        {ranked ? t("consultations:ideas.rankingHeading") : t("consultations:ideas.heading")}{" "}
        <span className="font-normal text-slate-700">({t("consultations:ideas.count", { count: total })})</span>
      </h2>
      {ranked ? <p className="mb-4">{t("consultations:ideas.rankingIntro")}</p> : null}
      {items.length === 0 ? (
        <p className="card bg-slate-50">{t("consultations:ideas.empty")}</p>
      ) : ranked ? (
        <ol className="m-0 flex list-none flex-col gap-4 p-0" aria-label={t("consultations:ideas.rankingLabel")}>
          {items.map((idea) => (
            <li key={idea.id} className="flex gap-3" data-rank={idea.rank}>
              <span className="mt-4 min-w-[2.5rem] text-right text-2xl font-bold text-slate-800">
                <span className="sr-only">{t("consultations:ideas.rank")} </span>
                {idea.rank}
              </span>
              <div className="flex-1">
                {/* Its own block: the card fills its parent's height, which must not include the answer below. */}
                <div>
                  <IdeaCard idea={idea} />
                </div>
                {idea.officialAnswer ? (
                  <div className="mt-2 rounded-md border-l-4 border-brand bg-brand-light p-3">
                    <p className="m-0 text-sm font-semibold">{t("consultations:ideas.officialAnswer", { city: consultation.city.name })}</p>
                    <p className="m-0 whitespace-pre-line">{idea.officialAnswer}</p>
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <ul className="m-0 grid list-none grid-cols-1 gap-4 p-0 md:grid-cols-2">
          {items.map((idea) => (
            <li key={idea.id}>
              <IdeaCard idea={idea} />
            </li>
          ))}
        </ul>
      )}
      {page > 1 || hasNextPage ? (
        <nav aria-label={t("consultations:ideas.pagination")} className="mt-6">
          <ul className="m-0 flex list-none flex-wrap gap-3 p-0">
            {page > 1 ? (
              <li>
                <Link to={pageLink(path, page - 1)} rel="prev" className="btn-secondary">
                  {t("consultations:list.previous")}
                </Link>
              </li>
            ) : null}
            {hasNextPage ? (
              <li>
                <Link to={pageLink(path, page + 1)} rel="next" className="btn-primary">
                  {t("consultations:list.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
