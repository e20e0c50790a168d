import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/modules/ideas/lifecycle.policy";

/** Length of an official answer (shown publicly on the idea page). */
export const OFFICIAL_ANSWER_MIN = 10;
export const OFFICIAL_ANSWER_MAX = 2000;

/** What the idea page's loader says the viewer may decide (computed with lifecycle.policy). */
export type OfficialActionsData = { canModerate: boolean; canDecide: boolean; targets: IdeaStatus[] };

/** What a refused official form returns (400): which form, its errors and what was typed. */
export type OfficialFormFailure = {
  ok: false;
  officialForm: "reject" | "status";
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

export function isOfficialFormFailure(value: unknown): value is OfficialFormFailure {
  return typeof value === "object" && value !== null && "officialForm" in value;
}

/**
 * The "City decision" section of an idea page: moderators publish or reject a submitted
 * idea; city admins move a published idea to its next status with an official answer.
 * Plain POST forms (they work without JavaScript); the server checks the role again.
 */
export function OfficialActions({
  actions,
  status,
  action,
  failure,
}: {
  actions: OfficialActionsData;
  status: IdeaStatus;
  action: string;
  failure?: OfficialFormFailure;
}) {
  const { t } = useTranslation();
  const moderate = actions.canModerate && status === "SUBMITTED";
  const decide = actions.canDecide && status !== "SUBMITTED" && actions.targets.length > 0;
  if (!moderate && !decide) return null;
  const rejectFailure = failure?.officialForm === "reject" ? failure : undefined;
  const statusFailure = failure?.officialForm === "status" ? failure : undefined;

  return (
    <section aria-labelledby="official-actions-heading" className="card mb-6 border-l-4 border-brand">
      <h2 id="official-actions-heading" className="mt-0">
        {t("officials:heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("officials:intro")}</p>

      {moderate ? (
        <>
          <Form method="post" action={action} className="mb-4">
            <input type="hidden" name="intent" value="official-publish" />
            <button type="submit" className="btn-primary">
              {t("officials:publish")}
            </button>
          </Form>
          <details open={Boolean(rejectFailure)}>
            <summary className="inline-flex min-h-[44px] cursor-pointer items-center font-semibold text-red-800">{t("officials:reject")}</summary>
            <Form method="post" action={action} className="mt-3">
              <input type="hidden" name="intent" value="official-reject" />
              <AnswerField id="official-reject-answer" required failure={rejectFailure} />
              <button type="submit" className="btn-danger">
                {t("officials:rejectConfirm")}
              </button>
            </Form>
          </details>
        </>
      ) : null}

      {decide ? (
        <Form method="post" action={action}>
          <input type="hidden" name="intent" value="official-status" />
          <div className="mb-4">
            <label htmlFor="official-status" className="mb-1 block font-semibold">
              {t("officials:statusLabel")}
            </label>
            <select
              id="official-status"
              name="status"
              className="field-input"
              defaultValue={statusFailure?.values.status ?? actions.targets[0]}
              aria-invalid={statusFailure?.fieldErrors.status ? true : undefined}
              aria-describedby={statusFailure?.fieldErrors.status ? "official-status-error" : undefined}
            >
              {actions.targets.map((target) => (
                <option key={target} value={target}>
                  {t(`ideas:status.${target}`)}
                </option>
              ))}
            </select>
            {statusFailure?.fieldErrors.status ? <FieldError id="official-status-error" message={statusFailure.fieldErrors.status} /> : null}
          </div>
          <AnswerField id="official-status-answer" required={false} failure={statusFailure} />
          <button type="submit" className="btn-primary">
            {t("officials:decide")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function AnswerField({ id, required, failure }: { id: string; required: boolean; failure?: OfficialFormFailure }) {
  const { t } = useTranslation();
  const error = failure?.fieldErrors.answer;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {required ? t("officials:answerLabel") : t("officials:answerLabelOptional")}
      </label>
      <p id={hintId} className="field-hint mb-1 mt-0">
        {required ? t("officials:answerHint", { min: OFFICIAL_ANSWER_MIN, max: OFFICIAL_ANSWER_MAX }) : t("officials:answerHintDecision", { min: OFFICIAL_ANSWER_MIN, max: OFFICIAL_ANSWER_MAX })}
      </p>
      <textarea
        id={id}
        name="answer"
        rows={4}
        required={required}
        minLength={OFFICIAL_ANSWER_MIN}
        maxLength={OFFICIAL_ANSWER_MAX}
        defaultValue={failure?.values.answer ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-error" role="alert">
      <span className="sr-only">{t("validation:errorPrefix")} </span>
      {t(message)}
    </p>
  );
}
