import { describe, expect, it } from "vitest";
import { hasJapanese, langFor } from "./script";

describe("Japanese script detection", () => {
  it("finds kanji, hiragana and katakana", () => {
    expect(hasJapanese("相談支援事業所つなぐ")).toBe(true);
    expect(hasJapanese("ひらがな")).toBe(true);
    expect(hasJapanese("カタカナ")).toBe(true);
    expect(hasJapanese("ｶﾀｶﾅ")).toBe(true);
    expect(hasJapanese("人々")).toBe(true);
    expect(hasJapanese("Office 北")).toBe(true);
  });
  it("does not take English, digits or punctuation alone for Japanese", () => {
    expect(hasJapanese("North consultation office")).toBe(false);
    expect(hasJapanese("FY2024 (Reiwa 6)")).toBe(false);
    expect(hasJapanese("「」、。・（）")).toBe(false);
    expect(hasJapanese("Café naïve – “quoted”")).toBe(false);
    expect(hasJapanese("")).toBe(false);
    expect(hasJapanese(null)).toBe(false);
    expect(hasJapanese(undefined)).toBe(false);
  });
  it("marks Japanese text only on English pages", () => {
    expect(langFor("会議の記録", "en")).toBe("ja");
    expect(langFor("Meeting notes", "en")).toBeUndefined();
    expect(langFor("会議の記録", "ja")).toBeUndefined();
    expect(langFor(null, "en")).toBeUndefined();
  });
});
