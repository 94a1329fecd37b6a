import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { applyAction, applyPage } from "~/applications/applications.server";
import { MAX_APPLICATION_FILE_BYTES } from "~/applications/attachment.server";
import { readFormWithFile } from "~/lib/upload.server";
import { FileLink, StatusBadge } from "~/applications/ui";
import { requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import type { MessageKey } from "~/i18n";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { STATUTORY } from "~/applications/rules";
import { pageMeta } from "~/lib/meta";

/** What the file picker offers (the server reads the type from the content whatever the name says). */
const FILE_ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

export const meta = pageMeta("applications.apply.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "applyForTraining");
  return applyPage(user, resolveLocale(request, user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "applyForTraining");
  // A form with a file is read with the file's size limit; the other fields are kept when the file is refused.
  const result = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
    ? await readFormWithFile(request, "attachment", MAX_APPLICATION_FILE_BYTES).then((up) => applyAction(user, up.form, up))
    : await applyAction(user, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function Apply() {
  const t = useT();
  const format = useFormat();
  const { open, mine, maxFileMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  const failedRound = failed?.values?.roundId ? Number(failed.values.roundId) : null;
  return (
    <div className="page">
      <h1>{t("applications.apply.title")}</h1>
      <div aria-live="polite">
        {result && result.ok ? (
          <p className="alert alert-success" role="status">
            {result.intent === "withdraw"
              ? t("applications.apply.withdrawn")
              : result.intent === "attach"
                ? t("applications.file.saved")
                : result.intent === "remove-file"
                  ? t("applications.file.removed")
                  : result.direct
                    ? t("applications.apply.sentDirect")
                    : t("applications.apply.sent")}
          </p>
        ) : null}
        {failed && failedRound === null ? <FormErrorSummary result={failed} /> : null}
      </div>
      <section aria-labelledby="mine">
        <h2 id="mine">{t("applications.apply.mine")}</h2>
        {mine.length === 0 ? (
          <p>{t("applications.apply.noneMine")}</p>
        ) : (
          <ul className="card-list">
            {mine.map((a) => (
              <li key={a.id} className="card">
                <h3>{a.round.title}</h3>
                <p>
                  <StatusBadge status={a.status} direct={a.direct} />
                  {a.status === "waitlisted" && a.waitlistPosition ? ` ${t("applications.waitlistN", { n: a.waitlistPosition })}` : ""}
                </p>
                <p className="small muted">
                  {t("applications.apply.submittedAt", { when: format.dateTime(a.submittedAt) })} ·{" "}
                  {t("applications.apply.closesOn", { date: a.round.closesOn })}
                </p>
                {a.declineReason ? <p className="small">{t("applications.declineReasonIs", { reason: a.declineReason })}</p> : null}
                {a.status === "accepted" ? (
                  <p>
                    <a href={`/apply/${a.id}/notice.pdf`} download>
                      {t("applications.apply.noticePdf")}
                    </a>
                    {a.round.sessionId ? (
                      <>
                        {" · "}
                        <a href={`/sessions/${a.round.sessionId}`}>{t("applications.apply.toSession")}</a>
                      </>
                    ) : null}
                  </p>
                ) : null}
                <FileLink applicationId={a.id} file={a.file} />
                {a.mayChangeFile && a.round.questions.includes("attachment") ? (
                  <div className="inline-forms">
                    <Form method="post" encType="multipart/form-data" className="inline-form" noValidate>
                      <input type="hidden" name="applicationId" value={a.id} />
                      <Field
                        id={`a${a.id}-file`}
                        type="file"
                        name="attachment"
                        label={a.file ? t("applications.file.choose") : t("applications.file.label")}
                        hint={t("applications.file.hint", { mb: maxFileMb })}
                        accept={FILE_ACCEPT}
                      />
                      <button
                        type="submit"
                        name="intent"
                        value="attach"
                        className="button small secondary"
                        disabled={busy}
                        aria-label={`${a.file ? t("applications.file.replace") : t("applications.file.add")}: ${a.round.title}`}
                      >
                        {a.file ? t("applications.file.upload") : t("applications.file.add")}
                      </button>
                    </Form>
                    {a.file ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="applicationId" value={a.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="remove-file"
                          className="button small secondary"
                          disabled={busy}
                          aria-label={`${t("applications.file.remove")}: ${a.round.title}`}
                        >
                          {t("applications.file.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                ) : null}
                {a.mayWithdraw ? (
                  <Form method="post">
                    <input type="hidden" name="applicationId" value={a.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="withdraw"
                      className="button small secondary"
                      disabled={busy}
                      aria-label={`${t("applications.apply.withdraw")}: ${a.round.title}`}
                    >
                      {t("applications.apply.withdraw")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="open">
        <h2 id="open">{t("applications.apply.open")}</h2>
        {open.length === 0 ? <p>{t("applications.apply.noneOpen")}</p> : null}
        {open.map((r) => {
          const mineFailed = failedRound === r.id ? failed : null;
          const e = mineFailed?.fieldErrors ?? {};
          const v = mineFailed?.values ?? {};
          const id = (k: string) => `r${r.id}-${k}`;
          return (
            <section key={r.id} className="panel" aria-labelledby={id("h")}>
              <h3 id={id("h")}>{r.title}</h3>
              <p className="small muted">
                {format.fiscalYear(r.fiscalYear)} · {t(`scheduling.track.${r.track}` as MessageKey)}
                {r.firstDay ? ` · ${format.dateTime(r.firstDay)}` : ""} · {t("applications.col.places")}: {r.places} ·{" "}
                {t("applications.apply.closesOn", { date: r.closesOn })}
              </p>
              <Form method="post" encType="multipart/form-data" noValidate className="stack">
                {mineFailed ? <FormErrorSummary result={mineFailed} /> : null}
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="roundId" value={r.id} />
                {r.questions.includes("experience") ? (
                  <Field
                    id={id("years")}
                    type="number"
                    min={0}
                    max={60}
                    label={t("applications.q.experience")}
                    name="yearsExperience"
                    defaultValue={v.yearsExperience}
                    required
                    errors={e.yearsExperience}
                  />
                ) : null}
                {r.questions.includes("role") ? (
                  <Field
                    id={id("role")}
                    label={t("applications.q.role")}
                    name="currentRole"
                    defaultValue={v.currentRole}
                    required
                    maxLength={200}
                    errors={e.currentRole}
                  />
                ) : null}
                {r.questions.includes("statutory") ? (
                  <SelectField
                    id={id("statutory")}
                    label={t("applications.q.statutory")}
                    name="statutoryTraining"
                    defaultValue={v.statutoryTraining ?? ""}
                    required
                    errors={e.statutoryTraining}
                  >
                    <option value="">{t("applications.choose")}</option>
                    {STATUTORY.map((s) => (
                      <option key={s} value={s}>
                        {t(`applications.statutory.${s}`)}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                {r.questions.includes("learn") ? (
                  <TextareaField
                    id={id("learn")}
                    label={t("applications.q.learn")}
                    name="wantToLearn"
                    defaultValue={v.wantToLearn}
                    required
                    maxLength={2000}
                    rows={3}
                    errors={e.wantToLearn}
                  />
                ) : null}
                {r.questions.includes("attachment") ? (
                  <Field
                    id={id("file")}
                    type="file"
                    label={t("applications.file.label")}
                    name="attachment"
                    hint={t("applications.file.hint", { mb: maxFileMb })}
                    accept={FILE_ACCEPT}
                    errors={e.attachment}
                  />
                ) : null}
                <button type="submit" className="button" disabled={busy} aria-label={`${t("applications.apply.submit")}: ${r.title}`}>
                  {t("applications.apply.submit")}
                </button>
              </Form>
            </section>
          );
        })}
      </section>
    </div>
  );
}
