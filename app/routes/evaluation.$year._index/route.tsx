import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { requireOwnOffice } from "~/auth/permissions.server";
import {
  loadSheetStep,
  NotEditableError,
  readAnswer,
  saveAllAnswers,
  saveOneAnswer,
  submitEvaluation,
  type AnswerView,
} from "~/evaluation/evaluation.server";
import { JaText, InJapaneseNotice } from "~/components/ja-text";
import { ChecklistItemFieldset, isLocalAnswered, localFrom, type LocalAnswer } from "~/evaluation/sheet-form";
import { inLocale, type MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { formValues } from "~/lib/forms";
import { fiscalYearParam } from "~/lib/params";
import { intentResult } from "~/lib/action-result.server";
import { dataMeta } from "~/lib/meta";
import { SummaryStep } from "./summary-step";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) => t("evaluation.sheet.title", { year: fiscalYear(d.fiscalYear) }));

// The sheet in steps (issue 14): one category per step (?step=1…n), then a summary step (?step=summary)
// that lists what is missing and asks for confirmation before the irreversible submit.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { officeId } = await requireOwnOffice(request);
  const fiscalYear = fiscalYearParam(params.year);
  return loadSheetStep(officeId, fiscalYear, new URL(request.url).searchParams.get("step"));
}

// The step-moving buttons (?step= after saving) and the submit confirmation.
const stepForm = z.object({
  goto: z.union([z.literal("summary"), z.string().regex(/^[1-9][0-9]?$/)]).optional(),
  confirm: z.literal("yes").optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const fiscalYear = fiscalYearParam(params.year);
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "answer") {
      const code = String(formData.get("code") ?? "");
      const input = readAnswer(formData, code);
      if (!input)
        return intentResult(
          "answer",
          {
            code,
            status: "invalid" as const,
            error: "validation.invalid" as MessageKey,
          },
          400,
        );
      const result = await saveOneAnswer(officeId, fiscalYear, user.id, input);
      const status = result.status === "conflict" ? 409 : result.status === "invalid" ? 400 : 200;
      return intentResult(
        "answer",
        {
          code,
          status: result.status,
          answer: "answer" in result ? result.answer : undefined,
          saved: result.status === "conflict" ? result.saved : undefined,
          error: result.status === "invalid" ? result.error : undefined,
        },
        status,
      );
    }
    const parsed = stepForm.safeParse({
      goto: formData.get("goto") ?? undefined,
      confirm: formData.get("confirm") ?? undefined,
    });
    // A step's form (the page without JavaScript, or the buttons at the end of each step): save, then move or submit.
    const saved = await saveAllAnswers(officeId, fiscalYear, user.id, formData);
    const values = formValues(formData);
    if (saved.conflicts.length || saved.errors.length) {
      return intentResult(
        "saveAll",
        {
          ...saved,
          values,
          missing: [] as string[],
          confirmMissing: false,
          submitted: false,
        },
        saved.conflicts.length ? 409 : 400,
      );
    }
    if (intent === "submit") {
      // Submitting cannot be undone by the office: the person ticks the confirmation first.
      if (!parsed.success || parsed.data.confirm !== "yes")
        return intentResult(
          "submit",
          {
            ...saved,
            values,
            missing: [] as string[],
            confirmMissing: true,
            submitted: false,
          },
          400,
        );
      const result = await submitEvaluation(officeId, fiscalYear, user);
      if (!result.ok)
        return intentResult(
          "submit",
          {
            ...saved,
            values,
            missing: result.missing,
            confirmMissing: false,
            submitted: false,
          },
          400,
        );
      return intentResult("submit", {
        ...saved,
        values: {},
        missing: [] as string[],
        confirmMissing: false,
        submitted: true,
      });
    }
    if (parsed.success && parsed.data.goto) throw redirect(`/evaluation/${fiscalYear}?step=${parsed.data.goto}`);
    return intentResult("saveAll", {
      ...saved,
      values: {},
      missing: [] as string[],
      confirmMissing: false,
      submitted: false,
    });
  } catch (error) {
    if (error instanceof NotEditableError) return intentResult("readOnly", { code: "", status: "readOnly" as const }, 409);
    throw error;
  }
}

