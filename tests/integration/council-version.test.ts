// The council's version (decision 067): one stamp, moved once by every committed transaction that changed what the
// council's views count, seen by a reader only with the data; the dashboard's cached counts follow it.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { dashboard } from "~/cycle/dashboard.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { ensureEvaluation, submissionsFor } from "~/evaluation/evaluation.server";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { councilStamps, councilVersion } from "~/lib/council-version.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { createOffice, createUser, createWard } from "./factories";

const FY = currentFiscalYear();
beforeAll(async () => {
  // A published checklist for the year, so an office's sheet can be opened.
  const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
  if (!parsed.ok) throw new Error("v1.csv invalid");
  await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
});
const count = async () => Number((await councilVersion()).split(":")[0]);

describe("the council's version", () => {
  it("moves with a write to each table the council's views count", async () => {
    const steps: [string, () => Promise<unknown>][] = [];
    const ward = await createWard();
    const office = await createOffice({ wardId: ward.id });
    let planId = 0;
    let groupId = 0;
    steps.push(
      ["Ward", () => prisma.ward.update({ where: { id: ward.id }, data: { nameEn: `${ward.nameEn} (renamed)` } })],
      ["Office", () => prisma.office.update({ where: { id: office.id }, data: { active: false } })],
      ["Evaluation", () => ensureEvaluation(office.id, FY)],
      ["ActionPlan", async () => (planId = (await prisma.actionPlan.create({ data: { officeId: office.id, fiscalYear: FY } })).id)],
      ["ActionPlanItem", () => prisma.actionPlanItem.create({ data: { planId, issue: "課題", goal: "目標", actions: "取組" } })],
      ["PeerGroup", async () => (groupId = (await prisma.peerGroup.create({ data: { wardId: ward.id, name: "グループ" } })).id)],
      [
        "PeerActivity",
        () =>
          prisma.peerActivity.create({
            data: { groupId, fiscalYear: FY, date: new Date(), kind: "VISIT", learned: "学んだこと", loggedById: office.id },
          }),
      ],
      ["ActionPlan (deleted, with its items)", () => prisma.actionPlan.delete({ where: { id: planId } })],
    );
    for (const [table, write] of steps) {
      const before = await councilVersion();
      await write();
      expect(await councilVersion(), table).not.toBe(before);
    }
  });

  it("moves once per transaction, however many rows it changed, and not for other tables", async () => {
    const ward = await createWard();
    const before = await count();
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 3; i++)
        await tx.office.create({ data: { name: `事業所 ${i}`, kind: "SPECIFIED_CONSULTATION", wardId: ward.id } });
      await tx.ward.update({ where: { id: ward.id }, data: { sortOrder: 8 } });
    });
    expect(await count()).toBe(before + 1);
    const stamp = await councilVersion();
    await createUser();
    expect(await councilVersion()).toBe(stamp);
  });

  it("is not seen before the transaction commits, and is seen with its data", async () => {
    const ward = await createWard();
    const before = await councilVersion();
    let inside = "";
    await prisma.$transaction(async (tx) => {
      await tx.office.create({ data: { name: "事業所 未確定", kind: "SPECIFIED_CONSULTATION", wardId: ward.id } });
      // Another connection, while the write is not committed: the old stamp, and the old data.
      inside = await councilVersion();
      expect(await prisma.office.count({ where: { wardId: ward.id } })).toBe(0);
    });
    expect(inside).toBe(before);
    expect(await councilVersion()).not.toBe(before);
    expect(await prisma.office.count({ where: { wardId: ward.id } })).toBe(1);
  });

  it("lets transactions that change the same tables commit at once, each moving it", async () => {
    const ward = await createWard();
    const offices = [await createOffice({ wardId: ward.id }), await createOffice({ wardId: ward.id })];
    const before = await count();
    let arrived = 0;
    let release: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (release = resolve));
    // Each writes, then waits until the other has written too, so both commit while the other holds its row locks.
    await Promise.all(
      offices.map((office, i) =>
        prisma.$transaction(async (tx) => {
          await tx.office.update({ where: { id: office.id }, data: { name: `事業所 同時 ${i}` } });
          await tx.actionPlan.create({ data: { officeId: office.id, fiscalYear: FY } });
          if (++arrived === 1) await barrier;
          else release();
        }),
      ),
    ).catch((error) => {
      release();
      throw error;
    });
    expect(await count()).toBe(before + 2);
  });
});

