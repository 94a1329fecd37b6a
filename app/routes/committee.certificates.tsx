import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audit } from "~/audit/audit.server";
import { requireRole } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { useFormat, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { CERTIFICATE_TRACKS } from "~/scheduling/rules";
import { issueCertificate, revokeCertificate } from "~/scheduling/scheduling.server";
import { yearChoices, yearParam } from "~/training/year";

export const meta: MetaFunction = () => [{ title: "修了証の管理 / Certificates – つなぐ" }];

const ROLES = ["PLANNING_COMMITTEE", "ADMINISTRATOR"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ROLES);
  const year = yearParam(new URL(request.url));
  const rows = await prisma.certificate.findMany({
    where: { fiscalYear: year },
    include: { user: { select: { displayName: true, office: { select: { name: true } } } } },
    orderBy: [{ track: "asc" }, { serial: "asc" }],
  });
  return {
    year,
    years: yearChoices(),
    earlierYears: Array.from({ length: 8 }, (_, i) => fiscalYearOf(new Date()) - i),
    rows: rows.map((c) => ({
      id: c.id,
      serial: c.serial,
      track: c.track,
      name: c.user.displayName,
      office: c.user.office?.name ?? "",
      issuedAt: c.issuedAt,
      revoked: !!c.revokedAt,
      revokeReason: c.revokeReason,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "revoke") {
    const id = Number(form.get("certificateId"));
    const reason = String(form.get("reason") ?? "")
      .trim()
      .slice(0, 500);
    if (!reason) return data({ intent, ok: false as const, error: "validation.required" as const, id }, { status: 400 });
    const existing = await prisma.certificate.findUnique({ where: { id } });
    if (!existing) return data({ intent, ok: false as const, error: "validation.invalid" as const, id }, { status: 400 });
    const c = await revokeCertificate(id, reason);
    await audit({
      actorId: user.id,
      action: "scheduling.certificate.revoke",
      entityType: "Certificate",
      entityId: id,
      summary: `${c.serial}: ${reason}`,
    });
    return { intent, ok: true as const, serial: c.serial };
  }
  if (intent === "record") {
    const email = String(form.get("email") ?? "")
      .trim()
      .toLowerCase();
    const track = String(form.get("track") ?? "");
    const fy = Number(form.get("fiscalYear"));
    const trainee = await prisma.user.findUnique({ where: { email } });
    if (!trainee || !trainee.roles.includes("TRAINEE"))
      return data({ intent, ok: false as const, error: "scheduling.certs.unknownUser" as const, id: 0 }, { status: 400 });
    if (!(CERTIFICATE_TRACKS as readonly string[]).includes(track) || !Number.isInteger(fy) || fy < 2000 || fy > fiscalYearOf(new Date())) {
      return data({ intent, ok: false as const, error: "validation.invalid" as const, id: 0 }, { status: 400 });
    }
    const c = await issueCertificate(trainee.id, track, fy, user.id);
    await audit({
      actorId: user.id,
      action: "scheduling.certificate.record",
      entityType: "Certificate",
      entityId: c.id,
      summary: `${email} ${track} ${fy}`,
    });
    return { intent, ok: true as const, serial: c.serial };
  }
  return data({ intent: null, ok: false as const, error: "validation.invalid" as const, id: 0 }, { status: 400 });
}

export default function CommitteeCertificates() {
  const t = useT();
  const format = useFormat();
  const { year, years, earlierYears, rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("scheduling.certs.committeeTitle")}</h1>
      <div aria-live="polite">
        {result && result.ok ? (
          <p className="alert alert-success" role="status">
            {result.intent === "revoke"
              ? t("scheduling.certs.revokedDone", { serial: result.serial })
              : t("scheduling.certs.recorded", { serial: result.serial })}
          </p>
        ) : result && !result.ok ? (
          <p className="alert alert-error" role="alert">
            {t(result.error)}
          </p>
        ) : null}
      </div>
      <FiscalYearPicker years={years} value={year}></FiscalYearPicker>
      <div className="table-wrap">
        <table>
          <caption>{t("scheduling.certs.caption", { year: format.fiscalYear(year) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scheduling.certs.serial")}</th>
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
        </table>
      </div>
      <section className="panel" aria-labelledby="record-prior">
        <h2 id="record-prior">{t("scheduling.certs.record")}</h2>
        <p className="hint">{t("scheduling.certs.recordHint")}</p>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="record" />
          <div className="field">
            <label htmlFor="record-email">{t("field.email")}</label>
            <input id="record-email" name="email" type="email" required autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="record-track">{t("scheduling.col.track")}</label>
            <select id="record-track" name="track" defaultValue="basic-group">
              {CERTIFICATE_TRACKS.map((tr) => (
                <option key={tr} value={tr}>
                  {t(`scheduling.track.${tr}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="record-year">{t("training.year")}</label>
            <select id="record-year" name="fiscalYear" defaultValue={earlierYears[1]}>
              {earlierYears.map((y) => (
                <option key={y} value={y}>
                  {format.fiscalYear(y)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("scheduling.certs.recordButton")}
          </button>
        </Form>
      </section>
    </div>
  );
}
