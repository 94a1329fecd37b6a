// The roster's cells (committee.sessions.$id): a trainee's state, certificate, late/early minutes and make-ups.
import { Form, type useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useFormat, useT } from "~/i18n/react";
import type { loader } from "./route";

export type Row = ReturnType<typeof useLoaderData<typeof loader>>["enrolled"][number];
/**
 * The trainee's state on the latest day open for check-in, shown after the name on a phone only (on a desktop the
 * day's column says it): present, a no-show, or nothing yet.
 */
export function RosterStatus({ e, open }: { e: Row; open: boolean[] }) {
  const t = useT();
  const latest = open.lastIndexOf(true);
  if (e.noShow) return <span className="badge badge-cancelled roster-status">{t("scheduling.roster.noShow")}</span>;
  if (latest >= 0 && e.attended[latest])
    return <span className="badge badge-enrolled roster-status">{t("scheduling.roster.present")}</span>;
  return null;
}

/** The certificate column: the issued certificate (serial and verification code), or what can be done now and why not. */
export function CertificateCell({ e, busy }: { e: Row; busy: boolean }) {
  const t = useT();
  if (e.certificate)
    return (
      <>
        <a href={`/certificates/${e.certificate.id}`} download>
          {e.certificate.revoked ? t("scheduling.certs.revoked") : t("scheduling.roster.issued", { serial: e.certificate.serial })}
        </a>
        <br />
        <span className="small">
          {t("trust.certs.code")}: <code>{e.certificate.verificationCode}</code>
        </span>
      </>
    );
  if (e.completion === null)
    return (
      <Form method="post">
        <input type="hidden" name="enrollmentId" value={e.id} />
        {e.exceptionReason ? <p className="small">{t("trust.roster.exceptionRecorded", { reason: e.exceptionReason })}</p> : null}
        <button
          type="submit"
          name="intent"
          value="issue"
          className="button small secondary"
          disabled={busy}
          aria-label={`${t("scheduling.roster.issue")}: ${e.name}`}
        >
          {t("scheduling.roster.issue")}
        </button>
      </Form>
    );
  if (e.completion === "days-missing" || e.completion === "minutes-missing")
    return (
      <>
        <p className="small">{t(`trust.refusal.${e.completion}`)}</p>
        <details>
          <summary>{t("trust.roster.exception")}</summary>
          <Form method="post">
            <input type="hidden" name="enrollmentId" value={e.id} />
            <label htmlFor={`exception-${e.id}`}>{t("trust.roster.exceptionReason")}</label>
            <textarea id={`exception-${e.id}`} name="exceptionReason" required maxLength={1000} rows={2} />
            <button type="submit" name="intent" value="issue" className="button small secondary" disabled={busy}>
              {t("trust.roster.exceptionIssue")}
            </button>
          </Form>
        </details>
      </>
    );
  return <span className="muted small">{t(`trust.refusal.${e.completion}`)}</span>;
}

/** Minutes late and left early on a day the trainee was checked in (0 to the day's length). */
export function MinutesForm({ e, dayId, index, max, busy }: { e: Row; dayId: number; index: number; max: number; busy: boolean }) {
  const t = useT();
  const id = `m-${e.id}-${dayId}`;
  return (
    <Form method="post" className="minutes-form" noValidate>
      <input type="hidden" name="enrollmentId" value={e.id} />
      <input type="hidden" name="dayId" value={dayId} />
      {(
        [
          ["late", "lateMinutes", e.late[index]],
          ["early", "earlyMinutes", e.early[index]],
        ] as const
      ).map(([kind, name, value]) => (
        <Fragment key={kind}>
          <label htmlFor={`${id}-${kind}`} className="small">
            {t(`attendance.${kind}`)}
          </label>
          <input
            id={`${id}-${kind}`}
            name={name}
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            step={1}
            defaultValue={value}
            className="narrow-number"
          />
        </Fragment>
      ))}
      <button
        type="submit"
        name="intent"
        value="minutes"
        className="button small secondary"
        disabled={busy}
        aria-label={`${t("attendance.saveMinutes")}: ${e.name} ${index + 1}`}
      >
        {t("attendance.saveMinutes")}
      </button>
    </Form>
  );
}

/** The completion rule's figures for the trainee, their make-ups, and assigning one. */
export function AttendanceCell({ e, busy }: { e: Row; busy: boolean }) {
  const t = useT();
  const format = useFormat();
  const f = e.figures;
  return (
    <>
      <p className="small">{t("attendance.figures", { missed: f.missed, allowed: f.allowed })}</p>
      {f.madeUp > 0 ? <p className="small">{t("attendance.madeUp", { n: f.madeUp })}</p> : null}
      <p className="small">
        <strong>{t(`attendance.outcome.${f.outcome}`)}</strong>
        {f.outstanding > 0 ? ` · ${t("attendance.outstanding", { n: f.outstanding })}` : ""}
      </p>
      {e.makeUps.length ? (
        <ul className="plain-list small">
          {e.makeUps.map((m) => (
            <li key={m.id}>
              {t("attendance.makeUp.item", { what: m.what, minutes: m.minutes, date: format.date(m.dueOn) })}
              {m.carried ? ` · ${t("attendance.makeUp.carried")}` : ""} ·{" "}
              <span className={m.done ? "badge badge-enrolled" : "badge"}>
                {m.done ? t("attendance.makeUp.done") : t("attendance.makeUp.notDone")}
              </span>
              <Form method="post" className="inline">
                <input type="hidden" name="enrollmentId" value={e.id} />
                <input type="hidden" name="makeUpId" value={m.id} />
                <button
                  type="submit"
                  name="intent"
                  value={m.done ? "make-up-undone" : "make-up-done"}
                  className="button small secondary"
                  disabled={busy}
                  aria-label={`${m.done ? t("attendance.makeUp.markUndone") : t("attendance.makeUp.markDone")}: ${e.name} ${m.what}`}
                >
                  {m.done ? t("attendance.makeUp.markUndone") : t("attendance.makeUp.markDone")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      {f.missed > 0 ? (
        <details>
          <summary>{t("attendance.makeUp.assign")}</summary>
          <Form method="post" className="stack-form">
            <input type="hidden" name="enrollmentId" value={e.id} />
            <label htmlFor={`mu-what-${e.id}`}>{t("attendance.makeUp.what")}</label>
            <input id={`mu-what-${e.id}`} name="what" required maxLength={500} />
            <label htmlFor={`mu-min-${e.id}`}>{t("attendance.makeUp.minutes")}</label>
            <input
              id={`mu-min-${e.id}`}
              name="minutes"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              required
              defaultValue={f.outstanding || undefined}
            />
            <label htmlFor={`mu-due-${e.id}`}>{t("attendance.makeUp.dueOn")}</label>
            <input id={`mu-due-${e.id}`} name="dueOn" type="date" required aria-describedby={`mu-due-help-${e.id}`} />
            <span id={`mu-due-help-${e.id}`} className="muted small">
              {t("attendance.makeUp.dueHelp")}
            </span>
            <button type="submit" name="intent" value="make-up" className="button small secondary" disabled={busy}>
              {t("attendance.makeUp.save")}
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
