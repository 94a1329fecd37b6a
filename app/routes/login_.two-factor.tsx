// The second step of signing in: a code from the authenticator app, or a recovery code.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { startAuthentication } from "@simplewebauthn/browser";
import { z } from "zod";
import { passkeySignInOptions } from "~/auth/passkeys.server";
import { PasskeyCancelled, usePasskeyCeremony } from "~/auth/use-passkey";
import { createSession, readCookie, sessionCookie } from "~/auth/session.server";
import { afterSignIn } from "~/auth/sign-in.server";
import { CHALLENGE_COOKIE, clearChallengeCookie, completeSecondFactor, findChallenge, secondFactorsOf } from "~/auth/two-factor.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { TotpCodeField } from "~/auth/totp-code-field";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("twoFactor.verify.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const found = await findChallenge(readCookie(request, CHALLENGE_COOKIE));
  if (!found) throw redirect("/login?expired=1");
  return { email: found.user.email, factors: await secondFactorsOf(found.user.id) };
}

const schema = z.object({
  kind: z.enum(["totp", "recovery"]),
  code: z.string().trim().min(1).max(40),
});

const passkeySchema = z.object({ response: z.string().min(2).max(20000) });

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const token = readCookie(request, CHALLENGE_COOKIE);
  const intent = formData.get("intent");
  if (intent === "passkey-options") {
    const found = await findChallenge(token);
    if (!found) throw redirect("/login?expired=1", { headers: { "Set-Cookie": clearChallengeCookie() } });
    return { ok: true as const, authenticationOptions: await passkeySignInOptions(found.challenge.id, found.user.id, request) };
  }
  let input: Parameters<typeof completeSecondFactor>[1];
  if (intent === "passkey") {
    const parsed = parseForm(passkeySchema, formData);
    if (!parsed.ok) return data(parsed, { status: 400 });
    try {
      input = { kind: "passkey", response: JSON.parse(parsed.data.response), request };
    } catch {
      return data(failure({}, formData, { key: "twoFactor.passkey.failed" }), { status: 400 });
    }
  } else {
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return data(parsed, { status: 400 });
    input = parsed.data;
  }
  const result = await completeSecondFactor(token, input, context.clientIp ?? "");
  if (!result.ok) {
    if (result.reason === "expired") throw redirect("/login?expired=1", { headers: { "Set-Cookie": clearChallengeCookie() } });
    if (result.reason === "throttled") {
      const time = formatDateTime(result.until, resolveLocale(request));
      return data(failure({}, formData, { key: "login.throttled", params: { time } }), { status: 429 });
    }
    if (intent === "passkey") return data(failure({}, formData, { key: "twoFactor.passkey.failed" }), { status: 401 });
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

function PasskeyButton() {
  const t = useT();
  const verify = useFetcher<typeof action>();
  const passkey = usePasskeyCeremony("authenticationOptions", (offered) =>
    // The options arrive as JSON (strings only); the loader-data typing cannot say so.
    startAuthentication({ optionsJSON: offered as Parameters<typeof startAuthentication>[0]["optionsJSON"] }).then((response) =>
      verify.submit({ intent: "passkey", response: JSON.stringify(response) }, { method: "post" }),
    ),
  );
  const failed = isFailure(verify.data) ? verify.data : undefined;
  return (
    <div className="stack">
      {failed ? <FormErrorSummary result={failed} /> : null}
      <PasskeyCancelled shown={passkey.cancelled} />
      <button type="button" className="button" disabled={passkey.busy || verify.state !== "idle"} onClick={passkey.start}>
        {t("twoFactor.passkey.use")}
      </button>
    </div>
  );
}

export default function TwoFactor() {
  const t = useT();
  const { email, factors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = isFailure(result) ? result : undefined;
  const recovery = failed?.values?.kind === "recovery";
  return (
    <div className="page narrow">
      <h1>{t("twoFactor.verify.title")}</h1>
      <p>{factors.totp ? t("twoFactor.verify.lead", { email }) : t("twoFactor.verify.leadPasskey", { email })}</p>
      <FormErrorSummary result={failed} />
      {factors.passkey ? <PasskeyButton /> : null}
      {factors.totp ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="kind" value="totp" />
          <TotpCodeField errors={!recovery ? failed?.fieldErrors.code : undefined} />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("twoFactor.verify.submit")}
          </button>
        </Form>
      ) : null}
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
