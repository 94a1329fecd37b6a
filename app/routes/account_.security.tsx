// Two-factor sign-in for one's own account: set up an authenticator app, recovery codes (issue 19).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/permissions.server";
import {
  confirmTotpSetup,
  disableTotp,
  loadSecurityPage,
  regenerateRecoveryCodes,
  startTotpSetup,
} from "~/auth/two-factor.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { useFormat, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";

export const meta: MetaFunction = () => [{ title: "2段階認証 / Two-factor sign-in — Tsunagu" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadSecurityPage(await requireUser(request));
}

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
      {params.get("required") === "1" && page.required && !page.totpEnabled && !page.exemption ? (
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
            {!page.required || page.exemption ? (
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
              <Field
                label={t("twoFactor.field.code")}
                hint={t("twoFactor.field.codeHint")}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                errors={intent === "confirm" ? failed?.fieldErrors.code : undefined}
              />
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
    </div>
  );
}
