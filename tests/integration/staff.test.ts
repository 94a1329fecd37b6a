// Staff and statutory training (issue 20, part 2) on PostgreSQL: a manager sees and edits only their own office's
// staff (the secretariat any office's); a transfer moves the person, their record and their history to the new
// office; a hand-over moves open action-plan items and the manager's role to the successor; the refresher deadline
// across fiscal-year boundaries with a clock the test sets; each reminder (12 and 3 months before) sent once; the
// person's data export and erasure include the record. Years count from the clock's fiscal year, never a literal.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { jstInstant } from "~/lib/jst";
import { eraseUser, personalData } from "~/privacy/person.server";
import { action as mineAction, loader as mineLoader } from "~/routes/account_.training-record";
import { action as memberAction, loader as memberLoader } from "~/routes/office.staff.$userId";
import { action as staffAction, loader as staffLoader } from "~/routes/office.staff._index";
import { sendStatutoryReminders, staffMemberAction, staffPage, statutoryFor } from "~/staff/staff.server";
import { callRoute } from "./call-route";
import { createOffice, createUser, formRequestInit, requestAs, sessionUser } from "./factories";

const ctx = { clientIp: "" };

afterEach(() => setClock(null));

/** A route's answer through the one callRoute() helper: its status and its data (a redirect's Location). */
async function call(fn: (args: never) => unknown, userId: number, path: string, fields?: Record<string, string | string[]>, params = {}) {
  const request = await requestAs(userId, path, fields ? formRequestInit(fields) : {});
  const r = await callRoute(async () => fn({ request, params, context: ctx } as never));
  if (!("value" in r)) return { status: r.status, body: (r.thrown ? {} : { location: r.location }) as Record<string, unknown> };
  const x = r.value as Record<string, unknown>;
  return { status: r.status, body: (x?.type === "DataWithResponseInit" ? x.data : x) as Record<string, unknown> };
}

/** The signed-in user as the capability modules take it (for calls under a clock moved years ahead). */
const asUser = sessionUser;

function form(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

async function twoOffices() {
  const officeA = await createOffice();
  const officeB = await createOffice();
  const managerA = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA.id });
  const managerB = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB.id });
  const staffA = await createUser({ roles: ["TRAINEE"], officeId: officeA.id });
  const staffB = await createUser({ roles: ["TRAINEE"], officeId: officeB.id });
  const admin = await createUser({ roles: ["ADMINISTRATOR"] });
  return { officeA, officeB, managerA, managerB, staffA, staffB, admin };
}

describe("a manager keeps only their own office's staff", () => {
  it("lists, opens and edits their own staff; another office's are refused and left unchanged", async () => {
    const p = await twoOffices();
    const FY = currentFiscalYear();
    const list = await call(staffLoader, p.managerA.id, "/office/staff");
    expect(list.status).toBe(200);
    const ids = (list.body.staff as { id: number }[]).map((s) => s.id);
    expect(ids).toContain(p.staffA.id);
    expect(ids).not.toContain(p.staffB.id);
    expect((await call(staffLoader, p.managerA.id, `/office/staff?office=${p.officeB.id}`)).status).toBe(403);
    expect(
      (await call(memberLoader, p.managerA.id, `/office/staff/${p.staffB.id}`, undefined, { userId: String(p.staffB.id) })).status,
    ).toBe(403);
    // A trainee has no staff page.
    expect((await call(staffLoader, p.staffA.id, "/office/staff")).status).toBe(403);

    const save = {
      intent: "record",
      initialYear: String(FY - 2),
      initialEvidence: "宮城県 第123号",
      chiefStatus: "none",
      chiefEvidence: "",
    };
    const mine = await call(memberAction, p.managerA.id, `/office/staff/${p.staffA.id}`, save, { userId: String(p.staffA.id) });
    expect(mine.status).toBe(200);
    const other = await call(memberAction, p.managerA.id, `/office/staff/${p.staffB.id}`, save, { userId: String(p.staffB.id) });
    expect(other.status).toBe(400);
    expect(await prisma.statutoryTrainingRecord.findUnique({ where: { userId: p.staffB.id } })).toBeNull();
    const saved = await prisma.statutoryTrainingRecord.findUniqueOrThrow({ where: { userId: p.staffA.id } });
    expect(saved).toMatchObject({ initialFiscalYear: FY - 2, initialEvidence: "宮城県 第123号", updatedById: p.managerA.id });
    expect(await prisma.auditLog.count({ where: { action: "staff.record.save", entityId: String(p.staffA.id) } })).toBe(1);

    // The secretariat chooses any office.
    const adminList = await call(staffLoader, p.admin.id, `/office/staff?office=${p.officeB.id}`);
    expect((adminList.body.staff as { id: number }[]).map((s) => s.id)).toContain(p.staffB.id);
  });

  it("lets the person keep their own record, refusing a missing evidence or a future year without losing what was saved", async () => {
    const p = await twoOffices();
    const FY = currentFiscalYear();
    const ok = await call(mineAction, p.staffA.id, "/account/training-record", {
      intent: "record",
      initialYear: `令和${FY - 2018 - 3}`,
      initialEvidence: "宮城県 第7号",
      chiefStatus: "none",
    });
    expect(ok.status).toBe(200);
    expect((await prisma.statutoryTrainingRecord.findUniqueOrThrow({ where: { userId: p.staffA.id } })).initialFiscalYear).toBe(FY - 3);
    const noEvidence = await call(mineAction, p.staffA.id, "/account/training-record", {
      intent: "record",
      initialYear: String(FY - 1),
      initialEvidence: "",
      chiefStatus: "none",
    });
    expect(noEvidence.status).toBe(400);
    expect((noEvidence.body.fieldErrors as Record<string, unknown>).initialEvidence).toBeTruthy();
    const future = await call(mineAction, p.staffA.id, "/account/training-record", {
      intent: "record",
      initialYear: String(FY + 1),
      initialEvidence: "x",
      chiefStatus: "none",
    });
    expect(future.status).toBe(400);
    const badDate = await call(mineAction, p.staffA.id, "/account/training-record", {
      intent: "add-refresher",
      completedOn: `${FY}-02-30`,
      evidence: "x",
    });
    expect(badDate.status).toBe(400);
    expect((await prisma.statutoryTrainingRecord.findUniqueOrThrow({ where: { userId: p.staffA.id } })).initialFiscalYear).toBe(FY - 3);
    expect(await prisma.refresherTraining.count({ where: { userId: p.staffA.id } })).toBe(0);
    const page = await call(mineLoader, p.staffA.id, "/account/training-record");
    expect((page.body.record as { deadlineFiscalYear: number }).deadlineFiscalYear).toBe(FY + 2);
  });
});

