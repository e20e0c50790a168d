import { LegalPage } from "~/components/legal-page";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("legal:privacy.title") };

export default function PrivacyPage() {
  return <LegalPage page="privacy" />;
}