describe("the training version", () => {
  const training = async () => (await councilStamps()).training;

  it("moves with a write to each table the training figures and the training effect count", async () => {
    const office = await createOffice();
    const person = await createUser({ roles: ["TRAINEE"], officeId: office.id });
    const other = await createOffice();
    const ids: Record<string, number> = {};
    const steps: [string, () => Promise<unknown>][] = [
      ["TrainingEnrollment", () => prisma.trainingEnrollment.create({ data: { userId: person.id, fiscalYear: FY } })],
      ["CurriculumModule", () => prisma.curriculumModule.create({ data: { fiscalYear: FY + 50, slug: "module-x" } })],
      [
        "ModuleProgress (completed)",
        async () =>
          (ids.progress = (
            await prisma.moduleProgress.create({
              data: { userId: person.id, slug: "module-x", sectionsReached: [], completedAt: new Date() },
            })
          ).id),
      ],
      [
        "TrainingSession",
        async () =>
          (ids.session = (
            await prisma.trainingSession.create({
              data: { track: "basic-group", fiscalYear: FY, titleJa: "研修", capacity: 5, opensAt: new Date(), closesAt: new Date() },
            })
          ).id),
      ],
      [
        "SessionDay",
        async () =>
          (ids.day = (await prisma.sessionDay.create({ data: { sessionId: ids.session, startsAt: new Date(), endsAt: new Date() } })).id),
      ],
      [
        "SessionEnrollment",
        async () =>
          (ids.seat = (
            await prisma.sessionEnrollment.create({ data: { sessionId: ids.session, userId: person.id, status: "enrolled" } })
          ).id),
      ],
      ["SessionAttendance", () => prisma.sessionAttendance.create({ data: { enrollmentId: ids.seat, dayId: ids.day } })],
      [
        "Certificate",
        () =>
          prisma.certificate.create({
            data: {
              userId: person.id,
              track: "basic-group",
              fiscalYear: FY,
              serial: `V-${person.id}`,
              verificationCode: `VERSION${person.id}`,
            },
          }),
      ],
      [
        "SharingMeeting",
        async () =>
          (ids.meeting = (await prisma.sharingMeeting.create({ data: { fiscalYear: FY, title: "会", startsAt: new Date() } })).id),
      ],
      [
        "MeetingRegistration",
        () =>
          prisma.meetingRegistration.create({
            data: { meetingId: ids.meeting, officeId: office.id, attendeeNames: "甲", attendeeCount: 1 },
          }),
      ],
      ["User (moved to another office)", () => prisma.user.update({ where: { id: person.id }, data: { officeId: other.id } })],
      ["TrainingSession (deleted, with its days and seats)", () => prisma.trainingSession.delete({ where: { id: ids.session } })],
    ];
    for (const [table, write] of steps) {
      const before = await training();
      await write();
      expect(await training(), table).not.toBe(before);
    }
    // What changes no figure leaves it: a section read, a person's name or sign-in, a sheet (the council's version).
    const stamp = await training();
    await prisma.moduleProgress.update({ where: { id: ids.progress }, data: { sectionsReached: ["intro"], currentSection: "intro" } });
    await prisma.user.update({ where: { id: person.id }, data: { displayName: "名前 変更" } });
    await ensureEvaluation(office.id, FY);
    expect(await training()).toBe(stamp);
  });

  it("the checklist's versions move the council's version", async () => {
    const before = await councilVersion();
    const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
    if (!parsed.ok) throw new Error("v1.csv invalid");
    await insertTemplateVersion(prisma, parsed.template, {});
    expect(await councilVersion()).not.toBe(before);
  });
});

describe("the council's cached views", () => {
  it("follow a write made after they were cached", async () => {
    const ward = await createWard();
    const office = await createOffice({ wardId: ward.id });
    const first = await dashboard(FY, ward.id);
    const again = await dashboard(FY, ward.id);
    expect(again.plans).toEqual(first.plans);
    const plan = await prisma.actionPlan.create({ data: { officeId: office.id, fiscalYear: FY, status: "SUBMITTED" } });
    await prisma.actionPlanItem.create({ data: { planId: plan.id, issue: "課題", goal: "目標", actions: "取組", status: "DONE" } });
    const after = await dashboard(FY, ward.id);
    expect(after.plans.SUBMITTED ?? 0).toBe((first.plans.SUBMITTED ?? 0) + 1);
    expect(after.planItems.DONE ?? 0).toBe((first.planItems.DONE ?? 0) + 1);
    expect(after.statusCounts.NONE).toBe(first.statusCounts.NONE);
    await ensureEvaluation(office.id, FY);
    const withSheet = await dashboard(FY, ward.id);
    expect(withSheet.statusCounts.DRAFT).toBe(first.statusCounts.DRAFT + 1);
    expect(withSheet.statusCounts.NONE).toBe(first.statusCounts.NONE - 1);
    // The ward list is cached under the same version: a renamed ward shows its new name at once.
    expect(withSheet.statusByWard.map((w) => w.nameJa)).toEqual([ward.nameJa]);
    await prisma.ward.update({ where: { id: ward.id }, data: { nameJa: `${ward.nameJa}（新）` } });
    const renamed = await dashboard(FY, ward.id);
    expect(renamed.statusByWard.map((w) => w.nameJa)).toEqual([`${ward.nameJa}（新）`]);
  });

  it("the submission list follows an office added and a sheet opened after it was cached", async () => {
    const ward = await createWard();
    await createOffice({ wardId: ward.id, name: "事業所 一覧 A" });
    const first = await submissionsFor(FY, { wardId: ward.id });
    expect(await submissionsFor(FY, { wardId: ward.id })).toEqual(first);
    const office = await createOffice({ wardId: ward.id, name: "事業所 一覧 B" });
    const after = await submissionsFor(FY, { wardId: ward.id });
    expect(after.matching).toBe(first.matching + 1);
    expect(after.offices.map((o) => o.name)).toContain("事業所 一覧 B");
    await ensureEvaluation(office.id, FY);
    const opened = await submissionsFor(FY, { wardId: ward.id, status: "DRAFT" });
    expect(opened.offices.map((o) => o.officeId)).toEqual([office.id]);
  });
});
