import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { getOptionalUser } from "~/auth/permissions.server";
import { readCookie, sessionCookie } from "~/auth/session.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { LANG_COOKIE, langCookie, resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { safeRedirect } from "~/lib/redirect";
import { signInWithPassword } from "~/auth/sign-in.server";
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
  const requestLocale = resolveLocale(request);
  const result = await signInWithPassword({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context.clientIp ?? "",
    userAgent: request.headers.get("user-agent") ?? "",
    browserLocale: readCookie(request, LANG_COOKIE),
    destination: safeRedirect(parsed.data.redirectTo),
  });
  if (result.kind === "throttled") {
    return data(failure({}, formData, { key: "login.throttled", params: { time: formatDateTime(result.until, requestLocale) } }), {
      status: 429,
    });
  }
  if (result.kind === "invalid") return data(failure({}, formData, { key: "login.invalid" }), { status: 401 });
  const headers = new Headers();
  if (result.kind === "second-factor") {
    headers.append("Set-Cookie", result.challengeCookie);
    headers.append("Set-Cookie", langCookie(result.locale));
    return redirect("/login/two-factor", { headers });
  }
  headers.append("Set-Cookie", sessionCookie(result.sessionToken));
  headers.append("Set-Cookie", langCookie(result.locale));
  return redirect(result.destination, { headers });
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
