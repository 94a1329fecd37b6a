// `npx tsx scripts/scanner-corpus.ts`: precision and recall of the personal-information scanner on its
// corpus (app/cases/scanner-corpus.ts), with every false positive and miss listed.
import { scoreCorpus } from "../app/cases/corpus-metrics.ts";
import { HELD_OUT } from "../app/cases/scanner-corpus.ts";
import { getTokenizer } from "../app/cases/tokenizer.server.ts";

const tokenizer = await getTokenizer();
const r = scoreCorpus((text) => tokenizer.tokenize(text));
console.log(
  `sentences ${r.sentences}, true positives ${r.truePositives}, false positives ${r.falsePositives.length}, misses ${r.misses.length}`,
);
console.log(`precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`);
for (const f of r.falsePositives) console.log(`false positive ${f.finding.kind} 「${f.finding.text}」 in ${f.text}`);
for (const m of r.misses) console.log(`miss ${m.kind} 「${m.expected}」 in ${m.text}`);

const h = scoreCorpus((text) => tokenizer.tokenize(text), HELD_OUT);
console.log(`held-out: sentences ${h.sentences}, precision ${h.precision.toFixed(3)}, recall ${h.recall.toFixed(3)}`);
for (const f of h.falsePositives) console.log(`held-out false positive ${f.finding.kind} 「${f.finding.text}」 in ${f.text}`);
for (const m of h.misses) console.log(`held-out miss ${m.kind} 「${m.expected}」 in ${m.text}`);
