import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { can } from "~/auth/capabilities";
import { requireCapability } from "~/auth/permissions.server";
import { useFormat, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { EXEMPTION_KINDS } from "~/scheduling/rules";
import { certificatesAction, committeeCertificates, logCertificatesRead } from "~/scheduling/certificates.server";
import { trainingYearSearch } from "~/lib/params";
import { yearChoices } from "~/training/year";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";

export const meta = pageMeta("scheduling.certs.committeeTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const year = trainingYearSearch(request);
  const page = await committeeCertificates(year);
  await logCertificatesRead(user, year, page);
  return { year, years: yearChoices(), isAdmin: can(user, "administer"), ...page };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const result = await certificatesAction(user.id, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function CommitteeCertificates() {
  const t = useT();
  const format = useFormat();
  const { year, years, rows, exemptions, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("scheduling.certs.committeeTitle")}</h1>
      {isAdmin ? (
        <p>
          <Link to="/admin/certificate-issuer">{t("trust.issuer.link")}</Link>
        </p>
      ) : null}
      <div aria-live="polite">
        {result && result.ok ? (
          <p className="alert alert-success" role="status">
            {result.intent === "revoke"
              ? t("scheduling.certs.revokedDone", { serial: result.serial })
              : result.intent === "exempt"
                ? t("trust.exempt.recorded", { name: result.name })
                : t("trust.exempt.revoked", { name: result.name })}
          </p>
        ) : result && !result.ok ? (
          <p className="alert alert-error" role="alert">
            {t(result.error)}
          </p>
        ) : null}
      </div>
      <FiscalYearPicker years={years} value={year}></FiscalYearPicker>
      <DataTable caption={t("scheduling.certs.caption", { year: format.fiscalYear(year) })}>
        <thead>
          <tr>
            <th scope="col">{t("scheduling.certs.serial")}</th>
            <th scope="col">{t("trust.certs.code")}</th>
            <th scope="col">{t("scheduling.roster.name")}</th>
            <th scope="col">{t("scheduling.col.track")}</th>
            <th scope="col">{t("scheduling.certs.issuedAt")}</th>
            <th scope="col">{t("scheduling.certs.state")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`/certificates/${c.id}`} download>
                  {c.serial}
                </a>
              </td>
              <td>
                <code>{c.verificationCode}</code>
              </td>
              <th scope="row">
                {c.name}
                <br />
                <span className="muted small">{c.office}</span>
              </th>
              <td>{t(`scheduling.track.${c.track as "practical"}`)}</td>
              <td>{format.date(c.issuedAt)}</td>
              <td>
                {c.revoked ? (
                  `${t("scheduling.certs.revoked")}（${c.revokeReason}）`
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="certificateId" value={c.id} />
                    <div className="field">
                      <label htmlFor={`reason-${c.id}`}>{t("scheduling.certs.revokeReason")}</label>
                      <input id={`reason-${c.id}`} name="reason" required maxLength={500} />
                    </div>
                    <button
                      type="submit"
                      className="button small danger"
                      disabled={busy}
                      aria-label={`${t("scheduling.certs.revoke")}: ${c.serial}`}
                    >
                      {t("scheduling.certs.revoke")}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section className="panel" aria-labelledby="exemptions">
        <h2 id="exemptions">{t("trust.exempt.title")}</h2>
        <p className="hint">{t("trust.exempt.hint")}</p>
        {exemptions.length === 0 ? (
          <p>{t("trust.exempt.none")}</p>
        ) : (
          <DataTable caption={t("trust.exempt.title")} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t("scheduling.roster.name")}</th>
                <th scope="col">{t("trust.exempt.kind")}</th>
                <th scope="col">{t("trust.exempt.reason")}</th>
                <th scope="col">{t("trust.exempt.since")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("trust.exempt.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {exemptions.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    {x.name}
                    <br />
                    <span className="muted small">{x.email}</span>
                  </th>
                  <td>{t(`trust.exempt.kind.${x.kind as "experience"}`)}</td>
                  <td>{x.reason}</td>
                  <td>{format.date(x.createdAt)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="exemptionId" value={x.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="revoke-exemption"
                        className="button small secondary"
                        disabled={busy}
                        aria-label={`${t("trust.exempt.revoke")}: ${x.name}`}
                      >
                        {t("trust.exempt.revoke")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <Form method="post" className="stack-form">
          <input type="hidden" name="intent" value="exempt" />
          <div className="field">
            <label htmlFor="exempt-email">{t("field.email")}</label>
            <input id="exempt-email" name="email" type="email" required autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="exempt-kind">{t("trust.exempt.kind")}</label>
            <select id="exempt-kind" name="kind" defaultValue="experience">
              {EXEMPTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`trust.exempt.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="exempt-reason">{t("trust.exempt.reason")}</label>
            <textarea id="exempt-reason" name="reason" required maxLength={1000} rows={3} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("trust.exempt.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
