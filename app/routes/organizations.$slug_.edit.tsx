import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganizationForm } from "~/components/organizations/organization-form";
import { requireUser } from "~/modules/accounts/session.server";
import { listCities } from "~/modules/cities/cities.server";
import { parseOrganizationForm } from "~/modules/organizations/organization-form.server";
import { organizationPermissions } from "~/modules/organizations/organizations.policy";
import { findOrganizationBySlug, getMembershipRole, getOrganizationForEdit, updateOrganization } from "~/modules/organizations/organizations.server";
import { forbidden, notFound, readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("organizations:edit.title") };

/** Owners edit the profile; members and everyone else get a 403. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organization = await getOrganizationForEdit(params.slug ?? "");
  if (!organization) notFound();
  if (!organizationPermissions(await getMembershipRole(organization.id, user.id)).canEdit) forbidden();
  const cities = await listCities();
  return { organization, cities: cities.map(({ slug, name }) => ({ slug, name })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organization = await findOrganizationBySlug(params.slug ?? "");
  if (!organization) notFound();
  if (!organizationPermissions(await getMembershipRole(organization.id, user.id)).canEdit) forbidden();
  const formData = await readFormData(request);
  const parsed = await parseOrganizationForm(formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  // The update checks ownership again in the same statement (an owner removed meanwhile changes nothing).
  const { ok } = await updateOrganization(organization.id, user.id, parsed.data);
  if (!ok) forbidden();
  return redirectWithFlash(request, `/organizations/${organization.slug}`, { kind: "success", key: "organizations:edit.success" });
}

export default function EditOrganizationPage() {
  const { t } = useTranslation();
  const { organization, cities } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl">
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
          <li aria-current="page">{t("organizations:edit.title")}</li>
        </ol>
      </nav>
      <h1>{t("organizations:edit.heading", { name: organization.name })}</h1>
      <p className="mb-6">{t("organizations:edit.intro")}</p>
      <OrganizationForm
        defaults={organization.values}
        sectors={organization.sectors}
        cities={cities}
        submitLabel={t("organizations:edit.submit")}
        cancelHref={`/organizations/${organization.slug}`}
      />
    </div>
  );
}
