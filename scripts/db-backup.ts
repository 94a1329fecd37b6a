// `npm run db:backup [-- <file>]`: a consistent backup of the whole database and the media directory, as one
// .tar.gz (default: $BACKUP_DIR/tsunagu-YYYYMMDD-HHMMSSZ.tar.gz), then keeps only the newest $BACKUP_KEEP there.
import { statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { backupFileName, createBackup, pruneBackups } from "./lib/backup.ts";
import { connectForCommand } from "./lib/connect.ts";
import { PROJECT_ROOT } from "./lib/database.ts";

const abs = (p: string) => (isAbsolute(p) ? p : join(PROJECT_ROOT, p));
const backupDir = abs(process.env.BACKUP_DIR ?? ".data/backups");
const keep = Number(process.env.BACKUP_KEEP ?? 14);
const mediaDir = abs(process.env.TSUNAGU_MEDIA_DIR ?? ".data/media");
const file = process.argv[2] ? abs(process.argv[2]) : join(backupDir, backupFileName(new Date()));

const db = await connectForCommand();
try {
  const started = performance.now();
  const m = await createBackup({ url: db.url, file, mediaDir });
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backup written: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB; ${m.tables.length} tables, ${rows} rows, ${m.media.files} media files; ${seconds} s)`,
  );
  if (!process.argv[2]) {
    const pruned = pruneBackups(backupDir, keep);
    if (pruned.length) console.log(`Removed ${pruned.length} older backup(s), keeping ${keep}.`);
  }
} finally {
  await db.stop();
}
