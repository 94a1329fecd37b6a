// Attendance as it happens (issue 20): minutes late and left early on the roster within the day's bounds, the
// completion rule (what may be missed), make-ups within the year or carried into the next, and a certificate
// refused while the rule is not met and issued once a recorded make-up is done. Every write audited.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { jstDateString } from "~/lib/jst";
import { setClock } from "~/lib/clock";
import { createSession, enrol } from "~/scheduling/scheduling.server";
import { action as rosterAction, loader as rosterLoader } from "~/routes/committee.sessions.$id/route";
import { createUser, formRequestInit, requestAs } from "./factories";

const ctx = { clientIp: "" };
const DAY = 86_400_000;

afterEach(() => setClock(null));

function unwrap(r: unknown): { status: number; body: Record<string, unknown> } {
  const x = r as Record<string, unknown>;
  return x?.type === "DataWithResponseInit"
    ? { status: (x.init as { status: number }).status, body: x.data as Record<string, unknown> }
    : { status: 200, body: x };
}

/** A two-day session (10:00–16:00 JST, 360 minutes a day) starting three days ahead. */
async function twoDaySession() {
  const now = Date.now();
  const days = [3, 4].map((n) => {
    const start = new Date(now + n * DAY);
    start.setUTCHours(1, 0, 0, 0);
    return { startsAt: start, endsAt: new Date(start.getTime() + 6 * 3600_000) };
  });
  return createSession(
    {
      track: "basic-group",
      fiscalYear: fiscalYearOf(days[0].startsAt),
      titleJa: "出席時間のテスト",
      titleEn: "",
      descriptionJa: "",
      descriptionEn: "",
      pillars: [],
      goalCodes: [],
      venue: "青葉区",
      onlineUrl: "",
      capacity: 10,
      opensAt: new Date(now - 10 * DAY),
      closesAt: new Date(now + 1 * DAY),
      facilitators: "",
      prerequisite: "none",
      days,
    },
    null,
  );
}

async function enrolledIn(sessionId: number) {
  const t = await createUser({ roles: ["TRAINEE"] });
  await enrol(t.id, sessionId);
  return prisma.sessionEnrollment.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId: t.id } } });
}

async function post(userId: number, sessionId: number, fields: Record<string, string>) {
  const request = await requestAs(userId, `/committee/sessions/${sessionId}`, formRequestInit(fields));
  return unwrap(await rosterAction({ request, params: { id: String(sessionId) }, context: ctx }));
}

async function page(userId: number, sessionId: number) {
  return rosterLoader({
    request: await requestAs(userId, `/committee/sessions/${sessionId}`),
    params: { id: String(sessionId) },
    context: ctx,
  });
}

/** The session held: the clock after its last day, each given enrolment checked in on both days. */
async function held(committeeId: number, sessionId: number, enrolmentIds: number[]) {
  const days = await prisma.sessionDay.findMany({ where: { sessionId }, orderBy: { startsAt: "asc" } });
  setClock(new Date(days[1].startsAt.getTime() + 7 * 3600_000));
  for (const id of enrolmentIds)
    for (const d of days) await post(committeeId, sessionId, { intent: "check-in", enrollmentId: String(id), dayId: String(d.id) });
  return days;
}

