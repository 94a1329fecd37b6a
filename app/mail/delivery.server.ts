// Mail delivery through the job queue (issue 15). A mail is written to the outbox in the transaction of the
// change that causes it (notify.server.ts), so a crash loses none; after the commit, `deliver()` queues one
// "mail.deliver" job per mail. The job sends under the outbox row's lock and marks it sent in the same
// transaction, so two workers (or two server processes) never send one mail twice; a failure is recorded
// on the row and retried by pg-boss with backoff. A sweep every five minutes queues any mail that was
// committed but never queued (a crash between the commit and the queueing). Without SMTP_URL nothing is
// queued: mail waits in the outbox, readable at /admin/outbox.
import type nodemailer from "nodemailer";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { now } from "~/lib/clock";

export const MAIL_DELIVER_JOB = "mail.deliver";
export const MAIL_SWEEP_JOB = "mail.sweep";

let transport: ReturnType<typeof nodemailer.createTransport> | undefined;
let transportUrl: string | undefined;
async function smtp(url: string) {
  const { default: nodemailer } = await import("nodemailer"); // heavy: loaded when the first mail is sent
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

/** Queues the delivery of committed outbox mails (ids from notify(); nulls are skipped). */
export async function deliver(outboxIds: (number | null)[]): Promise<void> {
  const ids = outboxIds.filter((id): id is number => id !== null);
  if (!getEnv().SMTP_URL || !ids.length) return;
  for (const id of ids) await enqueue(MAIL_DELIVER_JOB, { outboxId: id });
}

export type SendOutcome = "sent" | "already-sent" | "busy" | "gone";

/**
 * Sends one outbox mail: the row is locked (SKIP LOCKED: another worker busy with it answers "busy"),
 * sent, and marked sent before the lock is released. Throws when SMTP refuses, after recording the error.
 */
export async function sendOutboxMessage(id: number): Promise<SendOutcome> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set");
  let failure: unknown = null;
  const outcome = await prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: number; sentAt: Date | null }[]>`
        SELECT id, "sentAt" FROM "OutboxMessage" WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
      if (!rows.length) return (await tx.outboxMessage.count({ where: { id } })) ? "busy" : "gone";
      if (rows[0].sentAt) return "already-sent";
      const m = await tx.outboxMessage.findUniqueOrThrow({ where: { id } });
      try {
        await (await smtp(SMTP_URL)).sendMail({ from: MAIL_FROM, to: m.to, subject: m.subject, text: m.body });
      } catch (error) {
        failure = error;
        await tx.outboxMessage.update({ where: { id }, data: { error: String(error).slice(0, 1000) } });
        return "failed";
      }
      await tx.outboxMessage.update({ where: { id }, data: { sentAt: now(), error: null } });
      return "sent";
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (outcome === "failed") throw failure instanceof Error ? failure : new Error(String(failure));
  return outcome as SendOutcome;
}

/** Queues mails committed but never attempted (older than a minute); returns how many. */
export async function sweepOutbox(): Promise<number> {
  if (!getEnv().SMTP_URL) return 0;
  const due = await prisma.outboxMessage.findMany({
    where: { sentAt: null, error: null, createdAt: { lt: new Date(now().getTime() - 60_000) } },
    select: { id: true },
    take: 500,
  });
  await deliver(due.map((m) => m.id));
  return due.length;
}

defineJob<{ outboxId: number }>(
  MAIL_DELIVER_JOB,
  async ({ outboxId }) => {
    const outcome = await sendOutboxMessage(Number(outboxId));
    // Another worker holds the row: let the queue try again later rather than drop the mail.
    if (outcome === "busy") throw new Error(`outbox ${outboxId} is being sent by another worker`);
  },
  { retryLimit: 6, retryDelay: 30, expireInSeconds: 120, concurrency: 2 },
);

defineJob(MAIL_SWEEP_JOB, async () => {
  await sweepOutbox();
});
