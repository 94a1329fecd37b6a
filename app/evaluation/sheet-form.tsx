// The checklist form: one <fieldset> per item. With JavaScript each item saves itself through its own
// fetcher as it is answered (sending the revision it was showing); without it, the whole form saves
// with one button. A refused (stale) save shows both versions instead of overwriting.
import { useFetcher } from "@remix-run/react";
import { memo, useCallback, useEffect, useRef } from "react";
import { inLocale, type MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import type { AnswerView, TemplateView } from "./evaluation.server";
import { useHydrated } from "~/lib/use-hydrated";
import { JaText, useLangFor } from "~/components/ja-text";

export const RATING_VALUES = ["4", "3", "2", "1", "na"] as const;

export interface LocalAnswer {
  rating: string;
  reason: string;
  comment: string;
  evidence: string;
  revision: number;
  state: "idle" | "pending" | "saving" | "saved" | "error" | "conflict";
  savedBy: string | null;
  savedAt: string | null;
  conflict?: AnswerView;
  error?: MessageKey;
}

type Item = TemplateView["items"][number];

export function ratingOf(a: { rating: number | null; notApplicable: boolean }): string {
  return a.notApplicable ? "na" : a.rating ? String(a.rating) : "";
}

export function localFrom(a: AnswerView | undefined): LocalAnswer {
  if (!a)
    return {
      rating: "",
      reason: "",
      comment: "",
      evidence: "",
      revision: 0,
      state: "idle",
      savedBy: null,
      savedAt: null,
    };
  return {
    rating: ratingOf(a),
    reason: a.reason,
    comment: a.comment,
    evidence: a.evidence,
    revision: a.revision,
    state: "saved",
    savedBy: a.updatedBy,
    savedAt: a.updatedAt,
  };
}

export function isLocalAnswered(a: LocalAnswer | undefined): boolean {
  if (!a) return false;
  if (a.rating === "na") return a.reason.trim().length > 0;
  return ["1", "2", "3", "4"].includes(a.rating);
}

export interface AnswerActionData {
  intent: "answer";
  code: string;
  status: "saved" | "unchanged" | "conflict" | "invalid" | "readOnly";
  answer?: AnswerView | null;
  saved?: AnswerView;
  error?: MessageKey;
}

function AnswerSummary({ rating, reason, comment, evidence }: { rating: string; reason: string; comment: string; evidence: string }) {
  const t = useT();
  return (
    <dl className="facts answer-summary">
      <dt>{t("evaluation.item.ratingLegend")}</dt>
      <dd>{rating ? t(`evaluation.rating.${rating}` as MessageKey) : t("evaluation.item.notSaved")}</dd>
      {rating === "na" ? (
        <>
          <dt>{t("evaluation.item.reason")}</dt>
          <dd>{reason || "—"}</dd>
        </>
      ) : null}
      <dt>{t("evaluation.item.comment")}</dt>
      <dd>{comment || "—"}</dd>
      <dt>{t("evaluation.item.evidence")}</dt>
      <dd>{evidence || "—"}</dd>
    </dl>
  );
}

interface ItemProps {
  item: Item;
  value: LocalAnswer;
  editable: boolean;
  onChange: (code: string, patch: Partial<LocalAnswer>) => void;
}

export const ChecklistItemFieldset = memo(function ChecklistItemFieldset({ item, value, editable, onChange }: ItemProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const hydrated = useHydrated();
  const fetcher = useFetcher<AnswerActionData>({ key: `answer-${item.code}` });
  // The latest values for the debounced save (kept in step after each render and on each change).
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const code = item.code;
  const text = inLocale(locale, item.textJa, item.textEn);
  const guidance = inLocale(locale, item.guidanceJa, item.guidanceEn);
  const evidenceExamples = inLocale(locale, item.evidenceJa, item.evidenceEn);
  const langFor = useLangFor();

  const save = useCallback(
    (override?: Partial<LocalAnswer>) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const v = { ...latest.current, ...override };
      // A not-applicable answer waits for its reason (the server would refuse it anyway).
      if (v.rating === "na" && !v.reason.trim()) return;
      if (!v.rating && !v.comment && !v.evidence && v.revision === 0) return;
      onChange(code, { state: "saving" });
      fetcher.submit(
        {
          intent: "answer",
          code,
          [`revision_${code}`]: String(v.revision),
          [`rating_${code}`]: v.rating,
          [`reason_${code}`]: v.reason,
          [`comment_${code}`]: v.comment,
          [`evidence_${code}`]: v.evidence,
        },
        { method: "post" },
      );
    },
    [code, fetcher, onChange],
  );

  // The server's answer to this item's save.
  const handled = useRef<unknown>(null);
  useEffect(() => {
    const d = fetcher.data;
    if (fetcher.state !== "idle" || !d || handled.current === d) return;
    handled.current = d;
    if ((d.status === "saved" || d.status === "unchanged") && d.answer) {
      const stillPending = timer.current !== null;
      onChange(code, {
        revision: d.answer.revision,
        state: stillPending ? "pending" : "saved",
        savedBy: d.answer.updatedBy,
        savedAt: d.answer.updatedAt,
        conflict: undefined,
        error: undefined,
      });
    } else if (d.status === "conflict" && d.saved) {
      onChange(code, {
        state: "conflict",
        conflict: d.saved,
        revision: d.saved.revision,
      });
    } else {
      onChange(code, {
        state: "error",
        error: d.error ?? "evaluation.item.error",
      });
    }
  }, [fetcher.state, fetcher.data, code, onChange]);

  const change = (patch: Partial<LocalAnswer>, immediately: boolean) => {
    onChange(code, { ...patch, state: "pending" });
    latest.current = { ...latest.current, ...patch };
    if (!hydrated) return;
    if (immediately) save(patch);
    else {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => save(), 1200);
    }
  };
  const flush = () => {
    if (timer.current) save();
  };

  const reasonMissing = value.rating === "na" && !value.reason.trim();
  const statusText = reasonMissing
    ? t("usability.steps.reasonMissing")
    : value.state === "saving"
      ? t("evaluation.item.saving")
      : value.state === "pending"
        ? t("evaluation.item.pending")
        : value.state === "saved" && value.savedBy && value.savedAt
          ? `${t("evaluation.item.saved")}: ${t("evaluation.item.savedBy", { name: value.savedBy, time: format.dateTime(value.savedAt) })}`
          : value.state === "saved"
            ? t("evaluation.item.saved")
            : value.state === "idle"
              ? t("evaluation.item.notSaved")
              : "";
  const showReason = !hydrated || value.rating === "na" || !!value.reason;
  const legendId = `item-${code}-legend`;

  return (
    <fieldset id={`item-${code}`} className={`checklist-item state-${value.state}`} aria-describedby={`item-${code}-status`}>
      <legend id={legendId}>
        <span className="item-code">{code}</span> <JaText>{text}</JaText>
      </legend>
      {guidance || evidenceExamples ? (
        <details className="item-guidance">
          <summary>{t("evaluation.item.guidance")}</summary>
          {guidance ? <p lang={langFor(guidance)}>{guidance}</p> : null}
          {evidenceExamples ? (
            <p>
              {t("evaluation.item.evidenceExamples", {
                examples: evidenceExamples,
              })}
            </p>
          ) : null}
        </details>
      ) : null}
      <input type="hidden" name={`revision_${code}`} value={value.revision} />
      <div className="rating-options" role="radiogroup" aria-labelledby={legendId}>
        {RATING_VALUES.map((r) => (
          <label key={r} className="rating-option" htmlFor={`${code}-r${r}`}>
            <input
              type="radio"
              id={`${code}-r${r}`}
              name={`rating_${code}`}
              value={r}
              checked={value.rating === r}
              disabled={!editable}
              onChange={() => change({ rating: r }, true)}
            />
            <span>
              {t(`evaluation.rating.${r}`)}
              {r !== "na" ? <span className="rating-points"> ({r})</span> : null}
            </span>
          </label>
        ))}
      </div>
      {showReason ? (
        <div className="field">
          <label htmlFor={`${code}-reason`}>{t("evaluation.item.reason")}</label>
          <input
            id={`${code}-reason`}
            name={`reason_${code}`}
            value={value.reason}
            disabled={!editable}
            maxLength={2000}
            aria-invalid={reasonMissing && hydrated ? true : undefined}
            aria-describedby={reasonMissing && hydrated ? `${code}-reason-error` : undefined}
            onChange={(e) => change({ reason: e.target.value }, false)}
            onBlur={flush}
          />
          {reasonMissing && hydrated ? (
            <p id={`${code}-reason-error`} className="error-list">
              {t("evaluation.item.reasonRequired")}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="item-notes">
        <div className="field">
          <label htmlFor={`${code}-comment`}>{t("evaluation.item.comment")}</label>
          <textarea
            id={`${code}-comment`}
            name={`comment_${code}`}
            rows={2}
            value={value.comment}
            disabled={!editable}
            maxLength={2000}
            onChange={(e) => change({ comment: e.target.value }, false)}
            onBlur={flush}
          />
        </div>
        <div className="field">
          <label htmlFor={`${code}-evidence`}>{t("evaluation.item.evidence")}</label>
          <textarea
            id={`${code}-evidence`}
            name={`evidence_${code}`}
            rows={2}
            value={value.evidence}
            disabled={!editable}
            maxLength={2000}
            onChange={(e) => change({ evidence: e.target.value }, false)}
            onBlur={flush}
          />
        </div>
      </div>
      {/* Not a live region: the page has one for saving (issue 14); this line describes the item. */}
      <p id={`item-${code}-status`} className="item-status">
        {statusText}
      </p>
      {value.state === "error" ? (
        <div className="alert alert-error">
          <p>{t(value.error ?? "evaluation.item.error")}</p>
          {hydrated && value.error !== "evaluation.item.reasonRequired" ? (
            <button type="button" className="button small secondary" onClick={() => save()}>
              {t("evaluation.item.retry")}
            </button>
          ) : null}
        </div>
      ) : null}
      {value.state === "conflict" && value.conflict ? (
        <div className="alert alert-error conflict" role="alert">
          <p>
            <strong>{t("evaluation.conflict.title")}</strong>
          </p>
          <p>{t("evaluation.conflict.body")}</p>
          <div className="conflict-versions">
            <div>
              <h4>{t("evaluation.conflict.yours")}</h4>
              <AnswerSummary rating={value.rating} reason={value.reason} comment={value.comment} evidence={value.evidence} />
            </div>
            <div>
              <h4>
                {t("evaluation.conflict.saved", {
                  name: value.conflict.updatedBy ?? "—",
                  time: value.conflict.updatedAt ? format.dateTime(value.conflict.updatedAt) : "—",
                })}
              </h4>
              <AnswerSummary
                rating={ratingOf(value.conflict)}
                reason={value.conflict.reason}
                comment={value.conflict.comment}
                evidence={value.conflict.evidence}
              />
            </div>
          </div>
          {hydrated ? (
            <div className="button-row">
              <button type="button" className="button small" onClick={() => save()}>
                {t("evaluation.conflict.keepMine")}
              </button>
              <button
                type="button"
                className="button small secondary"
                onClick={() => {
                  const s = value.conflict!;
                  onChange(code, { ...localFrom(s), conflict: undefined });
                }}
              >
                {t("evaluation.conflict.useSaved")}
              </button>
            </div>
          ) : (
            <p>{t("evaluation.conflict.noJs")}</p>
          )}
        </div>
      ) : null}
    </fieldset>
  );
});
