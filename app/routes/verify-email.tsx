import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/forms";
import { verifyEmail } from "~/modules/accounts/accounts.server";
import { getUser } from "~/modules/accounts/session.server";
import { inspectToken } from "~/modules/accounts/tokens.server";
import { readFormData, redirectWithFlash } from "~/utils/http.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("auth:verify.title") };

// Opening the link only shows a button: mail scanners that prefetch links must not use
// up the single-use token. The POST verifies.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const state = await inspectToken(token, "VERIFY_EMAIL");
  return data({ token: state.status === "valid" ? token : "", status: state.status }, { status: state.status === "valid" ? 200 : 410 });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const token = String(formData.get("token") ?? "");
  const state = await verifyEmail(token);
  if (state.status !== "valid") return data({ status: state.status }, { status: 410 });
  const user = await getUser(request);
  return redirectWithFlash(request, user ? "/account" : "/login", { kind: "success", key: "auth:verify.success" });
}

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData?.status ?? loaderData.status;
  return (
    <div className="mx-auto max-w-xl">
      <h1>{t("auth:verify.title")}</h1>
      {status === "valid" ? (
        <Form method="post">
          <input type="hidden" name="token" value={loaderData.token} />
          <p className="mb-4">{t("auth:verify.confirmBody")}</p>
          <SubmitButton>{t("auth:verify.submit")}</SubmitButton>
        </Form>
      ) : (
        <div role="alert">
          <p className="mb-4">{t(`auth:token.${status}`)}</p>
          <p>
            <Link to="/account">{t("auth:verify.requestNew")}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
