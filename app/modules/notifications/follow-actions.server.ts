// The "follow" / "unfollow" intents of the pages that offer a follow button (idea page…).
// The page's action checks that the viewer may see the target before delegating here.
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/http.server";
import { follow, unfollow, type FollowTarget } from "./follows.server";

export const FOLLOW_INTENTS = ["follow", "unfollow"] as const;

export function isFollowIntent(intent: unknown): intent is (typeof FOLLOW_INTENTS)[number] {
  return intent === "follow" || intent === "unfollow";
}

export async function handleFollowIntent({
  request,
  intent,
  userId,
  target,
  path,
}: {
  request: Request;
  intent: (typeof FOLLOW_INTENTS)[number];
  userId: string;
  target: { type: FollowTarget; id: string };
  path: string;
}) {
  if (intent === "follow") await follow(db, userId, target.type, target.id);
  else await unfollow(db, userId, target.type, target.id);
  return redirectWithFlash(request, path, {
    kind: "success",
    key: intent === "follow" ? "notifications:flash.followed" : "notifications:flash.unfollowed",
  });
}
