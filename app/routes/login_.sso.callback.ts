// Single sign-on, step 2: the identity provider sends the browser back here with a code (a GET, as the protocol
// has it; state, PKCE and nonce make it unforgeable, decision 014). A known, verified e-mail signs in the ordinary
// way: a second factor if the person has one, else a session and the usual after-sign-in rules.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signInWithSso } from "~/auth/sso-sign-in.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { location, cookies } = await signInWithSso(request, context.clientIp ?? "");
  const headers = new Headers();
  for (const c of cookies) headers.append("Set-Cookie", c);
  return redirect(location, { headers });
}
