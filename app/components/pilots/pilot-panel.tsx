import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import type { PilotPanelData } from "~/modules/pilots/pilots.server";

/**
 * The idea's pilot (plan, dates, partners, how to take part, testers and the sign-up
 * button) and, once launched, the live service. Plain forms: sign-up works without JavaScript.
 */
export function PilotPanel({
  panel,
  ideaPath,
  timeZone,
  signedIn,
  loginHref,
}: {
  panel: PilotPanelData | null;
  ideaPath: string;
  timeZone: string;
  signedIn: boolean;
  loginHref: string;
}) {
  const { t } = useTranslation();
  const format = useCityDateFormat(timeZone);
  if (!panel) return null;
  const { pilot, launch } = panel;
  return (
    <>
      {launch ? (
        <section aria-labelledby="service-heading" className="card mb-6 border-l-4 border-green-700">
          <h2 id="service-heading" className="mt-0">
            {t("pilots:panel.launchedHeading")}
          </h2>
          <p>
            {t("pilots:panel.launchedOn")} <time dateTime={launch.launchedAt}>{format(launch.launchedAt)}</time>
          </p>
          <p className="mb-0">
            <a href={launch.serviceUrl} rel="noopener noreferrer" target="_blank" className="btn-primary">
              {t("pilots:panel.openService")}
              <span className="sr-only"> {t("pilots:panel.newWindow")}</span>
            </a>
          </p>
          <p className="mb-0 mt-2 break-all text-sm text-slate-700">{launch.serviceUrl}</p>
        </section>
      ) : null}
      {pilot ? (
        <section aria-labelledby="pilot-heading" className="card mb-6">
          <h2 id="pilot-heading" className="mt-0">
            {t(pilot.ended || launch ? "pilots:panel.headingPast" : "pilots:panel.heading")}
          </h2>
          <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("pilots:panel.dates")}</dt>
            <dd className="m-0">
              {t("pilots:panel.dateRange", { start: format(pilot.startsAt), end: format(pilot.endsAt) })}
            </dd>
            <dt className="font-semibold">{t("pilots:panel.testers")}</dt>
            <dd className="m-0">
              {pilot.capacity === null
                ? t("pilots:panel.testerCount", { testers: pilot.testerCount })
                : t("pilots:panel.testerCountOf", { testers: pilot.testerCount, capacity: pilot.capacity })}
            </dd>
            {pilot.partners.length ? (
              <>
                <dt className="font-semibold">{t("pilots:panel.partners")}</dt>
                <dd className="m-0">
                  <ul className="m-0 list-none p-0">
                    {pilot.partners.map((partner) => (
                      <li key={partner.slug}>
                        <Link to={`/organizations/${partner.slug}`}>{partner.name}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          <h3 className="text-base">{t("pilots:panel.planHeading")}</h3>
          <p className="whitespace-pre-line">{pilot.plan}</p>
          {pilot.howToTakePart ? (
            <>
              <h3 className="text-base">{t("pilots:panel.howToHeading")}</h3>
              <p className="whitespace-pre-line">{pilot.howToTakePart}</p>
            </>
          ) : null}
          {pilot.open ? (
            signedIn ? (
              <Form method="post" action={`${ideaPath}/testers`}>
                {pilot.isTester ? (
                  <>
                    <p>{t("pilots:panel.youAreTester")}</p>
                    <button type="submit" name="intent" value="leave" className="btn-secondary">
                      {t("pilots:panel.leave")}
                    </button>
                  </>
                ) : pilot.full ? (
                  <p className="mb-0">{t("pilots:panel.full")}</p>
                ) : (
                  <button type="submit" name="intent" value="join" className="btn-primary">
                    {t("pilots:panel.join")}
                  </button>
                )}
              </Form>
            ) : (
              <p className="mb-0">
                <Link to={loginHref}>{t("pilots:panel.signInToJoin")}</Link>
              </p>
            )
          ) : pilot.isTester ? (
            <p className="mb-0">{t("pilots:panel.youTested")}</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
