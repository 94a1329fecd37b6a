// One embedded PostgreSQL for the whole Vitest run, with a migrated template database;
// each test file then gets its own copy of the template (tests/integration/per-file-database.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.ts";
import { applyMigrations } from "../../scripts/lib/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-vitest-"));
  const db = await startEmbeddedPostgres({ dir, port: await freePort(), database: "tsunagu_template", quiet: true });
  await applyMigrations(db.url);
  project.provide("templateDatabaseUrl", db.url);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
