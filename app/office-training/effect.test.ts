import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PILLARS, type Pillar } from "~/training/constants";
import {
  EFFECT_MIN_OFFICES,
  categoryPillars,
  levelFor,
  levelsUpTo,
  sheetInstant,
  trainingEffect,
  type SheetFacts,
  type TrainingFact,
} from "./effect";

const d = (s: string) => new Date(s);
// The end of fiscal year fy: 1 April of fy + 1 (UTC here; the real one is JST, given by the caller).
const fyEnd = (fy: number) => new Date(Date.UTC(fy + 1, 3, 1));
const sheet = (officeId: number, fiscalYear: number, score: number | null, submittedAt: Date | null = null): SheetFacts => ({
  officeId,
  fiscalYear,
  submittedAt,
  scores: { A: score },
});
const pillars = [{ code: "A", pillar: "community" as const }];

describe("sheet instant", () => {
  it("is the submission, else the end of the sheet's fiscal year", () => {
    expect(sheetInstant({ submittedAt: d("2026-07-01T00:00:00Z"), fiscalYear: 2026 }, fyEnd)).toEqual(d("2026-07-01T00:00:00Z"));
    expect(sheetInstant({ submittedAt: null, fiscalYear: 2026 }, fyEnd)).toEqual(d("2027-04-01T00:00:00Z"));
  });
});

describe("training effect", () => {
  // Offices 1–3 trained (community) between their 2025 and 2026 sheets; offices 4–6 did not.
  const sheets = [
    ...[1, 2, 3].flatMap((o) => [sheet(o, 2025, 2, d("2025-06-01T00:00:00Z")), sheet(o, 2026, 3 + o / 10, d("2026-06-01T00:00:00Z"))]),
    ...[4, 5, 6].flatMap((o) => [sheet(o, 2025, 3, d("2025-06-01T00:00:00Z")), sheet(o, 2026, 3, d("2026-06-01T00:00:00Z"))]),
  ];
  const training: TrainingFact[] = [1, 2, 3].map((o) => ({ officeId: o, pillar: "community", at: d("2025-09-01T00:00:00Z") }));

  it("compares the change of offices that trained with those that did not, the means to two decimals", () => {
    expect(trainingEffect(sheets, training, pillars, fyEnd)).toEqual([
      {
        categoryCode: "A",
        pillar: "community",
        fromYear: 2025,
        toYear: 2026,
        trained: { offices: 3, shown: true, meanFrom: 2, meanTo: 3.2, meanChange: 1.2 },
        untrained: { offices: 3, shown: true, meanFrom: 3, meanTo: 3, meanChange: 0 },
      },
    ]);
  });

  it("withholds a group of fewer than three offices", () => {
    expect(EFFECT_MIN_OFFICES).toBe(3);
    const rows = trainingEffect(
      sheets.filter((s) => s.officeId !== 3),
      training,
      pillars,
      fyEnd,
    );
    expect(rows[0].trained).toEqual({ offices: 2, shown: false, meanFrom: null, meanTo: null, meanChange: null });
    expect(rows[0].untrained.shown).toBe(true);
    expect(trainingEffect(sheets, training, pillars, fyEnd, 4)[0].trained.shown).toBe(false);
  });

  it("counts training only strictly after the first sheet and up to the second, of the category's pillar and the office", () => {
    const at = (iso: string, over: Partial<TrainingFact> = {}): TrainingFact[] => [
      { officeId: 4, pillar: "community", at: d(iso), ...over },
    ];
    const trainedOffices = (t: TrainingFact[]) => trainingEffect(sheets, [...training, ...t], pillars, fyEnd, 1)[0].trained.offices;
    expect(trainedOffices(at("2025-06-01T00:00:00Z"))).toBe(3);
    expect(trainedOffices(at("2025-06-01T00:00:00.001Z"))).toBe(4);
    expect(trainedOffices(at("2026-06-01T00:00:00Z"))).toBe(4);
    expect(trainedOffices(at("2026-06-01T00:00:00.001Z"))).toBe(3);
    expect(trainedOffices(at("2025-09-01T00:00:00Z", { pillar: "hr" }))).toBe(3);
    expect(trainedOffices(at("2025-09-01T00:00:00Z", { officeId: 99 }))).toBe(3);
  });

  it("uses the end of the fiscal year for an imported sheet", () => {
    const imported = [sheet(1, 2025, 2), sheet(1, 2026, 3)];
    const t = (iso: string): TrainingFact[] => [{ officeId: 1, pillar: "community", at: d(iso) }];
    expect(trainingEffect(imported, t("2026-03-31T00:00:00Z"), pillars, fyEnd, 1)[0].trained.offices).toBe(0);
    expect(trainingEffect(imported, t("2026-04-02T00:00:00Z"), pillars, fyEnd, 1)[0].trained.offices).toBe(1);
  });

  it("needs both years rated, in consecutive years, and gives no row when nobody has two", () => {
    const gaps = [sheet(1, 2024, 2), sheet(1, 2026, 3), sheet(2, 2025, null), sheet(2, 2026, 3), sheet(3, 2025, 2)];
    expect(trainingEffect(gaps, [], pillars, fyEnd, 1)).toEqual([]);
    const one = [sheet(1, 2025, 2), sheet(1, 2026, 4), sheet(2, 2025, 2), sheet(2, 2026, null)];
    const rows = trainingEffect(one, [], pillars, fyEnd, 1);
    expect(rows).toHaveLength(1);
    expect(rows[0].untrained).toEqual({ offices: 1, shown: true, meanFrom: 2, meanTo: 4, meanChange: 2 });
  });

  it("orders rows by category as given, then by year (whatever the order of the sheets)", () => {
    const s = [sheet(1, 2025, 2), sheet(1, 2024, 1), sheet(1, 2026, 3)].map((x) => ({ ...x, scores: { A: x.scores.A, B: 1 } }));
    const rows = trainingEffect(s, [], [{ code: "B", pillar: "hr" }, ...pillars], fyEnd, 1);
    expect(rows.map((r) => [r.categoryCode, r.pillar, r.fromYear, r.toYear])).toEqual([
      ["B", "hr", 2024, 2025],
      ["B", "hr", 2025, 2026],
      ["A", "community", 2024, 2025],
      ["A", "community", 2025, 2026],
    ]);
  });
});

