// What administrators see of the background work (/admin/jobs): per queue, how many jobs wait, run, wait to
// be retried, and failed; the failed ones with their error, and a retry. Mail that could not be sent is
// retried from /admin/outbox (retryOutboxMessage). Reads pg-boss's own table (pgboss.job).
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { deliver } from "~/mail/delivery.server";
import { getBoss } from "./queue.server";

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  retry: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  id: string;
  name: string;
  retries: number;
  failedAt: string | null;
  error: string;
}

function errorText(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) return String((output as { message: unknown }).message).slice(0, 500);
  return output ? JSON.stringify(output).slice(0, 500) : "";
}

/** The queues and failed jobs (administrators only). An installation whose queue never started shows none. */
export async function jobsOverview(user: SessionUser): Promise<{ queues: QueueCounts[]; failed: FailedJob[] }> {
  if (!can(user, "operateSystem")) throw forbidden();
  try {
    const counts = await prisma.$queryRaw<{ name: string; state: string; n: bigint }[]>`
      SELECT name, state::text AS state, count(*) AS n FROM pgboss.job GROUP BY name, state ORDER BY name`;
    const failed = await prisma.$queryRaw<{ id: string; name: string; retry_count: number; completed_on: Date | null; output: unknown }[]>`
      SELECT id::text AS id, name, retry_count, completed_on, output FROM pgboss.job
      WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 50`;
    const queues = new Map<string, QueueCounts>();
    for (const c of counts) {
      const q = queues.get(c.name) ?? { name: c.name, waiting: 0, active: 0, retry: 0, failed: 0, completed: 0 };
      const n = Number(c.n);
      if (c.state === "created") q.waiting += n;
      else if (c.state === "active") q.active += n;
      else if (c.state === "retry") q.retry += n;
      else if (c.state === "failed") q.failed += n;
      else if (c.state === "completed") q.completed += n;
      queues.set(c.name, q);
    }
    return {
      queues: [...queues.values()],
      failed: failed.map((f) => ({
        id: f.id,
        name: f.name,
        retries: f.retry_count,
        failedAt: f.completed_on?.toISOString() ?? null,
        error: errorText(f.output),
      })),
    };
  } catch (error) {
    // 42P01: pg-boss has not created its schema yet (no job has ever been queued here).
    if (String(error).includes("42P01") || /does not exist/.test(String(error))) return { queues: [], failed: [] };
    throw error;
  }
}

const retryJobSchema = z.object({ id: z.string().uuid(), name: z.string().min(1).max(100) });

/** Sends a failed job back to its queue (administrators only; audited). */
export async function retryFailedJob(
  user: SessionUser,
  input: unknown,
): Promise<{ ok: true } | { ok: false; error: "jobs.retry.invalid" | "jobs.retry.notFailed" }> {
  if (!can(user, "operateSystem")) throw forbidden();
  const parsed = retryJobSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "jobs.retry.invalid" };
  const { id, name } = parsed.data;
  const rows = await prisma.$queryRaw<
    { state: string }[]
  >`SELECT state::text AS state FROM pgboss.job WHERE id = ${id}::uuid AND name = ${name}`;
  if (rows[0]?.state !== "failed") return { ok: false, error: "jobs.retry.notFailed" };
  await (await getBoss()).retry(name, id);
  await audit({ actorId: user.id, action: "job.retry", entityType: "Job", entityId: id, summary: name });
  return { ok: true };
}

const retryMailSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** Queues an unsent mail again (administrators only; audited). */
export async function retryOutboxMessage(
  user: SessionUser,
  input: unknown,
): Promise<{ ok: true } | { ok: false; error: "jobs.retry.invalid" | "jobs.retry.alreadySent" | "jobs.retry.noSmtp" }> {
  if (!can(user, "operateSystem")) throw forbidden();
  const parsed = retryMailSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "jobs.retry.invalid" };
  const m = await prisma.outboxMessage.findUnique({ where: { id: parsed.data.id } });
  if (!m) return { ok: false, error: "jobs.retry.invalid" };
  if (m.sentAt) return { ok: false, error: "jobs.retry.alreadySent" };
  if (!getEnv().SMTP_URL) return { ok: false, error: "jobs.retry.noSmtp" };
  await deliver([m.id]);
  await audit({ actorId: user.id, action: "mail.retry", entityType: "OutboxMessage", entityId: m.id, summary: m.subject });
  return { ok: true };
}
