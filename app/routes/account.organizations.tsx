import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/modules/accounts/session.server";
import { acceptInvitationById, declineInvitation, listPendingInvitationsFor } from "~/modules/organizations/invitations.server";
import { removalDenial } from "~/modules/organizations/organizations.policy";
import { listMemberships, removeMember } from "~/modules/organizations/organizations.server";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("organizations:account.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [memberships, invitations] = await Promise.all([listMemberships(user.id), listPendingInvitationsFor(user.email)]);
  return { viewerId: user.id, verified: user.emailVerifiedAt !== null, memberships, invitations };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const here = "/account/organizations";
  switch (formData.get("intent")) {
    case "accept": {
      const result = await acceptInvitationById(String(formData.get("invitationId") ?? ""), {
        id: user.id,
        email: user.email,
        emailVerified: user.emailVerifiedAt !== null,
      });
      if (result.ok) return redirectWithFlash(request, `/organizations/${result.organization.slug}`, { kind: "success", key: "organizations:invitation.joined" });
      const key = result.error === "unverified" ? "organizations:account.verifyFirst" : "organizations:account.invitationGone";
      return redirectWithFlash(request, here, { kind: "error", key });
    }
    case "decline": {
      const { ok } = await declineInvitation(String(formData.get("invitationId") ?? ""), user);
      return redirectWithFlash(request, here, { kind: ok ? "success" : "info", key: ok ? "organizations:account.declined" : "organizations:account.invitationGone" });
    }
    case "leave": {
      const organizationId = String(formData.get("organizationId") ?? "");
      const result = await removeMember({ organizationId, actorId: user.id, targetId: user.id });
      if (result.ok) return redirectWithFlash(request, here, { kind: "success", key: "organizations:members.left" });
      const key = result.error === "lastOwner" ? "organizations:account.lastOwner" : "organizations:members.notMember";
      return redirectWithFlash(request, here, { kind: "error", key });
    }
    default:
      return data({ error: "unknown intent" }, { status: 400 });
  }
}

export default function AccountOrganizationsPage() {
  const { t } = useTranslation();
  const { viewerId, verified, memberships, invitations } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <h1>{t("organizations:account.title")}</h1>
      <p className="mb-4">{t("organizations:account.intro")}</p>
      <p className="mb-8">
        <Link to="/organizations/new" className="btn-primary">
          {t("organizations:directory.create")}
        </Link>
      </p>

      {invitations.length > 0 ? (
        <section aria-labelledby="account-invitations" className="mb-8">
          <h2 id="account-invitations">{t("organizations:account.invitations")}</h2>
          {verified ? null : <p className="mb-4 text-slate-700">{t("organizations:account.verifyFirst")}</p>}
          <ul className="m-0 flex list-none flex-col gap-3 p-0">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="card flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="m-0 font-semibold">
                    <Link to={`/organizations/${invitation.organization.slug}`}>{invitation.organization.name}</Link>
                  </p>
                  <p className="m-0 text-sm text-slate-700">
                    {invitation.organization.city.name}
                    {invitation.inviterName ? ` · ${t("organizations:account.invitedBy", { name: invitation.inviterName })}` : null}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  {verified ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="accept" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button type="submit" className="btn-primary">
                        {t("organizations:invitation.accept")}
                        <span className="sr-only"> ({invitation.organization.name})</span>
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="decline" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button type="submit" className="btn-secondary">
                      {t("organizations:account.decline")}
                      <span className="sr-only"> ({invitation.organization.name})</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="account-memberships">
        <h2 id="account-memberships">{t("organizations:account.memberships")}</h2>
        {memberships.length === 0 ? (
          <p>{t("organizations:account.none")}</p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-3 p-0">
            {memberships.map(({ organization, role, ownerCount }) => {
              const leaving = removalDenial({ actorId: viewerId, actorRole: role, targetId: viewerId, targetRole: role, ownerCount });
              return (
                <li key={organization.id} className="card flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <p className="m-0 font-semibold">
                      <Link to={`/organizations/${organization.slug}`}>{organization.name}</Link>
                    </p>
                    <p className="m-0 text-sm text-slate-700">
                      {organization.city.name} · {t(`organizations:role.${role}`)}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    {role === "OWNER" ? (
                      <>
                        <Link to={`/organizations/${organization.slug}/edit`} className="btn-secondary">
                          {t("organizations:profile.edit")}
                          <span className="sr-only"> ({organization.name})</span>
                        </Link>
                        <Link to={`/organizations/${organization.slug}/members`} className="btn-secondary">
                          {t("organizations:profile.members")}
                          <span className="sr-only"> ({organization.name})</span>
                        </Link>
                      </>
                    ) : null}
                    {leaving === "lastOwner" ? <p className="m-0 max-w-xs text-sm text-slate-700">{t("organizations:members.onlyOwner")}</p> : null}
                    {leaving ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="leave" />
                        <input type="hidden" name="organizationId" value={organization.id} />
                        <button type="submit" className="btn-danger">
                          {t("organizations:members.leave")}
                          <span className="sr-only"> ({organization.name})</span>
                        </button>
                      </Form>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
