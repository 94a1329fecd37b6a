import { beforeAll, describe, expect, it } from "vitest";
import { scoreCorpus } from "./corpus-metrics";
import { CORPUS, HELD_OUT } from "./scanner-corpus";
import { applyReplacements, decadeOf, isMyNumber, myNumberCheckDigit, normaliseDigits, scanText, type ScanToken } from "./scanner";
import { getTokenizer } from "./tokenizer.server";

let tokenize: (text: string) => ScanToken[];
beforeAll(async () => {
  const t = await getTokenizer();
  tokenize = (text) => t.tokenize(text);
}, 30_000);

describe("personal-information scanner", () => {
  it("has a corpus of at least 60 sentences, with both what must be caught and what must not", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(CORPUS.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(25);
    expect(CORPUS.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  it("reaches precision and recall of at least 0.9 on the corpus", () => {
    const r = scoreCorpus(tokenize);
    console.log(
      `scanner corpus: ${r.sentences} sentences, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`,
      r.falsePositives.map((f) => `FP ${f.finding.kind} 「${f.finding.text}」 in ${f.text}`),
      r.misses.map((m) => `MISS ${m.kind} 「${m.expected}」 in ${m.text}`),
    );
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("holds up on sentences not used to tune it", () => {
    const r = scoreCorpus(tokenize, HELD_OUT);
    console.log(`held-out: ${r.sentences} sentences, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`);
    expect(r.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("never flags the words of the trade", () => {
    for (const text of ["相談支援専門員", "仙台市", "グループホーム", "Aさん", "40代", "青葉区内"]) {
      expect(scanText(text, tokenize(text)), text).toEqual([]);
    }
  });

  it("validates the My Number check digit", () => {
    expect(myNumberCheckDigit("12345678901")).toBe(8);
    expect(isMyNumber("123456789018")).toBe(true);
    expect(isMyNumber("123456789012")).toBe(false);
    expect(isMyNumber("12345678901")).toBe(false);
  });

  it("suggests decades for ages and keeps offsets through full-width digits", () => {
    expect(decadeOf(47)).toBe("40代");
    expect(decadeOf(7)).toBe("10歳未満");
    expect(decadeOf(93)).toBe("90代以上");
    expect(normaliseDigits("０９０－１２")).toBe("090-12");
    expect(normaliseDigits("０９０－１２").length).toBe(6);
  });

  it("gives spans and replacements that anonymise the text", () => {
    const text = "山田さん（47歳）の連絡先は090-1234-5678、自宅は青葉区国分町2丁目3番4号。";
    const findings = scanText(text, tokenize(text));
    expect(findings.map((f) => f.kind)).toEqual(["name", "age", "phone", "address"]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    const clean = applyReplacements(text, findings);
    expect(clean).toBe("Aさん（40代）の連絡先は（電話番号削除）、自宅は青葉区内。");
    expect(scanText(clean, tokenize(clean))).toEqual([]);
  });

  it("gives the same person the same letter and another person the next", () => {
    const text = "小林さんは中村さんと暮らす。小林さんが料理をする。";
    const f = scanText(text, tokenize(text));
    expect(f.map((x) => x.replacement)).toEqual(["Aさん", "Bさん", "Aさん"]);
  });
});
