import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaCard } from "~/components/ideas/idea-card";
import { SectorTags } from "~/components/organizations/organization-card";
import { FollowButton } from "~/components/follow-button";
import { getUser, requireUser } from "~/modules/accounts/session.server";
import { handleFollowIntent, isFollowIntent } from "~/modules/notifications/follow-actions.server";
import { isFollowing } from "~/modules/notifications/follows.server";
import { organizationPermissions } from "~/modules/organizations/organizations.policy";
import { organizationModeration } from "~/modules/moderation/visibility.server";
import { getMembershipRole, getOrganizationProfile } from "~/modules/organizations/organizations.server";
import { notFound, readFormData } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, data) => (data as { organization?: { name: string } } | undefined)?.organization?.name ?? t("organizations:directory.title"),
};

/** The public profile: anyone may read it; contact data is never part of it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organization = await getOrganizationProfile(params.slug ?? "");
  if (!organization) notFound();
  const user = await getUser(request);
  const role = await getMembershipRole(organization.id, user?.id);
  const moderation = await organizationModeration(organization.id, user?.id);
  // A hidden profile: only its members and the city's moderators see it; others see why it is hidden.
  if (moderation.hidden && !role && !moderation.viewerModerates) {
    return { organization: null, role, permissions: organizationPermissions(role), moderation, reportHref: null, following: false, loginHref: null };
  }
  const reportHref = user && !role ? `/report?${new URLSearchParams({ type: "ORGANIZATION", id: organization.id })}` : null;
  const following = await isFollowing(user?.id, "ORGANIZATION", organization.id);
  const loginHref = user ? null : `/login?${new URLSearchParams({ redirectTo: `/organizations/${organization.slug}` })}`;
  return { organization, role, permissions: organizationPermissions(role), moderation, reportHref, following, loginHref };
}

/** Follow / unfollow the profile (signed in; a hidden profile is not found for those who cannot see it). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organization = await getOrganizationProfile(params.slug ?? "");
  if (!organization) notFound();
  const [role, moderation] = await Promise.all([getMembershipRole(organization.id, user.id), organizationModeration(organization.id, user.id)]);
  if (moderation.hidden && !role && !moderation.viewerModerates) notFound();
  const intent = (await readFormData(request)).get("intent");
  if (!isFollowIntent(intent)) return data({ error: "Unknown intent" }, { status: 400 });
  return handleFollowIntent({ request, intent, userId: user.id, target: { type: "ORGANIZATION", id: organization.id }, path: `/organizations/${organization.slug}` });
}

/** "https://www.example.com/about/" → "www.example.com/about". */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

