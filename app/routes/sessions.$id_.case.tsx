import {
  MaxPartSizeExceededError,
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireCapability } from "~/auth/permissions.server";
import { MAX_ATTACHMENT_BYTES } from "~/cases/attachment-file.server";
import {
  attachFile,
  confirmFinding,
  ownCase,
  removeAttachment,
  saveDraft,
  submitCase,
  type AttachmentError,
  type FieldFinding,
} from "~/cases/cases.server";
import styles from "~/cases/cases.css?url";
import { refuse, sessionIdOf } from "~/cases/http.server";
import { CasePageHead, CaseView, FindingItem, KIND_KEYS, MarkedText, RubricTable, fieldLabel, fileSize } from "~/cases/ui";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("cases.title.own");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

function fieldsFrom(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k.startsWith("f.") && typeof v === "string") out[k.slice(2)] = v;
  return out;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "enrolInSessions");
  const r = await ownCase(user, sessionIdOf(params.id), resolveLocale(request, user));
  if (!r.ok) throw refuse(r.reason);
  return r;
}

type FileAnswer = { intent: "attach" | "remove"; ok: boolean; error: AttachmentError | "deleted" | null; findings: number };

/** A file from the attachment form, read with a size limit (the rest of the body is not kept). */
async function attachAction(request: Request, user: Awaited<ReturnType<typeof requireCapability>>, id: number) {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError)
      return data<FileAnswer>({ intent: "attach", ok: false, error: "too-large", findings: 0 }, { status: 413 });
    throw e;
  }
  const file = form.get("file");
  const r = await attachFile(
    user,
    id,
    file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null,
  );
  if (!r.ok) {
    if (r.reason === "forbidden" || r.reason === "not-found") throw refuse(r.reason);
    const error = r.reason === "deleted" ? "deleted" : (r.error ?? "unreadable");
    return data<FileAnswer>({ intent: "attach", ok: false, error, findings: 0 }, { status: 400 });
  }
  return data<FileAnswer>({ intent: "attach", ok: true, error: null, findings: r.findings });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "enrolInSessions");
  const id = sessionIdOf(params.id);
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return attachAction(request, user, id);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "remove") {
    const r = await removeAttachment(user, id, form.get("attachmentId"));
    if (!r.ok && (r.reason === "forbidden" || r.reason === "not-found")) throw refuse(r.reason);
    return data<FileAnswer>({ intent: "remove", ok: r.ok, error: null, findings: 0 }, { status: r.ok ? 200 : 400 });
  }
  const input = { fields: fieldsFrom(form), revision: form.get("revision") };
  if (intent === "save") {
    const r = await saveDraft(user, id, input);
    if (!r.ok)
      return data(
        { intent: "save" as const, ok: false as const, reason: r.reason, revision: 0, findings: [] as FieldFinding[], conflict: false },
        { status: 400 },
      );
    return { intent: "save" as const, ok: true as const, reason: null, revision: r.revision, findings: r.findings, conflict: !!r.conflict };
  }
  if (intent === "confirm") {
    const r = await confirmFinding(user, id, { field: form.get("field"), kind: form.get("kind"), text: form.get("text") });
    return data({ intent: "confirm" as const, ok: r.ok }, { status: r.ok ? 200 : 400 });
  }
  if (intent === "submit") {
    const r = await submitCase(user, id, input);
    if (!r.ok)
      return data(
        {
          intent: "submit" as const,
          ok: false as const,
          reason: r.reason,
          findings: r.findings,
          missing: r.missing,
          version: 0,
          late: false,
        },
        { status: 400 },
      );
    return {
      intent: "submit" as const,
      ok: true as const,
      reason: null,
      findings: [] as FieldFinding[],
      missing: [] as string[],
      version: r.version,
      late: r.late,
    };
  }
  return data({ intent: "other" as const, ok: false as const, reason: "invalid" }, { status: 400 });
}

