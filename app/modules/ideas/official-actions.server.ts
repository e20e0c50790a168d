// The city's official decisions on an idea, posted from the idea page ("City decision"
// section): moderators publish or reject submitted ideas, city admins move published ideas
// through the decision states. The idea page's action hands every "official-…" intent here.
import { data } from "@remix-run/node";
import { z } from "zod";
import { OFFICIAL_ANSWER_MAX, OFFICIAL_ANSWER_MIN, type OfficialFormFailure } from "~/components/ideas/official-actions";
import { IDEA_STATUSES, isCityAdmin, isModerator, type IdeaStatus, type Viewer } from "~/modules/ideas/lifecycle.policy";
import { setIdeaStatus } from "~/modules/ideas/ideas.server";
import { publishSubmittedIdea, rejectSubmittedIdea } from "~/modules/moderation/review.server";
import { DEDICATED_FORM_STATUSES } from "~/modules/pilots/pilots.server";
import { echoValues, parseForm } from "~/utils/forms";
import { forbidden, notFound, redirectWithFlash } from "~/utils/http.server";

export const OFFICIAL_INTENTS = ["official-publish", "official-reject", "official-status"] as const;

export function isOfficialIntent(intent: unknown): intent is (typeof OFFICIAL_INTENTS)[number] {
  return typeof intent === "string" && intent.startsWith("official-");
}

/** A rejection is always explained publicly: the answer is required. */
export const RejectSchema = z.object({
  answer: z
    .string({ required_error: "officials:errors.answerRequired" })
    .trim()
    .min(1, "officials:errors.answerRequired")
    .min(OFFICIAL_ANSWER_MIN, "officials:errors.answerTooShort")
    .max(OFFICIAL_ANSWER_MAX, "officials:errors.answerTooLong"),
});

/** A decision: the next status and an official answer (required or not depending on the transition — the command says). */
export const DecideSchema = z.object({
  status: z.enum(IDEA_STATUSES, { errorMap: () => ({ message: "officials:errors.statusRequired" }) }),
  answer: z
    .string()
    .trim()
    .max(OFFICIAL_ANSWER_MAX, "officials:errors.answerTooLong")
    .refine((answer) => answer === "" || answer.length >= OFFICIAL_ANSWER_MIN, "officials:errors.answerTooShort")
    .optional()
    .default(""),
});

export type OfficialIdea = { id: string; number: number; cityId: string; citySlug: string; status: IdeaStatus };

type CommandFailure = { ok: false; error: string };

function ideaPath(idea: OfficialIdea) {
  return `/cities/${idea.citySlug}/ideas/${idea.number}`;
}

function invalid(form: OfficialFormFailure["officialForm"], fieldErrors: Record<string, string>, values: Record<string, string>) {
  const failure: OfficialFormFailure = { ok: false, officialForm: form, fieldErrors, values };
  return data(failure, { status: 400 });
}

/**
 * Handles "official-publish", "official-reject" (moderators of the idea's city, city and
 * network admins) and "official-status" (city admins). The role is checked here for the
 * idea's city: anyone else gets 403. Success: redirect to the idea with a flash. Bad input
 * (or a missing answer the transition requires): 400 with field errors and the text kept.
 * A stale page (someone else decided meanwhile, or a forged status): redirect with an error.
 */
export async function handleOfficialIntent({
  request,
  formData,
  idea,
  viewer,
}: {
  request: Request;
  formData: FormData;
  idea: OfficialIdea;
  viewer: NonNullable<Viewer>;
}): Promise<Response | ReturnType<typeof data>> {
  const path = ideaPath(idea);
  const intent = formData.get("intent");
  const refused = (result: CommandFailure) => {
    if (result.error === "notFound") notFound();
    return redirectWithFlash(request, path, { kind: "error", key: `ideas:denial.${result.error}` });
  };

  switch (intent) {
    case "official-publish": {
      if (!isModerator(viewer, idea.cityId)) forbidden();
      // The moderation command: timeline event, audit entry and the author's notification in one transaction.
      const result = await publishSubmittedIdea({ ideaId: idea.id, actorId: viewer.id, cityId: idea.cityId });
      if (!result.ok) return refused(result);
      return redirectWithFlash(request, path, { kind: "success", key: "officials:flash.published" });
    }
    case "official-reject": {
      if (!isModerator(viewer, idea.cityId)) forbidden();
      const parsed = parseForm(RejectSchema, formData);
      if (!parsed.ok) return invalid("reject", parsed.fieldErrors, parsed.values);
      const result = await rejectSubmittedIdea({ ideaId: idea.id, actorId: viewer.id, cityId: idea.cityId, reasonCode: null, message: parsed.data.answer });
      if (!result.ok) return refused(result);
      return redirectWithFlash(request, path, { kind: "success", key: "officials:flash.rejected" });
    }
    case "official-status": {
      if (!isCityAdmin(viewer, idea.cityId)) forbidden();
      const parsed = parseForm(DecideSchema, formData);
      if (!parsed.ok) return invalid("status", parsed.fieldErrors, parsed.values);
      // A pilot needs its plan and a launch its service link: those moves go through their own forms.
      if ((DEDICATED_FORM_STATUSES as readonly string[]).includes(parsed.data.status)) {
        return redirectWithFlash(request, path, { kind: "error", key: "pilots:flash.useForm" });
      }
      const result = await setIdeaStatus(idea.id, parsed.data.status, viewer.id, parsed.data.answer || null);
      if (!result.ok) {
        if (result.error === "reasonRequired") {
          return invalid("status", { answer: "officials:errors.answerRequiredForStatus" }, echoValues(formData));
        }
        return refused(result);
      }
      return redirectWithFlash(request, path, { kind: "success", key: "officials:flash.statusChanged" });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}
