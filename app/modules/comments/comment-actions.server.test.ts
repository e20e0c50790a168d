import { describe, expect, it } from "vitest";
import { createIdea, createUser } from "~/testing/factories";
import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { db } from "~/utils/db.server";
import { handleCommentIntent } from "./comment-actions.server";
import { addComment } from "./comments.server";

type Outcome = { status: number; location: string | null; body: unknown };

async function setup() {
  const created = await createIdea();
  const idea = await db.idea.findUniqueOrThrow({
    where: { id: created.id },
    select: { id: true, number: true, cityId: true, status: true, hiddenAt: true, authorId: true, city: { select: { slug: true } } },
  });
  const user = await createUser();
  return {
    idea: { ...idea, citySlug: idea.city.slug },
    viewer: { id: user.id, roles: [] } as NonNullable<Viewer>,
    path: `/cities/${idea.city.slug}/ideas/${idea.number}`,
  };
}

/** Runs the handler like the route does; thrown responses (403/404) are outcomes too. */
async function post(
  context: Awaited<ReturnType<typeof setup>>,
  fields: Record<string, string>,
  { viewer = context.viewer, headers = {} }: { viewer?: NonNullable<Viewer>; headers?: Record<string, string> } = {},
): Promise<Outcome> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  const request = new Request(`http://localhost${context.path}`, { method: "POST", headers });
  let result: unknown;
  try {
    result = await handleCommentIntent({ request, formData, idea: context.idea, viewer });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), body: null };
  }
  const wrapped = result as { data: unknown; init?: { status?: number } };
  return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
}

