import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { requireOwnOffice } from "~/auth/permissions.server";
import {
  loadSheet,
  NotEditableError,
  parseYear,
  readAnswer,
  saveAllAnswers,
  saveOneAnswer,
  submitEvaluation,
  type AnswerView,
} from "~/evaluation/evaluation.server";
import { ChecklistItemFieldset, isLocalAnswered, localFrom, type LocalAnswer } from "~/evaluation/sheet-form";
import type { MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { formValues } from "~/lib/forms";

export const meta: MetaFunction = () => [{ title: "自己評価チェックシート | つなぐ" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { officeId } = await requireOwnOffice(request);
  const fiscalYear = parseYear(params.year);
  return loadSheet(officeId, fiscalYear);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const fiscalYear = parseYear(params.year);
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "answer") {
      const code = String(formData.get("code") ?? "");
      const input = readAnswer(formData, code);
      if (!input)
        return data(
          {
            intent: "answer" as const,
            code,
            status: "invalid" as const,
            error: "validation.invalid" as MessageKey,
          },
          { status: 400 },
        );
      const result = await saveOneAnswer(officeId, fiscalYear, user.id, input);
      const status = result.status === "conflict" ? 409 : result.status === "invalid" ? 400 : 200;
      return data(
        {
          intent: "answer" as const,
          code,
          status: result.status,
          answer: "answer" in result ? result.answer : undefined,
          saved: result.status === "conflict" ? result.saved : undefined,
          error: result.status === "invalid" ? result.error : undefined,
        },
        { status },
      );
    }
    // The whole form (the page without JavaScript, or the buttons at the end): save, then submit if asked.
    const saved = await saveAllAnswers(officeId, fiscalYear, user.id, formData);
    const values = formValues(formData);
    if (saved.conflicts.length || saved.errors.length) {
      return data(
        {
          intent: "saveAll" as const,
          ...saved,
          values,
          missing: [] as string[],
          submitted: false,
        },
        { status: saved.conflicts.length ? 409 : 400 },
      );
    }
    if (intent === "submit") {
      const result = await submitEvaluation(officeId, fiscalYear, user);
      if (!result.ok)
        return data(
          {
            intent: "submit" as const,
            ...saved,
            values,
            missing: result.missing,
            submitted: false,
          },
          { status: 400 },
        );
      return {
        intent: "submit" as const,
        ...saved,
        values: {},
        missing: [] as string[],
        submitted: true,
      };
    }
    return {
      intent: "saveAll" as const,
      ...saved,
      values: {},
      missing: [] as string[],
      submitted: false,
    };
  } catch (error) {
    if (error instanceof NotEditableError)
      return data({ intent: "readOnly" as const, code: "", status: "readOnly" as const }, { status: 409 });
    throw error;
  }
}

// Saving one answer changes nothing else on the page: skip reloading the 73 items after each one.
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

