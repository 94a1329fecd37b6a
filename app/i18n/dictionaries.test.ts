import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";

import { IntlMessageFormat } from "intl-messageformat";
import { translator } from "./index";

// A placeholder is "{name}", or the argument of an ICU rule ("{count, plural, …}"); each name counted once.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe("dictionaries", () => {
  it("have exactly the same keys in Japanese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });
  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect({ key, p: placeholders(en[key]) }).toEqual({ key, p: placeholders(ja[key]) });
    }
  });
  it("write plurals as ICU messages that compile, with the English plural forms", () => {
    const plural = Object.entries(en).filter(([, v]) => /,\s*plural\s*,/.test(v));
    expect(plural.length).toBeGreaterThan(5);
    for (const [, v] of plural) expect(() => new IntlMessageFormat(v, "en-GB")).not.toThrow();
    const t = translator("en");
    expect(t("scheduling.seatsLeft", { count: 1 })).toBe("1 seat left");
    expect(t("scheduling.seatsLeft", { count: 2 })).toBe("2 seats left");
    expect(t("admin.offices.count", { count: 1200 })).toBe("1,200 offices");
    expect(t("training.check.last", { score: 80, attempts: 1 })).toBe("Last result: 80% (1 attempt so far)");
    expect(translator("ja")("scheduling.seatsLeft", { count: 1 })).toBe("残り1席");
  });
  it("have no empty message", () => {
    for (const [key, value] of [...Object.entries(ja), ...Object.entries(en)])
      expect({ key, value: value.trim().length > 0 }).toEqual({ key, value: true });
  });
});
