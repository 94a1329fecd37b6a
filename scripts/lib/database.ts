// Decides which PostgreSQL to use: DATABASE_URL when set, else the embedded one under .data/.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { clearOrphan, startEmbeddedPostgres } from "./embedded-postgres.ts";

export const PROJECT_ROOT = join(import.meta.dirname, "../..");

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export async function openDatabase(options: { log?: (m: string) => void; ownProcessGroup?: boolean } = {}): Promise<Database> {
  const log = options.log ?? console.log;
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dir = process.env.TSUNAGU_DATA_DIR ? join(PROJECT_ROOT, process.env.TSUNAGU_DATA_DIR) : join(PROJECT_ROOT, ".data/postgres");
  if (process.env.TSUNAGU_RESET_DATA === "1") {
    // A PostgreSQL left running on this directory by a killed run would keep its port: stop it before its files go.
    await clearOrphan(dir, log);
    rmSync(dir, { recursive: true, force: true });
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`Starting the embedded PostgreSQL (data in ${dir}, port ${port})…`);
  const db = await startEmbeddedPostgres({ dir, port, log, ownProcessGroup: options.ownProcessGroup });
  return { url: db.url, embedded: true, stop: db.stop };
}