export default function EvaluationSheet() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const sheet = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormResult | { intent: "readOnly" | "answer" } | undefined;
  // Only a whole-form result is drawn here: a one-answer result (a no-JavaScript post of intent=answer) is not.
  const result = actionData && (actionData.intent === "saveAll" || actionData.intent === "submit") ? (actionData as FormResult) : null;
  const navigation = useNavigation();
  const editable = sheet.status !== "SUBMITTED";
  const [answers, setAnswers] = useState(() => initialAnswers(sheet.template.items, sheet.answers, result));
  // A reload of the sheet (after saving the whole form or submitting) brings the new revisions.
  const shownSheet = useRef(sheet);
  useEffect(() => {
    if (shownSheet.current === sheet) return;
    shownSheet.current = sheet;
    setAnswers(initialAnswers(sheet.template.items, sheet.answers, result));
  }, [sheet, result]);
  const onChange = useCallback(
    (code: string, patch: Partial<LocalAnswer>) => setAnswers((prev) => ({ ...prev, [code]: { ...prev[code], ...patch } })),
    [],
  );
  const answered = useMemo(() => Object.values(answers).filter(isLocalAnswered).length, [answers]);
  const itemsByCategory = useMemo(
    () =>
      sheet.template.categories.map((c) => ({
        ...c,
        items: sheet.template.items.filter((i) => i.categoryCode === c.code),
      })),
    [sheet.template],
  );
  const itemText = (code: string) => {
    const item = sheet.template.items.find((i) => i.code === code);
    return item ? (locale === "en" && item.textEn ? item.textEn : item.textJa) : code;
  };
  const year = format.fiscalYear(sheet.fiscalYear);
  const lastReturn = [...sheet.events].reverse().find((e) => e.kind === "RETURNED");
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "answer";

  return (
    <div className="page evaluation-sheet">
      <p>
        <Link to="/evaluation">← {t("evaluation.back")}</Link>
      </p>
      <h1>{t("evaluation.sheet.title", { year })}</h1>
      <p className="muted">
        {t("evaluation.sheet.version", { version: sheet.template.version })} · {t(`evaluation.status.${sheet.status}`)}
        {sheet.status === "SUBMITTED" ? (
          <>
            {" · "}
            <Link to={`/evaluation/${sheet.fiscalYear}/results`}>{t("evaluation.viewResults")}</Link>
          </>
        ) : null}
      </p>

      {result?.submitted ? (
        <p className="alert alert-success" role="status">
          {t("evaluation.submit.done")}
        </p>
      ) : null}
      {sheet.status === "SUBMITTED" ? (
        <p className="alert alert-success">{sheet.imported ? t("imports.results.importedSheet") : t("evaluation.readOnly")}</p>
      ) : sheet.status === "RETURNED" && lastReturn ? (
        <p className="alert alert-error">
          {t("evaluation.returnedNotice", {
            comment: lastReturn.comment || "—",
          })}
        </p>
      ) : null}
      {result && result.intent === "saveAll" && !result.conflicts.length && !result.errors.length ? (
        <p className="alert alert-success" role="status">
          {t("evaluation.saveAll.done", { count: result.saved })}
        </p>
      ) : null}
      {result && result.conflicts.length ? (
        <div className="alert alert-error" role="alert">
          <p>
            {t("evaluation.conflict.summary", {
              count: result.conflicts.length,
            })}
          </p>
          <ul>
            {result.conflicts.map((c) => (
              <li key={c.code}>
                <a href={`#item-${c.code}`}>{c.code}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && result.errors.length ? (
        <div className="alert alert-error" role="alert">
          <p>{t("evaluation.saveAll.problems", { count: result.errors.length })}</p>
          <ul>
            {result.errors.map((e) => (
              <li key={e.code}>
                <a href={`#item-${e.code}`}>
                  {e.code} {itemText(e.code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && result.missing.length ? (
        <div className="alert alert-error missing-items" role="alert">
          <p>{t("evaluation.submit.missing", { count: result.missing.length })}</p>
          <ul>
            {result.missing.map((code) => (
              <li key={code}>
                <a href={`#item-${code}`}>
                  {code} {itemText(code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="progress-box">
        <label htmlFor="evaluation-progress">{t("evaluation.progress.label")}</label>
        <progress id="evaluation-progress" max={sheet.total} value={answered} />
        <span className="progress-text">{t("evaluation.progress.text", { answered, total: sheet.total })}</span>
      </div>

      <nav aria-label={t("evaluation.sheet.categories")} className="category-toc">
        <ul>
          {itemsByCategory.map((c) => (
            <li key={c.code}>
              <a href={`#category-${c.code}`}>{locale === "en" ? c.nameEn : c.nameJa}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="post" className="checklist-form" id="checklist-form">
        <fieldset disabled={!editable} className="checklist-all">
          <legend className="visually-hidden">{t("evaluation.sheet.title", { year })}</legend>
          {itemsByCategory.map((c) => (
            <section key={c.code} id={`category-${c.code}`} aria-labelledby={`category-${c.code}-title`} className="checklist-category">
              <h2 id={`category-${c.code}-title`}>{locale === "en" ? c.nameEn : c.nameJa}</h2>
              {c.items.map((item) => (
                <ChecklistItemFieldset key={item.code} item={item} value={answers[item.code]} editable={editable} onChange={onChange} />
              ))}
            </section>
          ))}
        </fieldset>
        {editable ? (
          <div className="panel sheet-actions">
            <p className="hint">{t("evaluation.saveAll.hint")}</p>
            <div className="button-row">
              <button type="submit" name="intent" value="saveAll" className="button secondary" disabled={busy}>
                {t("evaluation.saveAll")}
              </button>
            </div>
            <h2>{t("evaluation.submit.title")}</h2>
            <p>{t("evaluation.submit.lead")}</p>
            <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
              {t("evaluation.submit.button")}
            </button>
          </div>
        ) : null}
      </Form>

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t("evaluation.history.title")}</h2>
        {sheet.events.length === 0 ? <p>{t("evaluation.history.empty")}</p> : null}
        <ul>
          {sheet.events.map((e) => (
            <li key={e.id}>
              {format.dateTime(e.createdAt)} {t(`evaluation.history.${e.kind}`, { name: e.actor ?? "—" })}
              {e.comment ? `: ${e.comment}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
