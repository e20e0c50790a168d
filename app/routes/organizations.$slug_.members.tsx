import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, SubmitButton, TextField, useValidatedForm } from "~/components/forms";
import { requestLocale } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/accounts/session.server";
import { inviteMember, listOrganizationInvitations, revokeInvitation } from "~/modules/organizations/invitations.server";
import { INVITATION_LIFETIME_DAYS, organizationPermissions, removalDenial, roleChangeDenial } from "~/modules/organizations/organizations.policy";
import { InvitationSchema } from "~/modules/organizations/organizations.schema";
import {
  changeMemberRole,
  findOrganizationBySlug,
  getMembershipRole,
  listMembers,
  removeMember,
  type MembershipResult,
} from "~/modules/organizations/organizations.server";
import { parseForm, type FormFailure } from "~/utils/forms";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";
import { intlLocale } from "~/i18n/options";

export const handle: RouteHandle = { title: (t) => t("organizations:members.title") };

async function requireOwner(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const organization = await findOrganizationBySlug(slug ?? "");
  if (!organization) notFound();
  if (!organizationPermissions(await getMembershipRole(organization.id, user.id)).canManageMembers) forbidden();
  return { user, organization };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organization } = await requireOwner(request, params.slug);
  const [members, invitations] = await Promise.all([listMembers(organization.id), listOrganizationInvitations(organization.id)]);
  return {
    organization: { slug: organization.slug, name: organization.name, timeZone: organization.city.timeZone },
    viewerId: user.id,
    members,
    invitations,
    lifetimeDays: INVITATION_LIFETIME_DAYS,
  };
}

const MEMBERSHIP_ERRORS = {
  lastOwner: "organizations:members.lastOwner",
  notMember: "organizations:members.notMember",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOwner(request, params.slug);
  const formData = await readFormData(request);
  const here = `/organizations/${organization.slug}/members`;
  const target = String(formData.get("userId") ?? "");
  const afterMembership = async (result: MembershipResult, success: string, elsewhere?: string) => {
    if (!result.ok) {
      if (result.error === "notOwner") forbidden();
      return redirectWithFlash(request, here, { kind: "error", key: MEMBERSHIP_ERRORS[result.error] });
    }
    return redirectWithFlash(request, elsewhere ?? here, { kind: "success", key: success });
  };

  switch (formData.get("intent")) {
    case "invite": {
      const parsed = parseForm(InvitationSchema, formData);
      if (!parsed.ok) return data(parsed, { status: 400 });
      const result = await inviteMember({
        organizationId: organization.id,
        inviter: { id: user.id, displayName: user.displayName, emailVerified: user.emailVerifiedAt !== null },
        email: parsed.data.email,
        locale: await requestLocale(request, user.locale),
      });
      if (!result.ok) {
        if (result.error === "notOwner") forbidden();
        const failure: FormFailure = {
          ok: false,
          fieldErrors: result.error === "alreadyMember" ? { email: "organizations:errors.alreadyMember" } : {},
          formError: result.error === "alreadyMember" ? undefined : `organizations:members.${result.error}`,
          values: { email: parsed.data.email },
        };
        return data(failure, { status: 400 });
      }
      return redirectWithFlash(request, here, { kind: "success", key: "organizations:members.invited" });
    }
    case "revoke": {
      const { ok } = await revokeInvitation({ organizationId: organization.id, actorId: user.id, invitationId: String(formData.get("invitationId") ?? "") });
      return redirectWithFlash(request, here, { kind: ok ? "success" : "info", key: ok ? "organizations:members.revoked" : "organizations:members.invitationGone" });
    }
    case "remove": {
      const result = await removeMember({ organizationId: organization.id, actorId: user.id, targetId: target });
      // An owner who removed themselves can no longer see this page.
      return afterMembership(result, target === user.id ? "organizations:members.left" : "organizations:members.removed", target === user.id ? "/account/organizations" : undefined);
    }
    case "make-owner":
    case "make-member": {
      const role = formData.get("intent") === "make-owner" ? "OWNER" : "MEMBER";
      const result = await changeMemberRole({ organizationId: organization.id, actorId: user.id, targetId: target, role });
      return afterMembership(result, "organizations:members.roleChanged", target === user.id && role === "MEMBER" ? `/organizations/${organization.slug}` : undefined);
    }
    default:
      return data({ ok: false, fieldErrors: {}, values: {}, formError: "validation:invalid" } satisfies FormFailure, { status: 400 });
  }
}

