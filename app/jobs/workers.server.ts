// Starts the background workers of this server process. Each capability's jobs are defined in its own
// module (defineJob); importing the module here registers them.
import { scheduleJob, startWorkers } from "./queue.server";
import "~/video/video.server";
import { UPLOAD_CLEANUP_JOB } from "~/video/upload.server";

const KEY = Symbol.for("tsunagu.jobWorkers");

export function startJobWorkers() {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[KEY] || process.env.NODE_ENV === "test" || process.env.TSUNAGU_JOBS === "0") return;
  g[KEY] = true;
  void (async () => {
    await startWorkers();
    await scheduleJob(UPLOAD_CLEANUP_JOB, "17 * * * *");
  })().catch((e: unknown) => console.error("[jobs] could not start", e));
}
