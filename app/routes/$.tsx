import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/http.server";

// Unknown URLs render the 404 page inside the layout (not the bare root boundary).
export async function loader() {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFoundPage() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
