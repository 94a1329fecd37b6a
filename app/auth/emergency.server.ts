// Emergency access ("break-glass", issue 19): a system administrator opens it with a reason; it lasts
// EMERGENCY_ACCESS_MINUTES and lends the secretariat's roles for reading (session.server.ts applies it to GET
// requests, permissions.server.ts audits every request made under it). Opening and closing are audited and the
// secretariat and the subcommittee are told (in-app notice and mail). Decision 013.
import { audit } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { deliver, inTransaction, notifyAll, type Db } from "~/mail/notify.server";
import { now } from "~/lib/clock";
import { EMERGENCY_ACCESS_MINUTES } from "./emergency";

/** The user's own roles: an open emergency access lends roles for reading, never for opening another one. */
function ownRoles(user: SessionUser): string[] {
  return user.emergency?.ownRoles ?? user.roles;
}

/** Those told of an emergency access: the secretariat and the subcommittee (active accounts). */
async function overseers(db: Db): Promise<number[]> {
  const rows = await db.user.findMany({
    where: { active: true, roles: { hasSome: ["ADMINISTRATOR", "EVALUATION_SUBCOMMITTEE"] } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export type OpenResult = { ok: true; id: number; expiresAt: Date } | { ok: false; reason: "already-open" };

/** Opens an emergency access for the system administrator with a reason (validated by the caller's schema). */
export async function openEmergencyAccess(user: SessionUser, reason: string): Promise<OpenResult> {
  if (!can(ownRoles(user), "openEmergencyAccess")) throw forbidden();
  const openedAt = now();
  const expiresAt = new Date(openedAt.getTime() + EMERGENCY_ACCESS_MINUTES * 60_000);
  const result = await inTransaction(async (tx) => {
    // One open access at a time per person (serialised on the person's row).
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const open = await tx.emergencyAccess.findFirst({ where: { userId: user.id, closedAt: null, expiresAt: { gt: openedAt } } });
    if (open) return { ok: false as const, reason: "already-open" as const };
    const grant = await tx.emergencyAccess.create({ data: { userId: user.id, reason, openedAt, expiresAt } });
    await audit(
      {
        actorId: user.id,
        action: "emergency.open",
        entityType: "EmergencyAccess",
        entityId: grant.id,
        summary: `${EMERGENCY_ACCESS_MINUTES} min — ${reason}`,
      },
      tx,
    );
    const mails = await notifyAll(tx, await overseers(tx), {
      key: "emergency.notify.opened",
      text: `${user.displayName} <${user.email}>: ${reason}`,
      when: expiresAt,
      link: "/emergency-access",
      dedupeKey: `emergency:${grant.id}`,
    });
    return { ok: true as const, id: grant.id, expiresAt, mails };
  });
  if (!result.ok) return result;
  await deliver(result.mails);
  return { ok: true, id: result.id, expiresAt: result.expiresAt };
}

/** Closes the user's open emergency access before its time (audited); false when none was open. */
export async function closeEmergencyAccess(user: SessionUser): Promise<boolean> {
  if (!can(ownRoles(user), "openEmergencyAccess")) throw forbidden();
  const at = now();
  return prisma.$transaction(async (tx) => {
    const open = await tx.emergencyAccess.findFirst({ where: { userId: user.id, closedAt: null, expiresAt: { gt: at } } });
    if (!open) return false;
    await tx.emergencyAccess.update({ where: { id: open.id }, data: { closedAt: at } });
    await audit({ actorId: user.id, action: "emergency.close", entityType: "EmergencyAccess", entityId: open.id }, tx);
    return true;
  });
}

/** The page /emergency-access: the reader's open access (if any) and the register of every access with its uses. */
export async function emergencyAccessPage(user: SessionUser) {
  if (!can(ownRoles(user), "reviewEmergencyAccess")) throw forbidden();
  const at = now();
  const grants = await prisma.emergencyAccess.findMany({ orderBy: { openedAt: "desc" }, take: 100 });
  const people = await prisma.user.findMany({
    where: { id: { in: [...new Set(grants.map((g) => g.userId))] } },
    select: { id: true, displayName: true, email: true },
  });
  const uses = await prisma.auditLog.groupBy({
    by: ["entityId"],
    where: { action: "emergency.use", entityType: "EmergencyAccess", entityId: { in: grants.map((g) => String(g.id)) } },
    _count: { _all: true },
  });
  const who = new Map(people.map((p) => [p.id, `${p.displayName} <${p.email}>`]));
  const useCount = new Map(uses.map((u) => [u.entityId, u._count._all]));
  const rows = grants.map((g) => ({
    id: g.id,
    who: who.get(g.userId) ?? `#${g.userId}`,
    mine: g.userId === user.id,
    reason: g.reason,
    openedAt: g.openedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    closedAt: g.closedAt?.toISOString() ?? null,
    open: !g.closedAt && g.expiresAt > at && g.openedAt <= at,
    uses: useCount.get(String(g.id)) ?? 0,
  }));
  return {
    canOpen: can(ownRoles(user), "openEmergencyAccess"),
    mine: rows.find((r) => r.mine && r.open) ?? null,
    grants: rows,
  };
}
