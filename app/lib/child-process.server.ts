// Work that holds a lot of memory, or parses a file someone uploaded, runs in a node process of its own: the reading of
// an XLSX, the text of a case's attachment, and the personal-information guard's dictionary. Such a process has its
// own heap limit (the server's is capped, decision 050), can be killed at a time limit, and when it ends all of its
// memory goes back to the machine, which a worker thread's does not (glibc keeps much of it in the server process).
// The child's code is plain CommonJS run with `node -e`; it loads packages with `load` (the project's own
// node_modules), gets its input as its first message, and answers with `process.send`. Messages use the structured
// clone (so bytes travel as bytes).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { envVar, getEnv } from "~/env.server";

/**
 * Put first in a child's source: `load(name)` requires the project's own copy of a package. A child ends when the
 * server closes the channel or ends, and leaves Ctrl-C to the server (which finishes its requests first, as a server
 * process does).
 */
const PRELUDE = `const load = require("node:module").createRequire(process.env.PACKAGE_JSON);
process.on("disconnect", () => process.exit(0));
process.on("SIGINT", () => {});
`;

/**
 * Starts `source` in a node process of its own, with `heapMb` of old generation (and any other V8 flags given) and
 * nothing of the server's environment but NODE_ENV (no secrets, no `NODE_OPTIONS`) and glibc's malloc settings, which
 * `npm start` gives the server processes (at most two arenas, blocks of 1 MB and more from mmap: freed, they go back to
 * the machine at once; decision 050).
 */
export function startNodeChild(
  source: string,
  { heapMb, v8Flags = [], stderr = "inherit" }: { heapMb: number; v8Flags?: string[]; stderr?: "inherit" | "pipe" },
): ChildProcess {
  const malloc = Object.fromEntries(
    (["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_"] as const).flatMap((name) => {
      const value = envVar(name);
      return value ? [[name, value]] : [];
    }),
  );
  return spawn(process.execPath, [`--max-old-space-size=${heapMb}`, ...v8Flags, "-e", PRELUDE + source], {
    // stderr is the server's (so a child's failure is in the server's log), or read by the caller.
    stdio: ["ignore", "ignore", stderr, "ipc"],
    serialization: "advanced",
    env: { NODE_ENV: getEnv().NODE_ENV, PACKAGE_JSON: path.join(process.cwd(), "package.json"), ...malloc },
  });
}

export type ChildOutcome<T> = { ok: true; value: T } | { ok: false; reason: "timeout" | "outOfMemory" | "failed" };

/**
 * Runs `source` once: sends it `input`, resolves with the first message it sends back, and ends it. A child that runs
 * past `ms` is killed ("timeout"); one that runs out of heap ("outOfMemory") or ends without an answer ("failed")
 * resolves too: the caller tells the user, and the server goes on.
 */
export function runInChild<T>(source: string, input: unknown, { heapMb, ms }: { heapMb: number; ms: number }): Promise<ChildOutcome<T>> {
  // V8's report of a child out of heap is some forty lines of native stack: the server's log gets one line instead.
  const child = startNodeChild(source, { heapMb, stderr: "pipe" });
  let errors = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (errors = (errors + d).slice(-2000)));
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: ChildOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ ok: false, reason: "timeout" }), ms);
    child.on("message", (value: T) => done({ ok: true, value }));
    child.on("error", () => done({ ok: false, reason: "failed" }));
    // V8 aborts a process that reaches its heap limit (SIGABRT, or exit code 134 from a shell).
    child.on("exit", (code, signal) => {
      if (settled) return;
      const outOfMemory = signal === "SIGABRT" || code === 134;
      console.error(
        outOfMemory
          ? `[child process] ran out of its ${heapMb} MB heap`
          : `[child process] ended (${signal ?? code}) without an answer: ${errors.trim().split("\n").slice(-3).join(" | ")}`,
      );
      done({ ok: false, reason: outOfMemory ? "outOfMemory" : "failed" });
    });
    child.send(input as never);
  });
}
