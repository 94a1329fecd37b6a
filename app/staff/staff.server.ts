// Managers keep their staff (issue 20, part 2): the staff list of an office, inviting staff, transfers (異動) and
// leaving (退職) with a date and a history (StaffMembership), handing open action-plan items and roles over to a
// successor, and each person's statutory training record (initial training, refreshers, 主任相談支援専門員) with
// the refresher deadline (app/staff/statutory.ts) and its reminders. Access rules: app/auth/capabilities.ts
// (`mayManageStaff`, `mayEditTrainingRecord`). Every write is audited in its own transaction.
import { z } from "zod";
import { audit, logRead } from "~/audit/audit.server";
import { can, mayEditTrainingRecord, mayManageStaff } from "~/auth/capabilities";
import { inviteUser } from "~/auth/invitations.server";
import { forbidden, notFound } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { ActionItemStatus, Role } from "~/generated/prisma/client";
import { now as clockNow } from "~/lib/clock";
import { fiscalYearOf, parseFiscalYearInput } from "~/lib/fiscal-year";
import { failure, jstDateField, parseForm, type FormFailure } from "~/lib/forms";
import { jstDateString, startOfJstDay } from "~/lib/jst";
import { yearInputError } from "~/lib/year-input";
import { deliver, inTransaction, notify, type Db } from "~/mail/notify.server";
import {
  CHIEF_STATUSES,
  dueReminder,
  needsAttention,
  refresherDeadline,
  statutoryState,
  type ChiefStatus,
  type RefresherDeadline,
  type StatutoryView,
} from "./statutory";

export type { StatutoryView };

// ---- The statutory status of people ----

/** Each person's record, refreshers, deadline and state at `now`, and the deadline itself (people without a record: "no-record"). */
async function loadStatutory(userIds: number[], now: Date, db: Db | typeof prisma = prisma) {
  const ids = [...new Set(userIds)];
  const [records, refreshers] = await Promise.all([
    db.statutoryTrainingRecord.findMany({ where: { userId: { in: ids } } }),
    db.refresherTraining.findMany({ where: { userId: { in: ids } }, orderBy: { completedOn: "asc" } }),
  ]);
  const views = new Map<number, StatutoryView>();
  const deadlines = new Map<number, RefresherDeadline | null>();
  for (const id of ids) {
    const r = records.find((x) => x.userId === id);
    const mine = refreshers.filter((x) => x.userId === id);
    const deadline = refresherDeadline(
      { initialFiscalYear: r?.initialFiscalYear ?? null, refresherDates: mine.map((x) => x.completedOn) },
      now,
    );
    deadlines.set(id, deadline);
    views.set(id, {
      initialFiscalYear: r?.initialFiscalYear ?? null,
      initialEvidence: r?.initialEvidence ?? "",
      chiefStatus: (CHIEF_STATUSES as readonly string[]).includes(r?.chiefStatus ?? "") ? (r!.chiefStatus as ChiefStatus) : "none",
      chiefEvidence: r?.chiefEvidence ?? "",
      refreshers: mine.map((x) => ({ id: x.id, completedOn: jstDateString(x.completedOn), evidence: x.evidence })),
      deadlineFiscalYear: deadline?.deadlineFiscalYear ?? null,
      lastDay: deadline?.lastDay ?? null,
      state: statutoryState(deadline, now),
    });
  }
  return { views, deadlines };
}

/** Each person's statutory training as shown (people without a record: "no-record"). */
export async function statutoryFor(userIds: number[], now: Date = clockNow()) {
  return (await loadStatutory(userIds, now)).views;
}

/** The short status the committee sees beside each applicant (/committee/applications/:id). */
export async function statutoryStatusOf(userIds: number[]) {
  const all = await statutoryFor(userIds);
  return new Map(
    [...all].map(([id, v]) => [
      id,
      {
        initialFiscalYear: v.initialFiscalYear,
        lastDay: v.lastDay,
        state: v.state,
        chiefStatus: v.chiefStatus,
        refreshers: v.refreshers.length,
      },
    ]),
  );
}

// ---- /office/staff: the staff list ----

type EndKind = "transfer" | "left";

