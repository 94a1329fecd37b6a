// The guard's tokenizer runs in a child process that ends when idle (issue 13: the dictionary holds about 400 MB).
import { afterAll, describe, expect, it } from "vitest";
import { getTokenizer, scan, setTokenizerIdleMs, tokenize, tokenizerProcess } from "~/cases/tokenizer.server";
import { alive } from "../e2e/child-server";

afterAll(() => setTokenizerIdleMs(5 * 60 * 1000));

describe("the guard's tokenizer process", () => {
  it("gives the same tokens as a tokenizer in this process, and the scan finds a name and a phone number", async () => {
    const text = "山田太郎さん（電話 090-1234-5678）は、区役所の窓口で相談した。";
    const local = (await getTokenizer()).tokenize(text);
    const fromChild = await tokenize(text);
    expect(fromChild.map((t) => [t.surface_form, t.pos, t.pos_detail_1, t.word_position])).toEqual(
      local.map((t) => [t.surface_form, t.pos, t.pos_detail_1, t.word_position]),
    );
    const kinds = (await scan(text)).map((f) => f.kind);
    expect(kinds).toContain("name");
    expect(kinds).toContain("phone");
    expect(tokenizerProcess()).not.toBe(process.pid);
  }, 60_000);

  it("answers texts sent at once, each with its own tokens", async () => {
    const texts = ["東京都に住む。", "佐藤花子さんが来た。", "連絡は taro@example.jp まで。"];
    const local = await getTokenizer();
    const answers = await Promise.all(texts.map((t) => tokenize(t)));
    answers.forEach((tokens, i) => expect(tokens.map((t) => t.surface_form)).toEqual(local.tokenize(texts[i]!).map((t) => t.surface_form)));
  }, 60_000);

  it("ends its process after the idle time and starts a new one for the next text", async () => {
    setTokenizerIdleMs(200);
    await tokenize("一つ目。");
    const first = tokenizerProcess();
    expect(first && alive(first)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(tokenizerProcess()).toBeUndefined();
    expect(alive(first!)).toBe(false);
    expect((await tokenize("二つ目。")).map((t) => t.surface_form).join("")).toBe("二つ目。");
    expect(tokenizerProcess()).not.toBe(first);
  }, 60_000);
});
