import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { COMMENT_ALIGNMENTS, COMMENT_MAX, COMMENT_MIN, CommentTextSchema, type CommentAlignment } from "~/modules/comments/comments.schema";
import { useComments } from "./comments-context";

// The ids travel in hidden inputs, so the browser checks only the text and the position.
const commentResolver = zodResolver(CommentTextSchema) as unknown as Resolver<FieldValues>;

type Intent = "comment-create" | "comment-reply" | "comment-edit";

/**
 * One comment form (new comment, reply or edit): a real form that posts to the page, with
 * the shared zod schema checked in the browser first. Several live on one page, so
 * every id is prefixed with the form's id, and a refused submission (400) is shown by the
 * form whose commentFormId it names.
 */
export function CommentForm({
  formId,
  intent,
  label,
  submitLabel,
  defaults,
  hidden,
  onDone,
}: {
  formId: string;
  intent: Intent;
  label: ReactNode;
  submitLabel: ReactNode;
  defaults: { body: string; alignment: CommentAlignment };
  hidden?: Record<string, string>;
  /** Called after this form's submission went through (e.g. to close a disclosure). */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { action, returnTo, failure: pageFailure, maxDepth } = useComments();
  const failure = pageFailure?.commentFormId === formId ? pageFailure : undefined;
  const initial = {
    body: failure?.values.body ?? defaults.body,
    alignment: (COMMENT_ALIGNMENTS as readonly string[]).includes(failure?.values.alignment ?? "")
      ? (failure?.values.alignment as CommentAlignment)
      : defaults.alignment,
  };
  // Memoised: react-hook-form re-applies (and focuses) `errors` whenever the object changes.
  const serverErrors = useMemo(
    () =>
      failure
        ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([name, message]) => [name, { type: "server", message }]))
        : undefined,
    [failure],
  );
  const form = useForm<FieldValues>({
    resolver: commentResolver,
    defaultValues: initial,
    errors: serverErrors,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const submit = useSubmit();
  const navigation = useNavigation();

  // After this form's submission completes without a refusal: empty it and tell the parent.
  const submitting = navigation.state !== "idle" && navigation.formData?.get("commentFormId") === formId;
  const wasSubmitting = useRef(false);
  const { reset } = form;
  useEffect(() => {
    if (submitting) {
      wasSubmitting.current = true;
      return;
    }
    if (navigation.state !== "idle" || !wasSubmitting.current) return;
    wasSubmitting.current = false;
    if (failure) return;
    reset({ body: defaults.body, alignment: defaults.alignment });
    onDone?.();
  }, [submitting, navigation.state, failure, reset, defaults.body, defaults.alignment, onDone]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    form.handleSubmit(() => submit(target, { preventScrollReset: true }))(event);
  };

  const bodyError = form.formState.errors.body?.message;
  const alignmentError = form.formState.errors.alignment?.message;
  const bodyId = `${formId}-body`;
  const hintId = `${bodyId}-hint`;
  const bodyErrorId = `${bodyId}-error`;
  const alignmentErrorId = `${formId}-alignment-error`;
  const limits = { min: COMMENT_MIN, max: COMMENT_MAX };

  return (
    <Form method="post" action={`${action}#${formId}`} noValidate onSubmit={onSubmit} id={formId} className="mt-3 scroll-mt-24">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="commentFormId" value={formId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="maxDepth" value={maxDepth} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="mb-4">
        <label htmlFor={bodyId} className="mb-1 block font-semibold">
          {label}
        </label>
        <p id={hintId} className="field-hint mb-1 mt-0">
          {t("comments:form.bodyHint", limits)}
        </p>
        <textarea
          id={bodyId}
          rows={4}
          className="field-input"
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={[hintId, bodyError ? bodyErrorId : null].filter(Boolean).join(" ")}
          defaultValue={initial.body}
          {...form.register("body")}
        />
        {typeof bodyError === "string" ? (
          <p id={bodyErrorId} className="field-error">
            <span className="sr-only">{t("validation:errorPrefix")} </span>
            {t(bodyError, limits)}
          </p>
        ) : null}
      </div>
      <fieldset className="mb-4" aria-describedby={alignmentError ? alignmentErrorId : undefined}>
        <legend className="mb-1 font-semibold">{t("comments:alignment.legend")}</legend>
        {typeof alignmentError === "string" ? (
          <p id={alignmentErrorId} className="field-error mb-2 mt-0">
            <span className="sr-only">{t("validation:errorPrefix")} </span>
            {t(alignmentError)}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {COMMENT_ALIGNMENTS.map((alignment) => {
            const id = `${formId}-alignment-${alignment}`;
            return (
              <div key={alignment} className="flex min-h-[44px] items-center gap-2">
                <input
                  type="radio"
                  id={id}
                  value={alignment}
                  defaultChecked={initial.alignment === alignment}
                  className="h-5 w-5"
                  {...form.register("alignment")}
                />
                <label htmlFor={id}>{t(`comments:alignment.${alignment}`)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" aria-disabled={submitting || undefined}>
        {submitLabel}
      </button>
    </Form>
  );
}
