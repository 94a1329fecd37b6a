// kuromoji's tokenizer (IPADIC dictionary shipped inside the npm package). Once built it holds about 76 MB of heap and
// 90 MB of typed arrays (about 300 MB resident, 360 MB at work), so the server does not keep it (issue 13, decision 050): `scan`
// tokenizes in a child process, started on first use (~2 s to build) and ended after five minutes without a text,
// which gives all of that memory back to the machine. (A worker thread was tried: glibc kept 110–200 MB of the
// ended worker's memory in the server process.) The server's heap therefore never has to make room for the dictionary.
// `getTokenizer` builds one in the calling process, for the scanner's tests and the corpus metrics.
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { startNodeChild } from "~/lib/child-process.server";
import type { ScanToken } from "./scanner";
import { scanText, type Finding } from "./scanner";

type Tokenizer = { tokenize(text: string): ScanToken[] };
let building: Promise<Tokenizer> | null = null;

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
}

/** A tokenizer in this process (tests, scripts): the server's requests go through `scan`, in the child process. */
export function getTokenizer(): Promise<Tokenizer> {
  if (!building) {
    // The library too is loaded on first use (it is heavy, and only the guard needs it).
    building = import("kuromoji").then(
      ({ default: kuromoji }) =>
        new Promise<Tokenizer>((resolve, reject) => {
          kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tokenizer) => {
            if (err) {
              building = null;
              reject(err);
            } else resolve(tokenizer as unknown as Tokenizer);
          });
        }),
    );
  }
  return building;
}

// The child (given `dicPath`, the same dictionary as `getTokenizer`'s): builds the tokenizer and answers { id, text }
// with { id, tokens } (only the fields the scanner reads) until the server closes the channel (idle, or the server
// itself ended).
const CHILD_SOURCE = String.raw`
const kuromoji = load("kuromoji");
const built = new Promise((resolve, reject) =>
  kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))),
);
built.catch((err) => { process.send({ failed: String((err && err.message) || err) }); process.disconnect(); });
// The build leaves some 110 MB of decompressed files behind: collected at once, they go back to the machine.
built.then(() => setImmediate(() => global.gc && global.gc()), () => {});
process.on("message", async ({ id, text }) => {
  const tokenizer = await built;
  const tokens = tokenizer.tokenize(text).map((t) => ({
    surface_form: t.surface_form, pos: t.pos, pos_detail_1: t.pos_detail_1, pos_detail_2: t.pos_detail_2,
    pos_detail_3: t.pos_detail_3, word_position: t.word_position, word_type: t.word_type,
  }));
  process.send({ id, tokens });
});
`;

/** How long the child waits for the next text before it ends (tests shorten it). */
let idleMs = 5 * 60 * 1000;
export function setTokenizerIdleMs(ms: number): void {
  idleMs = ms;
}

interface Pending {
  resolve: (tokens: ScanToken[]) => void;
  reject: (e: Error) => void;
}
type ChildAnswer = { id: number; tokens: ScanToken[] } | { failed: string };
interface Running {
  child: ChildProcess;
  pending: Map<number, Pending>;
  idle?: NodeJS.Timeout;
}

let current: Running | null = null;
let nextId = 1;

function startChild(): Running {
  // The dictionary holds about 76 MB of heap and 90 MB of typed arrays. A young generation of 4 MB semi-spaces (V8's
  // default here is 16 MB) keeps the tokens of a long text from growing the heap: five texts of 20,000 characters
  // took the process to 490 MB resident with the default and to 355 MB with it; built and at rest, 360 → 295 MB with the collection after the build.
  const child = startNodeChild(`const dicPath = ${JSON.stringify(dictionaryPath())};\n${CHILD_SOURCE}`, {
    heapMb: 256,
    v8Flags: ["--max-semi-space-size=4", "--expose-gc"],
  });
  const state: Running = { child, pending: new Map() };
  const end = (error: Error) => {
    if (current === state) current = null;
    clearTimeout(state.idle);
    for (const p of state.pending.values()) p.reject(error);
    state.pending.clear();
    if (child.connected) child.disconnect();
  };
  child.on("message", (m: ChildAnswer) => {
    if ("failed" in m) return end(new Error(`kuromoji tokenizer failed to build: ${m.failed}`));
    state.pending.get(m.id)?.resolve(m.tokens);
    state.pending.delete(m.id);
    if (state.pending.size === 0) {
      clearTimeout(state.idle);
      state.idle = setTimeout(() => end(new Error("tokenizer process ended while idle")), idleMs);
      state.idle.unref();
    }
  });
  child.on("error", (e) => end(e));
  child.on("exit", (code, signal) => end(new Error(`tokenizer process exited (${signal ?? code})`)));
  // A child waiting for a text never keeps this process alive.
  child.unref();
  child.channel?.unref();
  return state;
}

/** kuromoji's tokens of `text`, from the child process (started if none runs). */
export function tokenize(text: string): Promise<ScanToken[]> {
  current ??= startChild();
  const state = current;
  clearTimeout(state.idle);
  const id = nextId++;
  return new Promise<ScanToken[]>((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.child.send({ id, text });
  });
}

/** Starts the child and waits until its tokenizer is built (tests, so that the first scan is not timed). */
export async function warmTokenizer(): Promise<void> {
  await tokenize("。");
}

/** The pid of the tokenizer's child process while one runs (for tests). */
export function tokenizerProcess(): number | undefined {
  return current?.child.pid;
}

/** Every finding of personal information in the text. */
export async function scan(text: string): Promise<Finding[]> {
  if (!text.trim()) return [];
  return scanText(text, await tokenize(text));
}
