import { LegalPage } from "~/components/legal-page";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = { title: (t) => t("legal:accessibility.title") };

export default function AccessibilityPage() {
  return <LegalPage page="accessibility" />;
}
