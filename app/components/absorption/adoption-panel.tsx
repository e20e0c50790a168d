// The idea page's panel for a launched service: the public adoption figures (the link to
// the service itself is in the pilot panel, with the launch date), published "what is missing" answers and the way to answer (a link to the
// standalone form, which works without JavaScript).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AdoptionPanelData } from "~/modules/absorption/services.server";
import { AdoptionFiguresView, MissingTexts } from "./adoption-figures";

export function AdoptionPanel({ data, signedIn }: { data: AdoptionPanelData; signedIn: boolean }) {
  const { t } = useTranslation();
  const loginHref = `/login?${new URLSearchParams({ redirectTo: data.feedbackPath })}`;
  return (
    <section aria-labelledby="adoption-heading" className="card mb-6">
      <h2 id="adoption-heading" className="mt-0">
        {t("services:panel.heading")}
      </h2>
      <AdoptionFiguresView figures={data.figures} />
      <MissingTexts texts={data.missing} headingId="adoption-missing-heading" />
      <p className="mb-0 mt-4">
        {signedIn ? (
          <Link to={data.feedbackPath} className="btn-secondary">
            {data.own ? t("services:panel.change") : t("services:panel.answer")}
          </Link>
        ) : (
          <Link to={loginHref}>{t("services:panel.logIn")}</Link>
        )}
      </p>
      {data.own ? <p className="mb-0 mt-2 text-sm text-slate-700">{t("services:panel.yourAnswer", { usage: t(`services:usage.${data.own.usage}`) })}</p> : null}
    </section>
  );
}
