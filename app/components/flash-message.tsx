import { useTranslation } from "react-i18next";

const styles = {
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand bg-brand-light text-slate-900",
  error: "border-red-700 bg-red-50 text-red-900",
} as const;

export function FlashMessage({ flash }: { flash: { kind: keyof typeof styles; key: string } }) {
  const { t } = useTranslation();
  return (
    <div role="status" className={`mb-6 rounded-md border-l-4 p-4 ${styles[flash.kind] ?? styles.info}`}>
      {t(flash.key)}
    </div>
  );
}
