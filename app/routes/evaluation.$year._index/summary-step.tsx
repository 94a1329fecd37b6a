// The sheet's last step (evaluation.$year._index): what is missing by category, and the confirmed submit.
import { Form, Link, type useLoaderData } from "@remix-run/react";
import { JaText } from "~/components/ja-text";
import { inLocale } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import type { loader } from "./route";

export type StepData = ReturnType<typeof useLoaderData<typeof loader>>;

export function SummaryStep({
  sheet,
  counts,
  editable,
  busy,
  sheetUrl,
  submitted,
  name,
}: {
  sheet: StepData;
  counts: StepData["steps"];
  editable: boolean;
  busy: boolean;
  sheetUrl: string;
  submitted: boolean;
  name: (c: { nameJa: string; nameEn: string }) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  return (
    <>
      <table className="data-table step-summary">
        <caption>{t("usability.summary.byCategory")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("evaluation.sheet.categories")}</th>
            <th scope="col">{t("evaluation.col.answered")}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((s) => (
            <tr key={s.code}>
              <th scope="row">
                <Link to={`${sheetUrl}?step=${s.step}`}>
                  <JaText>{name(s)}</JaText>
                </Link>
              </th>
              <td>{t("usability.steps.countLong", { answered: s.answered, total: s.total })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && !submitted ? (
        <>
          {sheet.missing.length ? (
            <section className="panel missing-summary" aria-labelledby="missing-title">
              <h3 id="missing-title">{t("usability.summary.missingTitle", { count: sheet.missing.length })}</h3>
              <p>{t("usability.summary.missingLead")}</p>
              <ul>
                {sheet.missing.map((m) => (
                  <li key={m.code}>
                    <Link to={`${sheetUrl}?step=${m.step}#item-${m.code}`}>
                      {m.code} <JaText>{inLocale(locale, m.textJa, m.textEn)}</JaText>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className="alert alert-success">{t("usability.summary.allAnswered")}</p>
          )}
          <Form method="post" action={`${sheetUrl}?index&step=summary`} className="panel sheet-actions">
            <h3>{t("evaluation.submit.title")}</h3>
            <p>{t("evaluation.submit.lead")}</p>
            <p className="confirm-field">
              <input type="checkbox" id="submit-confirm" name="confirm" value="yes" />
              <label htmlFor="submit-confirm">{t("usability.summary.confirm")}</label>
            </p>
            <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
              {t("evaluation.submit.button")}
            </button>
          </Form>
        </>
      ) : null}
      <section className="panel" aria-labelledby="history-title">
        <h3 id="history-title">{t("evaluation.history.title")}</h3>
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
    </>
  );
}
