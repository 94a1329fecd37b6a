// The reminder job: sendReminders() at start-up and then hourly. Started once per process (the
// guard lives on globalThis so a reloaded module in development does not start a second timer).
import { sendReminders } from "./scheduling.server";

const HOUR = 60 * 60 * 1000;
const KEY = Symbol.for("tsunagu.reminderJob");

export function startReminderJob() {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[KEY] || process.env.NODE_ENV === "test" || process.env.TSUNAGU_REMINDERS === "0") return;
  g[KEY] = true;
  const run = () =>
    sendReminders(new Date()).catch((e: unknown) => {
      console.error("[reminders]", e);
      return 0;
    });
  void run();
  setInterval(() => void run(), HOUR).unref();
}
