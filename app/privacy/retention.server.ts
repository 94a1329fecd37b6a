// The daily retention job (issue 19): applies RETENTION_SCHEDULE (app/privacy/retention.ts), with the periods the
// system administrator set (RetentionSetting, /admin/retention) and the application's clock, one transaction per
// kind, and records what it deleted in the audit log ("privacy.retention", one entry per kind with a count). Case texts have their own job (cases.retention), per
// assignment; records the council keeps ("records", "accounts") are not deleted automatically.
import { removeApplicationFiles } from "~/applications/attachment.server";
import { audit } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { defineJob } from "~/jobs/queue.server";
import { now } from "~/lib/clock";
import { RETENTION_SCHEDULE, retentionDays, retentionRule, type RetentionKind, type RetentionPeriods } from "./retention";

const DAY_MS = 24 * 3600_000;

/** The periods in force: the system administrator's settings (the defaults apply where there is none). */
export async function retentionPeriods(): Promise<RetentionPeriods> {
  const rows = await prisma.retentionSetting.findMany();
  const periods: RetentionPeriods = {};
  for (const row of rows) if (RETENTION_SCHEDULE.some((r) => r.kind === row.kind)) periods[row.kind as RetentionKind] = row.days;
  return periods;
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
type Deleter = (at: Date, tx: Tx, cutoff: (kind: RetentionKind) => Date) => Promise<number>;

const DELETERS: Partial<Record<RetentionKind, Deleter>> = {
  sessions: async (at, tx, cutoff) => {
    const inactiveSince = new Date(cutoff("sessions").getTime() - getEnv().SESSION_INACTIVITY_HOURS * 3600_000);
    return (await tx.session.deleteMany({ where: { lastVerifiedAt: { lt: inactiveSince } } })).count;
  },
  signInThrottle: async (at, tx, cutoff) =>
    (
      await tx.signInThrottle.deleteMany({
        where: { windowStart: { lt: cutoff("signInThrottle") }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] },
      })
    ).count,
  twoFactorPending: async (at, tx, cutoff) => {
    const before = cutoff("twoFactorPending");
    const a = await tx.twoFactorChallenge.deleteMany({ where: { expiresAt: { lt: before } } });
    const b = await tx.passkeyRegistration.deleteMany({ where: { expiresAt: { lt: before } } });
    return a.count + b.count;
  },
  invitations: async (at, tx, cutoff) => (await tx.invitation.deleteMany({ where: { expiresAt: { lt: cutoff("invitations") } } })).count,
  formKeys: async (at, tx, cutoff) => (await tx.formSubmission.deleteMany({ where: { createdAt: { lt: cutoff("formKeys") } } })).count,
  notifications: async (at, tx, cutoff) =>
    (await tx.notification.deleteMany({ where: { createdAt: { lt: cutoff("notifications") } } })).count,
  // Only mail that was sent: mail still waiting (or failing) stays for the outbox page.
  mail: async (at, tx, cutoff) =>
    (await tx.outboxMessage.deleteMany({ where: { sentAt: { not: null }, createdAt: { lt: cutoff("mail") } } })).count,
  // Files attached to applications (issue 20): the file leaves the storage first, then its row.
  applicationFiles: async (at, tx, cutoff) => {
    const before = cutoff("applicationFiles");
    const rows = await tx.applicationAttachment.findMany({
      where: {
        application: { OR: [{ round: { decisionsSentAt: { lt: before } } }, { status: "withdrawn", withdrawnAt: { lt: before } }] },
      },
      select: { id: true, applicationId: true },
    });
    if (!rows.length) return 0;
    await removeApplicationFiles(rows.map((r) => r.applicationId));
    return (await tx.applicationAttachment.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
  },
  auditLog: async (at, tx, cutoff) => (await tx.auditLog.deleteMany({ where: { createdAt: { lt: cutoff("auditLog") } } })).count,
};

/** Applies the schedule as of `at`; returns how many records of each kind were deleted (kinds with none left out). */
export async function applyRetention(at: Date = now()): Promise<Partial<Record<RetentionKind, number>>> {
  const deleted: Partial<Record<RetentionKind, number>> = {};
  const periods = await retentionPeriods();
  const cutoff = (kind: RetentionKind) => new Date(at.getTime() - retentionDays(kind, periods)! * DAY_MS);
  for (const [kind, deleter] of Object.entries(DELETERS) as [RetentionKind, Deleter][]) {
    await prisma.$transaction(async (tx) => {
      const count = await deleter(at, tx, cutoff);
      if (count === 0) return;
      deleted[kind] = count;
      await audit(
        {
          actorId: null,
          action: "privacy.retention",
          entityType: "Retention",
          entityId: kind,
          summary: `${count} deleted (kept ${retentionDays(kind, periods)} days)`,
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

/** The retention settings page (/admin/retention): every kind, its period in force, default and bounds. */
export async function retentionSettingsPage(user: SessionUser) {
  if (!can(user, "operateSystem")) throw forbidden();
  const rows = await prisma.retentionSetting.findMany();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return RETENTION_SCHEDULE.map((rule) => {
    const row = byKind.get(rule.kind);
    return {
      kind: rule.kind,
      defaultDays: rule.days,
      bounds: rule.bounds ?? null,
      days: rule.bounds && row ? retentionDays(rule.kind, { [rule.kind]: row.days }) : rule.days,
      changedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

export type SetRetentionResult = { ok: true; changed: boolean } | { ok: false; reason: "fixed" | "bounds" };

/**
 * Sets one kind's period (system administrator or secretariat: operateSystem). Only kinds with bounds, only within
 * them; a period equal to the default removes the setting. Audited with the old and new periods.
 */
export async function setRetentionDays(user: SessionUser, kind: RetentionKind, days: number): Promise<SetRetentionResult> {
  if (!can(user, "operateSystem")) throw forbidden();
  const rule = retentionRule(kind);
  if (!rule.bounds) return { ok: false, reason: "fixed" };
  if (!Number.isInteger(days) || days < rule.bounds.min || days > rule.bounds.max) return { ok: false, reason: "bounds" };
  return prisma.$transaction(async (tx) => {
    const before = await tx.retentionSetting.findUnique({ where: { kind } });
    const old = before?.days ?? rule.days;
    if (old === days) return { ok: true, changed: false };
    if (days === rule.days) await tx.retentionSetting.delete({ where: { kind } });
    else
      await tx.retentionSetting.upsert({
        where: { kind },
        create: { kind, days, updatedById: user.id },
        update: { days, updatedById: user.id },
      });
    await audit(
      { actorId: user.id, action: "privacy.retention.set", entityType: "Retention", entityId: kind, summary: `${old} → ${days} days` },
      tx,
    );
    return { ok: true, changed: true };
  });
}
