import { Form, Link, useLocation, useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  listSearch,
  parseListQuery,
  SEARCH_MAX_LENGTH,
  SORTS,
  STATUS_FILTERS,
  statusToParam,
  type ListQuery,
  type Sort,
} from "~/modules/ideas/list.schema";

type Option = { value: string; label: string };

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: Option[] }) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="field-input min-h-[44px]">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filters of an idea list: a plain GET form, so the whole state lives in the URL
 * (shareable, bookmarkable) and it works without JavaScript. It does not submit on change:
 * a list that changes while someone is still choosing is disorienting (WCAG 3.2.2).
 */
export function IdeaFilters({
  query,
  sort,
  categories,
  cities,
}: {
  query: ListQuery;
  sort: Sort;
  categories: string[];
  /** Given on the network list only. */
  cities?: { slug: string; name: string }[];
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // With JavaScript, the URL leaves out empty fields and defaults (?category=&status=…).
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string") fields.append(name, value);
    navigate(`${location.pathname}${listSearch(parseListQuery(fields))}`, { preventScrollReset: true });
  };
  const filtered = Boolean(query.q || query.category || query.status || query.city || query.sort);
  return (
    // Keyed by the URL: the fields show the filters in force after back/forward navigation too.
    <Form
      key={location.search}
      method="get"
      role="search"
      aria-labelledby="filters-heading"
      className="card mb-8"
      onSubmit={onSubmit}
    >
      <h2 id="filters-heading" className="mt-0 text-lg">
        {t("browse:filters.heading")}
      </h2>
      <div className="mb-4">
        <label htmlFor="filter-q" className="mb-1 block font-semibold">
          {t("browse:filters.search")}
        </label>
        <p id="filter-q-hint" className="field-hint mb-1 mt-0">
          {t("browse:filters.searchHint")}
        </p>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby="filter-q-hint"
          className="field-input min-h-[44px]"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cities ? (
          <Select
            name="city"
            label={t("browse:filters.city")}
            value={query.city ?? ""}
            options={[{ value: "", label: t("browse:filters.allCities") }, ...cities.map((city) => ({ value: city.slug, label: city.name }))]}
          />
        ) : null}
        <Select
          name="category"
          label={t("categories:label")}
          value={query.category ?? ""}
          options={[{ value: "", label: t("categories:all") }, ...categories.map((slug) => ({ value: slug, label: t(`categories:${slug}`) }))]}
        />
        <Select
          name="status"
          label={t("browse:filters.status")}
          value={query.status ? statusToParam(query.status) : ""}
          options={[
            { value: "", label: t("browse:filters.allStatuses") },
            ...STATUS_FILTERS.map((status) => ({
              value: statusToParam(status),
              label: status === "open" ? t("browse:filters.open") : t(`ideas:status.${status}`),
            })),
          ]}
        />
        <Select name="sort" label={t("browse:filters.sort")} value={sort} options={SORTS.map((value) => ({ value, label: t(`browse:sort.${value}`) }))} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary">
          {t("browse:filters.submit")}
        </button>
        {filtered ? (
          <Link to={location.pathname} className="flex min-h-[44px] items-center">
            {t("browse:filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
