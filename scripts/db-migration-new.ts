// Writes a new migration from the change between the schema as of the last migration
// (prisma/migrations/schema_snapshot.prisma) and prisma/schema.prisma.
// Usage: npm run db:migration:new -- <name>
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { diffSchemas } from "./lib/schema-engine.ts";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres.ts";
import { MIGRATIONS_DIR } from "./lib/migrate.ts";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration:new -- <name>");
  process.exit(2);
}
const schemaPath = join(import.meta.dirname, "../prisma/schema.prisma");
const snapshotPath = join(MIGRATIONS_DIR, "schema_snapshot.prisma");
const current = readFileSync(schemaPath, "utf8");
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;

// The engine wants a reachable database even for a schema-to-schema diff: use a throwaway one.
const dir = join(tmpdir(), `tsunagu-diff-${process.pid}`);
const db = await startEmbeddedPostgres({ dir, port: await freePort(), quiet: true });
try {
  const sql = await diffSchemas(previous, current, db.url);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("The schema has not changed since the last migration; nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "migration.sql"), sql);
    writeFileSync(snapshotPath, current);
    if (!existsSync(join(MIGRATIONS_DIR, "migration_lock.toml"))) {
      writeFileSync(join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    }
    console.log(`Wrote ${folder}/migration.sql`);
  }
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
