// Starts the background workers of this server process. Each capability's jobs are defined in its own
// module (defineJob); importing the module here registers them. Recurring work runs on pg-boss schedules
// (cron, UTC): a schedule fires once per tick across every process sharing the database.
import { envVar } from "~/env.server";
import { BACKUP_JOB, backupSchedule } from "~/ops/backup-job.server";
import { CASE_RETENTION_JOB } from "~/cases/cases.server";
import { MAIL_SWEEP_JOB } from "~/mail/delivery.server";
import { RETENTION_JOB } from "~/privacy/retention.server";
import { REMINDERS_JOB } from "~/scheduling/reminders.server";
import { STAFF_MOVES_JOB, STATUTORY_REMINDERS_JOB } from "~/staff/reminders.server";
import "~/video/video.server";
import { UPLOAD_CLEANUP_JOB } from "~/video/upload.server";
import { getBoss, scheduleJob, startWorkers } from "./queue.server";

const KEY = Symbol.for("tsunagu.jobWorkers");

/** The recurring jobs and their schedules (UTC cron). */
export function recurringJobs(): { name: string; cron: string }[] {
  const jobs = [
    { name: UPLOAD_CLEANUP_JOB, cron: "17 * * * *" },
    // Hourly, so a reminder for tomorrow goes out within the hour the day turns (JST).
    { name: REMINDERS_JOB, cron: "5 * * * *" },
    { name: MAIL_SWEEP_JOB, cron: "*/5 * * * *" },
    // 03:30 JST.
    { name: CASE_RETENTION_JOB, cron: "30 18 * * *" },
    // 03:45 JST: the retention schedule (issue 19, app/privacy/retention.ts).
    { name: RETENTION_JOB, cron: "45 18 * * *" },
    // 09:10 JST: the refresher-deadline reminders (issue 20, app/staff/statutory.ts), each sent once.
    { name: STATUTORY_REMINDERS_JOB, cron: "10 0 * * *" },
    // Hourly at :02: transfers and leaving dated ahead take effect on their day (the run at 00:02 JST).
    { name: STAFF_MOVES_JOB, cron: "2 * * * *" },
  ];
  const backup = backupSchedule();
  if (backup) jobs.push({ name: BACKUP_JOB, cron: backup });
  return jobs;
}

export function startJobWorkers() {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[KEY] || envVar("NODE_ENV") === "test" || envVar("TSUNAGU_JOBS") === "0") return;
  g[KEY] = true;
  void (async () => {
    await startWorkers();
    const jobs = recurringJobs();
    for (const j of jobs) await scheduleJob(j.name, j.cron);
    if (!jobs.some((j) => j.name === BACKUP_JOB)) await (await getBoss()).unschedule(BACKUP_JOB).catch(() => {});
  })().catch((e: unknown) => console.error("[jobs] could not start", e));
}
