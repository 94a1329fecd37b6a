import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { getOptionalUser } from "~/auth/permissions.server";
import { verifyAgainstDummy, verifyPassword } from "~/auth/password.server";
import { createSession, readCookie, sessionCookie } from "~/auth/session.server";
import { clearFailures, lockedUntil, recordFailure } from "~/auth/throttle.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { prisma } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { LANG_COOKIE, langCookie, resolveLocale } from "~/i18n/i18n.server";
import { isLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { safeRedirect } from "~/lib/redirect";
import { afterSignIn } from "~/auth/sign-in.server";
import { beginSecondFactor, challengeCookie, hasSecondFactor } from "~/auth/two-factor.server";
import { ssoButton } from "~/auth/oidc.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  // Single sign-on for city staff, when configured (decision 014): the button's words, else null (no button).
  return { sso: ssoButton() };
}

const schema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254).email(),
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { email, password } = parsed.data;
  const ip = context.clientIp ?? "";
  const requestLocale = resolveLocale(request);

  // Sign-in success, failure and lockout are in the audit log (who, or which address was tried, and from where).
  const record = (action: string, actorId: number | null, summary = "") =>
    audit({ actorId, action, entityType: "User", entityId: actorId ?? email.slice(0, 254), summary: `${ip}${summary}`.slice(0, 500) });
  const locked = await lockedUntil(email, ip);
  if (locked) {
    await record("auth.signIn.held", null, ` until ${locked.toISOString()}`);
    return data(failure({}, formData, { key: "login.throttled", params: { time: formatDateTime(locked, requestLocale) } }), {
      status: 429,
    });
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const valid = user?.passwordHash && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    const lock = await recordFailure(email, ip);
    await record(lock ? "auth.signIn.lockout" : "auth.signIn.failure", null, lock ? ` until ${lock.toISOString()}` : "");
    if (lock) {
      return data(failure({}, formData, { key: "login.throttled", params: { time: formatDateTime(lock, requestLocale) } }), {
        status: 429,
      });
    }
    return data(failure({}, formData, { key: "login.invalid" }), { status: 401 });
  }
  // A language chosen in this browser just before signing in is the user's latest choice: keep it on the account.
  const browserLocale = readCookie(request, LANG_COOKIE);
  const locale = isLocale(browserLocale) ? browserLocale : isLocale(user.locale) ? user.locale : "ja";
  if (locale !== user.locale) await prisma.user.update({ where: { id: user.id }, data: { locale } });
  const headers = new Headers();
  const destination = safeRedirect(parsed.data.redirectTo);
  // With a second factor, the password alone signs nobody in: the code comes next, and only a right code
  // ends the throttle's count (so a known password cannot reset the count of wrong codes).
  if (await hasSecondFactor(user.id)) {
    headers.append("Set-Cookie", challengeCookie(await beginSecondFactor(user.id, destination)));
    headers.append("Set-Cookie", langCookie(locale));
    return redirect("/login/two-factor", { headers });
  }
  await clearFailures(email, ip);
  const session = await createSession(user.id, { userAgent: request.headers.get("user-agent") ?? "", ipAddress: ip });
  await record("auth.signIn", user.id, locale !== user.locale ? `; language ${user.locale} → ${locale}` : "");
  headers.append("Set-Cookie", sessionCookie(session.token));
  headers.append("Set-Cookie", langCookie(locale));
  return redirect(await afterSignIn(user, destination), { headers });
}

const SSO_PROBLEMS = ["off", "expired", "failed", "unverified", "unknown", "norole"] as const;

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const failed = isFailure(result) ? result : undefined;
  const { sso } = useLoaderData<typeof loader>();
  const ssoProblem = params.get("sso");
  const wrongCredentials = failed?.formError?.key === "login.invalid";
  const errorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) errorBox.current?.focus();
  }, [failed]);
  return (
    <div className="page narrow">
      <h1>{t("login.title")}</h1>
      <p>{t("login.lead")}</p>
      {params.get("expired") === "1" ? (
        <p className="alert alert-error" role="alert">
          {t("twoFactor.expired")}
        </p>
      ) : null}
      {/* After a refused sign-in the message takes focus, and the fields it is about say they were refused (issue 14). */}
      <div ref={errorBox} tabIndex={-1} id="login-error" className="focus-target">
        <FormErrorSummary result={failed} />
      </div>
      {ssoProblem && SSO_PROBLEMS.includes(ssoProblem as (typeof SSO_PROBLEMS)[number]) ? (
        <p className="alert alert-error" role="alert">
          {t(`sso.problem.${ssoProblem as (typeof SSO_PROBLEMS)[number]}`)}
        </p>
      ) : null}
      {sso ? (
        <section aria-labelledby="sso-heading" className="stack sso-panel">
          <h2 id="sso-heading">{t("sso.heading")}</h2>
          <Form method="post" action="/login/sso">
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
            <button type="submit" className="button">
              {sso.label ?? t("sso.button")}
            </button>
          </Form>
          <h2>{t("sso.orPassword")}</h2>
        </section>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field
          label={t("field.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={failed?.values?.email}
          errors={failed?.fieldErrors.email}
          {...(wrongCredentials ? { "aria-invalid": true, "aria-describedby": "login-error" } : {})}
        />
        <Field
          label={t("field.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={failed?.fieldErrors.password}
          {...(wrongCredentials ? { "aria-invalid": true, "aria-describedby": "login-error" } : {})}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="muted">{t("login.help")}</p>
      <p>
        <Link to="/privacy">{t("privacy.link")}</Link> · <Link to="/accessibility">{t("accessibility.link")}</Link>
      </p>
    </div>
  );
}
