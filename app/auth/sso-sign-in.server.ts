// The end of a single sign-on (decision 014): where the browser goes and which cookies it gets.
import { audit } from "~/audit/audit.server";
import { langCookie } from "~/i18n/i18n.server";
import { isLocale } from "~/i18n";
import { clearFlowCookie, completeSso } from "./oidc.server";
import { createSession, sessionCookie } from "./session.server";
import { afterSignIn } from "./sign-in.server";
import { beginSecondFactor, challengeCookie, hasSecondFactor } from "./two-factor.server";

export async function signInWithSso(request: Request, ip: string): Promise<{ location: string; cookies: string[] }> {
  const result = await completeSso(request, ip);
  const cookies = [clearFlowCookie()];
  if (!result.ok) return { location: `/login?sso=${result.reason}`, cookies };
  const { user, redirectTo, amr } = result;
  cookies.push(langCookie(isLocale(user.locale) ? user.locale : "ja"));
  // The provider's own factors (its `amr`) do not stand in for Tsunagu's second factor: a person who has one
  // gives it next, exactly as after a password (decision 014).
  if (await hasSecondFactor(user.id)) {
    cookies.push(challengeCookie(await beginSecondFactor(user.id, redirectTo)));
    await audit({
      actorId: user.id,
      action: "auth.sso.verified",
      entityType: "User",
      entityId: user.id,
      summary: `${ip} amr ${amr.join(",") || "-"}; second factor next`,
    });
    return { location: "/login/two-factor", cookies };
  }
  const session = await createSession(user.id, { userAgent: request.headers.get("user-agent") ?? "", ipAddress: ip });
  await audit({
    actorId: user.id,
    action: "auth.signIn",
    entityType: "User",
    entityId: user.id,
    summary: `${ip} sso amr ${amr.join(",") || "-"}`,
  });
  cookies.push(sessionCookie(session.token));
  return { location: await afterSignIn(user, redirectTo), cookies };
}
