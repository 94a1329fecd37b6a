import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have exactly the same keys in Japanese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });
  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect({ key, p: placeholders(en[key]) }).toEqual({ key, p: placeholders(ja[key]) });
    }
  });
  it("have no empty message", () => {
    for (const [key, value] of [...Object.entries(ja), ...Object.entries(en)])
      expect({ key, value: value.trim().length > 0 }).toEqual({ key, value: true });
  });
});
