// The accessibility test results in the national guideline's form (試験結果表示): from the axe scans of the
// end-to-end run (summarised by scripts/a11y-results.ts into test-results.json) and the manual checks recorded in
// manual-checks.ts, one row per success criterion. Pure; shared by server, browser, script and tests.
// What counts as ○ is decision 057.
import { criterionOfAxeTag, SUCCESS_CRITERIA, type SuccessCriterion } from "./success-criteria";

/** One rule's outcome in one axe scan (only what the summary needs). */
export interface AxeRuleOutcome {
  id: string;
  impact: string | null;
  /** The success criteria its tags name ("1.4.3"). */
  criteria: string[];
  nodes: number;
}

/** One axe scan as the end-to-end helper writes it (a line of .cache/a11y-scans.jsonl). */
export interface AxeScan {
  at: string;
  /** The route file (app/routes) when the spec scanning a route says so. */
  route: string | null;
  url: string;
  lang: string;
  width: number;
  title: string;
  engine: string;
  browser: string;
  passes: AxeRuleOutcome[];
  violations: AxeRuleOutcome[];
  incomplete: AxeRuleOutcome[];
}

export interface RuleOnRoutes {
  rule: string;
  impact: string | null;
  routes: string[];
}

export interface CriterionAutomatic {
  /** Routes where a rule of this criterion found something to check (passed or not). */
  routes: string[];
  rules: string[];
  violations: RuleOnRoutes[];
  /** axe could not decide ("needs review"); not a failure, but shown. */
  incomplete: RuleOnRoutes[];
}

/** notPage: a file, JSON or redirect; noDemoAccount: no demo account may open it; notScanned: the run missed it. */
export type OutOfScopeReason = "notPage" | "noDemoAccount" | "notScanned";

/** The published results of one run (app/accessibility/test-results.json). */
export interface TestResults {
  /** The run's calendar date in JST (YYYY-MM-DD). */
  testedOn: string;
  engine: string;
  browser: string;
  widths: number[];
  languages: string[];
  scans: number;
  pages: { route: string; url: string; titles: Record<string, string> }[];
  outOfScope: { route: string; url: string; reason: OutOfScopeReason }[];
  criteria: Record<string, CriterionAutomatic>;
}

/** Collects outcomes by criterion and route, merging each rule's routes. */
function byCriterion(scans: AxeScan[], pick: (s: AxeScan) => AxeRuleOutcome[]) {
  const out = new Map<string, Map<string, { impact: string | null; routes: Set<string> }>>();
  for (const scan of scans) {
    for (const r of pick(scan)) {
      for (const c of r.criteria) {
        const rules = out.get(c) ?? new Map();
        out.set(c, rules);
        const entry = rules.get(r.id) ?? { impact: r.impact, routes: new Set<string>() };
        entry.routes.add(scan.route ?? scan.url);
        rules.set(r.id, entry);
      }
    }
  }
  return out;
}

const listed = (m: Map<string, { impact: string | null; routes: Set<string> }> | undefined): RuleOnRoutes[] =>
  [...(m ?? new Map()).entries()]
    .map(([rule, e]) => ({ rule, impact: e.impact, routes: [...e.routes].sort() }))
    .sort((a, b) => a.rule.localeCompare(b.rule));

