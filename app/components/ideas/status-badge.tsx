import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/modules/ideas/lifecycle.policy";

// One colour family per status, dark text on a light tint (contrast well above 4.5:1) or
// white on a dark fill for "launched". The colour only adds to the status name, which is
// always written out; the border keeps the badge visible in forced-colours mode.
const STYLES: Record<IdeaStatus, string> = {
  SUBMITTED: "border-amber-700 bg-amber-50 text-amber-900",
  PUBLISHED: "border-sky-700 bg-sky-50 text-sky-900",
  UNDER_REVIEW: "border-violet-700 bg-violet-50 text-violet-900",
  ACCEPTED: "border-emerald-700 bg-emerald-50 text-emerald-900",
  PILOTING: "border-teal-700 bg-teal-50 text-teal-900",
  LAUNCHED: "border-green-800 bg-green-800 text-white",
  REJECTED: "border-red-700 bg-red-50 text-red-900",
  WITHDRAWN: "border-slate-500 bg-slate-100 text-slate-800",
  MERGED: "border-stone-500 bg-stone-100 text-stone-800",
};

/** An idea's status as a labelled badge: `t("ideas:status.<STATUS>")`. */
export function StatusBadge({ status, className = "" }: { status: IdeaStatus; className?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold ${STYLES[status] ?? STYLES.PUBLISHED} ${className}`}
      data-status={status}
    >
      {t(`ideas:status.${status}`)}
    </span>
  );
}