/** Which office a request is about: a manager's own; the secretariat's choice (else the first office). */
async function officeFor(user: SessionUser, requested: number | null) {
  if (!can(user, "manageStaff")) throw forbidden();
  let officeId = requested;
  if (officeId === null) {
    if (can(user, "administer"))
      officeId = (await prisma.office.findFirst({ where: { active: true }, orderBy: { id: "asc" } }))?.id ?? null;
    else officeId = user.officeId;
  }
  if (officeId === null) throw notFound();
  if (!mayManageStaff(user, officeId)) throw forbidden();
  const office = await prisma.office.findUnique({ where: { id: officeId }, select: { id: true, name: true } });
  if (!office) throw notFound();
  return office;
}

export async function staffPage(user: SessionUser, requestedOfficeId: number | null) {
  const office = await officeFor(user, requestedOfficeId);
  const now = clockNow();
  const [people, memberships, offices] = await Promise.all([
    prisma.user.findMany({
      where: { officeId: office.id },
      select: { id: true, displayName: true, email: true, roles: true, active: true, passwordHash: true },
      orderBy: [{ active: "desc" }, { displayName: "asc" }],
    }),
    prisma.staffMembership.findMany({ where: { officeId: office.id }, orderBy: [{ endedOn: "desc" }, { id: "desc" }] }),
    can(user, "administer")
      ? prisma.office.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { id: "asc" } })
      : Promise.resolve([]),
  ]);
  const statutory = await statutoryFor(
    people.map((p) => p.id),
    now,
  );
  // Ended: applied. A move dated ahead (予定) leaves the membership current until its day.
  const ended = memberships.filter((m) => m.endedOn && m.appliedAt);
  const names = await prisma.user.findMany({ where: { id: { in: ended.map((m) => m.userId) } }, select: { id: true, displayName: true } });
  const officeNames = await prisma.office.findMany({
    where: { id: { in: memberships.flatMap((m) => (m.toOfficeId ? [m.toOfficeId] : [])) } },
    select: { id: true, name: true },
  });
  const staff = people.map((p) => {
    const s = statutory.get(p.id)!;
    const open = memberships.find((m) => m.userId === p.id && (!m.endedOn || !m.appliedAt));
    const moving =
      open?.endedOn && open.endKind
        ? {
            on: jstDateString(open.endedOn),
            kind: open.endKind as EndKind,
            toOffice: open.toOfficeId ? (officeNames.find((o) => o.id === open.toOfficeId)?.name ?? null) : null,
          }
        : null;
    return {
      id: p.id,
      name: p.displayName,
      email: p.email,
      roles: p.roles,
      active: p.active,
      invited: p.passwordHash === null,
      since: open?.startedOn ? jstDateString(open.startedOn) : null,
      moving,
      initialFiscalYear: s.initialFiscalYear,
      deadlineFiscalYear: s.deadlineFiscalYear,
      lastDay: s.lastDay,
      state: s.state,
      chiefStatus: s.chiefStatus,
    };
  });
  return {
    office,
    offices,
    staff,
    attention: staff.filter((p) => p.active && needsAttention(p.state)).sort((a, b) => (a.lastDay ?? "").localeCompare(b.lastDay ?? "")),
    history: ended.map((m) => ({
      id: m.id,
      userId: m.userId,
      name: names.find((n) => n.id === m.userId)?.displayName ?? `#${m.userId}`,
      startedOn: m.startedOn ? jstDateString(m.startedOn) : null,
      endedOn: jstDateString(m.endedOn!),
      kind: m.endKind as EndKind,
      toOffice: m.toOfficeId ? (officeNames.find((o) => o.id === m.toOfficeId)?.name ?? null) : null,
    })),
  };
}

const inviteSchema = z.object({
  intent: z.literal("invite"),
  displayName: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().email().max(254),
  role: z.enum(["TRAINEE", "OFFICE_MANAGER"]),
});

export type StaffResult = { ok: true; intent: string; name?: string } | FormFailure;

/**
 * Invites a person to the office: a new account linked to the office (and mailed an invitation), or an existing
 * account without an office joined to it. A person of another office is refused: their manager records a transfer.
 */
