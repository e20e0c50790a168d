import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Follow / unfollow as a plain form (works without JavaScript); anonymous visitors get a login link. */
export function FollowButton({ action, following, loginHref }: { action: string; following: boolean; loginHref: string | null }) {
  const { t } = useTranslation();
  if (loginHref) {
    return (
      <p className="m-0 text-sm">
        <Link to={loginHref}>{t("notifications:follow.signIn")}</Link>
      </p>
    );
  }
  return (
    <Form method="post" action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <p className="m-0 text-sm text-slate-700">{t(following ? "notifications:follow.following" : "notifications:follow.notFollowing")}</p>
      <button type="submit" className="btn-secondary">
        {t(following ? "notifications:follow.unfollow" : "notifications:follow.follow")}
      </button>
    </Form>
  );
}
