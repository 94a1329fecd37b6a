// Runs `prisma generate` and stamps the generated client with the schema's hash, so `npm start` can
// regenerate it after a pull that changed the schema. The Prisma CLI insists on a schema-engine binary it
// would otherwise download from a host these machines cannot reach; `generate` never runs it, so naming
// any existing file is enough (see docs/decisions/003-migrations-with-wasm-engine.md).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const stamp = join(root, "app/generated/prisma/.schema-hash");

// Bumped when what `generateClient` does to the generated files changes, so that a client generated before is made anew.
const POST_PROCESSING = "query-compiler-read-as-text:1";

function schemaHash() {
  return createHash("sha256")
    .update(readFileSync(join(root, "prisma/schema.prisma")))
    .update(POST_PROCESSING)
    .digest("hex");
}

/**
 * The generated client imports the query compiler's WebAssembly as a module whose only export is the 4.6 MB base64
 * text of it: an ES module is never unloaded, so every server process kept that text twice (the module's source and
 * the exported string, 9.2 MB of live heap) for the one moment at start when it is decoded. Rewritten to read the same
 * file as text and decode it, so the text is garbage once the WebAssembly module is made (issue 13, decision 050).
 */
export function readQueryCompilerAsText(source: string): string {
  const pattern =
    /const \{ wasm \} = await import\(("@prisma\/client\/runtime\/[\w.]+\.wasm-base64\.mjs")\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;
  const match = pattern.exec(source);
  if (!match) throw new Error("prisma-generate: the generated client no longer imports its query compiler as expected");
  const [, specifier, indent] = match;
  return source.replace(
    pattern,
    [
      `// Read as text, not imported: a module would keep the 4.6 MB of base64 for good (scripts/prisma-generate.ts).`,
      `const { readFile } = await import("node:fs/promises")`,
      `const { createRequire } = await import("node:module")`,
      `const text = await readFile(createRequire(import.meta.url).resolve(${specifier}), "utf8")`,
      `return await decodeBase64AsWasm(text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')))`,
    ].join(`\n${indent}`),
  );
}

/** True when the generated client was made from the current schema. */
export function clientIsCurrent(): boolean {
  return existsSync(stamp) && readFileSync(stamp, "utf8") === schemaHash();
}

export function generateClient(): boolean {
  const env = { ...process.env };
  env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
  env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
  const result = spawnSync("npx", ["prisma", "generate"], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) return false;
  const classFile = join(root, "app/generated/prisma/internal/class.ts");
  writeFileSync(classFile, readQueryCompilerAsText(readFileSync(classFile, "utf8")));
  writeFileSync(stamp, schemaHash());
  return true;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  process.exit(generateClient() ? 0 : 1);
}