export async function inviteStaff(user: SessionUser, officeId: number, formData: FormData, origin: string): Promise<StaffResult> {
  if (!mayManageStaff(user, officeId)) return failure({}, formData, { key: "staff.forbidden" });
  const parsed = parseForm(inviteSchema, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const today = startOfJstDay(clockNow());
  const result = await inTransaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: v.email } });
    if (existing && (existing.officeId !== null || !existing.active))
      return failure({ email: [{ key: existing.officeId === officeId ? "staff.invite.already" : "staff.invite.otherOffice" }] }, formData);
    const person = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { officeId, roles: [...new Set([...existing.roles, v.role])] as typeof existing.roles },
        })
      : await tx.user.create({ data: { email: v.email, displayName: v.displayName, roles: [v.role], officeId } });
    await tx.staffMembership.create({ data: { userId: person.id, officeId, startedOn: today, recordedById: user.id } });
    await audit(
      {
        actorId: user.id,
        action: "staff.invite",
        entityType: "User",
        entityId: person.id,
        summary: `${person.email} → office ${officeId} (${v.role})${existing ? " (existing account)" : ""}`,
      },
      tx,
    );
    return {
      ok: true as const,
      intent: "invite",
      name: person.displayName,
      userId: person.id,
      needsPassword: person.passwordHash === null,
    };
  });
  if (!result.ok) return result;
  if (result.needsPassword) await inviteUser(result.userId, user.id, origin);
  return { ok: true, intent: "invite", name: result.name };
}

// ---- /office/staff/:userId: one person ----

/** The person, if the user may keep their office's staff (or the person's former office's history). */
async function personFor(user: SessionUser, userId: number) {
  const person = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, email: true, roles: true, officeId: true, active: true },
  });
  if (!person) throw notFound();
  if (!mayManageStaff(user, person.officeId)) throw forbidden();
  return person;
}

interface MembershipRow {
  id: number;
  officeId: number;
  officeName: string | null;
  startedOn: Date | null;
  endedOn: Date | null;
  endKind: string | null;
  toOfficeId: number | null;
  toOfficeName: string | null;
  appliedAt: Date | null;
}

/** A person's memberships, newest first, with their offices' names in one statement (were two: the memberships, then the offices). */
function membershipRows(userId: number) {
  return prisma.$queryRaw<MembershipRow[]>`
    SELECT m."id", m."officeId", o."name" AS "officeName", m."startedOn", m."endedOn", m."endKind", m."toOfficeId",
           t."name" AS "toOfficeName", m."appliedAt"
      FROM "StaffMembership" m
      LEFT JOIN "Office" o ON o."id" = m."officeId"
      LEFT JOIN "Office" t ON t."id" = m."toOfficeId"
     WHERE m."userId" = ${userId}
     ORDER BY m."id" DESC`;
}

/** A person's memberships, newest first, with office names. */
async function membershipHistory(userId: number) {
  return historyOf(await membershipRows(userId));
}

function historyOf(memberships: MembershipRow[]) {
  const now = clockNow();
  // As of today: an office not begun yet is left out, and a move dated ahead shows its membership as current.
  const rows = memberships
    .filter((r) => !r.startedOn || r.startedOn <= now)
    .map((r) => (r.endedOn && !r.appliedAt ? { ...r, endedOn: null, endKind: null, toOfficeId: null, toOfficeName: null } : r));
  const name = (id: number | null, known: string | null) => (id === null ? null : (known ?? `#${id}`));
  return rows.map((r) => ({
    id: r.id,
    office: name(r.officeId, r.officeName),
    startedOn: r.startedOn ? jstDateString(r.startedOn) : null,
    endedOn: r.endedOn ? jstDateString(r.endedOn) : null,
    kind: r.endKind as EndKind | null,
    toOffice: name(r.toOfficeId, r.toOfficeName),
  }));
}

/** What was done on the platform (certificates of completed tracks), shown with the statutory record. */
async function platformTraining(userId: number) {
  const certs = await prisma.certificate.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, track: true, fiscalYear: true, issuedAt: true },
    orderBy: { issuedAt: "asc" },
  });
  return certs.map((c) => ({ id: c.id, track: c.track, fiscalYear: c.fiscalYear, issuedOn: jstDateString(c.issuedAt) }));
}

