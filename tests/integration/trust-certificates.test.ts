// Records that mean what they say (issue 10): attendance only on or after the day, completion and
// certificates as an explicit audited step, serials in order under concurrency, no GET that writes,
// exemptions from the practical-training prerequisite, and the capacity rule.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { setClock } from "~/lib/clock";
import { createSession, enrol, issueCertificate } from "~/scheduling/scheduling.server";
import { action as rosterAction, loader as rosterLoader } from "~/routes/committee.sessions.$id/route";
import { action as editAction } from "~/routes/committee.sessions.$id_.edit";
import { action as certificatesAction, loader as certificatesLoader } from "~/routes/committee.certificates";
import { action as sessionsAction, loader as sessionsLoader } from "~/routes/sessions._index";
import { action as issuerAction } from "~/routes/admin.certificate-issuer";
import { loader as certificateLoader } from "~/routes/certificates.$id";
import { daysJa } from "~/scheduling/certificate-pdf.server";
import { PDFParse } from "pdf-parse";
import QRCode from "qrcode";
import { createUser, formRequestInit, requestAs } from "./factories";

const ctx = { clientIp: "" };
const DAY = 86_400_000;
const FY = fiscalYearOf(new Date());

afterEach(() => setClock(null));

/** A body and status, whether the action returned plainly or with data(…, { status }). */
function unwrap(r: unknown): { status: number; body: Record<string, unknown> } {
  const x = r as Record<string, unknown>;
  return x?.type === "DataWithResponseInit"
    ? { status: (x.init as { status: number }).status, body: x.data as Record<string, unknown> }
    : { status: 200, body: x };
}

/** A session whose days start `daysFromNow` days ahead (10:00–16:00 JST, `count` consecutive days). */
async function sessionIn(daysFromNow: number, opts: { count?: number; capacity?: number; track?: string; prerequisite?: string } = {}) {
  const now = Date.now();
  const days = Array.from({ length: opts.count ?? 1 }, (_, i) => {
    const start = new Date(now + (daysFromNow + i) * DAY);
    start.setUTCHours(1, 0, 0, 0); // 10:00 JST
    return { startsAt: start, endsAt: new Date(start.getTime() + 6 * 3600_000) };
  });
  return createSession(
    {
      track: opts.track ?? "basic-group",
      fiscalYear: fiscalYearOf(days[0].startsAt),
      titleJa: "信頼のテスト",
      titleEn: "",
      descriptionJa: "",
      descriptionEn: "",
      pillars: [],
      goalCodes: [],
      venue: "青葉区",
      onlineUrl: "",
      capacity: opts.capacity ?? 10,
      opensAt: new Date(now - 10 * DAY),
      closesAt: new Date(now + 1 * DAY),
      facilitators: "",
      prerequisite: opts.prerequisite ?? "none",
      days,
    },
    null,
  );
}

async function enrolledIn(sessionId: number) {
  const t = await createUser({ roles: ["TRAINEE"] });
  await enrol(t.id, sessionId);
  return {
    trainee: t,
    enrolment: await prisma.sessionEnrollment.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId: t.id } } }),
  };
}

async function roster(userId: number, sessionId: number, fields: Record<string, string>) {
  const request = await requestAs(userId, `/committee/sessions/${sessionId}`, formRequestInit(fields));
  return unwrap(await rosterAction({ request, params: { id: String(sessionId) }, context: ctx }));
}