describe("handleCommentIntent", () => {
  it("answers invalid text with 400, the form's id, localized error keys and the text kept", async () => {
    const context = await setup();
    const empty = await post(context, { intent: "comment-create", body: "   ", alignment: "NEUTRAL" });
    expect(empty).toMatchObject({ status: 400, body: { ok: false, commentFormId: "comment-new", fieldErrors: { body: "comments:errors.bodyRequired" } } });

    const short = await post(context, { intent: "comment-create", body: " x ", alignment: "IN_FAVOUR" });
    expect(short).toMatchObject({
      status: 400,
      body: { fieldErrors: { body: "comments:errors.bodyTooShort" }, values: { body: " x ", alignment: "IN_FAVOUR" } },
    });

    const long = "é".repeat(5_001);
    const tooLong = await post(context, { intent: "comment-create", body: long, alignment: "bogus" });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { fieldErrors: { body: "comments:errors.bodyTooLong", alignment: "comments:errors.alignmentRequired" }, values: { body: long } },
    });
    expect(await post(context, { intent: "comment-create", body: "é".repeat(5_000), alignment: "AGAINST" })).toMatchObject({ status: 302 });

    const parent = await addComment({ ideaId: context.idea.id, viewer: context.viewer, body: "Parent", alignment: "NEUTRAL", language: "en" });
    if (!parent.ok) throw new Error(parent.error);
    const reply = await post(context, { intent: "comment-reply", parentId: parent.id, body: "", alignment: "NEUTRAL" });
    expect(reply).toMatchObject({ status: 400, body: { commentFormId: `comment-reply-${parent.id}` } });
    const edit = await post(context, { intent: "comment-edit", commentId: parent.id, body: "!", alignment: "NEUTRAL" });
    expect(edit).toMatchObject({ status: 400, body: { commentFormId: `comment-edit-${parent.id}` } });
    expect(await db.comment.count({ where: { ideaId: context.idea.id } })).toBe(2);
  });

  it("redirects to the new comment, in the page language, with a flash", async () => {
    const context = await setup();
    const created = await post(
      context,
      { intent: "comment-create", body: "  Bună idee!  ", alignment: "IN_FAVOUR", returnTo: `${context.path}?commentSort=best&commentPage=3` },
      { headers: { "Accept-Language": "ro-RO,ro;q=0.9" } },
    );
    const row = await db.comment.findFirstOrThrow({ where: { ideaId: context.idea.id }, select: { id: true, body: true, language: true } });
    expect(row).toEqual({ id: row.id, body: "Bună idee!", language: "ro" });
    expect(created).toMatchObject({ status: 302, location: `${context.path}?commentSort=newest#comment-${row.id}` });
  });

  it("sends a reply too deep for the page to its parent's thread, and ignores foreign return paths", async () => {
    const context = await setup();
    const parent = await addComment({ ideaId: context.idea.id, viewer: context.viewer, body: "Parent", alignment: "NEUTRAL", language: "en" });
    if (!parent.ok) throw new Error(parent.error);

    const shallow = await post(context, { intent: "comment-reply", parentId: parent.id, body: "Reply", alignment: "NEUTRAL", maxDepth: "2", returnTo: "//evil.example/x" });
    const first = await db.comment.findFirstOrThrow({ where: { parentId: parent.id }, select: { id: true } });
    expect(shallow.location).toBe(`${context.path}#comment-${first.id}`);

    const deep = await post(context, { intent: "comment-reply", parentId: parent.id, body: "Reply", alignment: "NEUTRAL", maxDepth: "0", returnTo: "/cities/messina/ideas/1" });
    const second = await db.comment.findFirstOrThrow({ where: { parentId: parent.id, id: { not: first.id } }, select: { id: true } });
    expect(deep.location).toBe(`${context.path}/comments/${parent.id}#comment-${second.id}`);
  });

  it("answers forged ids with 403 / 404 and changes nothing", async () => {
    const context = await setup();
    const other = await createUser();
    const owned = await addComment({ ideaId: context.idea.id, viewer: context.viewer, body: "Mine", alignment: "NEUTRAL", language: "en" });
    if (!owned.ok) throw new Error(owned.error);
    const mallory: NonNullable<Viewer> = { id: other.id, roles: [] };

    expect(await post(context, { intent: "comment-edit", commentId: owned.id, body: "Defaced", alignment: "AGAINST" }, { viewer: mallory })).toMatchObject({ status: 403 });
    expect(await post(context, { intent: "comment-delete", commentId: owned.id }, { viewer: mallory })).toMatchObject({ status: 403 });
    expect(await post(context, { intent: "comment-delete", commentId: "nope" })).toMatchObject({ status: 404 });
    expect(await post(context, { intent: "comment-reply", parentId: "nope", body: "Hello", alignment: "NEUTRAL" })).toMatchObject({ status: 404 });
    expect(await post(context, { intent: "comment-vote", commentId: owned.id, value: "7" })).toMatchObject({ status: 400 });
    expect(await post(context, { intent: "comment-frobnicate" })).toMatchObject({ status: 400 });
    expect(await db.comment.findUniqueOrThrow({ where: { id: owned.id }, select: { body: true, deletedAt: true } })).toEqual({ body: "Mine", deletedAt: null });
  });

  it("votes: data for scripts, a redirect otherwise, and a message for a refused vote", async () => {
    const context = await setup();
    const author = await createUser();
    const target = await addComment({ ideaId: context.idea.id, viewer: { id: author.id, roles: [] }, body: "Vote on me", alignment: "NEUTRAL", language: "en" });
    if (!target.ok) throw new Error(target.error);

    expect(await post(context, { intent: "comment-vote", commentId: target.id, value: "1", async: "1" })).toEqual({
      status: 200,
      location: null,
      body: { ok: true, commentId: target.id, vote: 1, upvotes: 1, downvotes: 0, score: 1 },
    });
    expect(await post(context, { intent: "comment-vote", commentId: target.id, value: "1" })).toMatchObject({
      status: 302,
      location: `${context.path}#comment-${target.id}`,
    });
    expect(await post(context, { intent: "comment-vote", commentId: target.id, value: "1", async: "1" }, { viewer: { id: author.id, roles: [] } })).toMatchObject({
      status: 409,
      body: { ok: false, error: "ownComment" },
    });
  });
});