/** Summarises the scans of a run. `routes` is the route list, to say which routes were left out and why. */
export function summariseScans(
  scans: AxeScan[],
  routes: { file: string; url: string; notPage?: boolean; allow: unknown }[],
  jstDate: (iso: string) => string,
): TestResults {
  if (scans.length === 0) throw new Error("No axe scans were recorded.");
  const pages = new Map<string, { route: string; url: string; titles: Record<string, string> }>();
  for (const s of scans) {
    const key = s.route ?? s.url;
    const page = pages.get(key) ?? { route: key, url: s.url, titles: {} };
    page.titles[s.lang] ??= s.title;
    pages.set(key, page);
  }
  const passes = byCriterion(scans, (s) => s.passes);
  const violations = byCriterion(scans, (s) => s.violations);
  const incomplete = byCriterion(scans, (s) => s.incomplete);
  const criteria: Record<string, CriterionAutomatic> = {};
  for (const c of new Set([...passes.keys(), ...violations.keys(), ...incomplete.keys()])) {
    const p = listed(passes.get(c));
    const v = listed(violations.get(c));
    const i = listed(incomplete.get(c));
    criteria[c] = {
      routes: [...new Set([...p, ...v].flatMap((r) => r.routes))].sort(),
      rules: [...new Set([...p, ...v, ...i].map((r) => r.rule))].sort(),
      violations: v,
      incomplete: i,
    };
  }
  const first = scans.reduce((a, b) => (a.at < b.at ? a : b));
  return {
    testedOn: jstDate(first.at),
    engine: first.engine,
    browser: first.browser,
    widths: [...new Set(scans.map((s) => s.width))].sort((a, b) => b - a),
    languages: [...new Set(scans.map((s) => s.lang))].sort().reverse(),
    scans: scans.length,
    pages: [...pages.values()].sort((a, b) => a.url.localeCompare(b.url)),
    outOfScope: routes
      .filter((r) => !pages.has(r.file))
      .map((r) => ({
        route: r.file,
        url: r.url,
        reason: r.notPage
          ? ("notPage" as const)
          : Array.isArray(r.allow) && r.allow.length === 0
            ? ("noDemoAccount" as const)
            : ("notScanned" as const),
      })),
    criteria,
  };
}

const TARGET = new Set(SUCCESS_CRITERIA.map((c) => c.id));

/** The target's success criteria an axe rule's tags name (a rule may also name a AAA one, e.g. 2.1.3: left out). */
export function criteriaOfTags(tags: string[]): string[] {
  return tags.map(criterionOfAxeTag).filter((c): c is string => c !== null && TARGET.has(c));
}

/** A check by a person, recorded in manual-checks.ts. */
export interface ManualCheck {
  result: "pass" | "fail" | "notApplicable" | "unchecked";
  /** YYYY-MM-DD; absent when unchecked. */
  checkedOn?: string;
  /** Who checked (a role, not a name). */
  by?: { ja: string; en: string };
  method: { ja: string; en: string };
  note?: { ja: string; en: string };
}

export type RowResult = "pass" | "fail" | "unchecked";

export interface ConformanceRow {
  criterion: SuccessCriterion;
  /** 適用: false when the manual check says the page has no content of its kind. */
  applicable: boolean;
  result: RowResult;
  automatic: {
    status: "clean" | "violations" | "notTested";
    pages: number;
    rules: string[];
    violations: RuleOnRoutes[];
    incomplete: RuleOnRoutes[];
  };
  manual: ManualCheck;
}

/**
 * One row per criterion. × when axe found a violation of any impact on any page, or a person found it failed;
 * ○ only when a person checked it (passed, or not applicable) and axe found nothing against it; otherwise 未確認 —
 * axe alone never makes ○, as no axe rule decides a criterion whole.
 */
export function conformanceRows(results: TestResults, manual: Record<string, ManualCheck>): ConformanceRow[] {
  return SUCCESS_CRITERIA.map((criterion) => {
    const auto = results.criteria[criterion.id];
    const check = manual[criterion.id] ?? { result: "unchecked" as const, method: { ja: "", en: "" } };
    const status = !auto ? "notTested" : auto.violations.length > 0 ? "violations" : "clean";
    const result: RowResult =
      status === "violations" || check.result === "fail"
        ? "fail"
        : check.result === "pass" || check.result === "notApplicable"
          ? "pass"
          : "unchecked";
    return {
      criterion,
      applicable: check.result !== "notApplicable",
      result,
      automatic: {
        status,
        pages: auto?.routes.length ?? 0,
        rules: auto?.rules ?? [],
        violations: auto?.violations ?? [],
        incomplete: auto?.incomplete ?? [],
      },
      manual: check,
    };
  });
}

/**
 * The guideline's wording of the conformance (対応度表記): 準拠 when every criterion passed; 一部準拠 when every
 * criterion was tested and some failed; 配慮 while some are still unchecked (the test is not complete).
 */
export function conformanceClaim(rows: ConformanceRow[]): "full" | "partial" | "considered" {
  if (rows.every((r) => r.result === "pass")) return "full";
  if (rows.every((r) => r.result !== "unchecked")) return "partial";
  return "considered";
}
