// Transfers and leaving dated ahead (予定, issue 20): recorded as scheduled, the person stays in their office (and
// keeps its roles) until the day, the manager sees the move and may cancel it; on the day the staff-moves job
// applies it, once, and a cancelled move is never applied. Dates are computed from the clock, never written.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { jstDateString } from "~/lib/jst";
import { action as memberAction, loader as memberLoader } from "~/routes/office.staff.$userId";
import { loader as staffLoader } from "~/routes/office.staff._index";
import { applyDueStaffMoves } from "~/staff/staff.server";
import { callRoute } from "./call-route";
import { createOffice, createUser, formRequestInit, requestAs } from "./factories";

const DAY = 86_400_000;
const context = { clientIp: "" };

afterEach(() => setClock(null));

/** A JST calendar date `days` from the clock's today. */
const dayAhead = (days: number) => jstDateString(new Date(now().getTime() + days * DAY));

async function post(userId: number, personId: number, fields: Record<string, string>) {
  const out = await callRoute(
    memberAction({
      request: await requestAs(userId, `/office/staff/${personId}`, formRequestInit(fields)),
      params: { userId: String(personId) },
      context,
    }),
  );
  const v = out.value as { data?: Record<string, unknown> } & Record<string, unknown>;
  return { status: out.status, location: out.location, body: (v?.data ?? v ?? {}) as Record<string, unknown> };
}

async function page(userId: number, personId: number) {
  const out = await callRoute(
    memberLoader({ request: await requestAs(userId, `/office/staff/${personId}`), params: { userId: String(personId) }, context }),
  );
  return out.value as { scheduled: { on: string; kind: string; toOffice: string | null } | null; history: { endedOn: string | null }[] };
}

async function list(userId: number) {
  const out = await callRoute(staffLoader({ request: await requestAs(userId, "/office/staff"), params: {}, context }));
  return out.value as { staff: { id: number; moving: { on: string; kind: string } | null }[]; history: { userId: number }[] };
}

describe("a transfer or leaving dated ahead", () => {
  it("is scheduled: the person stays until the day, then the job moves them, once", async () => {
    const officeA = await createOffice();
    const officeB = await createOffice();
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA.id });
    const person = await createUser({ roles: ["TRAINEE", "OFFICE_MANAGER"], officeId: officeA.id });
    const on = dayAhead(10);

    const r = await post(manager.id, person.id, { intent: "transfer", toOfficeId: String(officeB.id), on, successorId: "" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ ok: true, scheduled: true, on });
    // Still in office A, with its roles; the manager sees the move on the list and the person's page.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      officeId: officeA.id,
      roles: ["TRAINEE", "OFFICE_MANAGER"],
    });
    const staff = await list(manager.id);
    expect(staff.staff.find((s) => s.id === person.id)?.moving).toEqual({ on, kind: "transfer", toOffice: officeB.name });
    expect(staff.history.map((h) => h.userId)).not.toContain(person.id);
    const mine = await page(manager.id, person.id);
    expect(mine.scheduled).toEqual({ on, kind: "transfer", toOffice: officeB.name });
    expect(mine.history.every((h) => h.endedOn === null)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "staff.transfer.schedule", entityId: String(person.id) } })).toBe(1);

    // A second move while one is scheduled is refused, nothing changed.
    const again = await post(manager.id, person.id, { intent: "leave", on: dayAhead(3), successorId: "" });
    expect(again.status).toBe(400);
    expect((again.body.fieldErrors as Record<string, unknown>).on).toEqual([{ key: "staff.move.alreadyScheduled" }]);

    // The day before: nothing moves.
    setClock(new Date(now().getTime() + 9 * DAY));
    expect(await applyDueStaffMoves()).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).officeId).toBe(officeA.id);

    // On the day (its first hour, JST): moved to B, the office's role left behind; a second run does nothing.
    setClock(new Date(`${on}T00:30:00+09:00`));
    expect(await applyDueStaffMoves()).toBe(1);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ officeId: officeB.id, roles: ["TRAINEE"] });
    expect(await applyDueStaffMoves()).toBe(0);
    const rows = await prisma.staffMembership.findMany({ where: { userId: person.id }, orderBy: { id: "asc" } });
    expect(rows.map((m) => [m.officeId, m.endKind, m.appliedAt !== null, m.endedOn ? jstDateString(m.endedOn) : null])).toEqual([
      [officeA.id, "transfer", true, on],
      [officeB.id, null, false, null],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "staff.transfer.apply", entityId: String(person.id) } })).toBe(1);
  });

  it("can be cancelled before the day, and is then never applied", async () => {
    const officeA = await createOffice();
    const officeB = await createOffice();
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA.id });
    const other = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB.id });
    const person = await createUser({ roles: ["TRAINEE"], officeId: officeA.id });
    const on = dayAhead(5);
    expect((await post(manager.id, person.id, { intent: "leave", on, successorId: "" })).status).toBe(200);
    expect((await page(manager.id, person.id)).scheduled).toEqual({ on, kind: "left", toOffice: null });

    // Another office's manager cannot cancel it.
    expect((await post(other.id, person.id, { intent: "cancel-move" })).status).toBe(400);
    const cancelled = await post(manager.id, person.id, { intent: "cancel-move" });
    expect(cancelled.status).toBe(200);
    expect((await page(manager.id, person.id)).scheduled).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "staff.move.cancel", entityId: String(person.id) } })).toBe(1);
    // Nothing left to cancel.
    expect((await post(manager.id, person.id, { intent: "cancel-move" })).body.formError).toEqual({ key: "staff.move.noneScheduled" });

    setClock(new Date(now().getTime() + 6 * DAY));
    expect(await applyDueStaffMoves()).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).officeId).toBe(officeA.id);
    setClock(null);

    // A move dated today (or before) still takes effect at once, back to the list.
    const today = await post(manager.id, person.id, {
      intent: "transfer",
      toOfficeId: String(officeB.id),
      on: dayAhead(0),
      successorId: "",
    });
    expect(today.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).officeId).toBe(officeB.id);
  });
});
