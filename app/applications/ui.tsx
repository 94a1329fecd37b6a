// Shared pieces of the application pages: the round form, a state badge, the applicant's answers.
import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrorSummary, SelectField } from "~/components/forms";
import { useFormat, useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import type { MessageKey } from "~/i18n";
import { QUESTIONS, type ShownStatus } from "./rules";

export function StatusBadge({ status, direct }: { status: ShownStatus | string; direct?: boolean }) {
  const t = useT();
  return (
    <span className={`badge status-${status}`}>
      {t(`applications.status.${status}` as MessageKey)}
      {direct ? ` · ${t("applications.direct")}` : ""}
    </span>
  );
}

export interface Answers {
  yearsExperience: number | null;
  currentRole: string;
  statutoryTraining: string;
  wantToLearn: string;
}

export function AnswerList({ answers }: { answers: Answers }) {
  const t = useT();
  const rows: [MessageKey, string][] = [];
  if (answers.yearsExperience !== null) rows.push(["applications.q.experience", t("applications.years", { n: answers.yearsExperience })]);
  if (answers.currentRole) rows.push(["applications.q.role", answers.currentRole]);
  if (answers.statutoryTraining)
    rows.push(["applications.q.statutory", t(`applications.statutory.${answers.statutoryTraining}` as MessageKey)]);
  if (answers.wantToLearn) rows.push(["applications.q.learn", answers.wantToLearn]);
  if (rows.length === 0) return null;
  return (
    <dl className="answers small">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The application's attached file as a download link (name, kind, size), or nothing. */
export function FileLink({ applicationId, file }: { applicationId: number; file: { originalName: string; sizeBytes: number } | null }) {
  const t = useT();
  if (!file) return null;
  return (
    <p className="small">
      {t("applications.file.attached")}{" "}
      <a href={`/apply/${applicationId}/attachment`} download>
        {file.originalName}
      </a>{" "}
      ({t("applications.file.size", { kb: Math.max(1, Math.round(file.sizeBytes / 1024)) })})
    </p>
  );
}

export interface RoundFormValues {
  id?: number;
  titleJa: string;
  titleEn: string;
  fiscalYear: number;
  target: string;
  opensOn: string;
  closesOn: string;
  endorseOn: string;
  places: number | string;
  questions: string[];
}

export function RoundForm({
  values,
  result,
  sessions,
  tracks,
  years,
  busy,
  submitLabel,
}: {
  values: RoundFormValues;
  result?: FormFailure | null;
  sessions: { id: number; title: string; track: string }[];
  tracks: readonly string[];
  years: number[];
  busy: boolean;
  submitLabel: string;
}) {
  const t = useT();
  const format = useFormat();
  const e = result?.fieldErrors ?? {};
  const v = result?.values ?? {};
  const val = (k: keyof RoundFormValues) => (v[k] !== undefined ? v[k] : String(values[k] ?? ""));
  const prefix = values.id ? `r${values.id}-` : "new-";
  return (
    <Form method="post" noValidate className="stack">
      <FormErrorSummary result={result} />
      <input type="hidden" name="intent" value="round" />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <Field
        id={`${prefix}titleJa`}
        label={t("applications.round.titleJa")}
        name="titleJa"
        defaultValue={val("titleJa")}
        required
        maxLength={200}
        errors={e.titleJa}
      />
      <Field
        id={`${prefix}titleEn`}
        label={t("applications.round.titleEn")}
        name="titleEn"
        defaultValue={val("titleEn")}
        maxLength={200}
        errors={e.titleEn}
      />
      <SelectField
        id={`${prefix}fiscalYear`}
        label={t("common.fiscalYear")}
        name="fiscalYear"
        defaultValue={val("fiscalYear")}
        errors={e.fiscalYear}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {format.fiscalYear(y)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${prefix}target`}
        label={t("applications.round.target")}
        name="target"
        defaultValue={val("target")}
        errors={e.target}
      >
        {tracks.map((tr) => (
          <option key={tr} value={`track:${tr}`}>
            {t(`scheduling.track.${tr}` as MessageKey)}
          </option>
        ))}
        {sessions.map((s) => (
          <option key={s.id} value={`session:${s.id}`}>
            {s.title}
          </option>
        ))}
      </SelectField>
      <Field
        id={`${prefix}opensOn`}
        type="date"
        label={t("applications.round.opensOn")}
        name="opensOn"
        defaultValue={val("opensOn")}
        required
        errors={e.opensOn}
      />
      <Field
        id={`${prefix}closesOn`}
        type="date"
        label={t("applications.round.closesOn")}
        name="closesOn"
        defaultValue={val("closesOn")}
        required
        errors={e.closesOn}
      />
      <Field
        id={`${prefix}endorseOn`}
        type="date"
        label={t("applications.round.endorseOn")}
        name="endorseOn"
        defaultValue={val("endorseOn")}
        required
        errors={e.endorseOn}
      />
      <Field
        id={`${prefix}places`}
        type="number"
        min={1}
        max={1000}
        label={t("applications.round.places")}
        name="places"
        defaultValue={val("places")}
        required
        errors={e.places}
      />
      <fieldset>
        <legend>{t("applications.round.questions")}</legend>
        {QUESTIONS.map((q) => (
          <div key={q} className="checkbox">
            <input type="checkbox" id={`${prefix}q-${q}`} name="questions" value={q} defaultChecked={values.questions.includes(q)} />
            <label htmlFor={`${prefix}q-${q}`}>{t(`applications.q.${q}`)}</label>
          </div>
        ))}
        <ErrorList errors={e.questions} />
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
