import { describe, expect, it } from "vitest";
import { stampedCache } from "./stamped-cache.server";

describe("stampedCache", () => {
  it("computes once for concurrent misses, again when the stamp moves, and keeps no failure", async () => {
    const cache = stampedCache<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      runs++;
      await gate;
      return runs;
    };
    const burst = [cache.get("k", "s1", compute), cache.get("k", "s1", compute), cache.get("k", "s1", compute)];
    release();
    expect(await Promise.all(burst)).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
    expect(await cache.get("k", "s1", compute)).toBe(1);
    expect(await cache.get("k", "s2", compute)).toBe(2);
    expect(await cache.get("other", "s2", compute)).toBe(3);
    const failing = cache.get("bad", "s", () => Promise.reject(new Error("down")));
    await expect(failing).rejects.toThrow("down");
    expect(await cache.get("bad", "s", async () => 42)).toBe(42);
  });

  it("starts afresh when full", async () => {
    const cache = stampedCache<string>(2);
    await cache.get("a", "1", async () => "a1");
    await cache.get("b", "1", async () => "b1");
    await cache.get("c", "1", async () => "c1");
    expect(await cache.get("a", "1", async () => "a2")).toBe("a2");
  });
});
