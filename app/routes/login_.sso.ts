// Single sign-on, step 1 (POST from the sign-in page's button): to the city's identity provider.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { beginSso } from "~/auth/oidc.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = form.get("redirectTo");
  const started = await beginSso(request, typeof redirectTo === "string" ? redirectTo : "/");
  if (!started) throw redirect("/login");
  return redirect(started.url, { headers: { "Set-Cookie": started.cookie } });
}

/** Nothing to show: the flow starts from the sign-in page's form. */
export function loader() {
  return redirect("/login");
}
