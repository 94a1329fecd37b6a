// The second step of signing in: a code from the authenticator app, or a recovery code.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { createSession, readCookie, sessionCookie } from "~/auth/session.server";
import { afterSignIn } from "~/auth/sign-in.server";
import { CHALLENGE_COOKIE, clearChallengeCookie, completeSecondFactor, findChallenge } from "~/auth/two-factor.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";

export const meta: MetaFunction = () => [{ title: "確認コード / Verification code — Tsunagu" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const found = await findChallenge(readCookie(request, CHALLENGE_COOKIE));
  if (!found) throw redirect("/login?expired=1");
  return { email: found.user.email };
}

const schema = z.object({
  kind: z.enum(["totp", "recovery"]),
  code: z.string().trim().min(1).max(40),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await completeSecondFactor(readCookie(request, CHALLENGE_COOKIE), parsed.data, context.clientIp ?? "");
  if (!result.ok) {
    if (result.reason === "expired") throw redirect("/login?expired=1", { headers: { "Set-Cookie": clearChallengeCookie() } });
    if (result.reason === "throttled") {
      const time = formatDateTime(result.until, resolveLocale(request));
      return data(failure({}, formData, { key: "login.throttled", params: { time } }), { status: 429 });
    }
    return data(failure({ code: [{ key: "twoFactor.wrongCode" }] }, formData), { status: 401 });
  }
  const session = await createSession(result.userId, {
    userAgent: request.headers.get("user-agent") ?? "",
    ipAddress: context.clientIp ?? "",
  });
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(session.token));
  headers.append("Set-Cookie", clearChallengeCookie());
  return redirect(await afterSignIn({ id: result.userId, roles: result.roles }, result.redirectTo), { headers });
}

export default function TwoFactor() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = isFailure(result) ? result : undefined;
  const recovery = failed?.values?.kind === "recovery";
  return (
    <div className="page narrow">
      <h1>{t("twoFactor.verify.title")}</h1>
      <p>{t("twoFactor.verify.lead", { email })}</p>
      <FormErrorSummary result={failed} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="kind" value="totp" />
        <Field
          label={t("twoFactor.field.code")}
          hint={t("twoFactor.field.codeHint")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          errors={!recovery ? failed?.fieldErrors.code : undefined}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("twoFactor.verify.submit")}
        </button>
      </Form>
      <details className="panel" open={recovery}>
        <summary>{t("twoFactor.recovery.use")}</summary>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="kind" value="recovery" />
          <Field
            label={t("twoFactor.field.recoveryCode")}
            id="recovery-code"
            name="code"
            autoComplete="off"
            required
            errors={recovery ? failed?.fieldErrors.code : undefined}
          />
          <button type="submit" className="button secondary">
            {t("twoFactor.recovery.submit")}
          </button>
        </Form>
      </details>
      <p>
        <Link to="/login">{t("twoFactor.verify.back")}</Link>
      </p>
    </div>
  );
}
