import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganizationForm } from "~/components/organizations/organization-form";
import { requireUser } from "~/modules/accounts/session.server";
import { listCities } from "~/modules/cities/cities.server";
import { parseOrganizationForm } from "~/modules/organizations/organization-form.server";
import { createOrganization } from "~/modules/organizations/organizations.server";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("organizations:new.title") };

// Any signed-in account may create an organization (see organizations.policy.ts for why).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cities = await listCities();
  const homeCity = cities.find((city) => city.id === user.homeCityId);
  return {
    cities: cities.map(({ slug, name }) => ({ slug, name })),
    homeCity: homeCity?.slug ?? "",
    entrepreneur: user.kind === "ENTREPRENEUR",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const parsed = await parseOrganizationForm(formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const organization = await createOrganization(user.id, parsed.data);
  return redirectWithFlash(request, `/organizations/${organization.slug}`, { kind: "success", key: "organizations:new.success" });
}

export default function NewOrganizationPage() {
  const { t } = useTranslation();
  const { cities, homeCity, entrepreneur } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl">
      <nav aria-label={t("common:breadcrumb")} className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/organizations">{t("organizations:directory.heading")}</Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t("organizations:new.title")}</li>
        </ol>
      </nav>
      <h1>{t("organizations:new.title")}</h1>
      <p className="mb-2">{t("organizations:new.intro")}</p>
      <p className="mb-6 text-slate-700">{entrepreneur ? t("organizations:new.whoEntrepreneur") : t("organizations:new.whoCitizen")}</p>
      <OrganizationForm
        defaults={{ name: "", skills: "", website: "", city: homeCity, description: "", size: "", contactEmail: "", contactPhone: "" }}
        sectors={[]}
        cities={cities}
        submitLabel={t("organizations:new.submit")}
        cancelHref="/organizations"
      />
    </div>
  );
}
