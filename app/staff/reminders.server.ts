// The refresher-deadline reminders and the scheduled staff moves (issue 20, part 2): sendStatutoryReminders() daily on the job queue's schedule
// (app/jobs/workers.server.ts). Each reminder goes once: the StatutoryReminder row is its record.
import { defineJob } from "~/jobs/queue.server";
import { now } from "~/lib/clock";
import { applyDueStaffMoves, sendStatutoryReminders } from "./staff.server";

export const STATUTORY_REMINDERS_JOB = "staff.statutory-reminders";

defineJob(STATUTORY_REMINDERS_JOB, async () => {
  await sendStatutoryReminders(now());
});

/** Transfers and leaving dated ahead (予定) take effect on their day: applyDueStaffMoves() every hour (a missed run is caught up). */
export const STAFF_MOVES_JOB = "staff.moves";

defineJob(STAFF_MOVES_JOB, async () => {
  await applyDueStaffMoves(now());
});
