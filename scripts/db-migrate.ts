// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";

const db = await openDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} finally {
  await db.stop();
}
