// What /accessibility shows besides its text: the date of the last review, where to report a problem, and the
// latest test results by success criterion (the committed axe run plus the manual checks; decision 057).
import { getEnv } from "~/env.server";
import { MANUAL_CHECKS } from "./manual-checks";
import { conformanceClaim, conformanceRows, type TestResults } from "./results";
import { ACCESSIBILITY_REVIEW_DATE } from "./statement";
import testResults from "./test-results.json";

export function loadAccessibilityPage() {
  // The same contact as the privacy notice's requests: the council's secretariat (PRIVACY_CONTACT).
  return { reviewedOn: ACCESSIBILITY_REVIEW_DATE, contact: getEnv().PRIVACY_CONTACT ?? null, results: publishedResults() };
}

/** The published results, shaped for the page (the per-route detail of each rule stays in the JSON file). */
export function publishedResults(results: TestResults = testResults as TestResults) {
  const rows = conformanceRows(results, MANUAL_CHECKS);
  const manualDates = rows.map((r) => r.manual.checkedOn).filter((d): d is string => !!d);
  return {
    testedOn: results.testedOn,
    manualCheckedOn: manualDates.length ? manualDates.reduce((a, b) => (a > b ? a : b)) : null,
    engine: results.engine,
    browser: results.browser,
    widths: results.widths,
    languages: results.languages,
    scans: results.scans,
    pages: results.pages.map((p) => ({ url: p.url, titles: p.titles })),
    claim: conformanceClaim(rows),
    counts: {
      pass: rows.filter((r) => r.result === "pass" && r.applicable).length,
      notApplicable: rows.filter((r) => !r.applicable).length,
      fail: rows.filter((r) => r.result === "fail").length,
      unchecked: rows.filter((r) => r.result === "unchecked").length,
    },
    rows: rows.map((r) => ({
      id: r.criterion.id,
      level: r.criterion.level,
      standard: r.criterion.standard,
      obsoleteIn22: r.criterion.obsoleteIn22 ?? false,
      name: { ja: r.criterion.ja, en: r.criterion.en },
      applicable: r.applicable,
      result: r.result,
      automatic: {
        status: r.automatic.status,
        pages: r.automatic.pages,
        violations: r.automatic.violations.map((v) => ({ rule: v.rule, pages: v.routes.length })),
        incomplete: r.automatic.incomplete.map((v) => v.rule),
      },
      manual: r.manual,
    })),
  };
}
