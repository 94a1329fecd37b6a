// The daily backup (issue 15): the job queue runs `npm run db:backup`'s script once a day across all server
// processes; it writes to BACKUP_DIR and keeps the newest BACKUP_KEEP (decision 038). It runs as a child
// process so the backup code stays one script, shared with the command line, and a slow backup never
// blocks a request. BACKUP_SCHEDULE (a cron line, UTC; "off" to disable) sets when.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { envVar } from "~/env.server";
import { defineJob } from "~/jobs/queue.server";

export const BACKUP_JOB = "ops.backup";
/** 03:00 JST. */
export const DEFAULT_BACKUP_SCHEDULE = "0 18 * * *";

export function backupSchedule(): string | null {
  const s = (envVar("BACKUP_SCHEDULE") ?? DEFAULT_BACKUP_SCHEDULE).trim();
  return s === "off" ? null : s;
}

export function runBackupCommand(): Promise<string> {
  const root = process.cwd();
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const script = join(root, "scripts", "db-backup.ts");
  if (!existsSync(tsx) || !existsSync(script)) return Promise.reject(new Error(`backup script not found under ${root}`));
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`backup exited ${code}: ${out.trim().slice(-800)}`))));
  });
}

defineJob(
  BACKUP_JOB,
  async () => {
    console.log(`[backup] ${await runBackupCommand()}`);
  },
  { retryLimit: 2, retryDelay: 600, expireInSeconds: 6 * 3600 },
);
