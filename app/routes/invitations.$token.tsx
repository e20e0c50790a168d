import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { normalizeEmail } from "~/modules/accounts/accounts.server";
import { getUser, requireUser } from "~/modules/accounts/session.server";
import { acceptInvitation, inspectInvitation } from "~/modules/organizations/invitations.server";
import { isOrganizationMember } from "~/modules/organizations/organizations.server";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("organizations:invitation.title") };

/** "jane.doe@example.com" → "j•••@example.com": enough to recognise, not to harvest. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

type Organization = { slug: string; name: string; city: string };

type InvitationPage =
  | { state: "invalid" }
  | { state: "expired" | "used"; organization: Organization }
  | { state: "signIn"; organization: Organization; loginHref: string; registerHref: string }
  | { state: "wrongAccount"; organization: Organization; maskedEmail: string }
  | { state: "member" | "ready"; organization: Organization };

/** What the link leads to. Each state gets its own explanation and an honest status code. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspected = await inspectInvitation(params.token);
  if (inspected.status === "invalid") return data<InvitationPage>({ state: "invalid" }, { status: 404 });
  const { invitation } = inspected;
  const organization = { slug: invitation.organization.slug, name: invitation.organization.name, city: invitation.organization.city.name };
  const user = await getUser(request);
  const member = user ? await isOrganizationMember(invitation.organization.id, user.id) : false;
  if (member) return data<InvitationPage>({ state: "member", organization });
  if (inspected.status === "expired") return data<InvitationPage>({ state: "expired", organization }, { status: 410 });
  if (inspected.status === "accepted") return data<InvitationPage>({ state: "used", organization }, { status: 410 });
  if (!user) {
    const back = new URLSearchParams({ redirectTo: new URL(request.url).pathname });
    return data<InvitationPage>({ state: "signIn", organization, loginHref: `/login?${back}`, registerHref: `/register?${back}` });
  }
  if (normalizeEmail(user.email) !== invitation.emailNormalized) {
    return data<InvitationPage>({ state: "wrongAccount", organization, maskedEmail: maskEmail(invitation.email) }, { status: 403 });
  }
  return data<InvitationPage>({ state: "ready", organization });
}

/** Accepting needs a session (the login page brings people back here) and the invited address. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readFormData(request);
  const result = await acceptInvitation(params.token, user);
  if (result.ok) {
    return redirectWithFlash(request, `/organizations/${result.organization.slug}`, {
      kind: result.alreadyMember ? "info" : "success",
      key: result.alreadyMember ? "organizations:invitation.alreadyMember" : "organizations:invitation.joined",
    });
  }
  // The page explains why (expired, used, another account …).
  return redirect(new URL(request.url).pathname);
}

export default function InvitationPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>() as InvitationPage;
  if (page.state === "invalid") {
    return (
      <div className="mx-auto max-w-xl">
        <h1>{t("organizations:invitation.invalid.title")}</h1>
        <p className="mb-6">{t("organizations:invitation.invalid.body")}</p>
        <Link to="/organizations" className="btn-secondary">
          {t("organizations:invitation.directory")}
        </Link>
      </div>
    );
  }
  const { organization } = page;
  const orgLink = (
    <Link to={`/organizations/${organization.slug}`} className="btn-secondary">
      {t("organizations:invitation.viewOrganization", { name: organization.name })}
    </Link>
  );
  return (
    <div className="mx-auto max-w-xl">
      <h1>{t("organizations:invitation.heading", { name: organization.name })}</h1>
      <p className="mb-4 text-slate-700">{t("organizations:invitation.city", { city: organization.city })}</p>
      {page.state === "ready" ? (
        <>
          <p className="mb-6">{t("organizations:invitation.ready", { name: organization.name })}</p>
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary">
              {t("organizations:invitation.accept")}
            </button>
            {orgLink}
          </Form>
        </>
      ) : page.state === "signIn" ? (
        <>
          <p className="mb-6">{t("organizations:invitation.signIn")}</p>
          <div className="flex flex-wrap gap-3">
            <Link to={page.loginHref} className="btn-primary">
              {t("organizations:invitation.login")}
            </Link>
            <Link to={page.registerHref} className="btn-secondary">
              {t("organizations:invitation.register")}
            </Link>
          </div>
        </>
      ) : page.state === "wrongAccount" ? (
        <>
          <div role="alert" className="mb-6 rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
            <p className="m-0">{t("organizations:invitation.wrongAccount", { email: page.maskedEmail })}</p>
          </div>
          {orgLink}
        </>
      ) : page.state === "member" ? (
        <>
          <p className="mb-6">{t("organizations:invitation.member")}</p>
          {orgLink}
        </>
      ) : (
        <>
          <p className="mb-6">{t(page.state === "expired" ? "organizations:invitation.expired" : "organizations:invitation.used")}</p>
          {orgLink}
        </>
      )}
    </div>
  );
}