export async function staffMemberPage(user: SessionUser, userId: number) {
  const person = await personFor(user, userId);
  const officeId = person.officeId!;
  const [memberships, statutory, platform, colleagues, activeOffices, items] = await Promise.all([
    membershipRows(person.id),
    statutoryFor([person.id]),
    platformTraining(person.id),
    prisma.user.findMany({
      where: { officeId, active: true, id: { not: person.id } },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
    // Every active office: the choices of a transfer (all but the person's) and, for another office's person, its name.
    prisma.office.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    openPlanItems(prisma, officeId),
  ]);
  // A move dated ahead (as scheduledMove reads it: the newest such membership in this office) and the history, from
  // the one read of the memberships.
  const scheduled = memberships.find((m) => m.officeId === officeId && m.endedOn !== null && m.endKind !== null && m.appliedAt === null);
  const history = historyOf(memberships);
  const offices = activeOffices.filter((o) => o.id !== officeId);
  // The person's office: the user's own was read with the session (decision 059); another (the secretariat's view)
  // is in the list of active offices, or read on its own when it is inactive.
  const officeName =
    user.office?.id === officeId
      ? user.office.name
      : (activeOffices.find((o) => o.id === officeId)?.name ??
        (await prisma.office.findUnique({ where: { id: officeId }, select: { name: true } }))?.name ??
        "");
  await logRead(user, "staff.read", [
    { entityType: "User", entityId: person.id, subjectUserId: person.id, summary: "staff member and training record" },
  ]);
  return {
    person: {
      id: person.id,
      name: person.displayName,
      email: person.email,
      roles: person.roles,
      active: person.active,
      officeId,
      office: officeName,
    },
    record: statutory.get(person.id)!,
    scheduled: scheduled?.endedOn
      ? {
          on: jstDateString(scheduled.endedOn),
          kind: scheduled.endKind as EndKind,
          toOffice: scheduled.toOfficeId ? scheduled.toOfficeName : null,
        }
      : null,
    history,
    platform,
    successors: colleagues.map((c) => ({ id: c.id, name: c.displayName })),
    offices,
    items: items.map((i) => ({ ...i, suggested: ownerMatches(i.owner, person.displayName) })),
  };
}

/** The office's open action-plan items (planned or in progress), with who is named responsible. */
async function openPlanItems(db: Db | typeof prisma, officeId: number) {
  // With each item's plan year in one statement (Prisma's nested select of the plan is a second).
  return db.$queryRaw<{ id: number; goal: string; owner: string; status: ActionItemStatus; fiscalYear: number }[]>`
    SELECT i."id", i."goal", i."owner", i."status", p."fiscalYear"
      FROM "ActionPlanItem" i JOIN "ActionPlan" p ON p."id" = i."planId"
     WHERE p."officeId" = ${officeId} AND i."status" IN ('PLANNED', 'IN_PROGRESS')
     ORDER BY i."planId" DESC, i."sortOrder" ASC, i."id" ASC`;
}

const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** Whether an item's owner text names the person (the field is free text: "高橋 誠", "高橋誠", "高橋 誠・山田"). */
export function ownerMatches(owner: string, displayName: string): boolean {
  const name = squash(displayName);
  return name.length > 0 && squash(owner).includes(name);
}

// ---- Writes on one person ----

const recordFields = {
  initialYear: z.string().trim().max(20).default(""),
  initialEvidence: z.string().trim().max(500).default(""),
  chiefStatus: z.enum(CHIEF_STATUSES).default("none"),
  chiefEvidence: z.string().trim().max(500).default(""),
};
const recordSchemas = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("record"), ...recordFields }),
  z.object({
    intent: z.literal("add-refresher"),
    completedOn: jstDateField(),
    evidence: z.string().trim().min(1).max(500),
  }),
  z.object({ intent: z.literal("remove-refresher"), refresherId: z.coerce.number().int().positive() }),
]);

