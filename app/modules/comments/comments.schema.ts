// Shared by the browser (react-hook-form resolver) and the server (the authority).
// Messages are i18n keys of the `comments` namespace, translated where they are shown.
import { z } from "zod";

export const COMMENT_MIN = 2;
export const COMMENT_MAX = 5_000;

export const COMMENT_ALIGNMENTS = ["IN_FAVOUR", "AGAINST", "NEUTRAL"] as const;
export type CommentAlignment = (typeof COMMENT_ALIGNMENTS)[number];

export const COMMENT_SORTS = ["oldest", "newest", "best"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
export const DEFAULT_COMMENT_SORT: CommentSort = "oldest";

export function parseCommentSort(value: string | null | undefined): CommentSort {
  return (COMMENT_SORTS as readonly string[]).includes(value ?? "") ? (value as CommentSort) : DEFAULT_COMMENT_SORT;
}

const codePoints = (value: string) => Array.from(value).length;

export const commentBodyField = z
  .string({ required_error: "comments:errors.bodyRequired", invalid_type_error: "comments:errors.bodyRequired" })
  // Windows line endings count once, like the browser's textarea counter would.
  .transform((value) => value.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "comments:errors.bodyRequired")
      .refine((value) => codePoints(value) >= COMMENT_MIN, "comments:errors.bodyTooShort")
      .refine((value) => codePoints(value) <= COMMENT_MAX, "comments:errors.bodyTooLong"),
  );

export const alignmentField = z.enum(COMMENT_ALIGNMENTS, {
  errorMap: () => ({ message: "comments:errors.alignmentRequired" }),
});

const idField = z.string({ required_error: "comments:errors.missingComment" }).min(1, "comments:errors.missingComment").max(64);

/** What the browser validates in every comment form (the ids travel in hidden fields). */
export const CommentTextSchema = z.object({ body: commentBodyField, alignment: alignmentField });
export const NewCommentSchema = CommentTextSchema;
export const ReplySchema = z.object({ body: commentBodyField, alignment: alignmentField, parentId: idField });
export const EditCommentSchema = z.object({ body: commentBodyField, alignment: alignmentField, commentId: idField });
export const DeleteCommentSchema = z.object({ commentId: idField });
export const VoteCommentSchema = z.object({
  commentId: idField,
  value: z.enum(["1", "-1"], { errorMap: () => ({ message: "comments:errors.invalidVote" }) }).transform((value) => (value === "1" ? 1 : -1) as 1 | -1),
});

/** Identifies which of the many comment forms on a page a refused submission belongs to. */
export function commentFormId(kind: "new" | "reply" | "edit", commentId?: string): string {
  return kind === "new" ? "comment-new" : `comment-${kind}-${commentId}`;
}
