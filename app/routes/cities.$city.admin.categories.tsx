import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminBreadcrumb } from "~/components/administration/admin-breadcrumb";
import { ErrorSummary, TextField } from "~/components/forms";
import { languages } from "~/i18n/config";
import {
  CATEGORY_NAME_MAX,
  categoryNameField,
  categoryNamesOf,
  CategoryIdSchema,
  CategorySchema,
} from "~/modules/administration/administration.schema";
import {
  createCategory,
  listCityCategories,
  renameCategory,
  setCategoryArchived,
} from "~/modules/administration/city-admin.server";
import { requireCityAdmin } from "~/modules/administration/guard.server";
import { localizedName } from "~/modules/administration/shared";
import { CATEGORY_SLUGS } from "~/modules/categories/categories";
import { parseForm, type FormFailure } from "~/utils/forms";
import {
  forbidden,
  notFound,
  readFormData,
  redirectWithFlash,
} from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t) => t("administration:categories.title"),
};

type CategoryFailure = FormFailure & { form: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await requireCityAdmin(request, params.city);
  const categories = await listCityCategories(city.id);
  return {
    city: { slug: city.slug, name: city.name },
    categories: categories.map((category) => ({
      ...category,
      archivedAt: category.archivedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { city, actor } = await requireCityAdmin(request, params.city);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = `/cities/${city.slug}/admin/categories`;
  const refuse = (error: string) => {
    if (error === "forbidden") forbidden();
    if (error === "notFound") notFound();
    return redirectWithFlash(request, back, {
      kind: "error",
      key: `administration:errors.${error}`,
    });
  };
  switch (intent) {
    case "create":
    case "rename": {
      const parsed = parseForm(CategorySchema, formData);
      const form =
        intent === "create"
          ? "create"
          : String(formData.get("categoryId") ?? "");
      if (!parsed.ok)
        return data({ ...parsed, form } satisfies CategoryFailure, {
          status: 400,
        });
      const names = categoryNamesOf(parsed.data);
      if (intent === "create") {
        const result = await createCategory(city.id, actor, names);
        if (!result.ok) return refuse(result.error);
        return redirectWithFlash(request, back, {
          kind: "success",
          key: "administration:flash.categoryCreated",
        });
      }
      const id = parseForm(CategoryIdSchema, formData);
      if (!id.ok) notFound();
      const result = await renameCategory(
        city.id,
        actor,
        id.data.categoryId,
        names
      );
      if (!result.ok) return refuse(result.error);
      return redirectWithFlash(request, back, {
        kind: "success",
        key: "administration:flash.categoryRenamed",
      });
    }
    case "archive":
    case "restore": {
      const id = parseForm(CategoryIdSchema, formData);
      if (!id.ok) notFound();
      const result = await setCategoryArchived(
        city.id,
        actor,
        id.data.categoryId,
        intent === "archive"
      );
      if (!result.ok) return refuse(result.error);
      return redirectWithFlash(request, back, {
        kind: "success",
        key:
          intent === "archive"
            ? "administration:flash.categoryArchived"
            : "administration:flash.categoryRestored",
      });
    }
    default:
      return data(
        {
          ok: false,
          form: "create",
          fieldErrors: {},
          values: {},
          formError: "validation:invalid",
        } satisfies CategoryFailure,
        { status: 400 }
      );
  }
}

export default function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const { city, categories } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const createFailure = failure?.form === "create" ? failure : undefined;
  const createValues: Record<string, string> = createFailure?.values ?? {};
  const createErrors: Record<string, string> = createFailure?.fieldErrors ?? {};
  return (
    <>
      <AdminBreadcrumb
        city={city}
        current={t("administration:categories.title")}
      />
      <h1>{t("administration:categories.heading", { city: city.name })}</h1>
      <p className="max-w-prose">{t("administration:categories.intro")}</p>

      <section aria-labelledby="own-categories" className="mb-8">
        <h2 id="own-categories">{t("administration:categories.ownHeading")}</h2>
        {categories.length === 0 ? (
          <p>{t("administration:categories.none")}</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">
              {t("administration:categories.caption")}
            </caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-4">
                  {t("administration:categories.name")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("administration:categories.ideas")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("administration:categories.state")}
                </th>
                <th scope="col" className="py-2">
                  {t("administration:categories.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => {
                const name =
                  localizedName(category.names, i18n.language) ?? category.slug;
                const rowFailure =
                  failure?.form === category.id ? failure : undefined;
                return (
                  <tr
                    key={category.id}
                    className="border-b border-slate-200 align-top"
                  >
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {name}
                    </th>
                    <td className="py-2 pr-4">{category.ideaCount}</td>
                    <td className="py-2 pr-4">
                      {category.archivedAt
                        ? t("administration:categories.archived")
                        : t("administration:categories.active")}
                    </td>
                    <td className="py-2">
                      <details open={Boolean(rowFailure)} className="mb-2">
                        <summary className="inline-flex min-h-[44px] cursor-pointer items-center font-semibold">
                          {t("administration:categories.rename")}
                        </summary>
                        <Form method="post" noValidate className="mt-2">
                          <fieldset>
                            <legend className="sr-only">
                              {t("administration:categories.renameLegend", {
                                name,
                              })}
                            </legend>
                            <input type="hidden" name="intent" value="rename" />
                            <input
                              type="hidden"
                              name="categoryId"
                              value={category.id}
                            />
                            <NameInputs
                              idPrefix={`rename-${category.id}`}
                              values={
                                rowFailure?.values ??
                                Object.fromEntries(
                                  languages.map(({ code }) => [
                                    categoryNameField(code),
                                    category.names[code] ?? "",
                                  ])
                                )
                              }
                              errors={rowFailure?.fieldErrors ?? {}}
                            />
                            <button type="submit" className="btn-secondary">
                              {t("administration:categories.save")}
                            </button>
                          </fieldset>
                        </Form>
                      </details>
                      <Form method="post">
                        <input
                          type="hidden"
                          name="intent"
                          value={category.archivedAt ? "restore" : "archive"}
                        />
                        <input
                          type="hidden"
                          name="categoryId"
                          value={category.id}
                        />
                        <button type="submit" className="btn-secondary">
                          {category.archivedAt
                            ? t("administration:categories.restore", { name })
                            : t("administration:categories.archive", { name })}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="create-category" className="card mb-8 max-w-xl">
        <h2 id="create-category" className="mt-0">
          {t("administration:categories.createHeading")}
        </h2>
        <ErrorSummary
          errors={createFailure?.fieldErrors ?? {}}
          formError={
            createFailure?.formError ? t(createFailure.formError) : undefined
          }
        />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          {languages.map(({ code }) => {
            const field = categoryNameField(code);
            return (
              <TextField
                key={field}
                name={field}
                lang={code}
                maxLength={CATEGORY_NAME_MAX}
                label={t(`administration:categories.${field}`)}
                defaultValue={createValues[field] ?? ""}
                error={createErrors[field]}
              />
            );
          })}
          <button type="submit" className="btn-primary">
            {t("administration:categories.create")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="network-categories">
        <h2 id="network-categories">
          {t("administration:categories.networkHeading")}
        </h2>
        <ul className="list-disc pl-5">
          {CATEGORY_SLUGS.map((slug) => (
            <li key={slug}>{t(`categories:${slug}`)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function NameInputs({
  idPrefix,
  values,
  errors,
}: {
  idPrefix: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {languages.map(({ code }) => {
        const field = categoryNameField(code);
        const id = `${idPrefix}-${field}`;
        const error = errors[field];
        return (
          <div key={field} className="mb-3">
            <label htmlFor={id} className="mb-1 block font-semibold">
              {t(`administration:categories.${field}`)}
            </label>
            <input
              id={id}
              name={field}
              lang={code}
              maxLength={CATEGORY_NAME_MAX}
              defaultValue={values[field] ?? ""}
              className="field-input"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error ? (
              <p id={`${id}-error`} className="field-error" role="alert">
                <span className="sr-only">{t("validation:errorPrefix")} </span>
                {t(error)}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
