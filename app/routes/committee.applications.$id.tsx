import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { committeeRounds, saveRound, selectionAction, selectionPage } from "~/applications/applications.server";
import { SELECTION_FILTERS, type SelectionFilter } from "~/applications/rules";
import { AnswerList, FileLink, RoundForm, StatusBadge } from "~/applications/ui";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { FormErrorSummary } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { jstDateString } from "~/lib/jst";
import { yearChoices } from "~/training/year";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => t("applications.select.title", { title: d.round.title }));

function idOf(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const raw = new URL(request.url).searchParams.get("filter") ?? "all";
  const filter: SelectionFilter = (SELECTION_FILTERS as readonly string[]).includes(raw) ? (raw as SelectionFilter) : "all";
  const page = await selectionPage(idOf(params.id), filter, locale);
  if (!page) throw notFound();
  const { sessions, tracks } = await committeeRounds(page.round.fiscalYear, locale);
  return { ...page, filter, sessions, tracks, years: yearChoices() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const id = idOf(params.id);
  const form = await request.formData();
  if (form.get("intent") === "round") {
    form.set("id", String(id));
    const r = await saveRound(user, form);
    return r.ok ? { ok: true as const, intent: "round" as const } : data(r, { status: 400 });
  }
  const r = await selectionAction(user, id, form);
  return r.ok ? r : data(r, { status: 400 });
}

export default function CommitteeSelection() {
  const t = useT();
  const format = useFormat();
  const { round, rows, total, counts, maySend, filter, sessions, tracks, years } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  return (
    <div className="page">
      <p>
        <Link to="/committee/applications">{t("applications.committee.back")}</Link>
      </p>
      <h1>{t("applications.select.title", { title: round.title })}</h1>
      <p className="muted">
        {format.fiscalYear(round.fiscalYear)} · {t("applications.col.period")}: {format.date(round.opensAt)} – {round.closesOn} ·{" "}
        {t("applications.round.endorseOn")}: {round.endorseOn} · {t("applications.col.places")}: {round.places}
      </p>
      <div aria-live="polite">
        {result && result.ok ? (
          <p className="alert alert-success" role="status">
            {result.intent === "send"
              ? t("applications.select.sent", { count: result.sent })
              : result.intent === "round"
                ? t("applications.round.saved")
                : t("applications.select.changed")}
          </p>
        ) : null}
        {failed && !failed.values?.intent?.startsWith("round") ? <FormErrorSummary result={failed} /> : null}
      </div>
      <section aria-labelledby="rules">
        <h2 id="rules">{t("applications.select.rulesTitle")}</h2>
        <p className="hint">{t("applications.select.rules")}</p>
        <p>{t("applications.select.counts", { accept: counts.accept, waitlist: counts.waitlist, reject: counts.reject })}</p>
      </section>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="filter">{t("applications.select.filter")}</label>
          <select id="filter" name="filter" defaultValue={filter}>
            {SELECTION_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`applications.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("common.show")}
        </button>
      </Form>
      <DataTable caption={t("applications.select.caption", { shown: rows.length, total })}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("applications.col.priority")}
            </th>
            <th scope="col">{t("applications.col.applicant")}</th>
            <th scope="col">{t("applications.col.endorsement")}</th>
            <th scope="col">{t("applications.col.answers")}</th>
            <th scope="col">{t("applications.col.outcome")}</th>
            <th scope="col">{t("applications.col.change")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="num">{r.priority ?? "—"}</td>
              <th scope="row">
                {r.name}
                <br />
                <span className="muted small">
                  {r.office || t("applications.noOffice")}
                  {r.ward ? ` · ${r.ward}` : ""}
                </span>
                {r.trained ? (
                  <>
                    <br />
                    <span className="small">{t("applications.select.trained")}</span>
                  </>
                ) : null}
                {r.statutory ? (
                  <>
                    <br />
                    <span className="small">
                      {t("staff.committee.statutory")}:{" "}
                      {t("staff.committee.statutoryValue", {
                        initial: r.statutory.initialFiscalYear !== null ? format.fiscalYear(r.statutory.initialFiscalYear) : "—",
                        state: t(`staff.state.${r.statutory.state}`),
                      })}
                      {r.statutory.lastDay ? ` (${format.date(r.statutory.lastDay)})` : ""}
                      {r.statutory.chiefStatus !== "none"
                        ? ` · ${t("staff.record.chiefStatus")}: ${t(`staff.chief.${r.statutory.chiefStatus}`)}`
                        : ""}
                    </span>
                  </>
                ) : null}
              </th>
              <td>
                <StatusBadge status={r.status} direct={r.direct} />
                {r.rank !== null ? <div className="small">{t("applications.rankN", { n: r.rank })}</div> : null}
                {r.unanswered ? <div className="small">{t("applications.select.unanswered")}</div> : null}
                {r.declineReason ? <div className="small">{t("applications.declineReasonIs", { reason: r.declineReason })}</div> : null}
              </td>
              <td>
                <AnswerList answers={r.answers} />
                <FileLink applicationId={r.id} file={r.file} />
              </td>
              <td>
                {r.outcome ? t(`applications.outcome.${r.outcome}`) : "—"}
                {r.proposed ? <div className="small">{t("applications.select.proposed")}</div> : null}
                {r.override ? <div className="small">{t("applications.select.overridden", { reason: r.overrideReason })}</div> : null}
              </td>
              <td>
                {r.eligible && !round.decisionsSentAt ? (
                  <Form method="post" className="stack small-form">
                    <input type="hidden" name="intent" value="change" />
                    <input type="hidden" name="applicationId" value={r.id} />
                    <div className="field">
                      <label htmlFor={`choice-${r.id}`}>{t("applications.select.choice")}</label>
                      <select id={`choice-${r.id}`} name="choice" defaultValue={r.override ?? "proposed"}>
                        <option value="proposed">{t("applications.choice.proposed")}</option>
                        <option value="accept">{t("applications.choice.accept")}</option>
                        <option value="reject">{t("applications.choice.reject")}</option>
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`reason-${r.id}`}>{t("applications.select.reason")}</label>
                      <input id={`reason-${r.id}`} name="reason" required maxLength={1000} />
                    </div>
                    <button
                      type="submit"
                      className="button small secondary"
                      disabled={busy}
                      aria-label={`${t("applications.select.apply")}: ${r.name}`}
                    >
                      {t("applications.select.apply")}
                    </button>
                  </Form>
                ) : r.waitlistPosition ? (
                  t("applications.waitlistN", { n: r.waitlistPosition })
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section className="panel" aria-labelledby="send">
        <h2 id="send">{t("applications.select.sendTitle")}</h2>
        {round.decisionsSentAt ? (
          <p>{t("applications.select.sentAt", { when: format.dateTime(round.decisionsSentAt) })}</p>
        ) : maySend ? (
          <Form method="post">
            <p className="hint">{t("applications.select.sendHint")}</p>
            <button type="submit" name="intent" value="send" className="button" disabled={busy}>
              {t("applications.select.send")}
            </button>
          </Form>
        ) : (
          <p>{t("applications.select.notClosed")}</p>
        )}
      </section>
      {!round.decisionsSentAt ? (
        <details className="panel">
          <summary>{t("applications.round.edit")}</summary>
          <RoundForm
            values={{
              id: round.id,
              titleJa: round.titleJa,
              titleEn: round.titleEn,
              fiscalYear: round.fiscalYear,
              target: round.sessionId ? `session:${round.sessionId}` : `track:${round.track}`,
              opensOn: jstDateString(new Date(round.opensAt)),
              closesOn: round.closesOn,
              endorseOn: round.endorseOn,
              places: round.places,
              questions: round.questions,
            }}
            result={failed && failed.values?.intent === "round" ? failed : null}
            sessions={sessions}
            tracks={tracks}
            years={years}
            busy={busy}
            submitLabel={t("applications.round.save")}
          />
        </details>
      ) : null}
    </div>
  );
}
