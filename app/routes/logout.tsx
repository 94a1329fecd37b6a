import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import { clearSessionCookie, getSession, invalidateSession } from "~/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) {
    await invalidateSession(session.sessionId);
    await audit({ actorId: session.user.id, action: "auth.signOut", entityType: "User", entityId: session.user.id });
  }
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
}