// Saving one answer changes nothing else on the page: skip reloading the step after each one.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  if (formData?.get("intent") === "answer") return false;
  return defaultShouldRevalidate;
};

type FormResult = {
  intent: "saveAll" | "submit";
  saved: number;
  conflicts: { code: string; saved: AnswerView }[];
  errors: { code: string; error: MessageKey }[];
  values: Record<string, string>;
  missing: string[];
  confirmMissing: boolean;
  submitted: boolean;
};

function initialAnswers(items: { code: string }[], answers: AnswerView[], result: FormResult | null): Record<string, LocalAnswer> {
  const byCode = new Map(answers.map((a) => [a.code, a]));
  const state: Record<string, LocalAnswer> = {};
  for (const { code } of items) {
    let local = localFrom(byCode.get(code));
    // After a refused whole-form save, keep what the user typed and show the saved version beside it.
    if (result && Object.keys(result.values).length) {
      const v = result.values;
      if (`comment_${code}` in v || `rating_${code}` in v) {
        local = {
          ...local,
          rating: v[`rating_${code}`] ?? "",
          reason: v[`reason_${code}`] ?? "",
          comment: v[`comment_${code}`] ?? "",
          evidence: v[`evidence_${code}`] ?? "",
        };
      }
      const conflict = result.conflicts.find((c) => c.code === code);
      if (conflict)
        local = {
          ...local,
          state: "conflict",
          conflict: conflict.saved,
          revision: conflict.saved.revision,
        };
      const error = result.errors.find((e) => e.code === code);
      if (error) local = { ...local, state: "error", error: error.error };
    }
    state[code] = local;
  }
  return state;
}

const STATUS_KEYS: Partial<Record<LocalAnswer["state"], MessageKey>> = {
  saving: "evaluation.item.saving",
  saved: "evaluation.item.saved",
  error: "evaluation.item.error",
  conflict: "evaluation.conflict.title",
};