describe("transfers, leaving and hand-over", () => {
  it("a transfer moves the person, their record and their history to the new office", async () => {
    const p = await twoOffices();
    const FY = currentFiscalYear();
    await prisma.statutoryTrainingRecord.create({ data: { userId: p.staffA.id, initialFiscalYear: FY - 5, initialEvidence: "第1号" } });
    const on = `${FY}-04-01`;
    const r = await call(
      memberAction,
      p.managerA.id,
      `/office/staff/${p.staffA.id}`,
      { intent: "transfer", toOfficeId: String(p.officeB.id), on, successorId: "" },
      { userId: String(p.staffA.id) },
    );
    expect(r.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: p.staffA.id } })).officeId).toBe(p.officeB.id);
    const rows = await prisma.staffMembership.findMany({ where: { userId: p.staffA.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ officeId: p.officeA.id, endKind: "transfer", toOfficeId: p.officeB.id, endedOn: jstInstant(FY, 4, 1) });
    expect(rows[1]).toMatchObject({ officeId: p.officeB.id, endedOn: null, startedOn: jstInstant(FY, 4, 1) });
    // The old office's manager no longer reaches them; the new one sees them with their record.
    expect(
      (await call(memberLoader, p.managerA.id, `/office/staff/${p.staffA.id}`, undefined, { userId: String(p.staffA.id) })).status,
    ).toBe(403);
    const listB = await call(staffLoader, p.managerB.id, "/office/staff");
    const moved = (listB.body.staff as { id: number; initialFiscalYear: number; deadlineFiscalYear: number }[]).find(
      (s) => s.id === p.staffA.id,
    );
    expect(moved).toMatchObject({ initialFiscalYear: FY - 5, deadlineFiscalYear: FY });
    // The old office keeps the transfer in its history.
    const listA = await call(staffLoader, p.managerA.id, "/office/staff");
    expect(listA.body.history).toEqual([expect.objectContaining({ userId: p.staffA.id, kind: "transfer", endedOn: on })]);
    expect(await prisma.auditLog.count({ where: { action: "staff.transfer", entityId: String(p.staffA.id) } })).toBe(1);
    // A transfer to the same office is refused.
    const again = await call(
      memberAction,
      p.managerB.id,
      `/office/staff/${p.staffA.id}`,
      { intent: "transfer", toOfficeId: String(p.officeB.id), on, successorId: "" },
      { userId: String(p.staffA.id) },
    );
    expect(again.status).toBe(400);
  });

  it("leaving with a successor hands over the open action-plan items and the manager's role", async () => {
    const office = await createOffice();
    const leaver = await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.id });
    const successor = await createUser({ roles: ["TRAINEE"], officeId: office.id });
    const stays = await createUser({ roles: ["TRAINEE"], officeId: office.id });
    const plan = await prisma.actionPlan.create({ data: { officeId: office.id, fiscalYear: currentFiscalYear() } });
    const item = (owner: string, status: "PLANNED" | "IN_PROGRESS" | "DONE") =>
      prisma.actionPlanItem.create({
        data: { planId: plan.id, itemCodes: [], issue: "課題", goal: `目標 ${owner} ${status}`, actions: "取組", owner, status },
      });
    const open = await item(leaver.displayName, "IN_PROGRESS");
    const done = await item(leaver.displayName, "DONE");
    const others = await item(stays.displayName, "PLANNED");
    const me = await asUser(leaver.id);
    const r = await staffMemberAction(
      me,
      leaver.id,
      form({ intent: "leave", on: `${currentFiscalYear()}-06-01`, successorId: String(successor.id) }),
    );
    expect(r.ok).toBe(true);
    const owners = await prisma.actionPlanItem.findMany({ where: { id: { in: [open.id, done.id, others.id] } }, orderBy: { id: "asc" } });
    expect(owners.map((i) => i.owner)).toEqual([successor.displayName, leaver.displayName, stays.displayName]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: successor.id } })).roles).toContain("OFFICE_MANAGER");
    const gone = await prisma.user.findUniqueOrThrow({ where: { id: leaver.id } });
    expect(gone.officeId).toBeNull();
    expect(gone.roles).not.toContain("OFFICE_MANAGER");
    expect(await prisma.staffMembership.findFirst({ where: { userId: leaver.id } })).toMatchObject({
      endKind: "left",
      officeId: office.id,
    });
    expect(await prisma.auditLog.count({ where: { action: { in: ["staff.handover", "staff.leave"] }, entityId: String(leaver.id) } })).toBe(
      2,
    );

    // The explicit hand-over moves exactly the items chosen; a successor from another office is refused.
    const newManager = await asUser(successor.id);
    const h = await staffMemberAction(
      newManager,
      stays.id,
      form({ intent: "handover", successorId: String(successor.id), itemIds: [String(others.id)] }),
    );
    expect(h.ok).toBe(true);
    expect((await prisma.actionPlanItem.findUniqueOrThrow({ where: { id: others.id } })).owner).toBe(successor.displayName);
    const outsider = await createUser({ officeId: (await createOffice()).id });
    const bad = await staffMemberAction(
      newManager,
      stays.id,
      form({ intent: "handover", successorId: String(outsider.id), itemIds: [String(others.id)] }),
    );
    expect(bad.ok).toBe(false);
    expect((await prisma.actionPlanItem.findUniqueOrThrow({ where: { id: others.id } })).owner).toBe(successor.displayName);
  });
});

