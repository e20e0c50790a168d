import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Where each kind of target explains what following it brings. */
const TEXTS = {
  IDEA: "notifications:follow",
  CONSULTATION: "notifications:followConsultation",
  ORGANIZATION: "notifications:followOrganization",
} as const;

/** Follow / unfollow as a plain form (works without JavaScript); anonymous visitors get a login link. */
export function FollowButton({
  action,
  following,
  loginHref,
  target = "IDEA",
}: {
  action: string;
  following: boolean;
  loginHref: string | null;
  target?: keyof typeof TEXTS;
}) {
  const { t } = useTranslation();
  const texts = TEXTS[target];
  if (loginHref) {
    return (
      <p className="m-0 text-sm">
        <Link to={loginHref}>{t(`${texts}.signIn`)}</Link>
      </p>
    );
  }
  return (
    <Form method="post" action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <p className="m-0 text-sm text-slate-700">{t(following ? `${texts}.following` : `${texts}.notFollowing`)}</p>
      <button type="submit" className="btn-secondary">
        {t(following ? "notifications:follow.unfollow" : "notifications:follow.follow")}
      </button>
    </Form>
  );
}
