// Two-factor sign-in for one's own account: set up an authenticator app, recovery codes (issue 19).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { startRegistration } from "@simplewebauthn/browser";
import { useState } from "react";
import { z } from "zod";
import { mustUseTwoFactor } from "~/auth/capabilities";
import { listPasskeys, passkeyRegistrationOptions, registerPasskey, removePasskey } from "~/auth/passkeys.server";
import { requireUser } from "~/auth/permissions.server";
import { PasskeyCancelled, usePasskeyCeremony } from "~/auth/use-passkey";
import {
  confirmTotpSetup,
  demoExemption,
  disableTotp,
  loadSecurityPage,
  regenerateRecoveryCodes,
  startTotpSetup,
} from "~/auth/two-factor.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { TotpCodeField } from "~/auth/totp-code-field";
import { useFormat, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("twoFactor.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [page, passkeys] = await Promise.all([loadSecurityPage(user), listPasskeys(user.id)]);
  return { ...page, passkeys };
}

const registerSchema = z.object({
  name: z.string().trim().max(60).default(""),
  response: z.string().min(2).max(20000),
});

const codeSchema = z.object({ code: z.string().trim().min(1).max(20) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "start") {
    await startTotpSetup(user);
    return { ok: true as const, intent };
  }
  if (intent === "confirm" || intent === "disable") {
    const parsed = parseForm(codeSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    if (intent === "confirm") {
      const codes = await confirmTotpSetup(user, parsed.data.code);
      if (!codes) return data({ ...failure({ code: [{ key: "twoFactor.wrongCode" }] }, formData), intent }, { status: 400 });
      return { ok: true as const, intent, recoveryCodes: codes };
    }
    const outcome = await disableTotp(user, parsed.data.code);
    if (outcome === "required") return data({ ...failure({}, formData, { key: "twoFactor.cannotDisable" }), intent }, { status: 403 });
    if (outcome === "wrong") return data({ ...failure({ code: [{ key: "twoFactor.wrongCode" }] }, formData), intent }, { status: 400 });
    return { ok: true as const, intent, message: "twoFactor.disabled" as const };
  }
  if (intent === "passkey-options") {
    return { ok: true as const, intent, registrationOptions: await passkeyRegistrationOptions(user, request) };
  }
  if (intent === "passkey-register") {
    const parsed = parseForm(registerSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    let response;
    try {
      response = JSON.parse(parsed.data.response);
    } catch {
      return data({ ...failure({}, formData, { key: "twoFactor.passkey.failed" }), intent }, { status: 400 });
    }
    const outcome = await registerPasskey(user, request, response, parsed.data.name);
    if (outcome !== "ok") return data({ ...failure({}, formData, { key: "twoFactor.passkey.failed" }), intent }, { status: 400 });
    // The first factor of an account also brings its recovery codes.
    const page = await loadSecurityPage(user);
    const codes = page.recoveryRemaining === 0 ? await regenerateRecoveryCodes(user) : null;
    return { ok: true as const, intent, message: "twoFactor.passkey.added" as const, ...(codes ? { recoveryCodes: codes } : {}) };
  }
  if (intent === "passkey-remove") {
    const parsed = parseForm(z.object({ passkeyId: z.coerce.number().int().positive() }), formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const mayLeaveNone = !mustUseTwoFactor(user) || !!(await demoExemption(user.id));
    const outcome = await removePasskey(user, parsed.data.passkeyId, mayLeaveNone);
    if (outcome === "required") return data({ ...failure({}, formData, { key: "twoFactor.cannotDisable" }), intent }, { status: 403 });
    if (outcome === "missing") return data({ ...failure({}, formData, { key: "validation.invalid" }), intent }, { status: 404 });
    return { ok: true as const, intent, message: "twoFactor.passkey.removed" as const };
  }
  if (intent === "regenerate") {
    const codes = await regenerateRecoveryCodes(user);
    if (!codes) return data({ ...failure({}, formData, { key: "validation.invalid" }), intent }, { status: 400 });
    return { ok: true as const, intent, recoveryCodes: codes };
  }
  return data({ ...failure({}, formData, { key: "validation.invalid" }), intent }, { status: 400 });
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <section aria-labelledby="recovery-codes-heading" className="alert alert-success" role="status">
      <h2 id="recovery-codes-heading">{t("twoFactor.recovery.heading")}</h2>
      <p>{t("twoFactor.recovery.lead")}</p>
      <ul className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

type ActionData = Awaited<ReturnType<typeof action>>;

function PasskeySection({ passkeys }: { passkeys: { id: number; name: string; createdAt: string; lastUsedAt: string | null }[] }) {
  const t = useT();
  const format = useFormat();
  const register = useFetcher<ActionData>();
  const [name, setName] = useState("");
  const passkey = usePasskeyCeremony("registrationOptions", (offered) =>
    // The options arrive as JSON (strings only); the action-data typing cannot say so.
    startRegistration({ optionsJSON: offered as Parameters<typeof startRegistration>[0]["optionsJSON"] }).then((response) =>
      register.submit({ intent: "passkey-register", name, response: JSON.stringify(response) }, { method: "post" }),
    ),
  );
  const result = register.data;
  const failed = isFailure(result) ? result : undefined;
  const codes = result && "recoveryCodes" in result ? result.recoveryCodes : null;
  return (
    <section aria-labelledby="passkey-heading" className="panel">
      <h2 id="passkey-heading">{t("twoFactor.passkey.heading")}</h2>
      <p>{t("twoFactor.passkey.lead")}</p>
      {result && "message" in result && result.message ? (
        <p className="alert alert-success" role="status">
          {t(result.message)}
        </p>
      ) : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {failed ? <FormErrorSummary result={failed} /> : null}
      <PasskeyCancelled shown={passkey.cancelled} />
      {passkeys.length > 0 ? (
        <ul className="passkey-list">
          {passkeys.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>{" "}
              <span className="muted">
                {t("twoFactor.passkey.added.at", { time: format.dateTime(p.createdAt) })}
                {p.lastUsedAt ? ` · ${t("twoFactor.passkey.lastUsed", { time: format.dateTime(p.lastUsedAt) })}` : ""}
              </span>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="passkey-remove" />
                <input type="hidden" name="passkeyId" value={p.id} />
                <button type="submit" className="button small secondary">
                  {t("twoFactor.passkey.remove", { name: p.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("twoFactor.passkey.none")}</p>
      )}
      <div className="stack">
        <Field
          label={t("twoFactor.field.passkeyName")}
          hint={t("twoFactor.field.passkeyNameHint")}
          name="passkeyName"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={60}
        />
        <button type="button" className="button" disabled={passkey.busy || register.state !== "idle"} onClick={passkey.start}>
          {t("twoFactor.passkey.add")}
        </button>
      </div>
    </section>
  );
}

export default function Security() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed = isFailure(result) ? result : undefined;
  const codes = result && "recoveryCodes" in result ? result.recoveryCodes : null;
  const message = result && "message" in result ? result.message : null;
  const intent = result && "intent" in result ? result.intent : null;
  return (
    <div className="page">
      <p>
        <Link to="/account">{t("twoFactor.backToAccount")}</Link>
      </p>
      <h1>{t("twoFactor.title")}</h1>
      {params.get("required") === "1" && page.required && !page.totpEnabled && page.passkeys.length === 0 && !page.exemption ? (
        <p className="alert alert-error" role="alert">
          {t("twoFactor.requiredNotice")}
        </p>
      ) : null}
      <p>{page.required ? t("twoFactor.leadRequired") : t("twoFactor.leadOptional")}</p>
      {page.exemption ? <p className="alert">{t("twoFactor.demoExempt")}</p> : null}
      {message ? (
        <p className="alert alert-success" role="status">
          {t(message)}
        </p>
      ) : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}

      <section aria-labelledby="totp-heading" className="panel">
        <h2 id="totp-heading">{t("twoFactor.totp.heading")}</h2>
        {page.totpEnabled ? (
          <>
            <p>{t("twoFactor.totp.on", { time: format.dateTime(page.totpSince!) })}</p>
            <p>{t("twoFactor.recovery.remaining", { count: page.recoveryRemaining })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="regenerate" />
              <button type="submit" className="button secondary">
                {t("twoFactor.recovery.regenerate")}
              </button>
            </Form>
            {!page.required || page.exemption || page.passkeys.length > 0 ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="disable" />
                {failed && intent === "disable" ? <FormErrorSummary result={failed} /> : null}
                <Field
                  label={t("twoFactor.field.codeToDisable")}
                  id="disable-code"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  errors={intent === "disable" ? failed?.fieldErrors.code : undefined}
                />
                <button type="submit" className="button secondary">
                  {t("twoFactor.totp.disable")}
                </button>
              </Form>
            ) : null}
          </>
        ) : page.pendingSetup ? (
          <>
            <ol className="stack">
              <li>{t("twoFactor.totp.step1")}</li>
              <li>
                {t("twoFactor.totp.step2")}
                <div
                  className="totp-qr"
                  role="img"
                  aria-label={t("twoFactor.totp.qrLabel")}
                  // The SVG is made on the server by the qrcode library from our own otpauth URI.
                  dangerouslySetInnerHTML={{ __html: page.pendingSetup.qrSvg }}
                />
                <p>
                  {t("twoFactor.totp.secretText")} <code className="totp-secret">{page.pendingSetup.secret}</code>
                </p>
              </li>
              <li>{t("twoFactor.totp.step3")}</li>
            </ol>
            {failed && intent === "confirm" ? <FormErrorSummary result={failed} /> : null}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="confirm" />
              <TotpCodeField errors={intent === "confirm" ? failed?.fieldErrors.code : undefined} />
              <button type="submit" className="button">
                {t("twoFactor.totp.confirm")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{t("twoFactor.totp.off")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <button type="submit" className="button">
                {t("twoFactor.totp.start")}
              </button>
            </Form>
          </>
        )}
      </section>

      <PasskeySection passkeys={page.passkeys} />
    </div>
  );
}
