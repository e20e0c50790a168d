import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-8 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-3 px-4 py-6 text-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="text-slate-700">{t("common:footer.tagline")}</p>
        <nav aria-label={t("common:footer.label")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link to="/privacy">{t("common:footer.privacy")}</Link>
            </li>
            <li>
              <Link to="/accessibility">{t("common:footer.accessibility")}</Link>
            </li>
            <li>
              <Link to="/terms">{t("common:footer.terms")}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
