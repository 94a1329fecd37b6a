// Work in a node process of its own (issue 13): real child processes, each outcome.
import { describe, expect, it, vi } from "vitest";
import { runInChild } from "./child-process.server";
import { alive } from "../../tests/e2e/child-server";

describe("runInChild", () => {
  it("gives the child glibc's malloc settings of the server process and nothing else of its environment", async () => {
    vi.stubEnv("MALLOC_ARENA_MAX", "2");
    try {
      const outcome = await runInChild<{ arenas: string | null; secret: string | null }>(
        `process.once("message", () => process.send({ arenas: process.env.MALLOC_ARENA_MAX ?? null, secret: process.env.DATABASE_URL ?? null }));`,
        {},
        { heapMb: 64, ms: 20_000 },
      );
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.value).toEqual({ arenas: "2", secret: null });
    } finally {
      vi.unstubAllEnvs();
    }
  }, 30_000);

  it("sends the input as bytes and resolves with the child's answer, in a process with its own heap limit", async () => {
    const source = `process.once("message", ({ bytes }) => process.send({
      pid: process.pid, bytes: bytes.constructor.name, length: bytes.length, sum: bytes.reduce((a, b) => a + b, 0),
      heapMb: Math.round(require("node:v8").getHeapStatistics().heap_size_limit / 2 ** 20),
      cap: process.execArgv[0], secret: process.env.DATABASE_URL ?? null, library: typeof load("fflate").unzipSync,
    }));`;
    const outcome = await runInChild<{
      pid: number;
      bytes: string;
      length: number;
      sum: number;
      heapMb: number;
      cap: string;
      secret: string | null;
      library: string;
    }>(source, { bytes: new Uint8Array([1, 2, 3, 250]) }, { heapMb: 96, ms: 20_000 });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.value).toMatchObject({
      bytes: "Uint8Array",
      length: 4,
      sum: 256,
      cap: "--max-old-space-size=96",
      secret: null,
      library: "function",
    });
    expect(outcome.value.pid).not.toBe(process.pid);
    // 96 MB of old generation plus the young generation (uncapped, the limit is about 4 GB on this machine).
    expect(outcome.value.heapMb).toBeGreaterThanOrEqual(96);
    expect(outcome.value.heapMb).toBeLessThan(512);
    // The child is ended once it has answered.
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(outcome.value.pid)).toBe(false);
  }, 30_000);

  it("kills a child that runs past its time", async () => {
    const started = Date.now();
    const outcome = await runInChild("process.once('message', () => setInterval(() => {}, 1000));", {}, { heapMb: 64, ms: 500 });
    expect(outcome).toEqual({ ok: false, reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it("tells a child that ran out of heap from one that ended without an answer", async () => {
    const greedy = "process.once('message', () => { const keep = []; for (;;) keep.push(new Array(100000).fill({ a: 1 })); });";
    expect(await runInChild(greedy, {}, { heapMb: 32, ms: 20_000 })).toEqual({ ok: false, reason: "outOfMemory" });
    expect(await runInChild("process.once('message', () => process.exit(3));", {}, { heapMb: 32, ms: 20_000 })).toEqual({
      ok: false,
      reason: "failed",
    });
  }, 30_000);
});
