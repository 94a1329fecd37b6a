import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Fragment } from "react";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { logRosterRead, loadRoster, rosterAction } from "~/scheduling/roster.server";
import { sessionTitle } from "~/scheduling/scheduling.server";
import { DayList } from "~/scheduling/ui";
import { allowedMissed, dayLength } from "~/scheduling/attendance";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";
import { JaParts, JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => t("scheduling.roster.title", { title: d.session.title }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const r = await loadRoster(params.id);
  await logRosterRead(user, r, "roster");
  return {
    session: {
      id: r.session.id,
      title: sessionTitle(r.session, locale),
      track: r.session.track,
      cancelled: r.session.status === "cancelled",
      days: r.session.days,
      capacity: r.session.capacity,
    },
    dayOpen: r.dayOpen,
    dayMinutes: r.session.days.map((d) => dayLength(d)),
    allowedMissedMinutes: r.allowedMissedMinutes,
    enrolled: r.enrolled,
    waitlisted: r.waitlisted,
    cancelled: r.cancelled,
    created: new URL(request.url).searchParams.get("created") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const result = await rosterAction(user.id, params.id, await request.formData());
  return result.ok ? result : data(result, { status: result.reason === "invalid" || result.reason === "not-found" ? 400 : 409 });
}

export default function Roster() {
  const t = useT();
  const format = useFormat();
  const {
    session: s,
    dayOpen,
    dayMinutes,
    allowedMissedMinutes,
    enrolled,
    waitlisted,
    cancelled,
    created,
  } = useLoaderData<typeof loader>();
  const totalMinutes = dayMinutes.reduce((a, b) => a + b, 0);
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <p>
        <Link to="/committee/sessions">{t("scheduling.committee.title")}</Link> ·{" "}
        <Link to={`/committee/sessions/${s.id}/edit`}>{t("scheduling.committee.edit")}</Link>
      </p>
      <h1>
        <JaParts text={t("scheduling.roster.title", { title: s.title })} parts={[s.title]} />
      </h1>
      <p className="muted">{t(`scheduling.track.${s.track as "practical"}`)}</p>
      {created ? (
        <p className="alert alert-success" role="status">
          {t("scheduling.form.saved")}
        </p>
      ) : null}
      {s.cancelled ? (
        <p className="alert alert-error" role="alert">
          {t("scheduling.status.sessionCancelled")}
        </p>
      ) : null}
      <div aria-live="polite">
        {result?.ok ? (
          <p className="alert alert-success" role="status">
            {result.intent === "check-in"
              ? t("scheduling.roster.checkedIn", { name: result.name })
              : result.intent === "minutes"
                ? t("attendance.minutesSaved", { name: result.name })
                : result.intent === "make-up"
                  ? t("attendance.makeUp.assigned", { name: result.name })
                  : result.intent === "make-up-done" || result.intent === "make-up-undone"
                    ? t("attendance.makeUp.updated", { name: result.name })
                    : result.intent === "rule"
                      ? t("attendance.rule.saved")
                      : result.intent === "issue" && result.serial
                        ? t("trust.roster.issued", { name: result.name, serial: result.serial })
                        : t("scheduling.roster.updated")}
          </p>
        ) : result ? (
          <p className="alert alert-error" role="alert">
            {result.intent === "issue" ? t("trust.roster.issueRefused", { name: result.name ?? "" }) + " " : ""}
            {result.reason === "attendance" && result.error
              ? (result.name ? `${result.name}: ` : "") + t(result.error)
              : t(`trust.refusal.${result.reason}`)}
          </p>
        ) : null}
      </div>
      <DayList days={s.days} />
      <p className="inline-form">
        <a className="button secondary" href={`/committee/sessions/${s.id}/sign-in`}>
          {t("scheduling.roster.signIn")}
        </a>
        <a className="button secondary" href={`/committee/sessions/${s.id}/roster.csv`} download>
          {t("scheduling.roster.csv")}
        </a>
        <a className="button secondary" href={`/committee/sessions/${s.id}/cases`}>
          {t("cases.link.committee")}
        </a>
      </p>

      <section aria-labelledby="roster-rule" className="panel">
        <h2 id="roster-rule">{t("attendance.rule.title")}</h2>
        <p>{t("attendance.rule.current", { allowed: allowedMissed(totalMinutes, allowedMissedMinutes), total: totalMinutes })}</p>
        <Form method="post" className="inline-form">
          <label htmlFor="allowedMissedMinutes">{t("attendance.rule.label")}</label>
          <input
            id="allowedMissedMinutes"
            name="allowedMissedMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            defaultValue={allowedMissedMinutes ?? ""}
            aria-describedby="allowedMissedMinutes-help"
          />
          <button type="submit" name="intent" value="rule" className="button small secondary" disabled={busy}>
            {t("attendance.rule.save")}
          </button>
        </Form>
        <p id="allowedMissedMinutes-help" className="muted small">
          {t("attendance.rule.help", { total: totalMinutes, default: allowedMissed(totalMinutes, null) })}
        </p>
      </section>

      <section aria-labelledby="roster-enrolled">
        <h2 id="roster-enrolled">{t("scheduling.roster.enrolled", { count: enrolled.length })}</h2>
        {enrolled.length === 0 ? (
          <p>{t("scheduling.roster.none")}</p>
        ) : (
          // Below 640 px each trainee is a card (app.css), so check-in is reachable without scrolling sideways.
          <DataTable
            caption={t("scheduling.roster.enrolled", { count: enrolled.length })}
            captionHidden
            className="roster-wrap"
            tableClassName="roster-table"
          >
            <thead>
              <tr>
                <th scope="col">{t("scheduling.roster.name")}</th>
                <th scope="col">{t("scheduling.roster.office")}</th>
                {s.days.map((d, i) => (
                  <th scope="col" key={d.id}>
                    {t("scheduling.roster.day", { n: i + 1, date: format.date(d.startsAt) })}
                  </th>
                ))}
                <th scope="col">{t("scheduling.roster.noShow")}</th>
                <th scope="col">{t("attendance.column")}</th>
                <th scope="col">{t("scheduling.roster.certificate")}</th>
              </tr>
            </thead>
            <tbody>
              {enrolled.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <JaText>{e.name}</JaText>
                    {/* On a phone the card's first line: the name and where the trainee stands (app.css). */}
                    <RosterStatus e={e} open={dayOpen} />
                  </th>
                  <td data-label={t("scheduling.roster.office")} className="roster-office">
                    <JaText>{e.office || "—"}</JaText>
                  </td>
                  {s.days.map((d, i) => (
                    <td
                      key={d.id}
                      data-label={t("scheduling.roster.day", { n: i + 1, date: format.date(d.startsAt) })}
                      className="roster-day"
                    >
                      {!dayOpen[i] ? (
                        <span className="muted small">{t("trust.roster.notYet", { date: format.date(d.startsAt) })}</span>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="enrollmentId" value={e.id} />
                          <input type="hidden" name="dayId" value={d.id} />
                          {e.attended[i] ? (
                            <>
                              <span className="badge badge-enrolled">{t("scheduling.roster.present")}</span>{" "}
                              <button
                                type="submit"
                                name="intent"
                                value="undo-check-in"
                                className="button small secondary"
                                disabled={busy}
                                aria-label={`${t("scheduling.roster.undo")}: ${e.name} ${i + 1}`}
                              >
                                {t("scheduling.roster.undo")}
                              </button>
                            </>
                          ) : (
                            <button
                              type="submit"
                              name="intent"
                              value="check-in"
                              className="button small"
                              disabled={busy}
                              aria-label={`${t("scheduling.roster.checkIn")}: ${e.name} ${i + 1}`}
                            >
                              {t("scheduling.roster.checkIn")}
                            </button>
                          )}
                        </Form>
                      )}
                      {dayOpen[i] && e.attended[i] ? <MinutesForm e={e} dayId={d.id} index={i} max={dayMinutes[i]} busy={busy} /> : null}
                    </td>
                  ))}
                  <td data-label={t("scheduling.roster.noShow")} className="roster-no-show">
                    <Form method="post">
                      <input type="hidden" name="enrollmentId" value={e.id} />
                      {e.noShow ? <span className="badge badge-cancelled">{t("scheduling.roster.noShow")}</span> : null}{" "}
                      <button
                        type="submit"
                        name="intent"
                        value={e.noShow ? "clear-no-show" : "no-show"}
                        className="button small secondary"
                        disabled={busy}
                        aria-label={`${e.noShow ? t("scheduling.roster.clearNoShow") : t("scheduling.roster.markNoShow")}: ${e.name}`}
                      >
                        {e.noShow ? t("scheduling.roster.clearNoShow") : t("scheduling.roster.markNoShow")}
                      </button>
                    </Form>
                  </td>
                  <td data-label={t("attendance.column")} className="roster-attendance">
                    <AttendanceCell e={e} busy={busy} />
                  </td>
                  <td data-label={t("scheduling.roster.certificate")} className="roster-certificate">
                    <CertificateCell e={e} busy={busy} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="roster-waitlisted">
        <h2 id="roster-waitlisted">{t("scheduling.roster.waitlisted", { count: waitlisted.length })}</h2>
        {waitlisted.length === 0 ? (
          <p>{t("scheduling.roster.none")}</p>
        ) : (
          <DataTable caption={t("scheduling.roster.waitlisted", { count: waitlisted.length })} captionHidden>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("scheduling.roster.place")}
                </th>
                <th scope="col">{t("scheduling.roster.name")}</th>
                <th scope="col">{t("scheduling.roster.office")}</th>
                <th scope="col">{t("scheduling.roster.since")}</th>
              </tr>
            </thead>
            <tbody>
              {waitlisted.map((e, i) => (
                <tr key={e.id}>
                  <td className="num">{i + 1}</td>
                  <th scope="row">{e.name}</th>
                  <td>{e.office || "—"}</td>
                  <td>{format.dateTime(e.queuedAt)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="roster-cancelled">
        <h2 id="roster-cancelled">{t("scheduling.roster.cancelled", { count: cancelled.length })}</h2>
        {cancelled.length === 0 ? (
          <p>{t("scheduling.roster.none")}</p>
        ) : (
          <ul className="plain-list">
            {cancelled.map((e) => (
              <li key={e.id}>
                {e.name}（{e.office || "—"}）
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["enrolled"][number];
/**
 * The trainee's state on the latest day open for check-in, shown after the name on a phone only (on a desktop the
 * day's column says it): present, a no-show, or nothing yet.
 */
function RosterStatus({ e, open }: { e: Row; open: boolean[] }) {
  const t = useT();
  const latest = open.lastIndexOf(true);
  if (e.noShow) return <span className="badge badge-cancelled roster-status">{t("scheduling.roster.noShow")}</span>;
  if (latest >= 0 && e.attended[latest])
    return <span className="badge badge-enrolled roster-status">{t("scheduling.roster.present")}</span>;
  return null;
}

/** The certificate column: the issued certificate (serial and verification code), or what can be done now and why not. */
function CertificateCell({ e, busy }: { e: Row; busy: boolean }) {
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
function MinutesForm({ e, dayId, index, max, busy }: { e: Row; dayId: number; index: number; max: number; busy: boolean }) {
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
function AttendanceCell({ e, busy }: { e: Row; busy: boolean }) {
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