describe("attendance and completion on the roster", () => {
  it("before the day: no check-in, no certificate, and the refusal says why (not 更新しました)", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const s = await sessionIn(5);
    const { trainee, enrolment } = await enrolledIn(s.id);
    const days = await prisma.sessionDay.findMany({ where: { sessionId: s.id } });

    const page = await rosterLoader({
      request: await requestAs(committee.id, `/committee/sessions/${s.id}`),
      params: { id: String(s.id) },
      context: ctx,
    });
    expect(page.dayOpen).toEqual([false]);
    expect(page.enrolled[0].completion).toBe("not-held-yet");

    const checkIn = await roster(committee.id, s.id, { intent: "check-in", enrollmentId: String(enrolment.id), dayId: String(days[0].id) });
    expect(checkIn).toMatchObject({ status: 409, body: { ok: false, reason: "not-yet" } });
    const issue = await roster(committee.id, s.id, { intent: "issue", enrollmentId: String(enrolment.id) });
    expect(issue).toMatchObject({ status: 409, body: { ok: false, reason: "not-held-yet" } });
    expect(await prisma.sessionAttendance.count({ where: { enrollmentId: enrolment.id } })).toBe(0);
    expect(await prisma.certificate.count({ where: { userId: trainee.id } })).toBe(0);
  });

  it("check-in on the day issues nothing; issuing after the last day with every day attended is audited", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const s = await sessionIn(3, { count: 2 });
    const { trainee, enrolment } = await enrolledIn(s.id);
    const { enrolment: absent } = await enrolledIn(s.id);
    const days = await prisma.sessionDay.findMany({ where: { sessionId: s.id }, orderBy: { startsAt: "asc" } });

    setClock(new Date(days[0].startsAt.getTime() + 3600_000)); // on day 1
    const first = await roster(committee.id, s.id, { intent: "check-in", enrollmentId: String(enrolment.id), dayId: String(days[0].id) });
    expect(first.body).toMatchObject({ ok: true });
    // Day 2 has not come yet.
    expect(
      (await roster(committee.id, s.id, { intent: "check-in", enrollmentId: String(enrolment.id), dayId: String(days[1].id) })).body,
    ).toMatchObject({
      reason: "not-yet",
    });
    setClock(new Date(days[1].startsAt.getTime() + 3600_000)); // on day 2
    await roster(committee.id, s.id, { intent: "check-in", enrollmentId: String(enrolment.id), dayId: String(days[1].id) });
    expect(await prisma.certificate.count({ where: { userId: trainee.id } })).toBe(0); // no side effect

    const issued = await roster(committee.id, s.id, { intent: "issue", enrollmentId: String(enrolment.id) });
    expect(issued.body).toMatchObject({ ok: true, intent: "issue" });
    const cert = await prisma.certificate.findFirstOrThrow({ where: { userId: trainee.id } });
    expect(cert).toMatchObject({ track: "basic-group", sessionId: s.id, issuedById: committee.id });
    expect(
      await prisma.auditLog.count({ where: { action: "scheduling.certificate.issue", entityId: String(cert.id), actorId: committee.id } }),
    ).toBe(1);
    // Undoing a check-in now would make the certificate false: refused.
    expect(
      (await roster(committee.id, s.id, { intent: "undo-check-in", enrollmentId: String(enrolment.id), dayId: String(days[0].id) })).body,
    ).toMatchObject({
      reason: "certificate-issued",
    });
    // A second issue is refused with its reason.
    expect((await roster(committee.id, s.id, { intent: "issue", enrollmentId: String(enrolment.id) })).body).toMatchObject({
      reason: "already-issued",
    });

    // The one who attended no day (a no-show): refused, unless the committee records a reasoned exception.
    await roster(committee.id, s.id, { intent: "no-show", enrollmentId: String(absent.id) });
    expect((await roster(committee.id, s.id, { intent: "issue", enrollmentId: String(absent.id) })).body).toMatchObject({
      reason: "days-missing",
    });
    expect(await prisma.certificate.count({ where: { userId: absent.userId } })).toBe(0);
    const excepted = await roster(committee.id, s.id, {
      intent: "issue",
      enrollmentId: String(absent.id),
      exceptionReason: "災害のため別日程で補講を受講",
    });
    expect(excepted.body).toMatchObject({ ok: true });
    expect(await prisma.completionException.findUnique({ where: { enrollmentId: absent.id } })).toMatchObject({
      reason: "災害のため別日程で補講を受講",
      createdById: committee.id,
    });
    expect(await prisma.auditLog.count({ where: { action: "scheduling.completion.exception", entityId: String(absent.id) } })).toBe(1);

    // The roster shows each certificate's verification code.
    const page = await rosterLoader({
      request: await requestAs(committee.id, `/committee/sessions/${s.id}`),
      params: { id: String(s.id) },
      context: ctx,
    });
    expect(page.enrolled.find((e) => e.id === enrolment.id)?.certificate?.verificationCode).toBe(cert.verificationCode);
  });
});

