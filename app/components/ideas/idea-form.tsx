// The propose/edit idea form. It is a plain POST form with three intents, so everything
// works without JavaScript:
//   intent=similar  re-renders the page with similar ideas (also what Enter in the title does),
//   intent=preview  re-renders the page with the rendered description,
//   intent=submit   validates and saves.
// With JavaScript, similar ideas and the preview update as the author types (debounced
// fetchers to /cities/:city/ideas/similar and /markdown-preview), and the two helper
// buttons fetch at once instead of reloading the page.
import { Link, useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldError, Form, SelectField, SubmitButton, useValidatedForm } from "~/components/forms";
import { CATEGORY_SLUGS, categoryLabel } from "~/modules/categories/categories";
import type { IdeaFormChoices, SimilarIdea } from "~/modules/ideas/idea-form.server";
import {
  BODY_MAX,
  codePoints,
  IDEA_LANGUAGES,
  IdeaEditSchema,
  IdeaSchema,
  normalizeLine,
  normalizeMarkdown,
  SIMILAR_QUERY_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  worthSimilarLookup,
} from "~/modules/ideas/ideas.schema";
import type { FormFailure } from "~/utils/forms";
import { CharacterCount, TextInputField } from "./idea-form-fields";
import { MarkdownContent } from "./markdown-content";

/** What the page's action returns when it does not redirect. */
export type IdeaFormActionData = FormFailure & { previewHtml?: string; similar?: SimilarIdea[] };

export type IdeaFormProps = {
  mode: "new" | "edit";
  citySlug: string;
  /** Values to start from (the idea being edited, or the defaults of a new one). */
  defaults: Record<string, string>;
  /** Consultations and organizations to choose from (new ideas only), and the city's own categories. */
  choices?: IdeaFormChoices;
  /** The idea being edited: never listed as similar to itself. */
  ideaNumber?: number;
  /** Rendered description to show before the first preview request (editing). */
  initialPreviewHtml?: string;
  submitLabel: string;
  cancelHref: string;
  /** Extra values the form sends as they are (e.g. the idea a new one is proposed from). */
  hiddenFields?: Record<string, string>;
};

const PREVIEW_DELAY_MS = 600;
const SIMILAR_DELAY_MS = 400;

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function languageNames(locale: string) {
  const inPageLanguage = new Intl.DisplayNames([locale], { type: "language" });
  return IDEA_LANGUAGES.map((code) => {
    const name = inPageLanguage.of(code) ?? code;
    const own = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
    return { code, name, own: own.toLocaleLowerCase(code) === name.toLocaleLowerCase(locale) ? null : own };
  });
}

