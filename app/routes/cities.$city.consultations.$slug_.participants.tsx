import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ParticipantTable } from "~/components/consultations/participant-table";
import { PartnerDetails } from "~/components/consultations/partner-details";
import { ParticipantPager } from "~/components/consultations/participant-pager";
import { requireCityRole } from "~/modules/accounts/roles.server";
import { requireUser } from "~/modules/accounts/session.server";
import { findCityBySlug } from "~/modules/cities/cities.server";
import { findConsultationInCity, loadParticipantsForAdmin } from "~/modules/consultations/participation.server";
import { notFound } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, loaderData) => {
    const title = (loaderData as { consultation?: { title: string } } | undefined)?.consultation?.title;
    return title ? t("participation:admin.title", { title }) : undefined;
  },
};

/** Everyone who joined a consultation, for the city's administrators (other cities' admins: 403). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const city = await findCityBySlug(params.city ?? "");
  if (!city) notFound();
  // Authorize before looking the consultation up, so nobody else learns which slugs exist.
  await requireCityRole(request, city.id, "CITY_ADMIN");
  const consultation = await findConsultationInCity({ citySlug: city.slug, slug: params.slug ?? "" });
  if (!consultation) notFound();
  const url = new URL(request.url);
  const list = await loadParticipantsForAdmin({
    consultationId: consultation.id,
    page: url.searchParams.get("page"),
    partnersPage: url.searchParams.get("partnersPage"),
  });
  return {
    consultation: { slug: consultation.slug, title: consultation.title, language: consultation.language },
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    ...list,
  };
}

export default function ConsultationParticipantsPage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { consultation, city } = data;
  const path = `/cities/${city.slug}/consultations/${consultation.slug}`;
  const titleLang = consultation.language !== i18n.language ? consultation.language : undefined;
  const pageHref = (name: "page" | "partnersPage", value: number) => {
    const params = new URLSearchParams();
    const other = name === "page" ? { partnersPage: data.partnersPage } : { page: data.page };
    for (const [key, current] of Object.entries({ ...other, [name]: value })) if (current > 1) params.set(key, String(current));
    const query = params.toString();
    return `${path}/participants${query ? `?${query}` : ""}`;
  };

  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={`/cities/${city.slug}`}>{city.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/cities/${city.slug}/consultations`}>{t("participation:admin.consultations")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={path} lang={titleLang}>
              {consultation.title}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("participation:admin.breadcrumb")}</li>
        </ol>
      </nav>

      <h1 className="mb-1">{t("participation:admin.heading")}</h1>
      <p className="mb-4 mt-0 text-lg" lang={titleLang}>
        {consultation.title}
      </p>
      <p className="mb-2">{t("participation:admin.intro")}</p>
      <p className="mb-6 font-semibold">
        {t("participation:admin.summary", {
          participants: t("participation:panel.participants", { count: data.participantCount }),
          partners: t("participation:panel.partners", { count: data.partnerCount }),
        })}
      </p>

      <div className="mb-8">
        <a href={`${path}/partners.csv`} className="btn-primary" download aria-describedby="csv-hint">
          {t("participation:admin.download")}
        </a>
        <p id="csv-hint" className="field-hint">
          {t("participation:admin.downloadHint")}
        </p>
      </div>

      <section aria-labelledby="partners-heading" className="mb-10">
        <h2 id="partners-heading">{t("participation:admin.partnersHeading")}</h2>
        {data.partners.length === 0 ? (
          <p>{t("participation:admin.noPartners")}</p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-4 p-0">
            {data.partners.map((partner, index) => (
              <li key={`${partner.organization?.slug ?? "removed"}-${index}`}>
                <PartnerDetails partner={partner} timeZone={city.timeZone} />
              </li>
            ))}
          </ul>
        )}
        <ParticipantPager
          label={t("participation:admin.partnersPagination")}
          page={data.partnersPage}
          pageCount={data.partnersPageCount}
          href={(value) => pageHref("partnersPage", value)}
        />
      </section>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("participation:admin.participantsHeading")}</h2>
        {data.participants.length === 0 ? (
          <p>{t("participation:admin.none")}</p>
        ) : (
          <ParticipantTable participants={data.participants} timeZone={city.timeZone} />
        )}
        <ParticipantPager label={t("participation:admin.pagination")} page={data.page} pageCount={data.pageCount} href={(value) => pageHref("page", value)} />
      </section>
    </>
  );
}
