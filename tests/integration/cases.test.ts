// Case work on PostgreSQL: every access rule (who reads which case, audited), the guard before
// submitting, due date and late marking, versions, feedback and rubric, retention with a set clock.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/permissions.server";
import {
  addComment,
  caseGoalsReached,
  caseRequirementMet,
  committeeCases,
  confirmFinding,
  groupCases,
  ownCase,
  purgeExpiredCaseTexts,
  rateCase,
  rubricExport,
  saveAssignment,
  saveDraft,
  submitCase,
} from "~/cases/cases.server";
import { warmTokenizer } from "~/cases/tokenizer.server";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { setClock } from "~/lib/clock";
import { completeAndIssue, setAttendance } from "~/scheduling/scheduling.server";
import { traineePanel } from "~/training/training.server";
import { loader as groupLoader } from "~/routes/sessions.$id_.cases";
import { loader as ownLoader } from "~/routes/sessions.$id_.case";
import { loader as committeeLoader } from "~/routes/committee.sessions.$id_.cases";
import { loader as csvLoader } from "~/routes/committee.sessions.$id_.rubric[.csv]";
import { createOffice, createUser, requestAs } from "./factories";
import { routeStatus } from "./call-route";

// The current fiscal year, so the test means the same thing in any year.
const FY = currentFiscalYear();

const context = { clientIp: "" };
const DAY = 24 * 60 * 60 * 1000;

async function status(p: Promise<unknown>): Promise<number> {
  return routeStatus(p);
}

function asUser(u: { id: number; email: string; displayName: string; roles: string[]; officeId: number | null }): SessionUser {
  return { id: u.id, email: u.email, displayName: u.displayName, locale: "ja", roles: u.roles, officeId: u.officeId, office: null };
}

const jstDate = (d: Date) => {
  const j = new Date(d.getTime() + 9 * 3600_000);
  return j.toISOString().slice(0, 10);
};

const GOOD: Record<string, string> = {
  ageBand: "40代",
  disability: "知的障害",
  living: "〇〇区内のグループホームで暮らしている。",
  assessment: "Aさんは自分でお金を管理したいと話す。",
  planGoals: "小遣いを自分で管理できる。",
  planServices: "共同生活援助、就労継続支援B型（週5日）。",
  question: "本人の挑戦をどう支えるか。",
};

/** A practical session starting in 30 days (ending in 31), with enrolled trainees and a facilitator. */
async function scenario() {
  const start = new Date(Date.now() + 30 * DAY);
  const session = await prisma.trainingSession.create({
    data: {
      track: "practical",
      fiscalYear: FY,
      titleJa: "実践研修（テスト）",
      capacity: 10,
      opensAt: new Date(Date.now() - 10 * DAY),
      closesAt: new Date(Date.now() + 20 * DAY),
      days: {
        create: [
          { startsAt: start, endsAt: new Date(start.getTime() + 8 * 3600_000) },
          { startsAt: new Date(start.getTime() + DAY), endsAt: new Date(start.getTime() + DAY + 8 * 3600_000) },
        ],
      },
    },
    include: { days: true },
  });
  const other = await prisma.trainingSession.create({
    data: {
      track: "practical",
      fiscalYear: FY,
      titleJa: "別の研修",
      capacity: 10,
      opensAt: new Date(),
      closesAt: new Date(Date.now() + DAY),
    },
  });
  const [a, b, c, outsider, facilitatorRow, committeeRow, subRow, adminRow] = await Promise.all([
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["PLANNING_COMMITTEE"] }),
    createUser({ roles: ["PLANNING_COMMITTEE"] }),
    createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] }),
    createUser({ roles: ["ADMINISTRATOR"] }),
  ]);
  const office = await createOffice();
  const managerRow = await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.id });
  for (const t of [a, b, c])
    await prisma.sessionEnrollment.create({ data: { sessionId: session.id, userId: t.id, status: "enrolled", enrolledAt: new Date() } });
  await prisma.sessionEnrollment.create({ data: { sessionId: other.id, userId: outsider.id, status: "enrolled", enrolledAt: new Date() } });
  const due = new Date(start.getTime() - 7 * DAY);
  const facilitator = asUser(facilitatorRow);
  const saved = await saveAssignment(facilitator, session.id, {
    instructionsJa: "事例をまとめてください。",
    dueDate: jstDate(due),
    dueTime: "17:00",
    goalCodes: ["IND-1-1", "IND-1-2"],
    retentionDays: "90",
    facilitatorIds: [String(facilitatorRow.id)],
  });
  expect(saved.ok).toBe(true);
  const assignment = await prisma.caseAssignment.findUniqueOrThrow({ where: { sessionId: session.id } });
  return {
    session,
    assignment,
    lastDay: session.days[1].endsAt,
    a: asUser(a),
    b: asUser(b),
    c: asUser(c),
    outsider: asUser(outsider),
    facilitator,
    committee: asUser(committeeRow),
    subcommittee: asUser(subRow),
    admin: asUser(adminRow),
    manager: asUser(managerRow),
  };
}

