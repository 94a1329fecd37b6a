// For one-off commands (backup, restore): the database the app uses — DATABASE_URL, else the embedded PostgreSQL,
// reused when `npm start` already runs it (its data directory can have only one server), else started here.
import pg from "pg";
import { openDatabase, type Database } from "./database.ts";

export async function connectForCommand(): Promise<Database> {
  if (process.env.DATABASE_URL) return openDatabase();
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const url = `postgresql://tsunagu:tsunagu@127.0.0.1:${port}/tsunagu`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    await probe.end();
    return { url, embedded: true, stop: async () => {} };
  } catch {
    await probe.end().catch(() => {});
    return openDatabase({ log: () => {} });
  }
}
