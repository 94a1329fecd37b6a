// Runs `prisma generate`. The Prisma CLI insists on a schema-engine binary it would otherwise
// download from a host these machines cannot reach; `generate` never runs it, so naming any
// existing file is enough (see docs/decisions/003-migrations-with-wasm-engine.md).
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