describe("serials", () => {
  it("are allocated in order, without gaps or duplicates, under 10 parallel issues (the pool size)", async () => {
    const year = FY - 3; // a year no other test of this file uses
    // One already on record (as the demo data has): numbering continues after it.
    const first = await createUser({ roles: ["TRAINEE"] });
    await prisma.certificate.create({
      data: { userId: first.id, track: "practical", fiscalYear: year, serial: `${year}-J-00007`, verificationCode: "PRIOR7SERIAL" },
    });
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser({ roles: ["TRAINEE"] })));
    const results = await Promise.all(
      people.map((p) => issueCertificate({ userId: p.id, track: "practical", fiscalYear: year, byId: null, auditAction: "test.issue" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const serials = results.map((r) => (r.ok ? r.certificate.serial : "")).sort();
    expect(serials).toEqual(Array.from({ length: 10 }, (_, i) => `${year}-J-${String(8 + i).padStart(5, "0")}`));
    // In the order they were written.
    const rows = await prisma.certificate.findMany({ where: { fiscalYear: year, track: "practical" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.serial)).toEqual([...rows.map((r) => r.serial)].sort());
    // A refused issue (already held) does not use a number.
    expect((await issueCertificate({ userId: people[0].id, track: "practical", fiscalYear: year, byId: null, auditAction: "x" })).ok).toBe(
      false,
    );
    const next = await issueCertificate({ userId: first.id, track: "practical", fiscalYear: year + 1, byId: null, auditAction: "x" });
    expect(next.ok && next.certificate.serial).toBe(`${year + 1}-J-00001`);
  });
});

describe("the trainee's sessions page", () => {
  it("never issues a certificate on GET; the on-demand certificate is an explicit, audited request", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    await prisma.curriculumModule.create({ data: { fiscalYear: FY, slug: "person-centred-assessment", position: 0 } });
    await prisma.moduleProgress.create({
      data: { userId: trainee.id, slug: "person-centred-assessment", sectionsReached: [], completedAt: new Date() },
    });
    const page = await sessionsLoader({ request: await requestAs(trainee.id, "/sessions"), params: {}, context: ctx });
    expect(page.onDemandClaimable).toBe(FY);
    expect(await prisma.certificate.count({ where: { userId: trainee.id } })).toBe(0);

    const claimed = unwrap(
      await sessionsAction({
        request: await requestAs(trainee.id, "/sessions", formRequestInit({ intent: "claim-ondemand" })),
        params: {},
        context: ctx,
      }),
    );
    expect(claimed.body.serial).toMatch(new RegExp(`^${FY}-K1-\\d{5}$`));
    const cert = await prisma.certificate.findFirstOrThrow({ where: { userId: trainee.id } });
    expect(await prisma.auditLog.count({ where: { action: "scheduling.certificate.issue-ondemand", entityId: String(cert.id) } })).toBe(1);
    // Someone who has not completed the modules is refused.
    const other = await createUser({ roles: ["TRAINEE"] });
    const refused = unwrap(
      await sessionsAction({
        request: await requestAs(other.id, "/sessions", formRequestInit({ intent: "claim-ondemand" })),
        params: {},
        context: ctx,
      }),
    );
    expect(refused.status).toBe(409);
    expect(await prisma.certificate.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("eligibility exemptions", () => {
  it("only the 基礎研修（後期） certificate or a recorded exemption opens practical training; exemptions are audited", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const practical = await sessionIn(20, { track: "practical", prerequisite: "default", capacity: 20 });
    const withOther = await createUser({ roles: ["TRAINEE"] });
    await prisma.certificate.create({
      data: { userId: withOther.id, track: "basic-ondemand", fiscalYear: FY, serial: `${FY}-K1-09999`, verificationCode: "OTHERTRACK01" },
    });
    expect(await enrol(withOther.id, practical.id)).toMatchObject({ ok: false, reason: "prerequisites-missing" });

    const experienced = await createUser({ roles: ["TRAINEE"] });
    expect(await enrol(experienced.id, practical.id)).toMatchObject({ ok: false, reason: "prerequisites-missing" });
    const post = async (fields: Record<string, string>) =>
      unwrap(
        await certificatesAction({
          request: await requestAs(committee.id, "/committee/certificates", formRequestInit(fields)),
          params: {},
          context: ctx,
        }),
      );
    // A reason is required.
    expect((await post({ intent: "exempt", email: experienced.email, kind: "experience", reason: " " })).status).toBe(400);
    const recorded = await post({
      intent: "exempt",
      email: experienced.email,
      kind: "experience",
      reason: "相談支援専門員として5年の実務経験",
    });
    expect(recorded.body).toMatchObject({ ok: true, intent: "exempt" });
    const x = await prisma.prerequisiteExemption.findFirstOrThrow({ where: { userId: experienced.id } });
    expect(
      await prisma.auditLog.count({ where: { action: "scheduling.exemption.record", entityId: String(x.id), actorId: committee.id } }),
    ).toBe(1);
    expect(await enrol(experienced.id, practical.id)).toMatchObject({ ok: true, status: "enrolled" });

    const page = await certificatesLoader({ request: await requestAs(committee.id, "/committee/certificates"), params: {}, context: ctx });
    expect(page.exemptions.map((e) => e.reason)).toContain("相談支援専門員として5年の実務経験");

    // Revoked, it no longer counts.
    await post({ intent: "revoke-exemption", exemptionId: String(x.id) });
    const later = await sessionIn(25, { track: "practical", prerequisite: "default" });
    expect(await enrol(experienced.id, later.id)).toMatchObject({ ok: false, reason: "prerequisites-missing" });
  });
});

describe("lowering the capacity below the number enrolled", () => {
  it("is refused until confirmed; then everyone keeps their seat and the waitlist waits", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const s = await sessionIn(10, { capacity: 4 });
    const people = [];
    for (let i = 0; i < 5; i++) people.push((await enrolledIn(s.id)).trainee);
    const fields = (capacity: string, extra: Record<string, string> = {}) => {
      const d = new Date(Date.now() + 10 * DAY + 9 * 3600_000).toISOString().slice(0, 10);
      return {
        intent: "save",
        track: "basic-group",
        titleJa: "信頼のテスト",
        capacity,
        opensAt: new Date(Date.now() - 10 * DAY + 9 * 3600_000).toISOString().slice(0, 16),
        closesAt: new Date(Date.now() + 1 * DAY + 9 * 3600_000).toISOString().slice(0, 16),
        venue: "青葉区",
        prerequisite: "none",
        day1Date: d,
        day1Start: "10:00",
        day1End: "16:00",
        ...extra,
      };
    };
    const save = async (f: Record<string, string>) =>
      unwrap(
        await editAction({
          request: await requestAs(committee.id, `/committee/sessions/${s.id}/edit`, formRequestInit(f)),
          params: { id: String(s.id) },
          context: ctx,
        }),
      );
    const refused = await save(fields("2"));
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("trust.capacity.beyond");
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).capacity).toBe(4);

    const saved = await save(fields("2", { confirmBeyond: "on" }));
    expect(saved.body).toMatchObject({ ok: true, beyond: 2 });
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).capacity).toBe(2);
    expect(await prisma.sessionEnrollment.count({ where: { sessionId: s.id, status: "enrolled" } })).toBe(4);
    // The fifth (waitlisted) stays waitlisted, and a newcomer joins the waitlist.
    expect(await prisma.sessionEnrollment.count({ where: { sessionId: s.id, status: "waitlisted" } })).toBe(1);
    const newcomer = await createUser({ roles: ["TRAINEE"] });
    expect(await enrol(newcomer.id, s.id)).toMatchObject({ ok: true, status: "waitlisted", place: 2 });
  });
});

describe("the issuer and the certificate's dates and hours", () => {
  it("is set by an administrator only (audited), and the PDF names it with the session's days and hours", async () => {
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const form = (name: string, seal?: Uint8Array) => {
      const f = new FormData();
      f.set("nameJa", name);
      f.set("nameEn", "");
      if (seal) f.set("seal", new File([Buffer.from(seal)], "seal.png", { type: "image/png" }));
      return f;
    };
    const save = async (userId: number, body: FormData) =>
      unwrap(
        await issuerAction({
          request: await requestAs(userId, "/admin/certificate-issuer", { method: "POST", body }),
          params: {},
          context: ctx,
        }),
      );
    let thrown: unknown = null;
    await save(committee.id, form("企画委員会")).catch((e) => (thrown = e));
    expect((thrown as Response).status).toBe(403);
    expect((await save(admin.id, form("デモ市長", new TextEncoder().encode("not a png")))).body).toMatchObject({
      ok: false,
      field: "seal",
    });
    const seal = await QRCode.toBuffer("seal", { type: "png", width: 64 });
    expect((await save(admin.id, form("デモ市 健康福祉局 障害福祉部長", seal))).body).toMatchObject({ ok: true });
    expect(await prisma.auditLog.count({ where: { action: "scheduling.issuer.update", actorId: admin.id } })).toBe(1);

    const s = await sessionIn(2, { count: 2 });
    const { trainee, enrolment } = await enrolledIn(s.id);
    const days = await prisma.sessionDay.findMany({ where: { sessionId: s.id }, orderBy: { startsAt: "asc" } });
    setClock(new Date(days[1].endsAt.getTime() + 3600_000));
    for (const d of days) await roster(committee.id, s.id, { intent: "check-in", enrollmentId: String(enrolment.id), dayId: String(d.id) });
    expect((await roster(committee.id, s.id, { intent: "issue", enrollmentId: String(enrolment.id) })).body).toMatchObject({ ok: true });
    const cert = await prisma.certificate.findFirstOrThrow({ where: { userId: trainee.id } });
    const res = (await certificateLoader({
      request: await requestAs(trainee.id, `/certificates/${cert.id}`),
      params: { id: String(cert.id) },
      context: ctx,
    })) as Response;
    const text = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text.replace(/\s+/g, "");
    expect(text).toContain("デモ市健康福祉局障害福祉部長");
    expect(text).not.toContain("企画委員会");
    expect(text).toContain(`研修日：${daysJa(days)}（2日間・計12時間）`.replace(/\s+/g, ""));
  });
});