export default function EvaluationSheet() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const sheet = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Only a whole-form result is drawn here: a one-answer result (a no-JavaScript post of intent=answer) is not.
  const result = actionData && (actionData.intent === "saveAll" || actionData.intent === "submit") ? actionData : null;
  const navigation = useNavigation();
  const editable = sheet.status !== "SUBMITTED";
  const [answers, setAnswers] = useState(() => initialAnswers(sheet.items, sheet.answers, result));
  // The one live region for saving: the latest item whose save state changed.
  const [announced, setAnnounced] = useState<{ code: string; state: LocalAnswer["state"] } | null>(null);
  // "Ratings only" hides the guidance and the notes, so a keyboard goes from one rating group to the next.
  const [compact, setCompact] = useState(false);
  // A reload of the step (another step, or after saving the whole form or submitting) brings the new revisions.
  // Reset while rendering (not in an effect): another step's items must never be drawn with no answer state.
  const [shownSheet, setShownSheet] = useState(sheet);
  if (shownSheet !== sheet) {
    setShownSheet(sheet);
    setAnswers(initialAnswers(sheet.items, sheet.answers, result));
  }
  const onChange = useCallback((code: string, patch: Partial<LocalAnswer>) => {
    setAnswers((prev) => ({ ...prev, [code]: { ...prev[code], ...patch } }));
    if (patch.state && STATUS_KEYS[patch.state]) setAnnounced({ code, state: patch.state });
  }, []);

  const step = sheet.step;
  const stepCount = sheet.steps.length;
  const current = typeof step === "number" ? sheet.steps[step - 1] : null;
  const localAnswered = useMemo(() => sheet.items.filter((i) => isLocalAnswered(answers[i.code])).length, [answers, sheet.items]);
  const counts = sheet.steps.map((s) => (current && s.step === current.step ? { ...s, answered: localAnswered } : s));
  const answered = counts.reduce((sum, s) => sum + s.answered, 0);
  const name = (c: { nameJa: string; nameEn: string }) => (locale === "en" ? c.nameEn : c.nameJa);
  const itemText = (code: string) => {
    const item = sheet.items.find((i) => i.code === code) ?? sheet.missing.find((i) => i.code === code);
    return item ? inLocale(locale, item.textJa, item.textEn) : code;
  };
  const stepOfMissing = (code: string) => sheet.missing.find((m) => m.code === code)?.step ?? 1;
  const year = format.fiscalYear(sheet.fiscalYear);
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "answer";
  const sheetUrl = `/evaluation/${sheet.fiscalYear}`;

  // Feedback appears where the person is and takes focus: after a step change the step's heading,
  // after a whole-form save or a submit the message.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  const location = useLocation();
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    // A link to one item (from the summary or a refused submit) lands in that item's rating group.
    const target = location.hash.startsWith("#item-") ? document.getElementById(location.hash.slice(1)) : null;
    const radio =
      target?.querySelector<HTMLInputElement>("input[type=radio]:checked") ?? target?.querySelector<HTMLInputElement>("input[type=radio]");
    if (radio) radio.focus();
    else stepHeading.current?.focus();
  }, [step, location.hash]);
  const shownResult = useRef<unknown>(null);
  useEffect(() => {
    if (!result || shownResult.current === result) return;
    shownResult.current = result;
    const el = feedback.current;
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "start" });
    }
  }, [result]);

  const hasFeedback = !!result;
  const announcedText = announced
    ? t("usability.steps.saveStatus", { code: announced.code, state: t(STATUS_KEYS[announced.state] ?? "evaluation.item.saved") })
    : "";

  return (
    <div className="page evaluation-sheet">
      <p>
        <Link to="/evaluation">← {t("evaluation.back")}</Link>
      </p>
      <h1>{t("evaluation.sheet.title", { year })}</h1>
      <p className="muted">
        {t("evaluation.sheet.version", { version: sheet.templateVersion })} · {t(`evaluation.status.${sheet.status}`)}
        {sheet.status === "SUBMITTED" ? (
          <>
            {" · "}
            <Link to={`${sheetUrl}/results`}>{t("evaluation.viewResults")}</Link>
          </>
        ) : null}
      </p>

      {sheet.status === "SUBMITTED" && !result?.submitted ? (
        <p className="alert alert-success">{sheet.imported ? t("imports.results.importedSheet") : t("evaluation.readOnly")}</p>
      ) : sheet.status === "RETURNED" && sheet.lastReturn ? (
        <p className="alert alert-error">
          {t("evaluation.returnedNotice", {
            comment: sheet.lastReturn.comment || "—",
          })}
        </p>
      ) : null}

      <div className="progress-box steps-bar">
        <div className="steps-bar-total">
          <label htmlFor="evaluation-progress">{t("evaluation.progress.label")}</label>
          <progress id="evaluation-progress" max={sheet.total} value={answered} />
          <span className="progress-text">{t("evaluation.progress.text", { answered, total: sheet.total })}</span>
        </div>
        <nav aria-label={t("usability.steps.nav")} className="step-list">
          <ol>
            {counts.map((s) => (
              <li key={s.code} className={s.answered === s.total ? "complete" : undefined}>
                <Link
                  to={`${sheetUrl}?step=${s.step}`}
                  aria-current={step === s.step ? "step" : undefined}
                  aria-label={`${name(s)} ${t("usability.steps.countLong", { answered: s.answered, total: s.total })}`}
                >
                  <span className="step-name">
                    <JaText>{name(s)}</JaText>
                  </span>{" "}
                  <span className="step-count">{t("usability.steps.count", { answered: s.answered, total: s.total })}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link to={`${sheetUrl}?step=summary`} aria-current={step === "summary" ? "step" : undefined}>
                <span className="step-name">{t("usability.steps.summaryShort")}</span>
              </Link>
            </li>
          </ol>
        </nav>
        <p className="save-status" role="status">
          {announcedText}
        </p>
      </div>

      <h2 id="step-title" ref={stepHeading} tabIndex={-1} className="step-title">
        {current
          ? t("usability.steps.stepTitle", { step: current.step, count: stepCount, name: name(current) })
          : t("usability.summary.title")}
      </h2>
      {current ? <InJapaneseNotice texts={sheet.items.map((i) => inLocale(locale, i.textJa, i.textEn))} /> : null}

      {hasFeedback ? (
        <div className="feedback" ref={feedback} tabIndex={-1} aria-labelledby="feedback-title">
          <h3 id="feedback-title" className="visually-hidden">
            {result.submitted || (result.intent === "saveAll" && !result.conflicts.length && !result.errors.length)
              ? t("usability.feedback.doneTitle")
              : t("usability.feedback.errorTitle")}
          </h3>
          {result.submitted ? (
            <p className="alert alert-success">
              <strong>{t("evaluation.submit.done")}</strong> {t("evaluation.readOnly")}
            </p>
          ) : null}
          {result.intent === "saveAll" && !result.conflicts.length && !result.errors.length ? (
            <p className="alert alert-success">{t("evaluation.saveAll.done", { count: result.saved })}</p>
          ) : null}
          {result.conflicts.length ? (
            <div className="alert alert-error">
              <p>{t("evaluation.conflict.summary", { count: result.conflicts.length })}</p>
              <ul>
                {result.conflicts.map((c) => (
                  <li key={c.code}>
                    <a href={`#item-${c.code}`}>
                      {c.code} <JaText>{itemText(c.code)}</JaText>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.errors.length ? (
            <div className="alert alert-error">
              <p>{t("evaluation.saveAll.problems", { count: result.errors.length })}</p>
              <ul>
                {result.errors.map((e) => (
                  <li key={e.code}>
                    <a href={`#item-${e.code}`}>
                      {e.code} <JaText>{itemText(e.code)}</JaText>: {t(e.error)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.confirmMissing ? <p className="alert alert-error">{t("usability.summary.confirmMissing")}</p> : null}
          {result.missing.length ? (
            <div className="alert alert-error missing-items">
              <p>{t("evaluation.submit.missing", { count: result.missing.length })}</p>
              <ul>
                {result.missing.map((code) => (
                  <li key={code}>
                    <Link to={`${sheetUrl}?step=${stepOfMissing(code)}#item-${code}`}>
                      {code} <JaText>{itemText(code)}</JaText>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      {current ? (
        <Form method="post" action={`${sheetUrl}?index&step=${current.step}`} className="checklist-form" id="checklist-form">
          {editable ? (
            <p className="compact-toggle">
              <input type="checkbox" id="compact-toggle" checked={compact} onChange={(e) => setCompact(e.target.checked)} />
              <label htmlFor="compact-toggle">{t("usability.steps.compact")}</label>
            </p>
          ) : null}
          <fieldset disabled={!editable} className="checklist-all">
            <legend className="visually-hidden">
              <JaText>{name(current)}</JaText>
            </legend>
            <section id={`category-${current.code}`} className="checklist-category">
              {sheet.items.map((item) => (
                <ChecklistItemFieldset
                  key={item.code}
                  item={item}
                  value={answers[item.code] ?? localFrom(sheet.answers.find((a) => a.code === item.code))}
                  editable={editable}
                  onChange={onChange}
                />
              ))}
            </section>
          </fieldset>
          <div className="step-actions">
            {editable ? <p className="hint">{t("usability.steps.saveHint")}</p> : null}
            <div className="button-row">
              {editable ? (
                <button
                  type="submit"
                  name="goto"
                  value={current.step < stepCount ? String(current.step + 1) : "summary"}
                  className="button"
                  disabled={busy}
                >
                  {current.step < stepCount
                    ? t("usability.steps.next", { name: name(sheet.steps[current.step]) })
                    : t("usability.steps.toSummary")}
                </button>
              ) : (
                <Link className="button" to={`${sheetUrl}?step=${current.step < stepCount ? current.step + 1 : "summary"}`}>
                  {current.step < stepCount ? <JaText>{name(sheet.steps[current.step])}</JaText> : t("usability.steps.summaryShort")} →
                </Link>
              )}
              {current.step > 1 ? (
                editable ? (
                  <button type="submit" name="goto" value={String(current.step - 1)} className="button secondary" disabled={busy}>
                    {t("usability.steps.prev", { name: name(sheet.steps[current.step - 2]) })}
                  </button>
                ) : (
                  <Link className="button secondary" to={`${sheetUrl}?step=${current.step - 1}`}>
                    ← <JaText>{name(sheet.steps[current.step - 2])}</JaText>
                  </Link>
                )
              ) : null}
            </div>
          </div>
        </Form>
      ) : (
        <SummaryStep
          sheet={sheet}
          counts={counts}
          editable={editable}
          busy={busy}
          sheetUrl={sheetUrl}
          submitted={!!result?.submitted}
          name={name}
        />
      )}
    </div>
  );
}