async function submitGood(user: SessionUser, sessionId: number, fields = GOOD) {
  const r = await submitCase(user, sessionId, { fields, revision: 0 });
  if (!r.ok && r.reason === "invalid") {
    // A draft exists already: take its revision.
    const own = await ownCase(user, sessionId, "ja");
    if (!own.ok) throw new Error("no case");
    return submitCase(user, sessionId, { fields, revision: own.revision });
  }
  return r;
}

beforeAll(async () => {
  await warmTokenizer();
}, 30_000);
afterEach(() => setClock(null));

describe("case assignment", () => {
  it("is set by the committee only, due before the first day, with goals from the catalogue and committee facilitators", async () => {
    const s = await scenario();
    const base = { instructionsJa: "x", dueTime: "17:00", goalCodes: ["IND-1-1"], retentionDays: "90", facilitatorIds: [] as string[] };
    const afterStart = await saveAssignment(s.facilitator, s.session.id, {
      ...base,
      dueDate: jstDate(new Date(s.session.days[0].startsAt.getTime() + DAY)),
    });
    expect(afterStart).toMatchObject({ ok: false, errors: { dueDate: "cases.error.dueAfterStart" } });
    const badGoal = await saveAssignment(s.facilitator, s.session.id, { ...base, dueDate: "2000-01-01", goalCodes: ["NOPE-1"] });
    expect(badGoal).toMatchObject({ ok: false, errors: { goalCodes: "cases.error.goals" } });
    const badFacilitator = await saveAssignment(s.facilitator, s.session.id, {
      ...base,
      dueDate: "2000-01-01",
      facilitatorIds: [String(s.a.id)],
    });
    expect(badFacilitator).toMatchObject({ ok: false, errors: { facilitatorIds: "cases.error.facilitators" } });
    expect(await saveAssignment(s.a, s.session.id, { ...base, dueDate: "2000-01-01" })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await saveAssignment(s.subcommittee, s.session.id, { ...base, dueDate: "2000-01-01" })).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
    // Nothing saved by the refused attempts.
    const a = await prisma.caseAssignment.findUniqueOrThrow({ where: { sessionId: s.session.id } });
    expect(a.goalCodes).toEqual(["IND-1-1", "IND-1-2"]);
  });
});

