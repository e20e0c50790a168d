import { useTranslation } from "react-i18next";
import type { ConsultationStage } from "~/modules/consultations/phases.policy";

// Dark text on a light tint; the stage is always written out, colour only adds to it.
const STYLES: Record<ConsultationStage, string> = {
  draft: "border-amber-700 bg-amber-50 text-amber-900",
  upcoming: "border-slate-500 bg-slate-100 text-slate-900",
  between: "border-slate-500 bg-slate-100 text-slate-900",
  ended: "border-slate-500 bg-slate-100 text-slate-900",
  INFORMATION: "border-sky-700 bg-sky-50 text-sky-900",
  IDEATION: "border-violet-700 bg-violet-50 text-violet-900",
  SUPPORTS: "border-emerald-700 bg-emerald-50 text-emerald-900",
  REVIEW: "border-teal-700 bg-teal-50 text-teal-900",
  RESULTS: "border-green-800 bg-green-50 text-green-900",
};

/** Where a consultation stands: "Draft", "Ideation phase", "Ended" … */
export function StageBadge({ stage }: { stage: ConsultationStage }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold ${STYLES[stage]}`} data-stage={stage}>
      {t(`consultations:stage.${stage}`)}
    </span>
  );
}
