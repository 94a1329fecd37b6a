// kuromoji's tokenizer (IPADIC dictionary shipped inside the npm package), built once per process on
// first use (~2 s) and shared. Nothing waits for it at start-up; `warmTokenizer()` starts it early.
import { createRequire } from "node:module";
import path from "node:path";
import type { ScanToken } from "./scanner";
import { scanText, type Finding } from "./scanner";

type Tokenizer = { tokenize(text: string): ScanToken[] };
let building: Promise<Tokenizer> | null = null;

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
}

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

/** Starts building the tokenizer in the background (called once the server listens). */
export function warmTokenizer(): void {
  void getTokenizer().catch((e: unknown) => console.error("kuromoji tokenizer failed to build", e));
}

/** Every finding of personal information in the text. */
export async function scan(text: string): Promise<Finding[]> {
  if (!text.trim()) return [];
  const tokenizer = await getTokenizer();
  return scanText(text, tokenizer.tokenize(text));
}
