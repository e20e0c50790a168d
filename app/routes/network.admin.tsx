import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { requireNetworkAdmin } from "~/modules/accounts/roles.server";
import {
  GRANTABLE_ROLES,
  GrantRoleSchema,
  RevokeRoleSchema,
} from "~/modules/administration/administration.schema";
import {
  grantRole,
  listCitiesWithTeams,
  revokeRole,
} from "~/modules/administration/roles-admin.server";
import { echoValues, parseForm, type FormFailure } from "~/utils/forms";
import {
  forbidden,
  notFound,
  readFormData,
  redirectWithFlash,
} from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("administration:network.title"),
};

const PATH = "/network/admin";

/** Network administration: the cities, and who moderates or administers what. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireNetworkAdmin(request);
  const { cities, networkAdmins } = await listCitiesWithTeams();
  return {
    viewerId: user.id,
    cities: cities.map((city) => ({
      slug: city.slug,
      name: city.name,
      preModeration: city.preModeration,
      reportThreshold: city.reportThreshold,
      ideas: city._count.ideas,
      residents: city._count.residents,
    })),
    assignments: [
      ...networkAdmins.map((assignment) => ({
        id: assignment.id,
        role: assignment.role,
        city: null as string | null,
        name: assignment.user.displayName,
        email: assignment.user.email,
      })),
      ...cities.flatMap((city) =>
        city.roles.map((assignment) => ({
          id: assignment.id,
          role: assignment.role,
          city: city.name,
          name: assignment.user.displayName,
          email: assignment.user.email,
        }))
      ),
    ],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, roles } = await requireNetworkAdmin(request);
  const actor = { id: user.id, roles };
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "grant") {
    const parsed = parseForm(GrantRoleSchema, formData);
    if (!parsed.ok) return data(parsed satisfies FormFailure, { status: 400 });
    const result = await grantRole(actor, {
      email: parsed.data.email,
      role: parsed.data.role,
      citySlug: parsed.data.city,
    });
    if (!result.ok) {
      if (result.error === "forbidden") forbidden();
      const field = result.error === "cityNotFound" ? "city" : "email";
      const failure: FormFailure = {
        ok: false,
        fieldErrors: { [field]: `administration:errors.${result.error}` },
        values: echoValues(formData),
      };
      return data(failure, { status: 400 });
    }
    return redirectWithFlash(request, PATH, {
      kind: "success",
      key: "administration:flash.roleGranted",
    });
  }
  if (intent === "revoke") {
    const parsed = parseForm(RevokeRoleSchema, formData);
    if (!parsed.ok) notFound();
    const result = await revokeRole(actor, parsed.data.assignmentId);
    if (!result.ok) {
      if (result.error === "forbidden") forbidden();
      if (result.error === "notFound") notFound();
      return redirectWithFlash(request, PATH, {
        kind: "error",
        key: `administration:errors.${result.error}`,
      });
    }
    return redirectWithFlash(request, PATH, {
      kind: "success",
      key: "administration:flash.roleRevoked",
    });
  }
  return data(
    {
      ok: false,
      fieldErrors: {},
      values: {},
      formError: "validation:invalid",
    } satisfies FormFailure,
    { status: 400 }
  );
}

export default function NetworkAdminPage() {
  const { t } = useTranslation();
  const { cities, assignments } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  const values: Record<string, string> = failure?.values ?? {};
  return (
    <>
      <h1>{t("administration:network.heading")}</h1>

      <section aria-labelledby="network-cities" className="mb-10">
        <h2 id="network-cities">{t("administration:network.citiesHeading")}</h2>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">
            {t("administration:network.citiesCaption")}
          </caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                {t("administration:network.city")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                {t("administration:network.ideas")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                {t("administration:network.residents")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("administration:network.preModeration")}
              </th>
              <th scope="col" className="py-2">
                {t("administration:network.threshold")}
              </th>
            </tr>
          </thead>
          <tbody>
            {cities.map((city) => (
              <tr key={city.slug} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-medium">
                  <Link to={`/cities/${city.slug}/admin`}>{city.name}</Link>
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {city.ideas}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {city.residents}
                </td>
                <td className="py-2 pr-4">
                  {city.preModeration
                    ? t("administration:network.on")
                    : t("administration:network.off")}
                </td>
                <td className="py-2 tabular-nums">{city.reportThreshold}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="grant-role" className="card mb-10 max-w-xl">
        <h2 id="grant-role" className="mt-0">
          {t("administration:network.grantHeading")}
        </h2>
        <ErrorSummary
          errors={errors}
          formError={failure?.formError ? t(failure.formError) : undefined}
        />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <TextField
            name="email"
            type="email"
            autoComplete="off"
            label={t("administration:network.email")}
            defaultValue={values.email ?? ""}
            error={errors.email}
          />
          <SelectField
            name="role"
            label={t("administration:network.roleLabel")}
            defaultValue={values.role ?? "MODERATOR"}
            error={errors.role}
          >
            {GRANTABLE_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`cities:roles.${role}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="city"
            label={t("administration:network.cityLabel")}
            defaultValue={values.city ?? ""}
            error={errors.city}
          >
            <option value="">{t("administration:network.chooseCity")}</option>
            {cities.map((city) => (
              <option key={city.slug} value={city.slug}>
                {city.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn-primary">
            {t("administration:network.grant")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="network-roles">
        <h2 id="network-roles">{t("administration:network.rolesHeading")}</h2>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">
            {t("administration:network.rolesCaption")}
          </caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                {t("administration:network.person")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("administration:network.role")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("administration:network.scope")}
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">
                  {t("administration:network.revoke")}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {assignment.name}{" "}
                  <span className="block font-normal text-slate-700">
                    {assignment.email}
                  </span>
                </th>
                <td className="py-2 pr-4">
                  {t(`cities:roles.${assignment.role}`)}
                </td>
                <td className="py-2 pr-4">
                  {assignment.city ?? t("administration:network.networkScope")}
                </td>
                <td className="py-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input
                      type="hidden"
                      name="assignmentId"
                      value={assignment.id}
                    />
                    <button
                      type="submit"
                      className="btn-secondary"
                      aria-label={t("administration:network.revokeLabel", {
                        role: t(`cities:roles.${assignment.role}`),
                        name: assignment.name,
                      })}
                    >
                      {t("administration:network.revoke")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
