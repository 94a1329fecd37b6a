// `npm run db:restore -- <file> [--force]`: restores a backup made by `npm run db:backup` into an empty database
// (DATABASE_URL or the embedded one) and the media directory; --force replaces what is there.
import { isAbsolute, join } from "node:path";
import { restoreBackup, RestoreRefused } from "./lib/backup.ts";
import { connectForCommand } from "./lib/connect.ts";
import { PROJECT_ROOT } from "./lib/database.ts";

const abs = (p: string) => (isAbsolute(p) ? p : join(PROJECT_ROOT, p));
const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file> [--force]");
  process.exit(2);
}
const mediaDir = abs(process.env.TSUNAGU_MEDIA_DIR ?? ".data/media");

const db = await connectForCommand();
try {
  const started = performance.now();
  const m = await restoreBackup({ url: db.url, file: abs(file), mediaDir, force });
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Restored ${abs(file)} (made ${m.createdAt}): ${m.tables.length} tables, ${rows} rows, ${m.media.files} media files in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  if (error instanceof RestoreRefused) {
    console.error(`Restore refused: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.stop();
}
