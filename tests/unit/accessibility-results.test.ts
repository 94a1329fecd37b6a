// Issue 19: the test results /accessibility publishes (app/accessibility/test-results.json from the axe run, and
// app/accessibility/manual-checks.ts) stay complete and consistent — every route tested or out of scope for a stated
// reason, every success criterion with a result, and no ○ that the axe run or a person contradicts (decision 057).
import { describe, expect, it } from "vitest";
import { isoDateJst } from "~/i18n/format";
import { MANUAL_CHECKS } from "~/accessibility/manual-checks";
import { conformanceClaim, conformanceRows, summariseScans, type AxeScan, type TestResults } from "~/accessibility/results";
import { criterionOfAxeTag, SUCCESS_CRITERIA } from "~/accessibility/success-criteria";
import published from "~/accessibility/test-results.json";
import { ROUTES } from "../e2e/route-access";

const results = published as TestResults;

describe("the success criteria", () => {
  it("are JIS X 8341-3:2016's 38, WCAG 2.1's 12 additions and WCAG 2.2's 6, each once", () => {
    const count = (s: string) => SUCCESS_CRITERIA.filter((c) => c.standard === s).length;
    expect([count("2.0"), count("2.1"), count("2.2")]).toEqual([38, 12, 6]);
    expect(new Set(SUCCESS_CRITERIA.map((c) => c.id)).size).toBe(SUCCESS_CRITERIA.length);
    expect(SUCCESS_CRITERIA.filter((c) => c.standard === "2.0" && c.level === "A")).toHaveLength(25);
  });

  it("are named by axe's tags with two-digit criterion numbers read whole", () => {
    expect(criterionOfAxeTag("wcag111")).toBe("1.1.1");
    expect(criterionOfAxeTag("wcag1410")).toBe("1.4.10");
    expect(criterionOfAxeTag("wcag2411")).toBe("2.4.11");
    expect(criterionOfAxeTag("wcag21aa")).toBeNull();
    expect(criterionOfAxeTag("wcag2a")).toBeNull();
    expect(criterionOfAxeTag("cat.color")).toBeNull();
  });
});