describe("submission behind the guard", () => {
  it("refuses to submit while a name or phone number is unresolved; a confirmed finding is recorded", async () => {
    const s = await scenario();
    const fields = { ...GOOD, assessment: "山田さんは連絡先090-1234-5678を持つ。" };
    const draft = await saveDraft(s.a, s.session.id, { fields, revision: 0 });
    expect(draft.ok && draft.findings.map((f) => [f.field, f.kind, f.text])).toEqual([
      ["assessment", "name", "山田さん"],
      ["assessment", "phone", "090-1234-5678"],
    ]);
    const refused = await submitCase(s.a, s.session.id, { fields, revision: draft.ok ? draft.revision : 0 });
    expect(refused).toMatchObject({ ok: false, reason: "unresolved" });
    expect(await prisma.caseVersion.count()).toBe(0);

    // Replace the phone number, confirm the name (say it is a pseudonym the council allows).
    expect((await confirmFinding(s.a, s.session.id, { field: "assessment", kind: "name", text: "山田さん" })).ok).toBe(true);
    const own = await ownCase(s.a, s.session.id, "ja");
    const ok = await submitCase(s.a, s.session.id, {
      fields: { ...fields, assessment: "山田さんは連絡先（電話番号削除）を持つ。" },
      revision: own.ok ? own.revision : 0,
    });
    expect(ok).toMatchObject({ ok: true, version: 1, late: false });
    const sub = await prisma.caseSubmission.findFirstOrThrow({ where: { userId: s.a.id }, include: { versions: true } });
    expect(sub.versions[0].confirmedCount).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "case.finding.confirm", actorId: s.a.id } })).toBe(1);
  });

  it("needs every field, marks a submission after the due date late, and keeps revisions as versions with a diff", async () => {
    const s = await scenario();
    expect(await submitCase(s.a, s.session.id, { fields: { ...GOOD, question: "" }, revision: 0 })).toMatchObject({
      ok: false,
      reason: "incomplete",
      missing: ["question"],
    });
    setClock(new Date(s.assignment.dueAt.getTime() + 3600_000));
    const late = await submitGood(s.a, s.session.id);
    expect(late).toMatchObject({ ok: true, late: true });
    const own = await ownCase(s.a, s.session.id, "ja");
    if (!own.ok) throw new Error("refused");
    const second = await submitCase(s.a, s.session.id, {
      fields: { ...GOOD, planGoals: "小遣いを自分で管理できる。\n買い物を一人でできる。" },
      revision: own.revision,
    });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const after = await ownCase(s.a, s.session.id, "ja");
    if (!after.ok) throw new Error("refused");
    expect(after.versions.map((v) => v.number)).toEqual([1, 2]);
    const changed = after.diffs[0].diff.filter((d) => d.changed);
    expect(changed.map((d) => d.key)).toEqual(["planGoals"]);
    expect(changed[0].lines).toContainEqual({ kind: "added", text: "買い物を一人でできる。" });
    expect(after.late).toBe(true);
  });

  it("is open only to trainees enrolled in the session", async () => {
    const s = await scenario();
    const get = async (userId: number | null) =>
      ownLoader({ request: await requestAs(userId, `/sessions/${s.session.id}/case`), params: { id: String(s.session.id) }, context });
    expect(await status(get(s.a.id))).toBe(200);
    expect(await status(get(s.outsider.id))).toBe(403);
    expect(await status(get(s.facilitator.id))).toBe(403);
    expect(await status(get(s.manager.id))).toBe(403);
    expect(await status(get(null))).toBe(302);
    expect((await saveDraft(s.outsider, s.session.id, { fields: GOOD, revision: 0 })).ok).toBe(false);
  });
});

describe("reading the group's cases", () => {
  it("from the due date, only the session's trainees and facilitators read; every read is audited", async () => {
    const s = await scenario();
    for (const t of [s.a, s.b, s.c]) expect((await submitGood(t, s.session.id)).ok).toBe(true);
    const get = async (userId: number | null) =>
      groupLoader({ request: await requestAs(userId, `/sessions/${s.session.id}/cases`), params: { id: String(s.session.id) }, context });

    // Before the due date: trainees are told when; the facilitator reads already.
    const early = (await get(s.b.id)) as { ok: boolean };
    expect(early.ok).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: s.b.id } })).toBe(0);

    setClock(new Date(s.assignment.dueAt.getTime() + 60_000));
    const read = (await get(s.b.id)) as { ok: true; cases: { fields: Record<string, string> }[] };
    expect(read.ok).toBe(true);
    expect(read.cases).toHaveLength(3);
    expect(read.cases[0].fields.assessment).toBe(GOOD.assessment);
    // Three cases shown; b's own is not a read of someone else's data (issue 19's access log), so two entries.
    expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: s.b.id } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: s.b.id, subjectUserId: s.b.id } })).toBe(0);

    expect(await status(get(s.facilitator.id))).toBe(200);
    expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: s.facilitator.id } })).toBe(3);

    // Refused: a trainee of another session, a committee member who is not a facilitator, an office
    // manager, the subcommittee, an administrator, and anonymous visitors — and nothing is audited for them.
    expect(await status(get(s.outsider.id))).toBe(403);
    expect(await status(get(s.committee.id))).toBe(403);
    expect(await status(get(s.manager.id))).toBe(403);
    expect(await status(get(s.subcommittee.id))).toBe(403);
    expect(await status(get(s.admin.id))).toBe(403);
    expect(await status(get(null))).toBe(302);
    for (const u of [s.outsider, s.committee, s.manager, s.subcommittee, s.admin]) {
      expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: u.id } })).toBe(0);
    }
    expect((await groupCases(s.outsider, s.session.id, "ja")).ok).toBe(false);
  });

  it("the committee page shows texts to the session's facilitators only (audited), status to other committee members", async () => {
    const s = await scenario();
    expect((await submitGood(s.a, s.session.id)).ok).toBe(true);
    const asFacilitator = await committeeCases(s.facilitator, s.session.id, "ja");
    expect(asFacilitator.ok && asFacilitator.submissions[0].fields?.assessment).toBe(GOOD.assessment);
    expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: s.facilitator.id } })).toBe(1);
    const asCommittee = await committeeCases(s.committee, s.session.id, "ja");
    expect(asCommittee.ok && asCommittee.submissions[0].fields).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "case.read", actorId: s.committee.id } })).toBe(0);
    const get = async (userId: number | null) =>
      committeeLoader({
        request: await requestAs(userId, `/committee/sessions/${s.session.id}/cases`),
        params: { id: String(s.session.id) },
        context,
      });
    expect(await status(get(s.subcommittee.id))).toBe(403);
    expect(await status(get(s.manager.id))).toBe(403);
    expect(await status(get(s.a.id))).toBe(403);
    expect(await status(get(null))).toBe(302);
  });
});

