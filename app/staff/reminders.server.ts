// The refresher-deadline reminders (issue 20, part 2): sendStatutoryReminders() daily on the job queue's schedule
// (app/jobs/workers.server.ts). Each reminder goes once: the StatutoryReminder row is its record.
import { defineJob } from "~/jobs/queue.server";
import { now } from "~/lib/clock";
import { sendStatutoryReminders } from "./staff.server";

export const STATUTORY_REMINDERS_JOB = "staff.statutory-reminders";

defineJob(STATUTORY_REMINDERS_JOB, async () => {
  await sendStatutoryReminders(now());
});