describe("the published results", () => {
  it("cover every route of the app: scanned, or out of scope because it is no page or no demo account may open it", () => {
    const scanned = new Set(results.pages.map((p) => p.route));
    const out = new Map(results.outOfScope.map((r) => [r.route, r.reason]));
    const missing = ROUTES.filter((r) => !scanned.has(r.file) && !out.has(r.file)).map((r) => r.file);
    expect(missing, "routes added since the last run: run `npm run a11y:results` and commit the file").toEqual([]);
    expect(results.outOfScope.filter((r) => r.reason === "notScanned").map((r) => r.route)).toEqual([]);
    for (const r of results.outOfScope) {
      const route = ROUTES.find((x) => x.file === r.route);
      if (!route) continue;
      // "Out of scope" must be true of the route as listed now, not an excuse for a page that was not scanned.
      expect(route.notPage === true || (Array.isArray(route.allow) && route.allow.length === 0), r.route).toBe(true);
    }
  });

  it("come from a run in both languages at desktop and phone width, dated no later than today", () => {
    expect(results.languages).toEqual(expect.arrayContaining(["ja", "en"]));
    expect(results.widths).toEqual(expect.arrayContaining([1280, 390]));
    expect(results.testedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(results.testedOn <= isoDateJst(new Date())).toBe(true);
    expect(results.scans).toBeGreaterThanOrEqual(results.pages.length * 4);
  });

  it("name only success criteria of the target", () => {
    const known = new Set(SUCCESS_CRITERIA.map((c) => c.id));
    expect(Object.keys(results.criteria).filter((c) => !known.has(c))).toEqual([]);
    expect(Object.keys(results.criteria).length).toBeGreaterThan(0);
  });

  it("give every success criterion a manual record, dated when it claims a check", () => {
    for (const c of SUCCESS_CRITERIA) {
      const check = MANUAL_CHECKS[c.id];
      expect(check, c.id).toBeDefined();
      expect(check.method.ja && check.method.en, c.id).toBeTruthy();
      if (check.result !== "unchecked") {
        expect(check.checkedOn, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(check.checkedOn! <= isoDateJst(new Date()), c.id).toBe(true);
        expect(check.by, c.id).toBeDefined();
      }
    }
    expect(Object.keys(MANUAL_CHECKS).filter((id) => !SUCCESS_CRITERIA.some((c) => c.id === id))).toEqual([]);
  });

  it("mark no criterion ○ that axe or a person contradicts, nor one nobody checked", () => {
    for (const row of conformanceRows(results, MANUAL_CHECKS)) {
      if (row.result !== "pass") continue;
      expect(row.automatic.violations, row.criterion.id).toEqual([]);
      expect(["pass", "notApplicable"], row.criterion.id).toContain(row.manual.result);
      // "Does not apply" is contradicted when axe found content of the criterion's kind on some page.
      if (!row.applicable) expect(row.automatic.pages, `${row.criterion.id} has content axe checked`).toBe(0);
    }
  });
});

describe("deriving a criterion's result", () => {
  const scan = (over: Partial<AxeScan>): AxeScan => ({
    at: "2026-01-05T01:00:00.000Z",
    route: "privacy",
    url: "/privacy",
    lang: "ja",
    width: 1280,
    title: "t",
    engine: "axe-core",
    browser: "Chromium",
    passes: [],
    violations: [],
    incomplete: [],
    ...over,
  });
  const rule = (id: string, criteria: string[], impact: string | null = null) => ({ id, impact, criteria, nodes: 1 });
  const routes = [
    { file: "privacy", url: "/privacy", allow: "public" },
    { file: "healthz", url: "/healthz", allow: "public", notPage: true },
    { file: "sessions.$id_.case", url: "/sessions/3/case", allow: [] },
    { file: "login", url: "/login", allow: "public" },
  ];

  it("summarises scans by criterion, and says which routes were left out and why", () => {
    const s = summariseScans(
      [
        scan({ passes: [rule("color-contrast", ["1.4.3"])] }),
        scan({ lang: "en", width: 390, at: "2026-01-04T16:00:00.000Z", violations: [rule("color-contrast", ["1.4.3"], "moderate")] }),
      ],
      routes,
      isoDateJst,
    );
    // The earliest scan's date, in JST (16:00 UTC is the next morning in Tokyo).
    expect(s.testedOn).toBe("2026-01-05");
    expect(s.criteria["1.4.3"].violations).toEqual([{ rule: "color-contrast", impact: "moderate", routes: ["privacy"] }]);
    expect(s.outOfScope).toEqual([
      { route: "healthz", url: "/healthz", reason: "notPage" },
      { route: "sessions.$id_.case", url: "/sessions/3/case", reason: "noDemoAccount" },
      { route: "login", url: "/login", reason: "notScanned" },
    ]);
  });

  it("gives × for a violation of any impact even when a person passed it, ○ only from a person's check, else 未確認", () => {
    const s = summariseScans(
      [
        scan({
          passes: [rule("document-title", ["2.4.2"]), rule("html-has-lang", ["3.1.1"])],
          violations: [rule("color-contrast", ["1.4.3"], "minor")],
        }),
      ],
      routes,
      isoDateJst,
    );
    const checked = { result: "pass" as const, checkedOn: "2026-01-05", by: { ja: "x", en: "x" }, method: { ja: "m", en: "m" } };
    const rows = conformanceRows(s, { "1.4.3": checked, "3.1.1": checked, "2.5.4": { ...checked, result: "notApplicable" } });
    const of = (id: string) => rows.find((r) => r.criterion.id === id)!;
    expect(of("1.4.3").result).toBe("fail");
    expect(of("3.1.1").result).toBe("pass");
    expect(of("2.4.2").result).toBe("unchecked");
    expect([of("2.5.4").result, of("2.5.4").applicable]).toEqual(["pass", false]);
    expect(conformanceClaim(rows)).toBe("considered");
  });

  it("words the conformance 準拠 when all pass and 一部準拠 when all are tested but some fail", () => {
    const s = summariseScans([scan({})], routes, isoDateJst);
    const pass = { result: "pass" as const, checkedOn: "2026-01-05", by: { ja: "x", en: "x" }, method: { ja: "m", en: "m" } };
    const all = Object.fromEntries(SUCCESS_CRITERIA.map((c) => [c.id, pass]));
    expect(conformanceClaim(conformanceRows(s, all))).toBe("full");
    expect(conformanceClaim(conformanceRows(s, { ...all, "1.2.5": { ...pass, result: "fail" } }))).toBe("partial");
  });
});
