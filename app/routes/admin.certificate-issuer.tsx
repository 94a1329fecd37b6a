import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { useFormat, useT } from "~/i18n/react";
import { issuerSettings, saveIssuer } from "~/scheduling/certificates.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("trust.issuer.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  return issuerSettings();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "administer");
  const result = await saveIssuer(user.id, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function CertificateIssuer() {
  const t = useT();
  const format = useFormat();
  const issuer = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const error = (field: string) =>
    result && !result.ok && result.field === field ? (
      <ul id={`${field}-error`} className="error-list">
        <li>{t(result.error)}</li>
      </ul>
    ) : null;
  const described = (field: string, hint?: string) =>
    [hint, result && !result.ok && result.field === field ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="page">
      <p>
        <Link to="/committee/certificates">{t("scheduling.certs.committeeTitle")}</Link>
      </p>
      <h1>{t("trust.issuer.title")}</h1>
      <p>{t("trust.issuer.intro")}</p>
      <div aria-live="polite">
        {result?.ok ? (
          <p className="alert alert-success" role="status">
            {t("trust.issuer.saved")}
          </p>
        ) : null}
      </div>
      {!issuer.nameJa ? (
        <p className="alert alert-error" role="alert">
          {t("trust.issuer.unset")}
        </p>
      ) : issuer.updatedAt ? (
        <p className="muted">{t("trust.issuer.updated", { date: format.date(issuer.updatedAt) })}</p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack-form">
        <div className="field">
          <label htmlFor="nameJa">{t("trust.issuer.nameJa")}</label>
          <p id="nameJa-hint" className="hint">
            {t("trust.issuer.nameHint")}
          </p>
          <input
            id="nameJa"
            name="nameJa"
            required
            maxLength={200}
            defaultValue={issuer.nameJa}
            aria-describedby={described("nameJa", "nameJa-hint")}
          />
          {error("nameJa")}
        </div>
        <div className="field">
          <label htmlFor="nameEn">{t("trust.issuer.nameEn")}</label>
          <input id="nameEn" name="nameEn" lang="en" maxLength={200} defaultValue={issuer.nameEn} aria-describedby={described("nameEn")} />
          {error("nameEn")}
        </div>
        <div className="field">
          <label htmlFor="seal">{t("trust.issuer.seal")}</label>
          <p id="seal-hint" className="hint">
            {t("trust.issuer.sealHint")}
          </p>
          <input id="seal" name="seal" type="file" accept="image/png" aria-describedby={described("seal", "seal-hint")} />
          {error("seal")}
        </div>
        {issuer.seal ? (
          <div className="field">
            <img src={issuer.seal} alt={t("trust.issuer.sealCurrent")} width={80} height={80} style={{ objectFit: "contain" }} />
            <label className="check">
              <input type="checkbox" name="removeSeal" />
              {t("trust.issuer.removeSeal")}
            </label>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t("trust.issuer.save")}
        </button>
      </Form>
    </div>
  );
}
