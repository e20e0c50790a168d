import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** One error page for every route: 403, 404 and the rest, translated. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : status === 405 ? "badRequest" : "server";
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return (
    <section aria-labelledby="error-title" className="py-8">
      <p className="text-sm font-semibold text-slate-700">{t("errors:status", { status })}</p>
      <h1 id="error-title">{t(`errors:${kind}.title`)}</h1>
      <p className="mb-6">{t(`errors:${kind}.body`)}</p>
      <Link to="/" className="btn-primary">
        {t("errors:backHome")}
      </Link>
    </section>
  );
}