const memberSchemas = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("transfer"),
    toOfficeId: z.coerce.number().int().positive(),
    on: jstDateField(),
    successorId: z.union([z.literal(""), z.coerce.number().int().positive()]).default(""),
  }),
  z.object({
    intent: z.literal("leave"),
    on: jstDateField(),
    successorId: z.union([z.literal(""), z.coerce.number().int().positive()]).default(""),
  }),
  z.object({ intent: z.literal("cancel-move") }),
  z.object({
    intent: z.literal("handover"),
    successorId: z.coerce.number().int().positive(),
    itemIds: z.array(z.coerce.number().int().positive()).default([]),
  }),
]);

/** The record's writes (the person themself or their manager): the record, adding and removing a refresher. */
async function recordWrite(user: SessionUser, personId: number, formData: FormData): Promise<StaffResult> {
  const intent = formData.get("intent");
  if (intent !== "record" && intent !== "add-refresher" && intent !== "remove-refresher")
    return failure({}, formData, { key: "staff.unknownIntent" });
  const parsed = parseForm(recordSchemas, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const now = clockNow();
  return inTransaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: personId }, select: { id: true, officeId: true } });
    if (!person || !mayEditTrainingRecord(user, person)) return failure({}, formData, { key: "staff.forbidden" });
    if (v.intent === "record") {
      let initialFiscalYear: number | null = null;
      if (v.initialYear) {
        const y = parseFiscalYearInput(v.initialYear);
        if (!y.ok) return failure({ initialYear: [yearInputError(y)] }, formData);
        if (y.year > fiscalYearOf(now)) return failure({ initialYear: [{ key: "staff.record.future" }] }, formData);
        initialFiscalYear = y.year;
      }
      if (initialFiscalYear !== null && !v.initialEvidence)
        return failure({ initialEvidence: [{ key: "staff.record.evidenceNeeded" }] }, formData);
      if (v.chiefStatus === "certified" && !v.chiefEvidence)
        return failure({ chiefEvidence: [{ key: "staff.record.evidenceNeeded" }] }, formData);
      const data = {
        initialFiscalYear,
        initialEvidence: v.initialEvidence,
        chiefStatus: v.chiefStatus,
        chiefEvidence: v.chiefEvidence,
        updatedById: user.id,
      };
      await tx.statutoryTrainingRecord.upsert({ where: { userId: person.id }, create: { userId: person.id, ...data }, update: data });
      await audit(
        {
          actorId: user.id,
          action: "staff.record.save",
          entityType: "StatutoryTrainingRecord",
          entityId: person.id,
          summary: `initial ${initialFiscalYear ?? "—"}, chief ${v.chiefStatus}`,
        },
        tx,
      );
      return { ok: true as const, intent: v.intent };
    }
    if (v.intent === "add-refresher") {
      if (v.completedOn > now) return failure({ completedOn: [{ key: "staff.record.future" }] }, formData);
      const row = await tx.refresherTraining.create({
        data: { userId: person.id, completedOn: v.completedOn, evidence: v.evidence, recordedById: user.id },
      });
      await audit(
        {
          actorId: user.id,
          action: "staff.refresher.add",
          entityType: "RefresherTraining",
          entityId: row.id,
          summary: `user ${person.id} ${jstDateString(v.completedOn)}`,
        },
        tx,
      );
      return { ok: true as const, intent: v.intent };
    }
    const row = await tx.refresherTraining.findUnique({ where: { id: v.refresherId } });
    if (!row || row.userId !== person.id) return failure({}, formData, { key: "staff.notFound" });
    await tx.refresherTraining.delete({ where: { id: row.id } });
    await audit(
      {
        actorId: user.id,
        action: "staff.refresher.remove",
        entityType: "RefresherTraining",
        entityId: row.id,
        summary: `user ${person.id} ${jstDateString(row.completedOn)}`,
      },
      tx,
    );
    return { ok: true as const, intent: v.intent };
  });
}

