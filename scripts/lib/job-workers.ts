// Stopping this process's job workers at shutdown, for the primary (`npm run dev` serves in it) and each server process.

/**
 * Stops this process's job workers (a job cut off is retried by the queue). The queue registers its stop function
 * on globalThis (app/jobs/queue.server.ts), so a script need not import the server bundle.
 */
export async function stopJobWorkers(): Promise<void> {
  const stop = (globalThis as unknown as Record<symbol, (() => Promise<void>) | undefined>)[Symbol.for("tsunagu.stopJobs")];
  if (stop) await stop().catch((e: unknown) => console.error("[jobs] stop:", e));
}
