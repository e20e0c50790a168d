import { useActionData, useLocation } from "@remix-run/react";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentFormFailure } from "~/modules/comments/comment-actions.server";

/** What every part of a comments section needs: where forms post, where links go, how dates read. */
export type CommentsContextValue = {
  /** The page the section is on (forms post here and come back here). */
  action: string;
  returnTo: string;
  /** The idea's city (reports on a person are filed with the city they were seen in). */
  citySlug: string;
  ideaUrl: string;
  threadUrl: (commentId: string) => string;
  /** The deepest comment level shown on this page. */
  maxDepth: number;
  formatDate: (iso: string) => string;
  failure: CommentFormFailure | undefined;
  hydrated: boolean;
};

const CommentsContext = createContext<CommentsContextValue | null>(null);

export const CommentsProvider = CommentsContext.Provider;

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error("useComments() outside <CommentsSection>");
  return value;
}

function isCommentFailure(value: unknown): value is CommentFormFailure {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    typeof (value as { commentFormId?: unknown }).commentFormId === "string" &&
    typeof (value as { fieldErrors?: unknown }).fieldErrors === "object"
  );
}

/** True once React runs in the browser (scripts enhance the forms from then on). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function useCommentsContextValue({
  citySlug,
  ideaNumber,
  timeZone,
  maxDepth,
}: {
  citySlug: string;
  ideaNumber: number;
  timeZone: string;
  maxDepth: number;
}): CommentsContextValue {
  const location = useLocation();
  const { i18n } = useTranslation();
  const actionData = useActionData<unknown>();
  const hydrated = useHydrated();
  const failure = isCommentFailure(actionData) ? actionData : undefined;
  const ideaUrl = `/cities/${citySlug}/ideas/${ideaNumber}`;
  const search = location.search;
  const pathname = location.pathname;
  const language = i18n.language;
  return useMemo(() => {
    const formatter = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone });
    return {
      action: `${pathname}${search}`,
      returnTo: `${pathname}${search}`,
      citySlug,
      ideaUrl,
      threadUrl: (commentId: string) => `${ideaUrl}/comments/${commentId}`,
      maxDepth,
      formatDate: (iso: string) => formatter.format(new Date(iso)),
      failure,
      hydrated,
    };
  }, [language, timeZone, pathname, search, citySlug, ideaUrl, maxDepth, failure, hydrated]);
}
