// Agenda builder for the sharing meeting (自己評価を共有する会): proposes topics from the submitted
// checklists of a fiscal year. Pure; the statistics come from one GROUP BY query (agenda.server.ts).
import { MIN_GROUP_SIZE } from "./anonymise";

export interface ItemStat {
  code: string;
  /** Offices that rated the item (N/A and unanswered excluded). */
  rated: number;
  /** Mean rating over those offices. */
  average: number;
  /** Offices that rated it 1 or 2. */
  low: number;
  /** Offices that rated it 4, with whether each agreed to be named. */
  high: { officeId: number; name: string; agreesToBeNamed: boolean }[];
}

export interface WeakTopic {
  kind: "WEAK";
  code: string;
  average: number;
  low: number;
  rated: number;
  /** Why proposed: among the lowest averages, among the most often rated 1–2, or both. */
  reasons: ("lowestAverage" | "mostLow")[];
}

export interface GoodPracticeTopic {
  kind: "GOOD_PRACTICE";
  code: string;
  average: number;
  highCount: number;
  rated: number;
  /** Offices that scored high and agreed to be named (at most `maxNamed`); the others are only counted. */
  namedOffices: string[];
  /** High-scoring offices that did not agree to be named. */
  unnamedCount: number;
  /** High-scoring offices not listed by name (not agreed, or beyond `maxNamed`). */
  othersCount: number;
}

export interface AgendaOptions {
  weakCount?: number;
  goodCount?: number;
  minGroup?: number;
  /** At most this many offices are named per good-practice topic. */
  maxNamed?: number;
}

/**
 * Weak topics: the `weakCount` items with the lowest average plus the `weakCount` items most often
 * rated 1 or 2 (merged, lowest average first). Good practice: among the other items, those where at
 * least one office rated 4, most such offices first. Items rated by fewer than `minGroup` offices are
 * never proposed (their figures would identify offices).
 */
export function proposeAgenda(stats: ItemStat[], options: AgendaOptions = {}): { weak: WeakTopic[]; goodPractice: GoodPracticeTopic[] } {
  const { weakCount = 5, goodCount = 3, minGroup = MIN_GROUP_SIZE, maxNamed = 5 } = options;
  const usable = stats.filter((s) => s.rated >= minGroup);
  const byAverage = [...usable].sort((a, b) => a.average - b.average || b.low - a.low || a.code.localeCompare(b.code));
  const byLow = [...usable].filter((s) => s.low > 0).sort((a, b) => b.low - a.low || a.average - b.average || a.code.localeCompare(b.code));
  const lowestAverage = new Set(byAverage.slice(0, weakCount).map((s) => s.code));
  const mostLow = new Set(byLow.slice(0, weakCount).map((s) => s.code));
  const weak: WeakTopic[] = byAverage
    .filter((s) => lowestAverage.has(s.code) || mostLow.has(s.code))
    .map((s) => ({
      kind: "WEAK",
      code: s.code,
      average: s.average,
      low: s.low,
      rated: s.rated,
      reasons: [...(lowestAverage.has(s.code) ? ["lowestAverage" as const] : []), ...(mostLow.has(s.code) ? ["mostLow" as const] : [])],
    }));
  const weakCodes = new Set(weak.map((w) => w.code));
  const goodPractice: GoodPracticeTopic[] = usable
    .filter((s) => !weakCodes.has(s.code) && s.high.length > 0)
    .sort((a, b) => b.high.length - a.high.length || b.average - a.average || a.code.localeCompare(b.code))
    .slice(0, goodCount)
    .map((s) => {
      const named = s.high
        .filter((o) => o.agreesToBeNamed)
        .map((o) => o.name)
        .sort((a, b) => a.localeCompare(b, "ja"));
      const shown = named.slice(0, maxNamed);
      return {
        kind: "GOOD_PRACTICE",
        code: s.code,
        average: s.average,
        highCount: s.high.length,
        rated: s.rated,
        namedOffices: shown,
        unnamedCount: s.high.length - named.length,
        othersCount: s.high.length - shown.length,
      };
    });
  return { weak, goodPractice };
}
