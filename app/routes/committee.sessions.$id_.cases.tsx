import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireCapability } from "~/auth/permissions.server";
import { addComment, committeeCases, rateCase, saveAssignment } from "~/cases/cases.server";
import styles from "~/cases/cases.css?url";
import { refuse, sessionIdOf } from "~/cases/http.server";
import { CaseDisplay, CasePageHead, LEVEL_KEYS, RUBRIC_LEVELS } from "~/cases/ui";
import { isMessageKey } from "~/i18n";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import type { Message } from "~/lib/forms";
import { jstDateInput, jstTimeInput } from "~/scheduling/session-form";

export const meta = pageMeta("cases.title.committee");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const r = await committeeCases(user, sessionIdOf(params.id), resolveLocale(request, user));
  if (!r.ok) throw refuse(r.reason);
  return r;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const id = sessionIdOf(params.id);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : undefined);
  if (intent === "assignment") {
    const r = await saveAssignment(user, id, {
      instructionsJa: str("instructionsJa") ?? "",
      instructionsEn: str("instructionsEn") ?? "",
      dueDate: str("dueDate") ?? "",
      dueTime: str("dueTime") ?? "",
      retentionDays: str("retentionDays") ?? "",
      goalCodes: form.getAll("goalCodes").map(String),
      facilitatorIds: form.getAll("facilitatorIds").map(String),
    });
    if (!r.ok) {
      if (r.reason !== "invalid") throw refuse(r.reason);
      return data({ intent, ok: false as const, errors: r.errors ?? {}, submissionId: 0 }, { status: 400 });
    }
    return { intent, ok: true as const, errors: {}, submissionId: 0 };
  }
  const submissionId = Number(form.get("submissionId"));
  if (intent === "comment") {
    const r = await addComment(user, id, { submissionId, field: str("field"), quote: str("quote"), body: str("body") });
    if (!r.ok) {
      if (r.reason !== "invalid") throw refuse(r.reason);
      return data({ intent, ok: false as const, errors: r.errors ?? {}, submissionId }, { status: 400 });
    }
    return { intent, ok: true as const, errors: {}, submissionId };
  }
  if (intent === "rate") {
    const ratings: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (k.startsWith("level.") && typeof v === "string") ratings[k.slice(6)] = v;
    const r = await rateCase(user, id, { submissionId, ratings, review: str("review") });
    if (!r.ok) {
      if (r.reason !== "invalid") throw refuse(r.reason);
      return data({ intent, ok: false as const, errors: r.errors ?? {}, submissionId }, { status: 400 });
    }
    return { intent, ok: true as const, errors: {}, submissionId };
  }
  return data({ intent, ok: false as const, errors: { form: "cases.error.invalid" }, submissionId: 0 }, { status: 400 });
}

function jst(d: Date | null) {
  return d ? { date: jstDateInput(d), time: jstTimeInput(d) } : { date: "", time: "17:00" };
}

/** A field's error as the field components show it (the case actions answer one message key per field). */
function messagesOf(errors: Record<string, string>, name: string): Message[] | undefined {
  const key = errors[name];
  return key ? [{ key: isMessageKey(key) ? key : "cases.error.invalid" }] : undefined;
}

function ErrorFor({ errors, name, id }: { errors: Record<string, string>; name: string; id: string }) {
  return <ErrorList id={id} errors={messagesOf(errors, name)} />;
}

