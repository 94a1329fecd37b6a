// The pieces /office/staff/:userId and /account/training-record share: the statutory record's forms, the
// refresher list, the office history and the platform's certificates.
import { Form } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import type { Message } from "~/lib/forms";
import type { MessageKey } from "~/i18n";
import { useFormat, useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import { CHIEF_STATUSES, type StatutoryState, type StatutoryView } from "./statutory";

export function StateBadge({ state }: { state: StatutoryState }) {
  const t = useT();
  const tone =
    state === "lapsed" || state === "urgent"
      ? "badge-failed"
      : state === "soon"
        ? "badge-curriculum"
        : state === "ok"
          ? "badge-complete"
          : "badge-not-started";
  return <span className={`badge ${tone}`}>{t(`staff.state.${state}`)}</span>;
}

type Failed = FormFailure | null;

/** What a change to the statutory record says when done (the intents StatutoryRecord's forms send), or null. */
export function statutoryRecordMessage(intent: string): MessageKey | null {
  if (intent === "record") return "staff.record.saved";
  if (intent === "add-refresher") return "staff.refresher.added";
  if (intent === "remove-refresher") return "staff.refresher.removed";
  return null;
}

/** Where a staff page says what its last form did: the success (already in words), or why it was refused. */
export function StaffOutcome({ done, failed }: { done: string | null; failed: Failed }) {
  return (
    <div aria-live="polite">
      {done !== null ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : (
        <FormErrorSummary result={failed} />
      )}
    </div>
  );
}

/** The choice of a successor among the office's staff (hand-over, and a transfer or leaving). */
export function SuccessorSelect({
  successors,
  defaultValue,
  errors,
  required = false,
}: {
  successors: { id: number; name: string }[];
  defaultValue: string;
  errors?: Message[];
  required?: boolean;
}) {
  const t = useT();
  return (
    <SelectField label={t("staff.move.successor")} name="successorId" required={required} errors={errors} defaultValue={defaultValue}>
      <option value="">{t("staff.move.noSuccessor")}</option>
      {successors.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
}

export function StatutoryRecord({ record, failed, busy }: { record: StatutoryView; failed: Failed; busy: boolean }) {
  const t = useT();
  const format = useFormat();
  const errors = (intent: string) => (failed && failed.values?.intent === intent ? failed.fieldErrors : {});
  const values = (intent: string) => (failed && failed.values?.intent === intent ? failed.values : null);
  const rv = values("record");
  const av = values("add-refresher");
  return (
    <>
      <section aria-labelledby="record-heading">
        <h2 id="record-heading">{t("staff.record.heading")}</h2>
        <p>
          <StateBadge state={record.state} />{" "}
          {record.lastDay && record.deadlineFiscalYear !== null
            ? t("staff.record.deadline", { date: format.date(record.lastDay), year: format.fiscalYear(record.deadlineFiscalYear) })
            : t("staff.record.noDeadline")}
        </p>
        <p className="hint">{t("staff.record.rule")}</p>
        <Form method="post" className="stack">
          <p className="hint">{t("staff.record.hint")}</p>
          <Field
            label={t("staff.record.initialYear")}
            name="initialYear"
            defaultValue={rv?.initialYear ?? (record.initialFiscalYear ?? "").toString()}
            errors={errors("record").initialYear}
            inputMode="text"
            maxLength={20}
          />
          <Field
            label={t("staff.record.initialEvidence")}
            name="initialEvidence"
            defaultValue={rv?.initialEvidence ?? record.initialEvidence}
            errors={errors("record").initialEvidence}
            maxLength={500}
          />
          <SelectField
            label={t("staff.record.chiefStatus")}
            name="chiefStatus"
            defaultValue={rv?.chiefStatus ?? record.chiefStatus}
            errors={errors("record").chiefStatus}
          >
            {CHIEF_STATUSES.map((c) => (
              <option key={c} value={c}>
                {t(`staff.chief.${c}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("staff.record.chiefEvidence")}
            name="chiefEvidence"
            defaultValue={rv?.chiefEvidence ?? record.chiefEvidence}
            errors={errors("record").chiefEvidence}
            maxLength={500}
          />
          <button type="submit" name="intent" value="record" className="button" disabled={busy}>
            {t("staff.record.save")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="refresher-heading">
        <h2 id="refresher-heading">{t("staff.refresher.heading")}</h2>
        {record.refreshers.length === 0 ? (
          <p>{t("staff.refresher.none")}</p>
        ) : (
          <ul className="card-list">
            {record.refreshers.map((r) => (
              <li key={r.id} className="card inline-forms">
                <span>{t("staff.refresher.item", { date: format.date(r.completedOn), evidence: r.evidence })}</span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="refresherId" value={r.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove-refresher"
                    className="button small secondary"
                    disabled={busy}
                    aria-label={t("staff.refresher.removeLabel", { date: format.date(r.completedOn) })}
                  >
                    {t("staff.refresher.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="stack">
          <Field
            label={t("staff.refresher.completedOn")}
            name="completedOn"
            type="date"
            required
            defaultValue={av?.completedOn ?? ""}
            errors={errors("add-refresher").completedOn}
          />
          <Field
            label={t("staff.refresher.evidence")}
            name="evidence"
            required
            maxLength={500}
            defaultValue={av?.evidence ?? ""}
            errors={errors("add-refresher").evidence}
          />
          <button type="submit" name="intent" value="add-refresher" className="button secondary" disabled={busy}>
            {t("staff.refresher.add")}
          </button>
        </Form>
      </section>
    </>
  );
}

export interface HistoryRow {
  id: number;
  office: string | null;
  startedOn: string | null;
  endedOn: string | null;
  kind: "transfer" | "left" | null;
  toOffice: string | null;
}

export function OfficeHistory({ rows, headingId, heading }: { rows: HistoryRow[]; headingId: string; heading: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {rows.length === 0 ? (
        <p>{t("staff.history.none")}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              {r.office} — {r.startedOn ? t("staff.history.since", { date: format.date(r.startedOn) }) : t("staff.history.sinceUnknown")}
              {" · "}
              {r.endedOn
                ? r.kind === "transfer"
                  ? t("staff.history.transfer", { date: format.date(r.endedOn), to: r.toOffice ?? "" })
                  : t("staff.history.left", { date: format.date(r.endedOn) })
                : t("staff.history.current")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PlatformTraining({ rows }: { rows: { id: number; track: string; fiscalYear: number; issuedOn: string }[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="platform-heading">
      <h2 id="platform-heading">{t("staff.platform.heading")}</h2>
      {rows.length === 0 ? (
        <p>{t("staff.platform.none")}</p>
      ) : (
        <ul>
          {rows.map((c) => (
            <li key={c.id}>
              {t("staff.platform.item", {
                track: t(`scheduling.track.${c.track}` as MessageKey),
                year: format.fiscalYear(c.fiscalYear),
                date: format.date(c.issuedOn),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
