// The test results in the national guideline's form (試験結果表示) on /accessibility: the standard, target level,
// conformance wording, test dates, pages tested and method, then one table row per success criterion.
import type { SerializeFrom } from "@remix-run/node";
import { useFormat, useLocale, useT } from "~/i18n/react";
import type { publishedResults } from "./accessibility.server";
import { DataTable } from "~/components/data-table";

type Results = SerializeFrom<ReturnType<typeof publishedResults>>;

const jstDay = (d: string) => `${d}T00:00:00+09:00`;

export function TestResultsSection({ results }: { results: Results }) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { counts } = results;
  return (
    <section aria-labelledby="a11y-results" className="privacy-section a11y-results">
      <h2 id="a11y-results">{t("accessibility.results.heading")}</h2>
      <p>{t("accessibility.results.intro")}</p>
      <dl className="facts a11y-results-facts">
        <dt>{t("accessibility.results.standard")}</dt>
        <dd>{t("accessibility.results.standardValue")}</dd>
        <dt>{t("accessibility.results.target")}</dt>
        <dd>{t("accessibility.results.targetValue")}</dd>
        <dt>{t("accessibility.results.claim")}</dt>
        <dd>{t(`accessibility.results.claim.${results.claim}`)}</dd>
        <dt>{t("accessibility.results.testedOn")}</dt>
        <dd>
          <time dateTime={results.testedOn}>
            {t("accessibility.results.testedOnValue", { date: format.date(jstDay(results.testedOn)) })}
          </time>
          {results.manualCheckedOn ? (
            <>
              {" / "}
              <time dateTime={results.manualCheckedOn}>
                {t("accessibility.results.manualOn", { date: format.date(jstDay(results.manualCheckedOn)) })}
              </time>
            </>
          ) : null}
        </dd>
        <dt>{t("accessibility.results.pages")}</dt>
        <dd>
          <details className="a11y-results-pages">
            <summary>{t("accessibility.results.pagesCount", { count: results.pages.length })}</summary>
            <ul>
              {results.pages.map((p) => (
                <li key={p.url}>
                  <code>{p.url}</code> {p.titles[locale] ?? p.titles.ja ?? ""}
                </li>
              ))}
            </ul>
          </details>
          <p className="muted">{t("accessibility.results.pagesNote")}</p>
        </dd>
        <dt>{t("accessibility.results.method")}</dt>
        <dd>
          <ul>
            <li>
              {t("accessibility.results.methodAuto", {
                engine: results.engine,
                browser: results.browser,
                widths: results.widths.map((width) => t("accessibility.results.width", { width })).join(locale === "ja" ? "・" : ", "),
                languages: results.languages
                  .map((l) => t(l === "en" ? "accessibility.results.lang.en" : "accessibility.results.lang.ja"))
                  .join(locale === "ja" ? "と" : " and "),
                scans: format.number(results.scans),
              })}
            </li>
            <li>{t("accessibility.results.methodManual")}</li>
          </ul>
        </dd>
        <dt>{t("accessibility.results.summary")}</dt>
        <dd>{t("accessibility.results.summaryValue", { ...counts, total: results.rows.length })}</dd>
      </dl>
      <DataTable caption={t("accessibility.results.caption")} tableClassName="a11y-results-table">
        <thead>
          <tr>
            <th scope="col">{t("accessibility.results.col.id")}</th>
            <th scope="col">{t("accessibility.results.col.name")}</th>
            <th scope="col">{t("accessibility.results.col.level")}</th>
            <th scope="col">{t("accessibility.results.col.standard")}</th>
            <th scope="col">{t("accessibility.results.col.applicable")}</th>
            <th scope="col">{t("accessibility.results.col.result")}</th>
            <th scope="col">{t("accessibility.results.col.automatic")}</th>
            <th scope="col">{t("accessibility.results.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {results.rows.map((row) => (
            <tr key={row.id} data-result={row.result}>
              <th scope="row">{row.id}</th>
              <td>{row.name[locale]}</td>
              <td>{row.level}</td>
              <td>
                {t(`accessibility.results.standard.${row.standard}`)}
                {row.obsoleteIn22 ? (
                  <>
                    <br />
                    <span className="muted">{t("accessibility.results.obsolete")}</span>
                  </>
                ) : null}
              </td>
              <td>
                <abbr title={t(row.applicable ? "accessibility.results.applicable.yesLabel" : "accessibility.results.applicable.noLabel")}>
                  {t(row.applicable ? "accessibility.results.applicable.yes" : "accessibility.results.applicable.no")}
                </abbr>
              </td>
              <td className={`a11y-result a11y-result-${row.result}`}>
                {row.result === "unchecked" ? (
                  t("accessibility.results.result.unchecked")
                ) : (
                  <abbr
                    title={t(row.result === "pass" ? "accessibility.results.result.passLabel" : "accessibility.results.result.failLabel")}
                  >
                    {t(row.result === "pass" ? "accessibility.results.result.pass" : "accessibility.results.result.fail")}
                  </abbr>
                )}
              </td>
              <td>
                {row.automatic.status === "clean"
                  ? t("accessibility.results.auto.clean", { pages: row.automatic.pages })
                  : row.automatic.status === "notTested"
                    ? t("accessibility.results.auto.notTested")
                    : t("accessibility.results.auto.violations")}
                {row.automatic.violations.length ? (
                  <ul>
                    {row.automatic.violations.map((v) => (
                      <li key={v.rule}>{t("accessibility.results.auto.violation", { rule: v.rule, pages: v.pages })}</li>
                    ))}
                  </ul>
                ) : null}
                {row.automatic.incomplete.length ? (
                  <p className="muted">{t("accessibility.results.auto.incomplete", { rules: row.automatic.incomplete.join(", ") })}</p>
                ) : null}
              </td>
              <td>
                <p>{row.manual.method[locale]}</p>
                {row.manual.checkedOn && row.manual.by ? (
                  <p className="muted">
                    {t("accessibility.results.checkedBy", { date: format.date(jstDay(row.manual.checkedOn)), by: row.manual.by[locale] })}
                  </p>
                ) : null}
                {row.manual.note ? <p>{row.manual.note[locale]}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
