import { LegalPage } from "~/components/legal-page";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("legal:terms.title") };

export default function TermsPage() {
  return <LegalPage page="terms" />;
}
