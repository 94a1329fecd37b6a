// Prisma's WebAssembly schema engine, used to write migration SQL from a schema change.
// The native engine cannot be downloaded on these machines (docs/decisions/003-migrations-with-wasm-engine.md).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export async function diffSchemas(fromSchema: string | null, toSchema: string, connectionString: string): Promise<string> {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const wasmBytes = await readFile(bgPath.replace(/\.js$/, ".wasm"));
  const g = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (m: string) => {
      throw new Error(m);
    },
  };
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", toSchema]] }, (l: string) => logs.push(l), adapter);
  const from = fromSchema === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromSchema }] };
  const result = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
