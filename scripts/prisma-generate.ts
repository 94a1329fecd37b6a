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

function schemaHash() {
  return createHash("sha256")
    .update(readFileSync(join(root, "prisma/schema.prisma")))
    .digest("hex");
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
  writeFileSync(stamp, schemaHash());
  return true;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  process.exit(generateClient() ? 0 : 1);
}