describe("the refresher deadline by fiscal year, with the clock set", () => {
  it("turns urgent in the last quarter and lapses at 1 April JST after the fifth fiscal year", async () => {
    const office = await createOffice();
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.id });
    const person = await createUser({ officeId: office.id });
    const F = currentFiscalYear();
    await prisma.statutoryTrainingRecord.create({ data: { userId: person.id, initialFiscalYear: F, initialEvidence: "第2号" } });
    const me = await asUser(manager.id);
    const stateAt = async (at: Date) => {
      setClock(at);
      const page = await staffPage(me, null);
      return page.staff.find((s) => s.id === person.id)!;
    };
    expect((await stateAt(jstInstant(F + 5, 3, 31, 23, 59))).state).toBe("ok");
    expect((await stateAt(jstInstant(F + 5, 4, 1))).state).toBe("soon");
    expect((await stateAt(jstInstant(F + 6, 1, 1))).state).toBe("urgent");
    const last = await stateAt(jstInstant(F + 6, 3, 31, 23, 59));
    expect(last).toMatchObject({ state: "urgent", deadlineFiscalYear: F + 5, lastDay: `${F + 6}-03-31` });
    const after = await stateAt(jstInstant(F + 6, 4, 1));
    expect(after.state).toBe("lapsed");
    expect((await staffPage(me, null)).attention.map((a) => a.id)).toEqual([person.id]);
    // A refresher on 31 March of the last year (JST) renews the window from that fiscal year.
    await prisma.refresherTraining.create({
      data: { userId: person.id, completedOn: jstInstant(F + 6, 3, 31, 12), evidence: "現任 第3号" },
    });
    setClock(jstInstant(F + 6, 4, 2));
    expect((await statutoryFor([person.id], now())).get(person.id)).toMatchObject({ state: "ok", deadlineFiscalYear: F + 10 });
  });

  it("sends the 12-month and the 3-month reminders once each, to the person and their manager", async () => {
    const office = await createOffice();
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.id });
    const person = await createUser({ officeId: office.id });
    const F = currentFiscalYear();
    await prisma.statutoryTrainingRecord.create({ data: { userId: person.id, initialFiscalYear: F - 1, initialEvidence: "第4号" } });
    // Deadline: end of F+4 (31 March F+5). 12 months before: 1 April F+4; 3 months before: 1 January F+5.
    const mine = () => prisma.statutoryReminder.findMany({ where: { userId: person.id }, orderBy: { id: "asc" } });
    // (Other tests' people share this database: count this person's reminders, not the job's total.)
    await sendStatutoryReminders(jstInstant(F + 4, 3, 31, 23));
    expect(await mine()).toHaveLength(0);
    await sendStatutoryReminders(jstInstant(F + 4, 4, 1, 9));
    await sendStatutoryReminders(jstInstant(F + 4, 4, 2, 9));
    expect((await mine()).map((r) => [r.deadlineFiscalYear, r.stage])).toEqual([[F + 4, "12m"]]);
    await sendStatutoryReminders(jstInstant(F + 5, 1, 1, 9));
    await sendStatutoryReminders(jstInstant(F + 5, 3, 1, 9));
    expect((await mine()).map((r) => r.stage)).toEqual(["12m", "3m"]);
    // After the deadline: nothing more.
    await sendStatutoryReminders(jstInstant(F + 5, 4, 2, 9));
    expect(await mine()).toHaveLength(2);
    const notes = await prisma.notification.findMany({ where: { userId: { in: [person.id, manager.id] } } });
    expect(notes.filter((n) => n.userId === person.id)).toHaveLength(2);
    expect(notes.filter((n) => n.userId === manager.id)).toHaveLength(2);
    expect(await prisma.outboxMessage.count({ where: { to: person.email } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { action: "staff.reminder", entityId: String(person.id) } })).toBe(2);
  });
});

