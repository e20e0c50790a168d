import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import type { ParticipationData } from "~/modules/consultations/participation.server";
import { JoinPartnerForm } from "./join-partner-form";
import { PartnerList } from "./partner-list";

function consultationPath(consultation: { citySlug: string; slug: string }) {
  return `/cities/${consultation.citySlug}/consultations/${consultation.slug}`;
}

/**
 * The "Take part" section of a consultation page: join as a participant (one click) or,
 * for entrepreneurs, as a solution partner for one of their organizations; the viewer's
 * participation with a Leave button; the public partner list and the counts. Every button
 * is a real form posting to the consultation page (its action hands the intents to
 * handleParticipationIntent), so it all works without JavaScript.
 */
export function ParticipationPanel({
  data,
  consultation,
}: {
  data: ParticipationData;
  consultation: { slug: string; citySlug: string; canJoin: boolean; joinDenialText: string | null };
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const format = useCityDateFormat(data.timeZone);
  const path = consultationPath(consultation);
  const pending = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const participation = data.participation;
  const showPartnerForm = consultation.canJoin && data.isEntrepreneur && (!participation || participation.role === "PARTICIPANT");

  return (
    <section id="participation" aria-labelledby="participation-heading" className="card mb-6 scroll-mt-24">
      <h2 id="participation-heading" className="mt-0">
        {t("participation:panel.heading")}
      </h2>
      <p className="mb-4 font-semibold">
        {t("participation:panel.participants", { count: data.participantCount })}
        <span aria-hidden="true"> · </span>
        {t("participation:panel.partners", { count: data.partnerCount })}
      </p>

      {participation ? (
        <div className="mb-4 rounded-md border-l-4 border-brand bg-brand-light p-4">
          <h3 className="mb-2 mt-0 text-lg font-semibold">{t("participation:panel.yours.heading")}</h3>
          <p className="m-0">
            {participation.role === "SOLUTION_PARTNER" && participation.organization
              ? t("participation:panel.yours.partner", { organization: participation.organization.name, date: format(participation.joinedAt) })
              : t("participation:panel.yours.participant", { date: format(participation.joinedAt) })}
          </p>
          {participation.role === "SOLUTION_PARTNER" ? (
            <>
              {participation.statement ? (
                <>
                  <p className="mb-0 mt-3 font-semibold">{t("participation:panel.yours.statement")}</p>
                  <p className="m-0 whitespace-pre-line">{participation.statement}</p>
                </>
              ) : null}
              <p className="mb-0 mt-3">
                {participation.shareContact ? t("participation:panel.yours.sharing") : t("participation:panel.yours.notSharing")}
              </p>
            </>
          ) : null}
          <Form method="post" preventScrollReset className="mt-4">
            <input type="hidden" name="intent" value="leave-consultation" />
            {participation.role === "SOLUTION_PARTNER" ? (
              <p id="leave-hint" className="field-hint mb-2 mt-0">
                {t("participation:panel.yours.leavePartnerHint")}
              </p>
            ) : null}
            <button
              type="submit"
              className="btn-secondary"
              aria-describedby={participation.role === "SOLUTION_PARTNER" ? "leave-hint" : undefined}
              aria-disabled={pending === "leave-consultation" || undefined}
            >
              {t("participation:panel.yours.leave")}
            </button>
          </Form>
        </div>
      ) : null}

      {!participation ? (
        consultation.canJoin ? (
          <>
            <p className="mb-4 mt-0">{t("participation:panel.intro")}</p>
            {data.signedIn ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="join-participant" />
                <button type="submit" className="btn-primary" aria-describedby="join-participant-hint" aria-disabled={pending === "join-participant" || undefined}>
                  {t("participation:panel.joinParticipant")}
                </button>
                <p id="join-participant-hint" className="field-hint mb-0">
                  {t("participation:panel.joinParticipantHint")}
                </p>
              </Form>
            ) : (
              <div>
                <Link to={`/login?${new URLSearchParams({ redirectTo: `${path}#participation` })}`} className="btn-primary">
                  {t("participation:panel.signIn")}
                </Link>
                <p className="field-hint mb-0">{t("participation:panel.signInHint")}</p>
              </div>
            )}
          </>
        ) : (
          <p className="mb-0 mt-0">{consultation.joinDenialText ?? t("participation:panel.closed")}</p>
        )
      ) : null}

      {showPartnerForm ? (
        data.organizations.length > 0 ? (
          <JoinPartnerForm organizations={data.organizations} cityName={data.cityName} upgrade={participation !== null} />
        ) : (
          <section aria-labelledby="partner-join-heading" className="mt-6 border-t border-slate-300 pt-4">
            <h3 id="partner-join-heading" className="mb-2 mt-0 text-lg font-semibold">
              {participation ? t("participation:panel.partnerForm.upgradeHeading") : t("participation:panel.partnerForm.heading")}
            </h3>
            <p className="mb-3 mt-0">{t("participation:panel.partnerForm.noOrganizations")}</p>
            <Link to="/organizations/new" className="btn-secondary">
              {t("participation:panel.partnerForm.createOrganization")}
            </Link>
          </section>
        )
      ) : null}

      <PartnerList partners={data.partners} total={data.partnerCount} />

      {data.canManage ? (
        <nav aria-label={t("participation:panel.admin.label")} className="mt-6 border-t border-slate-300 pt-4">
          <ul className="m-0 flex list-none flex-wrap gap-3 p-0">
            <li>
              <Link to={`${path}/participants`} className="btn-secondary">
                {t("participation:panel.admin.participants")}
              </Link>
            </li>
            <li>
              <a href={`${path}/partners.csv`} className="btn-secondary" download>
                {t("participation:panel.admin.csv")}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
