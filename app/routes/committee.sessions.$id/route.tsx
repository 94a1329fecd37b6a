import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
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
import { AttendanceCell, CertificateCell, MinutesForm, RosterStatus } from "./roster-cells";
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
