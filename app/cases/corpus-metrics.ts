// Precision and recall of the scanner on its corpus: a finding is right when it is of the expected
// kind and covers the expected words; every expectation not met is a miss.
import { CORPUS, type CorpusEntry } from "./scanner-corpus";
import { scanText, type Finding, type ScanToken } from "./scanner";

export interface CorpusResult {
  sentences: number;
  truePositives: number;
  falsePositives: { text: string; finding: Finding }[];
  misses: { text: string; kind: string; expected: string }[];
  precision: number;
  recall: number;
}

export function scoreCorpus(tokenize: (text: string) => ScanToken[], corpus: CorpusEntry[] = CORPUS): CorpusResult {
  let tp = 0;
  const falsePositives: CorpusResult["falsePositives"] = [];
  const misses: CorpusResult["misses"] = [];
  for (const entry of corpus) {
    const findings = scanText(entry.text, tokenize(entry.text));
    const used = new Set<number>();
    for (const exp of entry.expect) {
      const at = entry.text.indexOf(exp.text);
      const idx = findings.findIndex(
        (f, i) => !used.has(i) && f.kind === exp.kind && at >= 0 && f.start <= at && f.end >= at + exp.text.length,
      );
      if (idx >= 0) {
        used.add(idx);
        tp++;
      } else misses.push({ text: entry.text, kind: exp.kind, expected: exp.text });
    }
    findings.forEach((f, i) => {
      if (!used.has(i)) falsePositives.push({ text: entry.text, finding: f });
    });
  }
  const found = tp + falsePositives.length;
  const expected = tp + misses.length;
  return {
    sentences: corpus.length,
    truePositives: tp,
    falsePositives,
    misses,
    precision: found === 0 ? 1 : tp / found,
    recall: expected === 0 ? 1 : tp / expected,
  };
}
