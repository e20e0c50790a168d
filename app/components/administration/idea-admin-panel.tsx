import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  OFFICIAL_ANSWER_MAX,
  OFFICIAL_ANSWER_MIN,
} from "~/components/ideas/official-actions";
import type { IdeaStatus } from "~/modules/ideas/lifecycle.policy";

const ANSWERABLE: IdeaStatus[] = [
  "PUBLISHED",
  "UNDER_REVIEW",
  "ACCEPTED",
  "PILOTING",
  "LAUNCHED",
  "REJECTED",
];
const MERGEABLE: IdeaStatus[] = ["PUBLISHED", "UNDER_REVIEW"];

export const ADMIN_ANSWER_INTENT = "admin-answer";

/** What a refused answer form returns (400). */
export type AdminAnswerFailure = {
  ok: false;
  adminForm: "answer";
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

export function isAdminAnswerFailure(
  value: unknown
): value is AdminAnswerFailure {
  return typeof value === "object" && value !== null && "adminForm" in value;
}

type Failure = Pick<AdminAnswerFailure, "fieldErrors" | "values">;

/**
 * For city admins on an idea page: the official answer on its own (without a status
 * change) and the way to merge this idea into another. Plain forms and links.
 */
export function IdeaAdminPanel({
  status,
  currentAnswer,
  action,
  mergeHref,
  failure,
}: {
  status: IdeaStatus;
  currentAnswer: string | null;
  action: string;
  mergeHref: string;
  failure?: Failure;
}) {
  const { t } = useTranslation();
  const canAnswer = ANSWERABLE.includes(status);
  const canMerge = MERGEABLE.includes(status);
  if (!canAnswer && !canMerge) return null;
  const error = failure?.fieldErrors.answer;
  return (
    <section
      aria-labelledby="admin-answer-heading"
      className="card mb-6 border-l-4 border-brand"
    >
      <h2 id="admin-answer-heading" className="mt-0">
        {t("administration:answer.heading")}
      </h2>
      {canAnswer ? (
        <Form method="post" action={action} noValidate>
          <input type="hidden" name="intent" value={ADMIN_ANSWER_INTENT} />
          <p className="text-sm text-slate-700">
            {t("administration:answer.intro")}
          </p>
          <div className="mb-4">
            <label htmlFor="admin-answer" className="mb-1 block font-semibold">
              {t("administration:answer.label")}
            </label>
            <p id="admin-answer-hint" className="field-hint mb-1 mt-0">
              {t("officials:answerHint", {
                min: OFFICIAL_ANSWER_MIN,
                max: OFFICIAL_ANSWER_MAX,
              })}
            </p>
            <textarea
              id="admin-answer"
              name="answer"
              rows={4}
              maxLength={OFFICIAL_ANSWER_MAX}
              defaultValue={failure?.values.answer ?? currentAnswer ?? ""}
              className="field-input"
              aria-invalid={error ? true : undefined}
              aria-describedby={
                error
                  ? "admin-answer-hint admin-answer-error"
                  : "admin-answer-hint"
              }
            />
            {error ? (
              <p id="admin-answer-error" className="field-error" role="alert">
                <span className="sr-only">{t("validation:errorPrefix")} </span>
                {t(error)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="btn-primary">
            {t("administration:answer.submit")}
          </button>
        </Form>
      ) : null}
      {status === "ACCEPTED" || status === "PILOTING" ? (
        // Piloting and launching carry a plan or a service link: their own forms, not the status select.
        <ul className="mb-0 mt-4 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          <li>
            <Link to={`${action}/pilot`}>{t(status === "ACCEPTED" ? "pilots:admin.plan" : "pilots:admin.editPlan")}</Link>
          </li>
          <li>
            <Link to={`${action}/launch`}>{t("pilots:admin.launch")}</Link>
          </li>
        </ul>
      ) : null}
      {canMerge ? (
        <p className="mb-0 mt-4">
          <Link to={mergeHref}>{t("administration:merge.fromIdea")}</Link>
        </p>
      ) : null}
    </section>
  );
}