describe("attendance in minutes", () => {
  it("keeps late and early minutes within the day (0 to its length, together at most the day), audited", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const s = await twoDaySession();
    const e = await enrolledIn(s.id);
    const absent = await enrolledIn(s.id);
    const days = await held(committee.id, s.id, [e.id]);
    const minutes = (late: string, early: string, id = e.id) =>
      post(committee.id, s.id, {
        intent: "minutes",
        enrollmentId: String(id),
        dayId: String(days[0].id),
        lateMinutes: late,
        earlyMinutes: early,
      });

    expect((await minutes("-1", "0")).body).toMatchObject({ ok: false, error: "attendance.error.minutes" });
    expect((await minutes("361", "0")).body).toMatchObject({ ok: false, error: "attendance.error.minutes" });
    expect((await minutes("2.5", "0")).body).toMatchObject({ ok: false, error: "attendance.error.minutes" });
    expect((await minutes("abc", "0")).body).toMatchObject({ ok: false, error: "attendance.error.minutes" });
    expect((await minutes("200", "161")).body).toMatchObject({ ok: false, error: "attendance.error.exceedsDay" });
    // Not checked in that day: nothing to qualify.
    expect((await minutes("10", "0", absent.id)).body).toMatchObject({ ok: false, error: "attendance.error.notCheckedIn" });
    // Nothing saved by the refusals.
    expect(await prisma.sessionAttendance.findFirst({ where: { enrollmentId: e.id, dayId: days[0].id } })).toMatchObject({
      lateMinutes: 0,
      earlyMinutes: 0,
    });

    expect((await minutes("360", "0")).body).toMatchObject({ ok: true });
    expect((await minutes("25", "15")).body).toMatchObject({ ok: true });
    expect(await prisma.sessionAttendance.findFirst({ where: { enrollmentId: e.id, dayId: days[0].id } })).toMatchObject({
      lateMinutes: 25,
      earlyMinutes: 15,
    });
    expect(await prisma.auditLog.count({ where: { action: "attendance.minutes", entityId: String(e.id), actorId: committee.id } })).toBe(2);
    const view = await page(committee.id, s.id);
    const row = view.enrolled.find((x) => x.id === e.id)!;
    expect(row.late).toEqual([25, 0]);
    expect(row.early).toEqual([15, 0]);
    expect(row.figures).toMatchObject({ total: 720, missed: 40, allowed: 72, outcome: "complete" });
  });

  it("refuses the certificate while the rule is not met, and issues it after a recorded make-up is done", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const s = await twoDaySession();
    const e = await enrolledIn(s.id);
    const days = await held(committee.id, s.id, [e.id]);
    // 100 minutes late on day 2: over the default limit (10% of 720 = 72).
    await post(committee.id, s.id, {
      intent: "minutes",
      enrollmentId: String(e.id),
      dayId: String(days[1].id),
      lateMinutes: "100",
      earlyMinutes: "",
    });
    expect(await post(committee.id, s.id, { intent: "issue", enrollmentId: String(e.id) })).toMatchObject({
      status: 409,
      body: { ok: false, reason: "minutes-missing" },
    });
    expect(await prisma.certificate.count({ where: { userId: e.userId } })).toBe(0);

    const fy = s.fiscalYear;
    const makeUp = (fields: Record<string, string>) =>
      post(committee.id, s.id, { intent: "make-up", enrollmentId: String(e.id), ...fields });
    // The due date: within the year or the next, never two years on, never before today.
    expect((await makeUp({ what: "第2日の講義（録画視聴）", minutes: "30", dueOn: `${fy + 2}-06-01` })).body).toMatchObject({
      error: "attendance.error.dueYear",
    });
    expect((await makeUp({ what: "第2日の講義（録画視聴）", minutes: "30", dueOn: `${fy - 1}-06-01` })).body).toMatchObject({
      error: "attendance.error.dueYear",
    });
    expect((await makeUp({ what: "", minutes: "30", dueOn: `${fy + 1}-06-01` })).body).toMatchObject({ error: "attendance.error.what" });
    expect((await makeUp({ what: "補講", minutes: "0", dueOn: `${fy + 1}-06-01` })).body).toMatchObject({
      error: "attendance.error.makeUpMinutes",
    });
    expect((await makeUp({ what: "補講", minutes: "30", dueOn: "2026-02-30" })).body).toMatchObject({ error: "attendance.error.dueOn" });
    expect(await prisma.makeUp.count({ where: { enrollmentId: e.id } })).toBe(0);

    expect((await makeUp({ what: "第2日の講義（録画視聴）", minutes: "30", dueOn: `${fy + 1}-06-01` })).body).toMatchObject({ ok: true });
    const m = await prisma.makeUp.findFirstOrThrow({ where: { enrollmentId: e.id } });
    expect(m).toMatchObject({ minutes: 30, carried: true, doneAt: null, createdById: committee.id });
    expect(jstDateString(m.dueOn)).toBe(`${fy + 1}-06-01`);
    // Assigned but not done: still refused.
    expect((await post(committee.id, s.id, { intent: "issue", enrollmentId: String(e.id) })).body).toMatchObject({
      reason: "minutes-missing",
    });

    expect(
      (await post(committee.id, s.id, { intent: "make-up-done", enrollmentId: String(e.id), makeUpId: String(m.id) })).body,
    ).toMatchObject({
      ok: true,
    });
    const row = (await page(committee.id, s.id)).enrolled[0];
    expect(row.figures).toMatchObject({ missed: 100, allowed: 72, madeUp: 30, outstanding: 0, outcome: "complete-after-make-up" });
    expect(row.completion).toBeNull();
    expect((await post(committee.id, s.id, { intent: "issue", enrollmentId: String(e.id) })).body).toMatchObject({
      ok: true,
      intent: "issue",
    });
    expect(await prisma.certificate.count({ where: { userId: e.userId, sessionId: s.id } })).toBe(1);
    // With the certificate issued, the make-up and the minutes it rests on cannot be undone.
    expect(
      (await post(committee.id, s.id, { intent: "make-up-undone", enrollmentId: String(e.id), makeUpId: String(m.id) })).body,
    ).toMatchObject({
      error: "attendance.error.certificate",
    });
    expect(
      (
        await post(committee.id, s.id, {
          intent: "minutes",
          enrollmentId: String(e.id),
          dayId: String(days[1].id),
          lateMinutes: "0",
          earlyMinutes: "0",
        })
      ).body,
    ).toMatchObject({ error: "attendance.error.certificate" });
    for (const action of ["attendance.makeup.assign", "attendance.makeup.done"])
      expect(await prisma.auditLog.count({ where: { action, entityId: String(m.id), actorId: committee.id } })).toBe(1);
  });

  it("follows the committee's completion rule for the session, and a missed day counts whole", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const s = await twoDaySession();
    const late = await enrolledIn(s.id);
    const oneDay = await enrolledIn(s.id);
    const days = await held(committee.id, s.id, [late.id]);
    await post(committee.id, s.id, { intent: "check-in", enrollmentId: String(oneDay.id), dayId: String(days[0].id) });
    await post(committee.id, s.id, {
      intent: "minutes",
      enrollmentId: String(late.id),
      dayId: String(days[0].id),
      lateMinutes: "60",
      earlyMinutes: "0",
    });

    // A strict rule: nothing may be missed.
    expect((await post(committee.id, s.id, { intent: "rule", allowedMissedMinutes: "-5" })).body).toMatchObject({
      error: "attendance.error.rule",
    });
    expect((await post(committee.id, s.id, { intent: "rule", allowedMissedMinutes: "0" })).body).toMatchObject({ ok: true });
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).allowedMissedMinutes).toBe(0);
    let view = await page(committee.id, s.id);
    expect(view.enrolled.find((x) => x.id === late.id)!.completion).toBe("minutes-missing");
    expect(view.enrolled.find((x) => x.id === oneDay.id)!.completion).toBe("days-missing");

    // A generous rule: a whole day (360) may be missed.
    await post(committee.id, s.id, { intent: "rule", allowedMissedMinutes: "360" });
    view = await page(committee.id, s.id);
    expect(view.enrolled.find((x) => x.id === late.id)!.completion).toBeNull();
    expect(view.enrolled.find((x) => x.id === oneDay.id)!.figures).toMatchObject({ missed: 360, allowed: 360, outcome: "complete" });

    // Back to the default (empty): 72 minutes.
    await post(committee.id, s.id, { intent: "rule", allowedMissedMinutes: "" });
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).allowedMissedMinutes).toBeNull();
    expect((await page(committee.id, s.id)).enrolled.find((x) => x.id === late.id)!.figures.allowed).toBe(72);
    expect(await prisma.auditLog.count({ where: { action: "attendance.rule", entityId: String(s.id) } })).toBe(3);
  });

  it("is the committee's: a trainee may not record minutes", async () => {
    const s = await twoDaySession();
    const e = await enrolledIn(s.id);
    const request = await requestAs(
      e.userId,
      `/committee/sessions/${s.id}`,
      formRequestInit({ intent: "rule", allowedMissedMinutes: "999" }),
    );
    await expect(rosterAction({ request, params: { id: String(s.id) }, context: ctx })).rejects.toMatchObject({ status: 403 });
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).allowedMissedMinutes).toBeNull();
  });
});
