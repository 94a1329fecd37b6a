// Training's effect (issue 17): for each checklist category and pair of consecutive fiscal years, the change in
// offices' category rating from one year to the next, compared between offices whose staff completed training of
// the category's pillar in between and offices whose staff did not. Pure: the facts are loaded by
// office-training.server.ts. An association, not a proof: offices choose their training, and many other things
// change between two sheets.
import { LEVELS, PILLARS, type Level, type Pillar } from "~/training/constants";

/** A group of fewer offices than this is withheld (privacy, and too few to say anything). */
export const EFFECT_MIN_OFFICES = 3;

/** A category whose score is below this is weak (between "rather not" 2 and "rather yes" 3). */
export const WEAK_CATEGORY_BELOW = 2.5;

export interface SheetFacts {
  officeId: number;
  fiscalYear: number;
  /** When it was submitted; null for an imported sheet (then the end of its fiscal year is used). */
  submittedAt: Date | null;
  scores: Record<string, number | null>;
}

/** One piece of training completed by a member of an office's staff: a module, or a session attended. */
export interface TrainingFact {
  officeId: number;
  pillar: Pillar;
  at: Date;
}

export interface EffectGroup {
  /** Offices in the group (both years rated in the category). */
  offices: number;
  /** False when the group has fewer than EFFECT_MIN_OFFICES offices: the means below are then null. */
  shown: boolean;
  meanFrom: number | null;
  meanTo: number | null;
  /** Mean of each office's change (to − from). */
  meanChange: number | null;
}

export interface EffectRow {
  categoryCode: string;
  pillar: Pillar;
  fromYear: number;
  toYear: number;
  trained: EffectGroup;
  untrained: EffectGroup;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function group(pairs: { from: number; to: number }[], minOffices: number): EffectGroup {
  const shown = pairs.length >= minOffices;
  return {
    offices: pairs.length,
    shown,
    meanFrom: shown ? round2(mean(pairs.map((p) => p.from))) : null,
    meanTo: shown ? round2(mean(pairs.map((p) => p.to))) : null,
    meanChange: shown ? round2(mean(pairs.map((p) => p.to - p.from))) : null,
  };
}

/** Whether some instant of the sorted list is after `start` and no later than `end`. */
function someWithin(sorted: number[] | undefined, start: number, end: number): boolean {
  if (!sorted) return false;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= end;
}

/** The instant a sheet stands for: when it was submitted, else the end of its fiscal year (1 April JST of the next). */
export function sheetInstant(s: Pick<SheetFacts, "submittedAt" | "fiscalYear">, fiscalYearEnd: (fy: number) => Date): Date {
  return s.submittedAt ?? fiscalYearEnd(s.fiscalYear);
}

/**
 * The figures. For every category with a pillar and every office with a rated category in two consecutive years
 * (Y, Y+1): "trained" when some training of that pillar by the office's staff falls after the year-Y sheet and no
 * later than the year-Y+1 sheet. Rows are in category order (as given), then by year.
 */
export function trainingEffect(
  sheets: SheetFacts[],
  training: TrainingFact[],
  categoryPillars: { code: string; pillar: Pillar }[],
  fiscalYearEnd: (fy: number) => Date,
  minOffices = EFFECT_MIN_OFFICES,
): EffectRow[] {
  const byOfficeYear = new Map(sheets.map((s) => [`${s.officeId}:${s.fiscalYear}`, s]));
  // Indexed once (issue 13: 120,000 sheets at the national scale): the sheets by year, in their given order (the
  // means add up in that order), and each office's training of each pillar as sorted instants.
  const byYear = new Map<number, SheetFacts[]>();
  for (const s of sheets) {
    const list = byYear.get(s.fiscalYear);
    if (list) list.push(s);
    else byYear.set(s.fiscalYear, [s]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const trainedAt = new Map<string, number[]>();
  for (const t of training) {
    const key = `${t.officeId}:${t.pillar}`;
    const list = trainedAt.get(key);
    if (list) list.push(t.at.getTime());
    else trainedAt.set(key, [t.at.getTime()]);
  }
  for (const list of trainedAt.values()) list.sort((a, b) => a - b);
  const rows: EffectRow[] = [];
  for (const { code, pillar } of categoryPillars) {
    for (const fromYear of years) {
      const toYear = fromYear + 1;
      const trained: { from: number; to: number }[] = [];
      const untrained: { from: number; to: number }[] = [];
      for (const a of byYear.get(fromYear)!) {
        const b = byOfficeYear.get(`${a.officeId}:${toYear}`);
        const from = a.scores[code];
        const to = b?.scores[code];
        if (!b || typeof from !== "number" || typeof to !== "number") continue;
        const start = sheetInstant(a, fiscalYearEnd).getTime();
        const end = sheetInstant(b, fiscalYearEnd).getTime();
        const did = someWithin(trainedAt.get(`${a.officeId}:${pillar}`), start, end);
        (did ? trained : untrained).push({ from, to });
      }
      if (trained.length + untrained.length === 0) continue;
      rows.push({
        categoryCode: code,
        pillar,
        fromYear,
        toYear,
        trained: group(trained, minOffices),
        untrained: group(untrained, minOffices),
      });
    }
  }
  return rows;
}

/** A category's training pillar: the one most of its items name (the first such in checklist order on a tie). */
export function categoryPillars(
  categories: { code: string }[],
  items: { categoryCode: string; pillar: Pillar | null }[],
): { code: string; pillar: Pillar }[] {
  const out: { code: string; pillar: Pillar }[] = [];
  for (const c of categories) {
    const counts = new Map<Pillar, number>();
    for (const i of items) if (i.categoryCode === c.code && i.pillar) counts.set(i.pillar, (counts.get(i.pillar) ?? 0) + 1);
    let best: Pillar | null = null;
    for (const [p, n] of counts) if (best === null || n > counts.get(best)!) best = p;
    if (best) out.push({ code: c.code, pillar: best });
  }
  return out;
}

/** The level of training a weak category calls for: the foundations below 2, else the established level. */
export function levelFor(score: number): Level {
  return score < 2 ? "new" : "established";
}

/** Levels up to and including a level (a module of a lower level is also relevant). */
export function levelsUpTo(level: Level): Level[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

export { PILLARS, LEVELS };