describe("category pillars", () => {
  it("is the pillar most of the category's items name, the first in checklist order on a tie; none without one", () => {
    const items = [
      { categoryCode: "A", pillar: "hr" as const },
      { categoryCode: "A", pillar: "community" as const },
      { categoryCode: "A", pillar: "community" as const },
      { categoryCode: "A", pillar: null },
      { categoryCode: "B", pillar: "individual" as const },
      { categoryCode: "B", pillar: "hr" as const },
      { categoryCode: "C", pillar: null },
      { categoryCode: "X", pillar: "hr" as const },
    ];
    expect(categoryPillars([{ code: "A" }, { code: "B" }, { code: "C" }], items)).toEqual([
      { code: "A", pillar: "community" },
      { code: "B", pillar: "individual" },
    ]);
  });
});

describe("levels", () => {
  it("calls for the foundations below 2, else the established level", () => {
    expect(levelFor(1.99)).toBe("new");
    expect(levelFor(2)).toBe("established");
    expect(levelFor(2.4)).toBe("established");
  });
  it("includes every level up to and including the given one", () => {
    expect(levelsUpTo("new")).toEqual(["new"]);
    expect(levelsUpTo("established")).toEqual(["new", "established"]);
    expect(levelsUpTo("lead")).toEqual(["new", "established", "lead"]);
  });
});

describe("training effect, indexed (issue 13)", () => {
  // The first implementation, kept as the oracle: every sheet of every year and every piece of training scanned.
  function naive(sheets: SheetFacts[], training: TrainingFact[], cats: { code: string; pillar: Pillar }[], minOffices: number) {
    const byOfficeYear = new Map(sheets.map((s) => [`${s.officeId}:${s.fiscalYear}`, s]));
    const years = [...new Set(sheets.map((s) => s.fiscalYear))].sort((a, b) => a - b);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const r2 = (v: number) => Math.round(v * 100) / 100;
    const group = (pairs: { from: number; to: number }[]) => {
      const shown = pairs.length >= minOffices;
      return {
        offices: pairs.length,
        shown,
        meanFrom: shown ? r2(mean(pairs.map((p) => p.from))) : null,
        meanTo: shown ? r2(mean(pairs.map((p) => p.to))) : null,
        meanChange: shown ? r2(mean(pairs.map((p) => p.to - p.from))) : null,
      };
    };
    const rows = [];
    for (const { code, pillar } of cats)
      for (const fromYear of years) {
        const trained: { from: number; to: number }[] = [];
        const untrained: { from: number; to: number }[] = [];
        for (const a of sheets) {
          if (a.fiscalYear !== fromYear) continue;
          const b = byOfficeYear.get(`${a.officeId}:${fromYear + 1}`);
          const from = a.scores[code];
          const to = b?.scores[code];
          if (!b || typeof from !== "number" || typeof to !== "number") continue;
          const start = sheetInstant(a, fyEnd).getTime();
          const end = sheetInstant(b, fyEnd).getTime();
          const did = training.some(
            (t) => t.officeId === a.officeId && t.pillar === pillar && t.at.getTime() > start && t.at.getTime() <= end,
          );
          (did ? trained : untrained).push({ from, to });
        }
        if (trained.length + untrained.length === 0) continue;
        rows.push({ categoryCode: code, pillar, fromYear, toYear: fromYear + 1, trained: group(trained), untrained: group(untrained) });
      }
    return rows;
  }

  const instant = fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) }).map((n) => new Date(n));
  const sheetArb = fc.record({
    officeId: fc.integer({ min: 1, max: 5 }),
    fiscalYear: fc.integer({ min: 2023, max: 2026 }),
    submittedAt: fc.option(instant, { nil: null }),
    scores: fc.record({
      A: fc.option(
        fc.integer({ min: 4, max: 16 }).map((n) => n / 4),
        { nil: null },
      ),
      B: fc.option(fc.constant(2.5), { nil: null }),
    }),
  });
  const trainingArb = fc.record({
    officeId: fc.integer({ min: 1, max: 5 }),
    pillar: fc.constantFrom(...PILLARS),
    at: instant,
  });

  it("gives exactly the rows of a scan of every sheet and every piece of training", () => {
    const cats = [
      { code: "A", pillar: "community" as const },
      { code: "B", pillar: "hr" as const },
    ];
    fc.assert(
      fc.property(
        fc.array(sheetArb, { maxLength: 30 }),
        fc.array(trainingArb, { maxLength: 15 }),
        fc.integer({ min: 1, max: 3 }),
        (sheets, training, min) => {
          expect(trainingEffect(sheets, training, cats, fyEnd, min)).toEqual(naive(sheets, training, cats, min));
        },
      ),
    );
  });
});