export default function OrganizationPage() {
  const { t } = useTranslation();
  const { organization, role, permissions, moderation, reportHref, following, loginHref } = useLoaderData<typeof loader>();
  if (!organization) {
    return (
      <article aria-labelledby="organization-title">
        <h1 id="organization-title">{t("moderation:hidden.organizationTitle")}</h1>
        <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          {moderation.hiddenReason ? t("moderation:hidden.byModeration", { reason: moderation.hiddenReason }) : t("moderation:hidden.pending")}
        </p>
      </article>
    );
  }
  return (
    <article aria-labelledby="organization-title">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/organizations">{t("organizations:directory.heading")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{organization.name}</li>
        </ol>
      </nav>
      <h1 id="organization-title">{organization.name}</h1>
      {moderation.hidden ? (
        <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          {moderation.hiddenReason ? t("moderation:hidden.byModeration", { reason: moderation.hiddenReason }) : t("moderation:hidden.pending")}
        </p>
      ) : null}
      {role ? (
        <div className="mb-6 flex flex-wrap items-center gap-3 rounded-md border border-slate-300 bg-slate-50 p-3">
          <p className="m-0">{t(`organizations:profile.youAre.${role}`)}</p>
          {permissions.canEdit ? (
            <Link to={`/organizations/${organization.slug}/edit`} className="btn-secondary">
              {t("organizations:profile.edit")}
            </Link>
          ) : null}
          {permissions.canManageMembers ? (
            <Link to={`/organizations/${organization.slug}/members`} className="btn-secondary">
              {t("organizations:profile.members")}
            </Link>
          ) : null}
        </div>
      ) : null}
      <div className="card mb-6">
        <FollowButton action={`/organizations/${organization.slug}`} following={following} loginHref={loginHref} target="ORGANIZATION" />
      </div>
      <div className="grid gap-8 md:grid-cols-3">
        <div className="md:col-span-2">
          <h2 className="mt-0">{t("organizations:profile.about")}</h2>
          <p className="whitespace-pre-line">{organization.description}</p>
        </div>
        <aside aria-labelledby="organization-facts" className="card h-fit">
          <h2 id="organization-facts" className="mt-0 text-lg">
            {t("organizations:profile.facts")}
          </h2>
          <dl className="m-0 flex flex-col gap-3">
            <div>
              <dt className="font-semibold">{t("organizations:profile.city")}</dt>
              <dd className="m-0">
                <Link to={`/cities/${organization.city.slug}`}>{organization.city.name}</Link>
              </dd>
            </div>
            {organization.size ? (
              <div>
                <dt className="font-semibold">{t("organizations:profile.size")}</dt>
                <dd className="m-0">{t(`organizations:size.${organization.size}`)}</dd>
              </div>
            ) : null}
            {organization.website ? (
              <div>
                <dt className="font-semibold">{t("organizations:profile.website")}</dt>
                <dd className="m-0 break-words">
                  {/* Addresses people typed: never pass on our referrer, never vouch for them to search engines. */}
                  <a href={organization.website} rel="noopener noreferrer nofollow ugc">
                    {displayUrl(organization.website)}
                  </a>
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="mb-1 font-semibold">{t("organizations:profile.sectors")}</dt>
              <dd className="m-0">
                <SectorTags sectors={organization.sectors} />
              </dd>
            </div>
            {organization.skills.length > 0 ? (
              <div>
                <dt className="font-semibold">{t("organizations:profile.skills")}</dt>
                <dd className="m-0">
                  <ul className="m-0 list-disc pl-5">
                    {organization.skills.map((skill) => (
                      <li key={skill}>{skill}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
        </aside>
      </div>

      <section aria-labelledby="organization-consultations" className="mt-8">
        <h2 id="organization-consultations">{t("organizations:profile.consultations")}</h2>
        {organization.consultations.length === 0 ? (
          <p>{t("organizations:profile.noConsultations")}</p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-2 p-0">
            {organization.consultations.map((consultation) => (
              <li key={consultation.id}>
                <Link to={`/cities/${consultation.city.slug}/consultations/${consultation.slug}`} lang={consultation.language} className="font-semibold">
                  {consultation.title}
                </Link>{" "}
                <span className="text-sm text-slate-700">({consultation.city.name})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {reportHref ? (
        <p className="mt-8">
          <Link to={reportHref}>{t("moderation:link.reportOrganization")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="organization-ideas" className="mt-8">
        <h2 id="organization-ideas">{t("organizations:profile.ideas", { count: organization.ideaCount })}</h2>
        {organization.ideas.length === 0 ? (
          <p>{t("organizations:profile.noIdeas")}</p>
        ) : (
          <>
            <ul className="m-0 grid list-none gap-4 p-0 md:grid-cols-2">
              {organization.ideas.map((idea) => (
                <li key={idea.id}>
                  <IdeaCard idea={idea} showCity />
                </li>
              ))}
            </ul>
            {organization.ideaCount > organization.ideas.length ? (
              <p className="mt-4 text-sm text-slate-700">{t("organizations:profile.latestIdeas", { count: organization.ideas.length })}</p>
            ) : null}
          </>
        )}
      </section>
    </article>
  );
}