export default function OwnCase() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const saver = useFetcher<typeof action>();
  const confirmer = useFetcher<typeof action>();
  const [fields, setFields] = useState<Record<string, string>>(d.draft);
  const [revision, setRevision] = useState(d.revision);
  const [findings, setFindings] = useState<FieldFinding[]>(d.findings);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A newer text than the one being saved, sent when the save answers (`waiting` says so to the render).
  const queued = useRef<Record<string, string> | null>(null);
  const [waiting, setWaiting] = useState(false);

  // Take the newest answer from the server (the page's data after a submit, or an autosave's answer),
  // adjusting state while rendering rather than in an effect. The page's data is reloaded after every autosave:
  // findings it carries for an older text (typed on while it loaded, or another save under way) are not taken.
  const [seenLoader, setSeenLoader] = useState(d);
  if (seenLoader !== d) {
    setSeenLoader(d);
    if (d.revision > revision || (d.revision === revision && saver.state === "idle" && !dirty && !waiting)) {
      setRevision(d.revision);
      setFindings(d.findings);
    }
  }
  const [seenSave, setSeenSave] = useState(saver.data);
  if (seenSave !== saver.data) {
    setSeenSave(saver.data);
    const r = saver.data;
    if (r && r.intent === "save" && r.ok) {
      setRevision(r.revision);
      // A newer text waiting to be saved: these findings are of the older one, and the page stays unsaved.
      if (waiting) setWaiting(false);
      else {
        setFindings(r.findings);
        setDirty(false);
      }
    }
  }
  const [seenResult, setSeenResult] = useState(result);
  if (seenResult !== result) {
    setSeenResult(result);
    if (result && result.intent === "submit" && !result.ok && result.reason === "unresolved")
      setFindings(result.findings.filter((f) => !f.field.startsWith("attachment.")));
  }

  const save = (next: Record<string, string>, rev = revision) => {
    // One save at a time: a second one sent before the first answers would carry the old revision and be refused
    // as a conflict, so it waits and goes with the revision the first one answers.
    if (saver.state !== "idle") {
      queued.current = next;
      setWaiting(true);
      return;
    }
    const fd = new FormData();
    fd.set("intent", "save");
    fd.set("revision", String(rev));
    for (const [k, v] of Object.entries(next)) fd.set(`f.${k}`, v);
    saver.submit(fd, { method: "post" });
  };
  useEffect(() => {
    if (saver.state !== "idle" || !queued.current) return;
    const next = queued.current;
    queued.current = null;
    save(next);
  });
  const change = (key: string, value: string) => {
    const next = { ...fields, [key]: value };
    setFields(next);
    setDirty(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save(next), 700);
  };
  const replace = (f: FieldFinding) => {
    const text = fields[f.field] ?? "";
    const at = text.slice(f.start, f.end) === f.text ? f.start : text.indexOf(f.text);
    if (at < 0) return;
    const next = { ...fields, [f.field]: text.slice(0, at) + f.replacement + text.slice(at + f.text.length) };
    setFields(next);
    setDirty(true);
    setFindings((list) => list.filter((x) => x !== f));
    if (timer.current) clearTimeout(timer.current);
    save(next);
  };
  const confirm = (f: FieldFinding) => {
    confirmer.submit({ intent: "confirm", field: f.field, kind: f.kind, text: f.text }, { method: "post" });
    // Shown as confirmed at once; the server records it and every later scan marks it so.
    setFindings((list) => list.map((x) => (x.field === f.field && x.kind === f.kind && x.text === f.text ? { ...x, confirmed: true } : x)));
  };

  const unresolved = [...findings, ...d.attachments.flatMap((f) => f.findings)].filter((f) => !f.confirmed);
  const fileResult = result && (result.intent === "attach" || result.intent === "remove") ? result : null;
  const fileError = fileResult && !fileResult.ok ? fileResult.error : null;
  const maxSize = fileSize(d.maxAttachmentBytes, locale);
  const submitted = d.status === "submitted";
  const saving = saver.state !== "idle";
  const conflict = saver.data && saver.data.intent === "save" && saver.data.conflict;

  return (
    <div className="page">
      <CasePageHead back={`/sessions/${d.session.id}`} title="cases.title.own" session={d.session} locale={locale} />

      <section className="panel" aria-labelledby="assignment">
        <h2 id="assignment">{t("cases.instructions")}</h2>
        <p className="case-text">
          <JaText>{d.assignment.instructions}</JaText>
        </p>
        <p>
          <strong>{t("cases.due", { date: format.dateTime(d.assignment.dueAt) })}</strong>
        </p>
        <p className="alert alert-info" role="note">
          {d.assignment.deletesAt
            ? t("cases.retention", { days: d.assignment.retentionDays, date: format.date(d.assignment.deletesAt) })
            : t("cases.retentionNoDate", { days: d.assignment.retentionDays })}
        </p>
        <h3>{t("cases.goals")}</h3>
        <ul>
          {d.assignment.goals.map((g) => (
            <li key={g.code}>
              <span className="muted">{g.code}</span> <JaText>{g.text}</JaText>
            </li>
          ))}
        </ul>
      </section>

      <p>
        {t("cases.status")}: <strong>{submitted ? t("cases.status.submitted") : t("cases.status.draft")}</strong>
        {d.late ? <span className="badge badge-late"> {t("cases.late")}</span> : null}
        {submitted ? <span> · {t(`cases.review.${d.review as "none"}`)}</span> : null}
      </p>

      <div aria-live="polite">
        {result && result.intent === "submit" && result.ok ? (
          <p className="alert alert-success" role="status">
            {t(result.late ? "cases.submittedLate" : "cases.submitted", { version: result.version })}
          </p>
        ) : null}
        {result && result.intent === "submit" && !result.ok ? (
          <div className="alert alert-error" role="alert">
            {result.reason === "unresolved" ? (
              <p>{t("cases.error.unresolved", { count: result.findings.filter((f) => !f.confirmed).length })}</p>
            ) : null}
            {result.reason === "incomplete" ? (
              <p>{t("cases.error.incomplete", { fields: result.missing.map((k) => fieldLabel(d.template, k, locale)).join("、") })}</p>
            ) : null}
            {result.reason === "deleted" ? <p>{t("cases.error.deleted")}</p> : null}
            {result.reason === "invalid" ? <p>{t("cases.error.conflict")}</p> : null}
          </div>
        ) : null}
      </div>

      {d.textsDeleted ? (
        <p className="alert alert-info">{t("cases.error.deleted")}</p>
      ) : (
        <Form method="post" className="stack case-form" noValidate>
          <input type="hidden" name="revision" value={revision} />
          <p className="alert alert-warning" role="note">
            {t("cases.guardIntro")}
          </p>
          {d.pastDue ? <p className="alert alert-warning">{t("cases.pastDue")}</p> : null}
          {d.template.sections.map((s) => (
            <fieldset key={s.key} className="panel">
              <legend>{s.title[locale]}</legend>
              {s.fields.map((f) => {
                const id = `f-${f.key}`;
                const mine = findings.filter((x) => x.field === f.key);
                const hintId = f.hint ? `${id}-hint` : undefined;
                const findId = mine.length ? `${id}-findings` : undefined;
                const describedBy = [hintId, findId].filter(Boolean).join(" ") || undefined;
                return (
                  <div className="field" key={f.key}>
                    <label htmlFor={id}>{f.label[locale]}</label>
                    {f.hint ? (
                      <p className="hint" id={hintId}>
                        {f.hint[locale]}
                      </p>
                    ) : null}
                    {f.kind === "choice" ? (
                      <select
                        id={id}
                        name={`f.${f.key}`}
                        value={fields[f.key] ?? ""}
                        onChange={(e) => change(f.key, e.target.value)}
                        aria-describedby={describedBy}
                      >
                        <option value="">—</option>
                        {f.choices?.map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </select>
                    ) : f.kind === "text" ? (
                      <input
                        id={id}
                        name={`f.${f.key}`}
                        value={fields[f.key] ?? ""}
                        maxLength={f.max}
                        onChange={(e) => change(f.key, e.target.value)}
                        aria-describedby={describedBy}
                        aria-invalid={mine.some((x) => !x.confirmed) || undefined}
                      />
                    ) : (
                      <textarea
                        id={id}
                        name={`f.${f.key}`}
                        value={fields[f.key] ?? ""}
                        maxLength={f.max}
                        rows={5}
                        onChange={(e) => change(f.key, e.target.value)}
                        aria-describedby={describedBy}
                        aria-invalid={mine.some((x) => !x.confirmed) || undefined}
                      />
                    )}
                    {mine.length ? (
                      <div className="case-findings" id={findId} data-testid={`findings-${f.key}`}>
                        <p className="case-preview" aria-label={t("cases.findings.preview")}>
                          <MarkedText
                            text={fields[f.key] ?? ""}
                            marks={mine.map((x) => ({ start: x.start, end: x.end, label: t(KIND_KEYS[x.kind]), confirmed: x.confirmed }))}
                          />
                        </p>
                        <ul>
                          {mine.map((x, i) => (
                            <FindingItem
                              key={`${x.kind}-${x.start}-${i}`}
                              finding={x}
                              onReplace={() => replace(x)}
                              onConfirm={() => confirm(x)}
                            />
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ))}
          <p role="status" className="muted" data-testid="save-state">
            {conflict ? t("cases.draftConflict") : saving ? t("cases.draftSaving") : !dirty && saver.data ? t("cases.draftSaved") : ""}
          </p>
          <p data-testid="findings-summary">
            {unresolved.length ? t("cases.findings.count", { count: unresolved.length }) : t("cases.findings.none")}
          </p>
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button secondary" disabled={busy}>
              {t("cases.saveDraft")}
            </button>
            <button type="submit" name="intent" value="submit" className="button" disabled={busy || saving}>
              {submitted ? t("cases.resubmit") : t("cases.submit")}
            </button>
          </div>
        </Form>
      )}

      {!d.textsDeleted ? (
        <section className="panel" aria-labelledby="files">
          <h2 id="files">{t("cases.files.title")}</h2>
          <p className="hint" id="file-hint">
            {t("cases.files.intro", { size: maxSize, count: d.maxAttachments })}
          </p>
          <div aria-live="polite">
            {fileResult && fileResult.ok ? (
              <p className="alert alert-success" role="status">
                {fileResult.intent === "remove"
                  ? t("cases.files.removed")
                  : fileResult.findings
                    ? t("cases.files.addedFindings", { count: fileResult.findings })
                    : t("cases.files.added")}
              </p>
            ) : null}
          </div>
          {d.attachments.length === 0 ? (
            <p>{t("cases.files.none")}</p>
          ) : (
            <ul className="case-files">
              {d.attachments.map((f) => (
                <li key={f.id} className="case-file" data-testid="case-file">
                  <p>
                    <a href={`/sessions/${d.session.id}/case/attachments/${f.id}`} download>
                      {f.name}
                    </a>{" "}
                    <span className="muted">
                      ({f.kind === "docx" ? "Word" : "PDF"}, {fileSize(f.sizeBytes, locale)}) ·{" "}
                      {f.submittedAt ? t("cases.files.submitted") : t("cases.files.notSubmitted")}
                    </span>
                  </p>
                  {f.findings.length ? (
                    <div className="case-findings" data-testid="file-findings">
                      <p>{t("cases.files.findings")}</p>
                      <ul>
                        {f.findings.map((x, i) => (
                          <FindingItem key={`${x.kind}-${x.start}-${i}`} finding={x} onConfirm={() => confirm(x)} />
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="attachmentId" value={f.id} />
                    <button type="submit" className="button small secondary" disabled={busy}>
                      {t("cases.files.remove", { name: f.name })}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <div className="field">
              <label htmlFor="case-file">{t("cases.files.choose")}</label>
              <input
                id="case-file"
                type="file"
                name="file"
                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
              />
              {fileError ? (
                <ul className="error-list" id="file-error" role="alert">
                  <li>{t(`cases.files.error.${fileError}`, { size: maxSize, count: d.maxAttachments })}</li>
                </ul>
              ) : null}
            </div>
            <button type="submit" className="button secondary" disabled={busy}>
              {t("cases.files.upload")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="feedback">
        <h2 id="feedback">{t("cases.feedback")}</h2>
        {d.comments.length === 0 && d.rubric.rated === 0 ? <p>{t("cases.noFeedback")}</p> : null}
        {d.comments.length ? (
          <ul className="case-comments">
            {d.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {t("cases.version", { number: c.versionNumber })} · {fieldLabel(d.template, c.field, locale)} · {format.date(c.createdAt)}
                </p>
                <blockquote>{t("cases.comment.on", { quote: c.quote })}</blockquote>
                <p className="case-text">
                  <JaText>{c.body}</JaText>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        {d.rubric.rated > 0 ? (
          <>
            <RubricTable goals={d.assignment.goals} ratings={d.ratings} caption={t("cases.rubric")} />
            <p>{t("cases.rubric.summary", { rated: d.rubric.rated, rows: d.rubric.rows, reached: d.rubric.reached.length })}</p>
          </>
        ) : null}
        {d.questions.length ? (
          <>
            <h3>{t("cases.questions")}</h3>
            <ul>
              {d.questions.map((q) => (
                <li key={q.id}>
                  <JaText className="muted">{q.author}</JaText>: <JaText className="case-text">{q.body}</JaText>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {d.versions.length ? (
        <section className="panel" aria-labelledby="versions">
          <h2 id="versions">{t("cases.versions")}</h2>
          <ul>
            {d.versions.map((v) => (
              <li key={v.number}>
                {t("cases.versionSubmitted", { number: v.number, date: format.dateTime(v.submittedAt) })}
                {v.late ? <span className="badge badge-late"> {t("cases.late")}</span> : null}
              </li>
            ))}
          </ul>
          {d.diffs.map((df) => (
            <details key={df.number}>
              <summary>{t("cases.changes", { number: df.number })}</summary>
              {df.diff
                .filter((x) => x.changed)
                .map((x) => (
                  <div key={x.key}>
                    <h3>{fieldLabel(d.template, x.key, locale)}</h3>
                    <div className="case-diff">
                      {x.lines
                        .filter((l) => l.kind !== "same")
                        .map((l, i) =>
                          l.kind === "added" ? (
                            <ins key={i}>
                              <span className="visually-hidden">{t("cases.added")}: </span>
                              <JaText>{l.text}</JaText>
                            </ins>
                          ) : (
                            <del key={i}>
                              <span className="visually-hidden">{t("cases.removed")}: </span>
                              <JaText>{l.text}</JaText>
                            </del>
                          ),
                        )}
                    </div>
                  </div>
                ))}
              {df.diff.every((x) => !x.changed) ? <p>{t("cases.noChanges")}</p> : null}
            </details>
          ))}
          {d.versions.length ? (
            <details>
              <summary>{t("cases.version", { number: d.versions[d.versions.length - 1].number })}</summary>
              <CaseView template={d.template} fields={d.versions[d.versions.length - 1].fields} locale={locale} />
            </details>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