function InviteForm() {
  const { t } = useTranslation();
  const { lifetimeDays } = useLoaderData<typeof loader>();
  const { form, failure, onSubmit } = useValidatedForm(InvitationSchema, { email: "" });
  const errors = { email: fieldError(form, "email") };
  return (
    <section aria-labelledby="invite-heading" className="card mb-8">
      <h2 id="invite-heading" className="mt-0">
        {t("organizations:members.inviteHeading")}
      </h2>
      <ErrorSummary errors={errors} formError={failure?.formError ? t(failure.formError) : undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          form={form}
          name="email"
          type="email"
          autoComplete="off"
          label={t("organizations:members.inviteEmail")}
          hint={t("organizations:members.inviteHint", { count: lifetimeDays })}
          error={errors.email}
          required
        />
        <SubmitButton>{t("organizations:members.inviteSubmit")}</SubmitButton>
      </Form>
    </section>
  );
}

export default function MembersPage() {
  const { t, i18n } = useTranslation();
  const { organization, viewerId, members, invitations } = useLoaderData<typeof loader>();
  const formatDate = (iso: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium", timeZone: organization.timeZone }).format(new Date(iso));
  const ownerCount = members.filter((member) => member.role === "OWNER").length;
  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/organizations">{t("organizations:directory.heading")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link to={`/organizations/${organization.slug}`}>{organization.name}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("organizations:members.title")}</li>
        </ol>
      </nav>
      <h1>{t("organizations:members.heading", { name: organization.name })}</h1>
      <p className="mb-6">{t("organizations:members.intro")}</p>

      <InviteForm />

      <section aria-labelledby="members-heading" className="mb-8">
        <h2 id="members-heading">{t("organizations:members.listHeading", { count: members.length })}</h2>
        <ul className="m-0 flex list-none flex-col gap-3 p-0">
          {members.map((member) => {
            const self = member.userId === viewerId;
            const removal = removalDenial({ actorId: viewerId, actorRole: "OWNER", targetId: member.userId, targetRole: member.role, ownerCount });
            const nextRole = member.role === "OWNER" ? "MEMBER" : "OWNER";
            const roleChange = roleChangeDenial({ actorRole: "OWNER", targetRole: member.role, role: nextRole, ownerCount });
            return (
              <li key={member.userId} className="card flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="m-0 font-semibold">
                    {member.displayName}
                    {self ? <span className="ml-2 text-sm font-normal text-slate-700">{t("organizations:members.you")}</span> : null}
                  </p>
                  <p className="m-0 text-sm text-slate-700">
                    {t(`organizations:role.${member.role}`)} · {t("organizations:members.joined", { date: formatDate(member.joinedAt) })}
                  </p>
                </div>
                {removal === "lastOwner" ? (
                  <p className="m-0 max-w-xs text-sm text-slate-700">{t("organizations:members.onlyOwner")}</p>
                ) : (
                  <div className="flex flex-wrap gap-2">
                    {roleChange ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value={nextRole === "OWNER" ? "make-owner" : "make-member"} />
                        <input type="hidden" name="userId" value={member.userId} />
                        <button type="submit" className="btn-secondary">
                          {nextRole === "OWNER" ? t("organizations:members.makeOwner") : t("organizations:members.makeMember")}
                          <span className="sr-only"> ({member.displayName})</span>
                        </button>
                      </Form>
                    )}
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <button type="submit" className="btn-danger">
                        {self ? t("organizations:members.leave") : t("organizations:members.remove")}
                        {self ? null : <span className="sr-only"> ({member.displayName})</span>}
                      </button>
                    </Form>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t("organizations:members.invitationsHeading")}</h2>
        {invitations.length === 0 ? (
          <p>{t("organizations:members.noInvitations")}</p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-3 p-0">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="card flex flex-wrap items-center justify-between gap-3">
                <div className="min-w-0">
                  <p className="m-0 break-all font-semibold">{invitation.email}</p>
                  <p className="m-0 text-sm text-slate-700">
                    {t("organizations:members.sent", { date: formatDate(invitation.sentAt) })} ·{" "}
                    {invitation.expired
                      ? t("organizations:members.expired")
                      : t("organizations:members.expires", { date: formatDate(invitation.expiresAt) })}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="invite" />
                    <input type="hidden" name="email" value={invitation.email} />
                    <button type="submit" className="btn-secondary">
                      {t("organizations:members.resend")}
                      <span className="sr-only"> ({invitation.email})</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button type="submit" className="btn-secondary">
                      {t("organizations:members.revoke")}
                      <span className="sr-only"> ({invitation.email})</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