describe("feedback, rubric and completion", () => {
  it("anchors comments to a passage, rates the rubric, and an accepted submission completes the case work", async () => {
    const s = await scenario();
    expect(await caseRequirementMet(s.a.id, s.session.id)).toBe(false);
    expect((await submitGood(s.a, s.session.id)).ok).toBe(true);
    const sub = await prisma.caseSubmission.findFirstOrThrow({ where: { userId: s.a.id } });

    // Completion waits for the case: every day attended, yet the certificate is refused while the case is not accepted.
    const enrolment = await prisma.sessionEnrollment.findFirstOrThrow({ where: { sessionId: s.session.id, userId: s.a.id } });
    setClock(new Date(s.lastDay.getTime() + DAY));
    for (const d of s.session.days) expect((await setAttendance(enrolment.id, d.id, true, s.facilitator.id)).ok).toBe(true);
    expect(await completeAndIssue(enrolment.id, s.facilitator.id)).toEqual({ ok: false, reason: "case-not-accepted" });
    setClock(null);

    expect(
      await addComment(s.facilitator, s.session.id, { submissionId: sub.id, field: "assessment", quote: "書いていない言葉", body: "x" }),
    ).toMatchObject({
      ok: false,
      errors: { quote: "cases.error.quoteNotFound" },
    });
    expect(
      (await addComment(s.committee, s.session.id, { submissionId: sub.id, field: "assessment", quote: "お金を管理", body: "x" })).ok,
    ).toBe(false);
    const c = await addComment(s.facilitator, s.session.id, {
      submissionId: sub.id,
      field: "assessment",
      quote: "お金を管理",
      body: "できている場面も書きましょう。",
    });
    expect(c.ok).toBe(true);
    const row = await prisma.caseComment.findFirstOrThrow({ where: { submissionId: sub.id } });
    expect(GOOD.assessment.slice(row.start, row.end)).toBe("お金を管理");

    expect(
      await rateCase(s.facilitator, s.session.id, { submissionId: sub.id, ratings: { "IND-1-1": "3" }, review: "accepted" }),
    ).toMatchObject({
      ok: false,
      errors: { review: "cases.error.acceptIncomplete" },
    });
    expect(
      await rateCase(s.facilitator, s.session.id, { submissionId: sub.id, ratings: { "IND-1-1": "9" }, review: "none" }),
    ).toMatchObject({ ok: false });
    expect((await rateCase(s.committee, s.session.id, { submissionId: sub.id, ratings: { "IND-1-1": "3" }, review: "none" })).ok).toBe(
      false,
    );
    const rated = await rateCase(s.facilitator, s.session.id, {
      submissionId: sub.id,
      ratings: { "IND-1-1": "4", "IND-1-2": "2" },
      review: "accepted",
    });
    expect(rated).toMatchObject({ ok: true, result: { complete: true, reached: ["IND-1-1"] } });
    expect(await caseRequirementMet(s.a.id, s.session.id)).toBe(true);
    expect(await caseGoalsReached(s.a.id)).toEqual(["IND-1-1"]);
    // Shown where goals are shown: the trainee's progress panel on the home page.
    const panel = await traineePanel(s.a.id, FY, "ja");
    expect(panel.caseGoals.map((g) => g.code)).toEqual(["IND-1-1"]);
    expect(panel.caseGoals[0].text).not.toBe("");
    setClock(new Date(s.lastDay.getTime() + DAY));
    expect(await completeAndIssue(enrolment.id, s.facilitator.id)).toMatchObject({ ok: true });
    setClock(null);

    // The trainee sees the feedback.
    const own = await ownCase(s.a, s.session.id, "ja");
    expect(own.ok && own.comments.map((x) => x.quote)).toEqual(["お金を管理"]);
    expect(own.ok && own.ratings).toEqual({ "IND-1-1": 4, "IND-1-2": 2 });
    expect(own.ok && own.review).toBe("accepted");
  });

  it("exports rubric results, never the case texts, to the committee only", async () => {
    const s = await scenario();
    expect((await submitGood(s.a, s.session.id)).ok).toBe(true);
    const csv = await rubricExport(s.committee, s.session.id, "csv");
    expect(csv.ok).toBe(true);
    const body = csv.ok ? String(csv.body) : "";
    expect(body).toContain("IND-1-1");
    for (const text of Object.values(GOOD)) expect(body).not.toContain(text);
    const get = async (userId: number) =>
      csvLoader({
        request: await requestAs(userId, `/committee/sessions/${s.session.id}/rubric.csv`),
        params: { id: String(s.session.id) },
        context,
      });
    expect(await status(get(s.a.id))).toBe(403);
    expect(await status(get(s.subcommittee.id))).toBe(403);
    expect(await status(get(s.facilitator.id))).toBe(200);
  });
});