describe("the person's data", () => {
  it("the export includes the record and the offices; erasure deletes them", async () => {
    const p = await twoOffices();
    const FY = currentFiscalYear();
    await prisma.statutoryTrainingRecord.create({ data: { userId: p.staffA.id, initialFiscalYear: FY - 1, initialEvidence: "第5号" } });
    await prisma.refresherTraining.create({ data: { userId: p.staffA.id, completedOn: jstInstant(FY, 5, 1), evidence: "現任 第6号" } });
    await prisma.staffMembership.create({ data: { userId: p.staffA.id, officeId: p.officeA.id, startedOn: jstInstant(FY, 4, 1) } });
    const me = await asUser(p.staffA.id);
    const data = await personalData(me, p.staffA.id);
    expect(data.person.statutoryTraining.record).toMatchObject({ initialFiscalYear: FY - 1, initialEvidence: "第5号" });
    expect(data.person.statutoryTraining.refreshers).toHaveLength(1);
    expect(data.person.statutoryTraining.offices).toEqual([expect.objectContaining({ office: p.officeA.name, endedOn: null })]);
    const staffA = await prisma.user.findUniqueOrThrow({ where: { id: p.staffA.id } });
    const r = await eraseUser(await asUser(p.admin.id), p.staffA.id, { confirmEmail: staffA.email, reason: "退職" }, "ja");
    expect(r.ok).toBe(true);
    expect(await prisma.statutoryTrainingRecord.count({ where: { userId: p.staffA.id } })).toBe(0);
    expect(await prisma.refresherTraining.count({ where: { userId: p.staffA.id } })).toBe(0);
    expect(await prisma.staffMembership.count({ where: { userId: p.staffA.id } })).toBe(0);
  });
});

describe("inviting staff", () => {
  it("creates an account linked to the office with an invitation, and refuses a person of another office", async () => {
    const p = await twoOffices();
    const ok = await call(staffAction, p.managerA.id, "/office/staff", {
      intent: "invite",
      displayName: "新人 花子",
      email: "Hanako.New@example.jp",
      role: "TRAINEE",
    });
    expect(ok.status).toBe(200);
    const u = await prisma.user.findUniqueOrThrow({ where: { email: "hanako.new@example.jp" } });
    expect(u.officeId).toBe(p.officeA.id);
    expect(await prisma.invitation.count({ where: { userId: u.id } })).toBe(1);
    expect(await prisma.staffMembership.count({ where: { userId: u.id, officeId: p.officeA.id, endedOn: null } })).toBe(1);
    const staffB = await prisma.user.findUniqueOrThrow({ where: { id: p.staffB.id } });
    const refused = await call(staffAction, p.managerA.id, "/office/staff", {
      intent: "invite",
      displayName: "x",
      email: staffB.email,
      role: "TRAINEE",
    });
    expect(refused.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: p.staffB.id } })).officeId).toBe(p.officeB.id);
  });
});
