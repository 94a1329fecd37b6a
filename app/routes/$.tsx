import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/permissions.server";

// Any path no route claims: a 404 page in the user's language (rendered by the root ErrorBoundary).
export async function loader(_args: LoaderFunctionArgs) {
  throw notFound();
}

export default function NotFound() {
  return null;
}
