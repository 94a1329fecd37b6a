// The background job queue: pg-boss on the application's own PostgreSQL (its tables live in the
// "pgboss" schema, created by pg-boss itself). See docs/decisions/023-job-queue-pg-boss.md.
//
// A capability defines its jobs with `defineJob(name, handler)`; `startWorkers()` (called once per
// server process from app/jobs/workers.server.ts) works every defined queue; `enqueue()` sends a job
// from anywhere (a request handler, a script). Failed jobs are retried with exponential backoff.
import PgBoss from "pg-boss";
import { getEnv } from "~/env.server";

export interface JobOptions {
  /** How many times a failed job is tried again (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time (default 15). */
  retryDelay?: number;
  /** Seconds one run may take before it counts as failed (default 1 hour). */
  expireInSeconds?: number;
  /** Jobs of this queue run at once in this process (default 1: the machine is small). */
  concurrency?: number;
}

type Handler = (data: Record<string, unknown>, meta: { id: string; retryCount: number }) => Promise<void>;

interface Registry {
  boss?: Promise<PgBoss>;
  jobs: Map<string, { handler: Handler; options: JobOptions }>;
  started: boolean;
}

// Kept on globalThis: one queue per process even when the dev server reloads modules.
const KEY = Symbol.for("tsunagu.jobs");
function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry>;
  g[KEY] ??= { jobs: new Map(), started: false };
  return g[KEY];
}

/** The started pg-boss instance of this process. */
export function getBoss(): Promise<PgBoss> {
  const r = registry();
  r.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 4, application_name: "tsunagu-jobs" });
    boss.on("error", (e: unknown) => console.error("[jobs]", e));
    await boss.start();
    return boss;
  })();
  return r.boss;
}

export function defineJob<T extends Record<string, unknown>>(
  name: string,
  handler: (data: T, meta: { id: string; retryCount: number }) => Promise<void>,
  options: JobOptions = {},
) {
  registry().jobs.set(name, { handler: handler as Handler, options });
}

async function ensureQueue(boss: PgBoss, name: string) {
  const options = registry().jobs.get(name)?.options ?? {};
  if (!(await boss.getQueue(name))) {
    await boss.createQueue(name, {
      name,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: options.retryDelay ?? 15,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 3600,
    });
  }
}

/** Sends a job; returns its id (null when a singleton key already has one waiting). */
export async function enqueue(
  name: string,
  data: Record<string, unknown>,
  options: { singletonKey?: string; startAfter?: number } = {},
): Promise<string | null> {
  const boss = await getBoss();
  await ensureQueue(boss, name);
  return boss.send(name, data, { ...options });
}

/** Works every defined queue in this process. Safe to call more than once. */
export async function startWorkers(log: (m: string) => void = console.log): Promise<void> {
  const r = registry();
  if (r.started) return;
  r.started = true;
  const boss = await getBoss();
  for (const [name, { handler, options }] of r.jobs) {
    await ensureQueue(boss, name);
    const concurrency = options.concurrency ?? 1;
    for (let i = 0; i < concurrency; i++) {
      await boss.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true }, async ([job]) => {
        await handler(job.data, { id: job.id, retryCount: job.retryCount });
      });
    }
  }
  log(`[jobs] working ${[...r.jobs.keys()].join(", ") || "no queues"}`);
}

/** Runs a job on a cron schedule (UTC), e.g. "0 * * * *". */
export async function scheduleJob(name: string, cron: string, data: Record<string, unknown> = {}) {
  const boss = await getBoss();
  await ensureQueue(boss, name);
  await boss.schedule(name, cron, data, { tz: "UTC" });
}

/** Stops workers and the queue's connections (tests, shutdown). */
export async function stopJobs(): Promise<void> {
  const r = registry();
  const boss = r.boss;
  r.boss = undefined;
  r.started = false;
  if (boss) await (await boss).stop({ graceful: false, wait: true });
}

// The process's shutdown (scripts/start.ts) finds the queue here without importing the server bundle.
(globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tsunagu.stopJobs")] = stopJobs;
