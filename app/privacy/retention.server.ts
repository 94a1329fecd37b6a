// The daily retention job (issue 19): applies RETENTION_SCHEDULE (app/privacy/retention.ts) with the
// application's clock, one transaction per kind, and records what it deleted in the audit log
// ("privacy.retention", one entry per kind with a count). Case texts have their own job (cases.retention), per
// assignment; records the council keeps ("records", "accounts") are not deleted automatically.
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { defineJob } from "~/jobs/queue.server";
import { now } from "~/lib/clock";
import { retentionRule, type RetentionKind } from "./retention";

const DAY_MS = 24 * 3600_000;

/** The instant before which a kind's records are due (its days back from `at`). */
function cutoff(kind: RetentionKind, at: Date): Date {
  return new Date(at.getTime() - retentionRule(kind).days! * DAY_MS);
}

type Deleter = (at: Date, tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<number>;

const DELETERS: Partial<Record<RetentionKind, Deleter>> = {
  sessions: async (at, tx) => {
    const inactiveSince = new Date(cutoff("sessions", at).getTime() - getEnv().SESSION_INACTIVITY_HOURS * 3600_000);
    return (await tx.session.deleteMany({ where: { lastVerifiedAt: { lt: inactiveSince } } })).count;
  },
  signInThrottle: async (at, tx) =>
    (
      await tx.signInThrottle.deleteMany({
        where: { windowStart: { lt: cutoff("signInThrottle", at) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] },
      })
    ).count,
  twoFactorPending: async (at, tx) => {
    const before = cutoff("twoFactorPending", at);
    const a = await tx.twoFactorChallenge.deleteMany({ where: { expiresAt: { lt: before } } });
    const b = await tx.passkeyRegistration.deleteMany({ where: { expiresAt: { lt: before } } });
    return a.count + b.count;
  },
  invitations: async (at, tx) => (await tx.invitation.deleteMany({ where: { expiresAt: { lt: cutoff("invitations", at) } } })).count,
  formKeys: async (at, tx) => (await tx.formSubmission.deleteMany({ where: { createdAt: { lt: cutoff("formKeys", at) } } })).count,
  notifications: async (at, tx) => (await tx.notification.deleteMany({ where: { createdAt: { lt: cutoff("notifications", at) } } })).count,
  // Only mail that was sent: mail still waiting (or failing) stays for the outbox page.
  mail: async (at, tx) =>
    (await tx.outboxMessage.deleteMany({ where: { sentAt: { not: null }, createdAt: { lt: cutoff("mail", at) } } })).count,
  auditLog: async (at, tx) => (await tx.auditLog.deleteMany({ where: { createdAt: { lt: cutoff("auditLog", at) } } })).count,
};

/** Applies the schedule as of `at`; returns how many records of each kind were deleted (kinds with none left out). */
export async function applyRetention(at: Date = now()): Promise<Partial<Record<RetentionKind, number>>> {
  const deleted: Partial<Record<RetentionKind, number>> = {};
  for (const [kind, deleter] of Object.entries(DELETERS) as [RetentionKind, Deleter][]) {
    await prisma.$transaction(async (tx) => {
      const count = await deleter(at, tx);
      if (count === 0) return;
      deleted[kind] = count;
      await audit(
        {
          actorId: null,
          action: "privacy.retention",
          entityType: "Retention",
          entityId: kind,
          summary: `${count} deleted (kept ${retentionRule(kind).days} days)`,
        },
        tx,
      );
    });
  }
  return deleted;
}

export const RETENTION_JOB = "privacy.retention";
/** Run daily by the job queue (scheduled in app/jobs/workers.server.ts). */
defineJob(RETENTION_JOB, async () => {
  const deleted = await applyRetention();
  if (Object.keys(deleted).length) console.log(`[retention] deleted ${JSON.stringify(deleted)}`);
});