export function IdeaForm({ mode, citySlug, defaults, choices, ideaNumber, initialPreviewHtml, submitLabel, cancelHref, hiddenFields }: IdeaFormProps) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const actionData = useActionData<IdeaFormActionData>();
  const { form, failure, onSubmit } = useValidatedForm(mode === "new" ? IdeaSchema : IdeaEditSchema, defaults);
  const title = (useWatch({ control: form.control, name: "title" }) as string | undefined) ?? "";
  const summary = (useWatch({ control: form.control, name: "summary" }) as string | undefined) ?? "";
  const body = (useWatch({ control: form.control, name: "body" }) as string | undefined) ?? "";
  const language = (useWatch({ control: form.control, name: "language" }) as string | undefined) ?? "";

  // --- Live preview of the description -------------------------------------------------
  const previewFetcher = useFetcher<{ html?: string; error?: string }>();
  const previewed = useRef(actionData?.previewHtml !== undefined ? (failure?.values.body ?? "") : (defaults.body ?? ""));
  const requestPreview = (source: string) => {
    previewed.current = source;
    if (source.trim()) previewFetcher.submit({ body: source }, { method: "post", action: "/markdown-preview" });
  };
  useEffect(() => {
    if (!hydrated || body === previewed.current) return;
    const timer = setTimeout(() => requestPreview(body), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // requestPreview is recreated on each render; the body is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, hydrated]);
  const previewError = body.trim() ? previewFetcher.data?.error : undefined;
  const previewHtml = body.trim() ? (previewFetcher.data?.html ?? actionData?.previewHtml ?? initialPreviewHtml) : undefined;
  const showPreview = hydrated || actionData?.previewHtml !== undefined || initialPreviewHtml !== undefined;

  // --- Similar ideas while the title is typed ------------------------------------------
  const similarFetcher = useFetcher<{ ideas: SimilarIdea[] }>();
  const similarQuery = normalizeLine(title).slice(0, SIMILAR_QUERY_MAX);
  const looked = useRef(actionData?.similar ? similarQuery : "");
  const requestSimilar = (query: string) => {
    looked.current = query;
    const params = new URLSearchParams({ title: query });
    if (ideaNumber) params.set("exclude", String(ideaNumber));
    similarFetcher.load(`/cities/${citySlug}/ideas/similar?${params}`);
  };
  useEffect(() => {
    if (!hydrated || !worthSimilarLookup(similarQuery) || similarQuery === looked.current) return;
    const timer = setTimeout(() => requestSimilar(similarQuery), SIMILAR_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [similarQuery, hydrated]);
  const similar = worthSimilarLookup(similarQuery) ? (similarFetcher.data?.ideas ?? actionData?.similar ?? null) : null;

  // With JavaScript the helper buttons fetch in place; only "submit" goes through validation.
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.name === "intent" ? submitter.value : "submit";
    if (intent === "preview") {
      event.preventDefault();
      // The preview region is live: the result is announced without moving focus.
      requestPreview(form.getValues("body") ?? "");
      return;
    }
    if (intent === "similar") {
      event.preventDefault();
      if (worthSimilarLookup(similarQuery)) requestSimilar(similarQuery);
      return;
    }
    onSubmit(event);
  };

  const errors = {
    title: fieldError(form, "title"),
    summary: fieldError(form, "summary"),
    body: fieldError(form, "body"),
    category: fieldError(form, "category"),
    language: fieldError(form, "language"),
    consultation: fieldError(form, "consultation"),
    organization: fieldError(form, "organization"),
  };
  const languages = languageNames(i18n.language);
  const consultations = choices?.consultations ?? [];
  const organizations = choices?.organizations ?? [];

  return (
    <>
      <ErrorSummary errors={errors} formError={failure?.formError ? t(failure.formError) : undefined} />
      <Form method="post" noValidate onSubmit={handleSubmit}>
        {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextInputField
          multiline={false}
          form={form}
          name="title"
          dir="auto"
          autoComplete="off"
          label={t("ideaForm:fields.title")}
          hint={t("ideaForm:fields.titleHint")}
          extra={<CharacterCount used={codePoints(normalizeLine(title))} max={TITLE_MAX} />}
          error={errors.title}
          required
        />
        <section id="similar-ideas" aria-labelledby="similar-ideas-title" className="mb-6 rounded-md bg-slate-50 p-4">
          <h2 id="similar-ideas-title" className="mt-0 text-lg">
            {t("ideaForm:similar.heading")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("ideaForm:similar.intro")}</p>
          <button type="submit" name="intent" value="similar" formAction="#similar-ideas" className="btn-secondary mb-3">
            {t("ideaForm:similar.button")}
          </button>
          <p role="status" aria-live="polite" className="mb-2 font-medium">
            {similar ? (similar.length > 0 ? t("ideaForm:similar.count", { count: similar.length }) : t("ideaForm:similar.none")) : null}
          </p>
          {similar && similar.length > 0 ? (
            <ul className="flex flex-col gap-2">
              {similar.map((idea) => (
                <li key={idea.number} className="rounded border border-slate-300 bg-white p-3">
                  <Link to={`/cities/${citySlug}/ideas/${idea.number}`} target="_blank" rel="noopener" className="font-semibold">
                    <span dir="auto">{idea.title}</span>
                    <span className="sr-only"> {t("common:opensInNewTab")}</span>
                  </Link>
                  <p className="mt-1 text-sm text-slate-700">
                    {t(`ideas:status.${idea.status}`)} · {t("ideaForm:similar.supports", { count: idea.supportCount })}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <TextInputField
          form={form}
          name="summary"
          dir="auto"
          rows={3}
          label={t("ideaForm:fields.summary")}
          hint={t("ideaForm:fields.summaryHint")}
          extra={<CharacterCount used={codePoints(normalizeLine(summary))} max={SUMMARY_MAX} />}
          error={errors.summary}
          required
        />
        <TextInputField
          form={form}
          name="body"
          dir="auto"
          rows={12}
          label={t("ideaForm:fields.body")}
          hint={t("ideaForm:fields.bodyHint")}
          extra={<CharacterCount used={normalizeMarkdown(body).length} max={BODY_MAX} />}
          error={errors.body}
        />
        <div className="mb-6">
          <button type="submit" name="intent" value="preview" formAction="#idea-preview" className="btn-secondary mb-3">
            {t("ideaForm:preview.button")}
          </button>
          {showPreview ? (
            <section id="idea-preview" aria-labelledby="idea-preview-title" className="card">
              <h2 id="idea-preview-title" className="mt-0 text-lg">
                {t("ideaForm:preview.heading")}
              </h2>
              <div aria-live="polite">
                {previewError ? (
                  <p className="field-error">{t(previewError)}</p>
                ) : previewHtml ? (
                  // Rendered by renderMarkdown on the server, like the idea page itself.
                  <MarkdownContent html={previewHtml} lang={language || undefined} />
                ) : (
                  <p className="text-slate-700">{t("ideaForm:preview.empty")}</p>
                )}
              </div>
            </section>
          ) : null}
        </div>
        <SelectField form={form} name="category" label={t("ideaForm:fields.category")} error={errors.category} required>
          <option value="">{t("ideaForm:fields.chooseCategory")}</option>
          {CATEGORY_SLUGS.map((slug) => (
            <option key={slug} value={slug}>
              {t(`categories:${slug}`)}
            </option>
          ))}
          {/* The city's own categories, named by its admins. */}
          {(choices?.categories ?? []).map((category) => (
            <option key={category.slug} value={category.slug}>
              {categoryLabel(t, category, i18n.language)}
            </option>
          ))}
        </SelectField>
        <SelectField form={form} name="language" label={t("ideaForm:fields.language")} hint={t("ideaForm:fields.languageHint")} error={errors.language} required>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
              {language.own ? ` (${language.own})` : null}
            </option>
          ))}
        </SelectField>
        {mode === "new" && consultations.length > 0 ? (
          <SelectField form={form} name="consultation" label={t("ideaForm:fields.consultation")} hint={t("ideaForm:fields.consultationHint")} error={errors.consultation}>
            <option value="">{t("ideaForm:fields.noConsultation")}</option>
            {consultations.map((consultation) => (
              <option key={consultation.id} value={consultation.id}>
                {consultation.title}
              </option>
            ))}
          </SelectField>
        ) : null}
        {mode === "new" && organizations.length > 0 ? (
          <SelectField form={form} name="organization" label={t("ideaForm:fields.organization")} hint={t("ideaForm:fields.organizationHint")} error={errors.organization}>
            <option value="">{t("ideaForm:fields.noOrganization")}</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton name="intent" value="submit">
            {submitLabel}
          </SubmitButton>
          <Link to={cancelHref} className="btn-secondary">
            {t("ideaForm:cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
