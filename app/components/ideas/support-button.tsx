import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PhaseNotice, usePhaseDenialText, type CityClock } from "~/components/consultations/phase-notice";
import { SupportQuotaText } from "~/components/consultations/support-quota";
import type { PhaseDenial, SupportQuota } from "~/modules/consultations/phases.policy";
import type { Denial } from "~/modules/ideas/lifecycle.policy";

/** What the idea page's action answers to a script-sent support form (async=1). */
export type SupportActionData =
  | { ok: true; intent: "support" | "unsupport"; supported: boolean; supportCount: number }
  /** `phase`: the consultation's phase or support limit refused it (explained with its dates). */
  | { ok: false; intent: "support" | "unsupport"; error: string; phase?: PhaseDenial };

/**
 * "Support this idea" / "Withdraw my support": a real form posting to the idea page (works
 * without JavaScript: the action redirects back with a message). With JavaScript it is sent
 * by a fetcher: the pressed state and the count change at once, a status message is
 * announced, and the page's data is refreshed from the server afterwards.
 */
export function SupportButton({
  action,
  supportCount,
  supported,
  denial,
  loginHref,
  phase = null,
  quota = null,
  clock,
}: {
  /** The idea page's path (the form's action). */
  action: string;
  supportCount: number;
  supported: boolean;
  /** Why the viewer may not support (from supportDenial); null when they may. */
  denial: Denial | null;
  loginHref: string;
  /** Idea of a consultation: why its phase (or the support limit) refuses, explained with the date. */
  phase?: PhaseDenial | null;
  /** "3 of 5 supports left" in the idea's consultation. */
  quota?: SupportQuota | null;
  /** The city's time zone and name, for the dates of `phase`. */
  clock?: CityClock;
}) {
  const { t } = useTranslation();
  const phaseText = usePhaseDenialText();
  const fetcher = useFetcher<SupportActionData>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const countText = t("ideaPage:support.count", { count: supportCount });
  // A refused submission (the page was stale: the phase closed, or the support limit was
  // used up in another tab) says why. The refreshed page then shows the refusal in place
  // of the button; the status region stays the same element (same key, last child in
  // both layouts), so screen readers announce the reason.
  const refusal =
    fetcher.state === "idle" && fetcher.data?.ok === false
      ? fetcher.data.phase && clock
        ? phaseText(fetcher.data.phase, clock)
        : t("ideaPage:support.failed")
      : null;

  if (denial === "signIn") {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Link to={loginHref} className="btn-primary">
          {t("ideaPage:support.login")}
        </Link>
        <span className="font-semibold">{countText}</span>
      </div>
    );
  }
  const quotaText = quota ? <SupportQuotaText key="quota" quota={quota} className="mt-2" /> : null;
  if (denial) {
    return (
      <div>
        <p key="count" className="mb-1 text-lg font-semibold">
          {countText}
        </p>
        {phase && clock ? (
          <PhaseNotice key="denial" denial={phase} clock={clock} />
        ) : (
          <p key="denial" className="m-0 text-slate-700">
            {t(`ideas:denial.${denial}`)}
          </p>
        )}
        {quotaText}
        <p key="status" role="status" aria-live="polite" className="sr-only">
          {refusal ?? ""}
        </p>
      </div>
    );
  }

  // Optimistic state: while a submission is on its way (and until the page data is
  // refreshed), show what it will do; afterwards the loader's values are the truth.
  const pendingIntent = fetcher.formData?.get("intent");
  const showSupported = pendingIntent ? pendingIntent === "support" : supported;
  const count = Math.max(0, supportCount + (showSupported === supported ? 0 : showSupported ? 1 : -1));
  const failed = refusal !== null;
  const announcement = failed
    ? refusal
    : pendingIntent || fetcher.data
      ? `${showSupported ? t("ideaPage:support.supportedNow") : t("ideaPage:support.withdrawnNow")} ${t("ideaPage:support.count", { count })}`
      : "";

  return (
    <div>
      <fetcher.Form key="form" method="post" action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value={showSupported ? "unsupport" : "support"} />
        {hydrated ? <input type="hidden" name="async" value="1" /> : null}
        <button type="submit" className={showSupported ? "btn-secondary" : "btn-primary"}>
          <span>{showSupported ? t("ideaPage:support.withdraw") : t("ideaPage:support.support")}</span>
          <span className={`rounded-full px-2 py-0.5 text-sm ${showSupported ? "bg-slate-200 text-slate-900" : "bg-white text-brand-dark"}`}>
            {t("ideaPage:support.count", { count })}
          </span>
        </button>
      </fetcher.Form>
      {quotaText}
      <p key="status" role="status" aria-live="polite" className={failed ? "field-error" : "sr-only"}>
        {announcement}
      </p>
    </div>
  );
}
