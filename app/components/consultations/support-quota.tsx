import { useTranslation } from "react-i18next";
import type { SupportQuota } from "~/modules/consultations/phases.policy";

/** "3 of 5 supports left" in a consultation with a per-person limit. */
export function SupportQuotaText({ quota, consultationTitle, className = "" }: { quota: SupportQuota; consultationTitle?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`m-0 font-medium ${className}`} data-testid="support-quota">
      {t("consultations:quota.left", { count: quota.remaining, limit: quota.limit })}
      {consultationTitle ? <span className="font-normal"> {t("consultations:quota.inConsultation", { title: consultationTitle })}</span> : null}
    </p>
  );
}
