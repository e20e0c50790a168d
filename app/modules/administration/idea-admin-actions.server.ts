// The idea page's "admin-answer" intent: a city admin publishes or changes the official
// answer without changing the status (status changes go through official-actions.server.ts).
import { data } from "@remix-run/node";
import { z } from "zod";
import {
  OFFICIAL_ANSWER_MAX,
  OFFICIAL_ANSWER_MIN,
} from "~/components/ideas/official-actions";
import { isCityAdmin, type Viewer } from "~/modules/ideas/lifecycle.policy";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound, redirectWithFlash } from "~/utils/http.server";
import { type AdminAnswerFailure } from "~/components/administration/idea-admin-panel";
import { answerIdea } from "./city-admin.server";

export { ADMIN_ANSWER_INTENT } from "~/components/administration/idea-admin-panel";

export const AnswerSchema = z.object({
  answer: z
    .string({ required_error: "officials:errors.answerRequired" })
    .trim()
    .min(1, "officials:errors.answerRequired")
    .min(OFFICIAL_ANSWER_MIN, "officials:errors.answerTooShort")
    .max(OFFICIAL_ANSWER_MAX, "officials:errors.answerTooLong"),
});

export async function handleAdminAnswer({
  request,
  formData,
  idea,
  viewer,
}: {
  request: Request;
  formData: FormData;
  idea: { id: string; cityId: string; path: string };
  viewer: NonNullable<Viewer>;
}) {
  if (!isCityAdmin(viewer, idea.cityId)) forbidden();
  const parsed = parseForm(AnswerSchema, formData);
  if (!parsed.ok) {
    const failure: AdminAnswerFailure = {
      ok: false,
      adminForm: "answer",
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
    };
    return data(failure, { status: 400 });
  }
  const result = await answerIdea(idea.id, viewer, parsed.data.answer);
  if (!result.ok) {
    if (result.error === "forbidden") forbidden();
    if (result.error === "notFound") notFound();
    return redirectWithFlash(request, idea.path, {
      kind: "error",
      key: `administration:errors.${result.error}`,
    });
  }
  return redirectWithFlash(request, idea.path, {
    kind: "success",
    key: "administration:flash.answered",
  });
}
