// Capacity is never exceeded: 50 simultaneous enrolments for 10 seats against the real database.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { waitlistOrder } from "~/scheduling/rules";
import { cancelEnrolment, cancelSession, createSession, enrol, sendReminders, setAttendance } from "~/scheduling/scheduling.server";
import { createOffice, createUser } from "./factories";

// The current fiscal year, so the test means the same thing in any year.
const FY = currentFiscalYear();

const HOUR = 3600_000;

async function newSession(capacity: number, overrides: Partial<Parameters<typeof createSession>[0]> = {}) {
  const now = Date.now();
  return createSession(
    {
      track: "basic-group",
      fiscalYear: FY,
      titleJa: "集合研修 テスト",
      titleEn: "",
      descriptionJa: "",
      descriptionEn: "",
      pillars: ["community"],
      goalCodes: [],
      venue: "青葉区文化センター",
      onlineUrl: "",
      capacity,
      opensAt: new Date(now - 24 * HOUR),
      closesAt: new Date(now + 24 * HOUR),
      facilitators: "",
      prerequisite: "none",
      days: [{ startsAt: new Date(now + 48 * HOUR), endsAt: new Date(now + 51 * HOUR) }],
      ...overrides,
    },
    null,
  );
}

describe("enrolment under concurrency", () => {
  it("50 simultaneous enrolments for 10 seats: exactly 10 enrolled, 40 waitlisted in order", async () => {
    const office = await createOffice();
    const trainees = await Promise.all(Array.from({ length: 50 }, () => createUser({ roles: ["TRAINEE"], officeId: office.id })));
    const session = await newSession(10);

    const results = await Promise.all(trainees.map((t) => enrol(t.id, session.id)));

    expect(results.every((r) => r.ok)).toBe(true);
    const ok = results.filter((r): r is Extract<typeof r, { ok: true }> => r.ok);
    expect(ok.filter((r) => r.status === "enrolled")).toHaveLength(10);
    expect(ok.filter((r) => r.status === "waitlisted")).toHaveLength(40);
    // Every waitlist place 1..40 was handed out exactly once.
    expect(
      ok
        .filter((r) => r.status === "waitlisted")
        .map((r) => r.place)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const rows = await prisma.sessionEnrollment.findMany({ where: { sessionId: session.id } });
    expect(rows.filter((r) => r.status === "enrolled")).toHaveLength(10);
    const waitlist = waitlistOrder(rows.filter((r) => r.status === "waitlisted"));
    expect(waitlist).toHaveLength(40);
    // The order in the database is the order in which the places were given.
    const placeOf = new Map(trainees.map((t, i) => [t.id, ok[i].status === "waitlisted" ? ok[i].place : null]));
    expect(waitlist.map((r) => placeOf.get(r.userId))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    // A cancellation frees a seat for the first on the waitlist, who is told.
    const leaving = rows.find((r) => r.status === "enrolled")!;
    const { promoted } = await cancelEnrolment(leaving.userId, session.id);
    expect(promoted).toEqual([waitlist[0].userId]);
    expect(await prisma.sessionEnrollment.count({ where: { sessionId: session.id, status: "enrolled" } })).toBe(10);
    expect(await prisma.notification.count({ where: { userId: waitlist[0].userId, kind: "promoted" } })).toBe(1);
    const promotedUser = trainees.find((t) => t.id === waitlist[0].userId)!;
    expect(await prisma.outboxMessage.count({ where: { to: promotedUser.email, subject: { contains: "受講確定" } } })).toBeGreaterThan(0);
  });

  it("concurrent cancellations and enrolments never overbook", async () => {
    const trainees = await Promise.all(Array.from({ length: 20 }, () => createUser({ roles: ["TRAINEE"] })));
    const session = await newSession(5);
    for (const t of trainees.slice(0, 10)) await enrol(t.id, session.id);
    await Promise.all([
      ...trainees.slice(0, 3).map((t) => cancelEnrolment(t.id, session.id)),
      ...trainees.slice(10).map((t) => enrol(t.id, session.id)),
    ]);
    expect(await prisma.sessionEnrollment.count({ where: { sessionId: session.id, status: "enrolled" } })).toBe(5);
    expect(await prisma.sessionEnrollment.count({ where: { sessionId: session.id, status: "waitlisted" } })).toBe(12);
  });

  it("refuses with a reason: prerequisites, closed window, already enrolled", async () => {
    const t = await createUser({ roles: ["TRAINEE"] });
    const strict = await newSession(5, { prerequisite: "default" });
    expect(await enrol(t.id, strict.id)).toEqual({ ok: false, reason: "prerequisites-missing" });
    const closed = await newSession(5, { closesAt: new Date(Date.now() - HOUR) });
    expect(await enrol(t.id, closed.id)).toEqual({ ok: false, reason: "window-closed" });
    const open = await newSession(5);
    expect((await enrol(t.id, open.id)).ok).toBe(true);
    expect(await enrol(t.id, open.id)).toEqual({ ok: false, reason: "already-enrolled" });
  });

  it("warns about overlaps, reminds once the day before, issues the certificate on full attendance", async () => {
    const t = await createUser({ roles: ["TRAINEE"] });
    const a = await newSession(5);
    const b = await newSession(5);
    await enrol(t.id, a.id);
    const second = await enrol(t.id, b.id);
    expect(second.ok && second.overlapsWith).toEqual(["集合研修 テスト"]);

    const now = new Date(Date.now() + 24 * HOUR); // the day before the sessions (2 days ahead)
    const first = await sendReminders(now);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await sendReminders(now)).toBe(0);

    const e = await prisma.sessionEnrollment.findUniqueOrThrow({
      where: { sessionId_userId: { sessionId: a.id, userId: t.id } },
      include: { session: { include: { days: true } } },
    });
    // Check-in is refused before the day (JST) and never issues a certificate.
    expect(await setAttendance(e.id, e.session.days[0].id, true, null)).toEqual({ ok: false, reason: "not-yet" });
    expect(await setAttendance(e.id, e.session.days[0].id, true, null, e.session.days[0].startsAt)).toEqual({ ok: true });
    expect(await prisma.certificate.count({ where: { userId: t.id } })).toBe(0);
  });
});

describe("cancelling a session", () => {
  it("tells everyone enrolled or waitlisted, and refuses new enrolments", async () => {
    const people = await Promise.all(Array.from({ length: 3 }, () => createUser({ roles: ["TRAINEE"] })));
    const session = await newSession(2);
    for (const p of people) await enrol(p.id, session.id);
    expect(await cancelSession(session.id, "講師の急病のため")).toBe(3);
    for (const p of people) expect(await prisma.notification.count({ where: { userId: p.id, kind: "session-cancelled" } })).toBe(1);
    const late = await createUser({ roles: ["TRAINEE"] });
    expect(await enrol(late.id, session.id)).toEqual({ ok: false, reason: "session-cancelled" });
    expect(await cancelSession(session.id, "again")).toBe(0);
  });
});