/** Moves the named open items and the office roles of `from` to the successor (in the caller's transaction). */
async function handOver(tx: Db, actor: SessionUser, officeId: number, fromId: number, successorId: number, itemIds: number[] | "matching") {
  const [from, successor] = await Promise.all([
    tx.user.findUnique({ where: { id: fromId }, select: { id: true, displayName: true, roles: true } }),
    tx.user.findUnique({ where: { id: successorId }, select: { id: true, displayName: true, roles: true, officeId: true, active: true } }),
  ]);
  if (!from || !successor || successor.id === from.id || successor.officeId !== officeId || !successor.active) return null;
  const open = await openPlanItems(tx, officeId);
  const chosen = open.filter((i) => (itemIds === "matching" ? ownerMatches(i.owner, from.displayName) : itemIds.includes(i.id)));
  for (const item of chosen) await tx.actionPlanItem.update({ where: { id: item.id }, data: { owner: successor.displayName } });
  const roles = from.roles.includes("OFFICE_MANAGER") && !successor.roles.includes("OFFICE_MANAGER") ? ["OFFICE_MANAGER" as const] : [];
  if (roles.length) await tx.user.update({ where: { id: successor.id }, data: { roles: [...successor.roles, ...roles] } });
  await audit(
    {
      actorId: actor.id,
      action: "staff.handover",
      entityType: "User",
      entityId: from.id,
      summary: `to user ${successor.id}: items ${chosen.map((i) => i.id).join(",") || "—"}; roles ${roles.join(",") || "—"}`,
    },
    tx,
  );
  return { items: chosen.length, roles };
}

/** Ends the person's open membership (or records one from an unknown start) and, on a transfer, opens the next. */
async function endMembership(
  tx: Db,
  actor: SessionUser,
  personId: number,
  officeId: number,
  on: Date,
  kind: "transfer" | "left",
  toOfficeId: number | null,
) {
  // A date ahead (予定) is recorded now and applied on that day (applyDueStaffMoves); today or before, at once.
  const appliedAt = on <= clockNow() ? clockNow() : null;
  const open = await tx.staffMembership.findFirst({ where: { userId: personId, officeId, endedOn: null }, orderBy: { id: "desc" } });
  if (open) {
    await tx.staffMembership.update({
      where: { id: open.id },
      data: { endedOn: on, endKind: kind, toOfficeId, recordedById: actor.id, appliedAt },
    });
  } else {
    await tx.staffMembership.create({
      data: { userId: personId, officeId, startedOn: null, endedOn: on, endKind: kind, toOfficeId, recordedById: actor.id, appliedAt },
    });
  }
  if (toOfficeId !== null)
    await tx.staffMembership.create({ data: { userId: personId, officeId: toOfficeId, startedOn: on, recordedById: actor.id } });
}

export type MemberResult =
  { ok: true; intent: string; name?: string; handedOver?: number; officeId?: number; scheduled?: boolean; on?: string } | FormFailure;

// ---- Moves dated ahead (予定) ----

/** The person's move from this office recorded for a day not reached yet (not applied), if any. */
async function scheduledMove(db: Db | typeof prisma, userId: number, officeId: number) {
  return db.staffMembership.findFirst({
    where: { userId, officeId, endedOn: { not: null }, endKind: { not: null }, appliedAt: null },
    orderBy: { id: "desc" },
  });
}

/** Takes back a scheduled move: the membership is open again and the next office's (not begun) is removed. */
async function cancelMove(tx: Db, m: { id: number; userId: number; endedOn: Date | null; toOfficeId: number | null }) {
  if (m.toOfficeId !== null)
    await tx.staffMembership.deleteMany({ where: { userId: m.userId, officeId: m.toOfficeId, startedOn: m.endedOn, endedOn: null } });
  await tx.staffMembership.update({ where: { id: m.id }, data: { endedOn: null, endKind: null, toOfficeId: null, appliedAt: null } });
}

/** The person's office becomes `toOfficeId` (null: left). The office's roles stay with the office. */
async function moveOffice(tx: Db, person: { id: number; roles: Role[] }, toOfficeId: number | null) {
  await tx.user.update({
    where: { id: person.id },
    data: { officeId: toOfficeId, roles: person.roles.filter((r) => r !== "OFFICE_MANAGER") },
  });
}

/**
 * Applies every scheduled move whose day has come (the staff-moves job, hourly: a day missed is caught up on the
 * next run). A person whose office was changed otherwise meanwhile is left as they are; the move is marked done.
 */