describe("retention", () => {
  it("deletes case texts the set number of days after the last day, keeping ratings, dates and the audit trail", async () => {
    const s = await scenario();
    expect((await submitGood(s.a, s.session.id)).ok).toBe(true);
    const sub = await prisma.caseSubmission.findFirstOrThrow({ where: { userId: s.a.id } });
    await addComment(s.facilitator, s.session.id, { submissionId: sub.id, field: "assessment", quote: "お金を管理", body: "コメント" });
    await rateCase(s.facilitator, s.session.id, { submissionId: sub.id, ratings: { "IND-1-1": "3", "IND-1-2": "3" }, review: "accepted" });

    setClock(new Date(s.lastDay.getTime() + 89 * DAY));
    expect(await purgeExpiredCaseTexts()).toBe(0);
    expect((await prisma.caseVersion.findFirstOrThrow({ where: { submissionId: sub.id } })).fields).toEqual(GOOD);

    setClock(new Date(s.lastDay.getTime() + 90 * DAY + 60_000));
    // (Other tests' sessions in this database end at about the same time, so they may be purged too.)
    expect(await purgeExpiredCaseTexts()).toBeGreaterThanOrEqual(1);
    const after = await prisma.caseSubmission.findUniqueOrThrow({
      where: { id: sub.id },
      include: { versions: true, comments: true, ratings: true },
    });
    expect(after.draft).toEqual({});
    expect(after.versions[0].fields).toEqual({});
    expect(after.comments[0].quote).toBe("");
    expect(after.comments[0].body).toBe("");
    expect(after.ratings).toHaveLength(2);
    expect(after.firstSubmittedAt).not.toBeNull();
    expect(after.textsDeletedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "case.texts.delete", entityId: String(sub.id) } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "case.submit", entityId: String(sub.id) } })).toBe(1);
    expect(await caseRequirementMet(s.a.id, s.session.id)).toBe(true);
    // A second run deletes nothing more; the trainee can no longer write.
    expect(await purgeExpiredCaseTexts()).toBe(0);
    expect(await saveDraft(s.a, s.session.id, { fields: GOOD, revision: after.revision })).toMatchObject({ ok: false, reason: "deleted" });
  });

  it("honours a retention period set on the assignment", async () => {
    const s = await scenario();
    await prisma.caseAssignment.update({ where: { id: s.assignment.id }, data: { retentionDays: 30 } });
    expect((await submitGood(s.a, s.session.id)).ok).toBe(true);
    setClock(new Date(s.lastDay.getTime() + 31 * DAY));
    expect(await purgeExpiredCaseTexts()).toBe(1);
  });
});
