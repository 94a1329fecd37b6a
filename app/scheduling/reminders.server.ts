// The reminder job: sendReminders() hourly, on the job queue's schedule (app/jobs/workers.server.ts), so it
// runs once per hour across any number of server processes. sendReminders is idempotent besides (one
// reminder per enrolment and day, by its dedupe key).
import { defineJob } from "~/jobs/queue.server";
import { now } from "~/lib/clock";
import { sendReminders } from "./scheduling.server";

export const REMINDERS_JOB = "scheduling.reminders";

defineJob(REMINDERS_JOB, async () => {
  await sendReminders(now());
});