export async function applyDueStaffMoves(at: Date = clockNow()): Promise<number> {
  const due = await prisma.staffMembership.findMany({
    where: { endedOn: { lte: at }, endKind: { not: null }, appliedAt: null },
    orderBy: { endedOn: "asc" },
  });
  let applied = 0;
  for (const m of due) {
    const done = await inTransaction(async (tx) => {
      const claimed = await tx.staffMembership.updateMany({ where: { id: m.id, appliedAt: null }, data: { appliedAt: at } });
      if (claimed.count === 0) return false;
      const person = await tx.user.findUnique({ where: { id: m.userId }, select: { id: true, officeId: true, roles: true } });
      const still = !!person && person.officeId === m.officeId;
      if (still) await moveOffice(tx, person, m.toOfficeId);
      await audit(
        {
          actorId: null,
          action: m.endKind === "transfer" ? "staff.transfer.apply" : "staff.leave.apply",
          entityType: "User",
          entityId: m.userId,
          summary: `${jstDateString(m.endedOn!)}: office ${m.officeId}${m.toOfficeId ? ` → ${m.toOfficeId}` : " (left)"}${still ? "" : " (office changed meanwhile: not moved)"}`,
        },
        tx,
      );
      return still;
    });
    if (done) applied++;
  }
  return applied;
}

/** One person's writes on /office/staff/:userId (the office's manager or the secretariat). */
export async function staffMemberAction(user: SessionUser, personId: number, formData: FormData): Promise<MemberResult> {
  const intent = formData.get("intent");
  if (intent === "record" || intent === "add-refresher" || intent === "remove-refresher") return recordWrite(user, personId, formData);
  const parsed = parseForm(memberSchemas, formData, ["itemIds"]);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const result = await inTransaction(async (tx) => {
    const person = await tx.user.findUnique({
      where: { id: personId },
      select: { id: true, displayName: true, officeId: true, roles: true },
    });
    if (!person || person.officeId === null || !mayManageStaff(user, person.officeId))
      return failure({}, formData, { key: "staff.forbidden" });
    const officeId = person.officeId;
    const scheduled = await scheduledMove(tx, person.id, officeId);
    if (v.intent === "cancel-move") {
      if (!scheduled) return failure({}, formData, { key: "staff.move.noneScheduled" });
      await cancelMove(tx, scheduled);
      await audit(
        {
          actorId: user.id,
          action: "staff.move.cancel",
          entityType: "User",
          entityId: person.id,
          summary: `${scheduled.endKind} on ${jstDateString(scheduled.endedOn!)} cancelled`,
        },
        tx,
      );
      return { ok: true as const, intent: v.intent, name: person.displayName };
    }
    if (v.intent === "handover") {
      const done = await handOver(tx, user, officeId, person.id, v.successorId, v.itemIds);
      if (!done) return failure({ successorId: [{ key: "staff.handover.successorInvalid" }] }, formData);
      return { ok: true as const, intent: v.intent, name: person.displayName, handedOver: done.items };
    }
    let toOfficeId: number | null = null;
    if (v.intent === "transfer") {
      const to = await tx.office.findUnique({ where: { id: v.toOfficeId }, select: { id: true, active: true } });
      if (!to || !to.active || to.id === officeId) return failure({ toOfficeId: [{ key: "staff.transfer.officeInvalid" }] }, formData);
      toOfficeId = to.id;
    }
    if (scheduled) return failure({ on: [{ key: "staff.move.alreadyScheduled" }] }, formData);
    let handedOver = 0;
    if (v.successorId !== "") {
      const done = await handOver(tx, user, officeId, person.id, v.successorId, "matching");
      if (!done) return failure({ successorId: [{ key: "staff.handover.successorInvalid" }] }, formData);
      handedOver = done.items;
    }
    await endMembership(tx, user, person.id, officeId, v.on, v.intent === "transfer" ? "transfer" : "left", toOfficeId);
    const ahead = v.on > clockNow();
    // Until a date ahead the person stays in this office (with their roles); the move is applied on the day.
    if (!ahead) await moveOffice(tx, person, toOfficeId);
    await audit(
      {
        actorId: user.id,
        action: `${v.intent === "transfer" ? "staff.transfer" : "staff.leave"}${ahead ? ".schedule" : ""}`,
        entityType: "User",
        entityId: person.id,
        summary: `${jstDateString(v.on)}: office ${officeId}${toOfficeId ? ` → ${toOfficeId}` : " (left)"}${ahead ? " (scheduled)" : ""}`,
      },
      tx,
    );
    return {
      ok: true as const,
      intent: v.intent,
      name: person.displayName,
      handedOver,
      officeId,
      scheduled: ahead,
      on: jstDateString(v.on),
    };
  });
  return result;
}