export default function CommitteeCases() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const a = d.assignment;
  const errors: Record<string, string> = result && !result.ok && result.intent === "assignment" ? result.errors : {};
  const due = jst(a?.dueAt ?? (d.session.firstDay ? new Date(d.session.firstDay.getTime() - 7 * 86400_000) : null));
  const chosenGoals = new Set(a?.goalCodes ?? d.session.goalCodes);
  const [quotes, setQuotes] = useState<Record<number, { field: string; quote: string }>>({});

  const takeSelection = (submissionId: number) => {
    const sel = typeof window !== "undefined" ? window.getSelection() : null;
    const text = sel?.toString().trim() ?? "";
    if (!sel || !text || !sel.anchorNode) return;
    const el = (sel.anchorNode.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode.parentElement)?.closest("[data-field]");
    const field = el?.getAttribute("data-field") ?? "";
    if (field) setQuotes((q) => ({ ...q, [submissionId]: { field, quote: text } }));
  };

  return (
    <div className="page">
      <CasePageHead back={`/committee/sessions/${d.session.id}`} title="cases.title.committee" session={d.session} locale={locale} />

      <section className="panel" aria-labelledby="assignment">
        <h2 id="assignment">{t("cases.assignment")}</h2>
        {result && result.ok && result.intent === "assignment" ? (
          <p className="alert alert-success" role="status">
            {t("cases.assignment.saved")}
          </p>
        ) : null}
        <p className="muted">{t("cases.assignment.template", { title: d.template.title[locale], version: d.template.version })}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="assignment" />
          <TextareaField
            label={t("cases.assignment.instructionsJa")}
            id="instructionsJa"
            name="instructionsJa"
            rows={4}
            defaultValue={a?.instructionsJa ?? ""}
            required
            errors={messagesOf(errors, "instructionsJa")}
          />
          <TextareaField
            label={t("cases.assignment.instructionsEn")}
            id="instructionsEn"
            name="instructionsEn"
            rows={3}
            defaultValue={a?.instructionsEn ?? ""}
          />
          <div className="field-row">
            <Field
              label={t("cases.assignment.dueDate")}
              id="dueDate"
              name="dueDate"
              type="date"
              defaultValue={due.date}
              required
              errors={messagesOf(errors, "dueDate")}
            />
            <Field label={t("cases.assignment.dueTime")} id="dueTime" name="dueTime" type="time" defaultValue={due.time} required />
            <Field
              label={t("cases.assignment.retentionDays")}
              id="retentionDays"
              name="retentionDays"
              type="number"
              min={7}
              max={3650}
              defaultValue={a?.retentionDays ?? 90}
              errors={messagesOf(errors, "retentionDays")}
            />
          </div>
          <fieldset className="field" aria-describedby={errors.goalCodes ? "goalCodes-error" : undefined}>
            <legend>{t("cases.assignment.goals")}</legend>
            {d.goals.map((g) => (
              <label key={g.code} className="check">
                <input type="checkbox" name="goalCodes" value={g.code} defaultChecked={chosenGoals.has(g.code)} />{" "}
                <span className="muted">{g.code}</span> <JaText>{g.text}</JaText>
              </label>
            ))}
            <ErrorFor errors={errors} name="goalCodes" id="goalCodes-error" />
          </fieldset>
          <fieldset className="field" aria-describedby={errors.facilitatorIds ? "facilitatorIds-error" : undefined}>
            <legend>{t("cases.assignment.facilitators")}</legend>
            {d.committee.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" name="facilitatorIds" value={c.id} defaultChecked={a?.facilitatorIds.includes(c.id)} />{" "}
                {c.displayName}
              </label>
            ))}
            <ErrorFor errors={errors} name="facilitatorIds" id="facilitatorIds-error" />
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t("cases.assignment.save")}
          </button>
        </Form>
      </section>

      {a ? (
        <section className="panel" aria-labelledby="submissions">
          <h2 id="submissions">{t("cases.submissions")}</h2>
          <p>{t("cases.submissionsCount", { count: d.submissions.length, enrolled: d.enrolled })}</p>
          <p className="button-row">
            <a className="button-link" href={`/committee/sessions/${d.session.id}/rubric.csv`}>
              {t("cases.export.csv")}
            </a>
            <a className="button-link" href={`/committee/sessions/${d.session.id}/rubric.xlsx`}>
              {t("cases.export.xlsx")}
            </a>
          </p>
          <p className="hint">{t("cases.export.note")}</p>
          <DataTable caption={t("cases.submissions")} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t("cases.trainee")}</th>
                <th scope="col">{t("cases.submittedAt")}</th>
                <th scope="col">{t("cases.versions")}</th>
                <th scope="col">{t("cases.rubric.decision")}</th>
                <th scope="col">{t("cases.rubric")}</th>
              </tr>
            </thead>
            <tbody>
              {d.submissions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{d.isFacilitator ? <a href={`#sub-${s.id}`}>{s.trainee}</a> : s.trainee}</th>
                  <td>
                    {s.lastSubmittedAt ? format.dateTime(s.lastSubmittedAt) : "—"}
                    {s.late ? <span className="badge badge-late"> {t("cases.late")}</span> : null}
                  </td>
                  <td>{s.versionCount}</td>
                  <td>{t(`cases.review.${s.review as "none"}`)}</td>
                  <td>{t("cases.rubric.summary", { rated: s.result.rated, rows: s.result.rows, reached: s.result.reached.length })}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {!d.isFacilitator ? <p className="alert alert-info">{t("cases.notFacilitator")}</p> : null}
        </section>
      ) : null}

      {a && d.isFacilitator
        ? d.submissions.map((s) => {
            const q = quotes[s.id];
            const mine = result && result.submissionId === s.id ? result : null;
            const errs: Record<string, string> = mine && !mine.ok ? mine.errors : {};
            return (
              <article key={s.id} id={`sub-${s.id}`} className="case-card" aria-labelledby={`sub-${s.id}-h`}>
                <h2 id={`sub-${s.id}-h`}>
                  {t("cases.by", { name: s.trainee })} · {t("cases.version", { number: s.versionNumber })}
                </h2>
                <CaseDisplay
                  sessionId={d.session.id}
                  template={d.template}
                  fields={s.fields}
                  textsDeleted={s.textsDeleted}
                  locale={locale}
                  attachments={s.attachments}
                  comments={s.comments}
                  questions={s.questions}
                  highlights={s.comments.map((c) => ({ field: c.field, quote: c.quote }))}
                  onSelectText={() => takeSelection(s.id)}
                />
                {!s.textsDeleted ? (
                  <>
                    <h3>{t("cases.comment.add")}</h3>
                    {mine && mine.ok && mine.intent === "comment" ? (
                      <p className="alert alert-success" role="status">
                        {t("cases.comment.saved")}
                      </p>
                    ) : null}
                    <Form method="post" className="stack" noValidate key={`c-${s.id}-${q?.quote ?? ""}`}>
                      <input type="hidden" name="intent" value="comment" />
                      <input type="hidden" name="submissionId" value={s.id} />
                      <div className="field">
                        <label htmlFor={`field-${s.id}`}>{t("cases.comment.field")}</label>
                        <select id={`field-${s.id}`} name="field" defaultValue={q?.field ?? "assessment"}>
                          {d.template.sections.flatMap((sec) =>
                            sec.fields.map((f) => (
                              <option key={f.key} value={f.key}>
                                {f.label[locale]}
                              </option>
                            )),
                          )}
                        </select>
                      </div>
                      <Field
                        label={t("cases.comment.quote")}
                        hint={t("cases.comment.quoteHint")}
                        id={`quote-${s.id}`}
                        name="quote"
                        defaultValue={q?.quote ?? ""}
                        maxLength={1000}
                        errors={messagesOf(errs, "quote")}
                      />
                      <TextareaField
                        label={t("cases.comment.body")}
                        id={`body-${s.id}`}
                        name="body"
                        rows={3}
                        errors={messagesOf(errs, "body")}
                      />
                      <button type="submit" className="button secondary" disabled={busy}>
                        {t("cases.comment.save")}
                      </button>
                    </Form>

                    <h3>{t("cases.rubric")}</h3>
                    {mine && mine.ok && mine.intent === "rate" ? (
                      <p className="alert alert-success" role="status">
                        {t("cases.rubric.saved")}
                      </p>
                    ) : null}
                    <Form method="post" className="stack" noValidate>
                      <input type="hidden" name="intent" value="rate" />
                      <input type="hidden" name="submissionId" value={s.id} />
                      {a.goals.map((g) => (
                        <fieldset key={g.code} className="field">
                          <legend>
                            <span className="muted">{g.code}</span> <JaText>{g.text}</JaText>
                          </legend>
                          <div className="rubric-levels">
                            {RUBRIC_LEVELS.map((l) => (
                              <label key={l} className="check">
                                <input type="radio" name={`level.${g.code}`} value={l} defaultChecked={s.ratings[g.code] === l} />{" "}
                                {t(LEVEL_KEYS[l])}
                              </label>
                            ))}
                          </div>
                        </fieldset>
                      ))}
                      <SelectField
                        label={t("cases.rubric.decision")}
                        id={`review-${s.id}`}
                        name="review"
                        defaultValue={s.review}
                        errors={messagesOf(errs, "review")}
                      >
                        <option value="none">{t("cases.review.none")}</option>
                        <option value="revise">{t("cases.review.revise")}</option>
                        <option value="accepted">{t("cases.review.accepted")}</option>
                      </SelectField>
                      <button type="submit" className="button" disabled={busy}>
                        {t("cases.rubric.save")}
                      </button>
                    </Form>
                  </>
                ) : null}
              </article>
            );
          })
        : null}
    </div>
  );
}