// ---- /account/training-record: one's own ----

export async function myTrainingRecord(user: SessionUser) {
  if (!can(user, "keepTrainingRecord")) throw forbidden();
  const [statutory, history, platform] = await Promise.all([
    statutoryFor([user.id]),
    membershipHistory(user.id),
    platformTraining(user.id),
  ]);
  return { record: statutory.get(user.id)!, history, platform };
}

export async function myTrainingRecordAction(user: SessionUser, formData: FormData): Promise<StaffResult> {
  if (!can(user, "keepTrainingRecord")) return failure({}, formData, { key: "staff.forbidden" });
  return recordWrite(user, user.id, formData);
}

// ---- Reminders: 12 and 3 months before the refresher deadline, each once ----

/**
 * Sends the refresher reminders due at `now` (a scheduled job, app/jobs/workers.server.ts): to the person and their
 * office's managers, once per (person, deadline, stage) — the StatutoryReminder row, written in the notice's
 * transaction, is the record that it was sent. Returns how many were sent.
 */
export async function sendStatutoryReminders(now: Date = clockNow()): Promise<number> {
  const records = await prisma.statutoryTrainingRecord.findMany({
    where: { initialFiscalYear: { not: null } },
    select: { userId: true },
  });
  const people = await prisma.user.findMany({
    where: { id: { in: records.map((r) => r.userId) }, active: true },
    select: { id: true, displayName: true, officeId: true },
  });
  const { deadlines } = await loadStatutory(
    people.map((p) => p.id),
    now,
  );
  let sent = 0;
  for (const p of people) {
    const deadline = deadlines.get(p.id) ?? null;
    const stage = dueReminder(deadline, now);
    if (!stage || !deadline) continue;
    const mail = await inTransaction(async (tx) => {
      const claimed = await tx.statutoryReminder.createMany({
        data: [{ userId: p.id, deadlineFiscalYear: deadline.deadlineFiscalYear, stage, sentAt: now }],
        skipDuplicates: true,
      });
      if (claimed.count === 0) return null;
      const ids: (number | null)[] = [
        await notify(tx, {
          userId: p.id,
          key: "staff.notify.refresher",
          link: "/account/training-record",
          text: deadline.lastDay,
          fiscalYear: deadline.deadlineFiscalYear,
          dedupeKey: `staff.refresher:${p.id}:${deadline.deadlineFiscalYear}:${stage}`,
        }),
      ];
      if (p.officeId !== null) {
        const managers = await tx.user.findMany({
          where: { officeId: p.officeId, active: true, roles: { has: "OFFICE_MANAGER" }, id: { not: p.id } },
          select: { id: true },
        });
        for (const m of managers)
          ids.push(
            await notify(tx, {
              userId: m.id,
              key: "staff.notify.refresherManager",
              link: `/office/staff/${p.id}`,
              titleJa: p.displayName,
              text: deadline.lastDay,
              fiscalYear: deadline.deadlineFiscalYear,
              dedupeKey: `staff.refresher:${p.id}:${deadline.deadlineFiscalYear}:${stage}:m${m.id}`,
            }),
          );
      }
      await audit(
        {
          actorId: null,
          action: "staff.reminder",
          entityType: "User",
          entityId: p.id,
          summary: `refresher FY${deadline.deadlineFiscalYear} ${stage}`,
        },
        tx,
      );
      return ids;
    });
    if (mail) {
      sent++;
      await deliver(mail);
    }
  }
  return sent;
}
