// The office's training (issue 17) on PostgreSQL: a manager reads only their own office's staff; the
// recommendations follow the office's weak categories and reach the staff member (notice, home); the effect figures
// of a constructed data set are exactly the expected numbers, and withheld for groups under 3 offices.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { currentFiscalYear, fiscalYearRange } from "~/lib/fiscal-year";
import ExcelJS from "exceljs";
import { reportCsv, reportWorkbook } from "~/cycle/report.server";
import { officeEffect, recommendedToMe, trainingEffectFor } from "~/office-training/office-training.server";
import { personalData } from "~/privacy/person.server";
import { action, loader } from "~/routes/office.training";
import { loader as csvLoader } from "~/routes/office.training[.csv]";
import { action as planAction } from "~/routes/action-plan/route";
import { callRoute } from "./call-route";
import { createOffice, createUser, createWard, formRequestInit, requestAs, sessionUser } from "./factories";

const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;
const FY = currentFiscalYear();
const ctx = { params: {}, context: { clientIp: "" } };
const DAY = 86400_000;

let templateId: number;
let officeA: number;
let officeB: number;
let managerA: number;
let managerB: number;
let staffA: number;
let staffA2: number;
let staffB: number;
let sub: number;
let sessionId: number;

type Page = Extract<Awaited<ReturnType<typeof loader>>, { choose: false }>["page"];

/** A submitted sheet: each category's items rated as given (other categories unanswered). */
async function sheet(officeId: number, fiscalYear: number, ratings: Record<string, number>, submittedAt: Date) {
  const e = await prisma.evaluation.create({
    data: { officeId, fiscalYear, templateId, status: "SUBMITTED", submissionCount: 1, submittedAt },
  });
  await prisma.evaluationAnswer.createMany({
    data: items
      .filter((i) => ratings[i.categoryCode] !== undefined)
      .map((i) => ({ evaluationId: e.id, itemCode: i.code, rating: ratings[i.categoryCode] })),
  });
}

beforeAll(async () => {
  templateId = (await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY - 3, FY - 2, FY - 1, FY] })).id;
  const ward = await createWard();
  officeA = (await createOffice({ wardId: ward.id })).id;
  officeB = (await createOffice({ wardId: ward.id })).id;
  managerA = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA })).id;
  managerB = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB })).id;
  staffA = (await createUser({ roles: ["TRAINEE"], officeId: officeA })).id;
  staffA2 = (await createUser({ roles: ["TRAINEE"], officeId: officeA })).id;
  staffB = (await createUser({ roles: ["TRAINEE"], officeId: officeB })).id;
  sub = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  await prisma.trainingEnrollment.create({ data: { userId: staffA, fiscalYear: FY } });
  // staffA completed the foundations module of the hr pillar this year.
  await prisma.moduleProgress.create({
    data: { userId: staffA, slug: "case-review-basics", sectionsReached: [], completedAt: new Date() },
  });
  // Office A's sheet of last year: Operations (OPS, hr pillar) weak at 1.0, Assessment (ASM) 3, Collaboration (COL) 2.
  await sheet(officeA, FY - 1, { OPS: 1, ASM: 3, COL: 2 }, new Date(fiscalYearRange(FY - 1).start.getTime() + 200 * DAY));
  const s = await prisma.trainingSession.create({
    data: {
      track: "basic-group",
      fiscalYear: FY,
      titleJa: "人材育成の集合研修",
      titleEn: "HR group session",
      pillars: ["hr"],
      capacity: 20,
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 20 * DAY),
      days: { create: [{ startsAt: new Date(Date.now() + 30 * DAY), endsAt: new Date(Date.now() + 30 * DAY + 6 * 3600_000) }] },
    },
  });
  sessionId = s.id;
});

describe("who reads an office's staff training", () => {
  it("shows a manager their own office's staff only, and refuses another office", async () => {
    const own = await callRoute(async () => loader({ request: await requestAs(managerA, "/office/training"), ...ctx }));
    expect(own.status).toBe(200);
    const page = (own.value as { page: Page }).page;
    expect(page.office.id).toBe(officeA);
    expect(page.records.map((r) => r.id).sort()).toEqual([managerA, staffA, staffA2].sort());
    expect(page.records.map((r) => r.id)).not.toContain(staffB);
    const a = page.records.find((r) => r.id === staffA)!;
    expect(a.enrolled).toBe(true);
    expect(a.completed.map((m) => m.slug)).toEqual(["case-review-basics"]);
    expect(a.goals.find((g) => g.pillar === "hr" && g.level === "new")!.reached).toBeGreaterThan(0);
    expect(page.records.find((r) => r.id === staffA2)!.enrolled).toBe(false);

    const other = await callRoute(async () => loader({ request: await requestAs(managerA, `/office/training?office=${officeB}`), ...ctx }));
    expect(other.status).toBe(403);
    const csv = await callRoute(async () =>
      csvLoader({ request: await requestAs(managerA, `/office/training.csv?office=${officeB}`), ...ctx }),
    );
    expect(csv.status).toBe(403);
    const trainee = await callRoute(async () => loader({ request: await requestAs(staffA, "/office/training"), ...ctx }));
    expect(trainee.status).toBe(403);
  });

  it("lets the subcommittee read any office by ?office=, and logs the read of each person", async () => {
    const r = await callRoute(async () => loader({ request: await requestAs(sub, `/office/training?office=${officeB}`), ...ctx }));
    expect(r.status).toBe(200);
    const page = (r.value as { page: Page }).page;
    expect(page.records.map((x) => x.id).sort()).toEqual([managerB, staffB].sort());
    expect(page.mayRecommend).toBe(false);
    const logged = await prisma.auditLog.count({
      where: { actorId: sub, action: "training.record.read", subjectUserId: staffB, isRead: true },
    });
    expect(logged).toBe(1);
  });
});

describe("recommendations", () => {
  it("follow the weak categories of the latest submitted sheet, with who has done them", async () => {
    const r = await callRoute(async () => loader({ request: await requestAs(managerA, "/office/training"), ...ctx }));
    const page = (r.value as { page: Page }).page;
    expect(page.suggestions.fiscalYear).toBe(FY - 1);
    // OPS (1.0, hr, foundations) and COL (2.0, community, established); ASM at 3 is not weak.
    expect(page.suggestions.categories.map((c) => [c.code, c.score, c.pillar, c.level])).toEqual([
      ["OPS", 1, "hr", "new"],
      ["COL", 2, "community", "established"],
    ]);
    const ops = page.suggestions.categories[0];
    expect(ops.modules.map((m) => m.slug)).toEqual(["case-review-basics"]);
    expect(ops.modules[0].doneBy).toHaveLength(1);
    expect(ops.sessions.map((s) => s.id)).toEqual([sessionId]);
    const col = page.suggestions.categories[1];
    expect(col.modules.every((m) => ["new", "established"].includes(m.level))).toBe(true);
    expect(col.sessions).toEqual([]);
  });

  it("a manager recommends a module to their staff: recorded once, audited, noticed, shown on the trainee's home", async () => {
    const post = (fields: Record<string, string>, as = managerA) =>
      callRoute(async () => action({ request: await requestAs(as, "/office/training", formRequestInit(fields)), ...ctx }));
    const ok = await post({ userId: String(staffA2), target: "module:case-review-basics", categoryCode: "OPS" });
    expect(ok.status).toBe(200);
    expect(ok.value).toEqual({ ok: true, duplicate: false });
    const again = await post({ userId: String(staffA2), target: "module:case-review-basics", categoryCode: "OPS" });
    expect(again.value).toEqual({ ok: true, duplicate: true });
    expect(await prisma.trainingRecommendation.count({ where: { userId: staffA2 } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { actorId: managerA, action: "training.recommend" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: staffA2, kind: "officeTraining.notify.recommended" } })).toBe(1);
    const home = await recommendedToMe(staffA2, "en");
    expect(home).toHaveLength(1);
    expect(home[0]).toMatchObject({ kind: "module", link: "/training/modules/case-review-basics", done: false });

    // Refused, nothing recorded: another office's staff, an unknown module, a session that is not upcoming, a trainee.
    expect((await post({ userId: String(staffB), target: "module:case-review-basics" })).status).toBe(400);
    expect((await post({ userId: String(staffA), target: "module:no-such-module" })).status).toBe(400);
    expect((await post({ userId: String(staffA), target: "session:999999" })).status).toBe(400);
    expect((await post({ userId: String(staffA), target: "drop table" })).status).toBe(400);
    expect((await post({ userId: String(staffA), target: `session:${sessionId}` })).status).toBe(200);
    expect((await post({ userId: String(staffA2), target: "module:case-review-basics" }, staffA)).status).toBe(403);
    expect(await prisma.trainingRecommendation.count()).toBe(2);

    // Both sides are in the people's own data exports: received by the staff member, made by the manager.
    const received = await personalData(await sessionUser(staffA2), staffA2);
    expect(received.person.training.recommendationsReceived).toEqual([
      expect.objectContaining({ kind: "module", module: "case-review-basics", category: "OPS", recommendedBy: expect.any(String) }),
    ]);
    const made = await personalData(await sessionUser(managerA), managerA);
    expect(made.person.training.recommendationsMade.map((r) => [r.module ?? r.session, r.to !== null])).toEqual([
      ["case-review-basics", true],
      ["人材育成の集合研修", true],
    ]);
  });
});

describe("an action-plan item names the training it relies on", () => {
  it("stores a module, and refuses one that does not exist without saving the item", async () => {
    const post = (training: string) =>
      callRoute(async () =>
        planAction({
          request: await requestAs(
            managerA,
            "/action-plan",
            formRequestInit({
              intent: "addItem",
              itemCodes: [items[0].code],
              issue: "課題",
              goal: "目標",
              actions: "取組",
              owner: "",
              startDate: "",
              dueDate: "",
              training,
            }),
          ),
          ...ctx,
        }),
      );
    expect((await post("module:no-such-module")).status).toBe(400);
    expect(await prisma.actionPlanItem.count()).toBe(0);
    expect((await post("module:case-review-basics")).status).toBe(302);
    const item = await prisma.actionPlanItem.findFirstOrThrow();
    expect([item.trainingModuleSlug, item.trainingSessionId]).toEqual(["case-review-basics", null]);
  });
});

describe("training's effect", () => {
  it("gives the exact figures of a constructed data set, withholding groups under 3 offices", async () => {
    // Five offices rated in FY-3 and FY-2. Three (T1–T3) have staff who completed an hr module between the two
    // sheets; U1's staff completed one before the first sheet (does not count); U2's staff an individual module.
    const ward = await createWard();
    const first = new Date(fiscalYearRange(FY - 3).start.getTime() + 300 * DAY);
    const second = new Date(fiscalYearRange(FY - 2).start.getTime() + 300 * DAY);
    const between = new Date(fiscalYearRange(FY - 2).start.getTime() + 10 * DAY);
    const plan: [string, Record<string, number>, Record<string, number>, { slug: string; at: Date } | null][] = [
      ["T1", { OPS: 2, ASM: 3 }, { OPS: 3, ASM: 3 }, { slug: "case-review-basics", at: between }],
      ["T2", { OPS: 1, ASM: 3 }, { OPS: 3, ASM: 3 }, { slug: "supervision-basics", at: between }],
      ["T3", { OPS: 2, ASM: 3 }, { OPS: 4, ASM: 3 }, { slug: "hr-development-systems", at: second }],
      ["U1", { OPS: 2, ASM: 2 }, { OPS: 2, ASM: 2 }, { slug: "case-review-basics", at: new Date(first.getTime() - DAY) }],
      ["U2", { OPS: 3, ASM: 2 }, { OPS: 2, ASM: 4 }, { slug: "person-centred-assessment", at: between }],
    ];
    // T3 is in a second ward: the city-wide figures count it, the first ward's do not.
    const ward2 = await createWard();
    const officeOf: Record<string, number> = {};
    for (const [name, a, b, training] of plan) {
      const office = await createOffice({ wardId: name === "T3" ? ward2.id : ward.id, name: `効果 ${name}` });
      officeOf[name] = office.id;
      await sheet(office.id, FY - 3, a, first);
      await sheet(office.id, FY - 2, b, second);
      if (training) {
        const u = await createUser({ roles: ["TRAINEE"], officeId: office.id });
        await prisma.moduleProgress.create({ data: { userId: u.id, slug: training.slug, sectionsReached: [], completedAt: training.at } });
      }
    }
    const rows = await trainingEffectFor(FY - 2, "en");
    const ops = rows.find((r) => r.categoryCode === "OPS")!;
    expect(ops).toMatchObject({
      pillar: "hr",
      fromYear: FY - 3,
      toYear: FY - 2,
      trained: { offices: 3, shown: true, meanFrom: 1.67, meanTo: 3.33, meanChange: 1.67 },
      untrained: { offices: 2, shown: false, meanFrom: null, meanTo: null, meanChange: null },
    });
    const asm = rows.find((r) => r.categoryCode === "ASM")!;
    expect(asm).toMatchObject({
      pillar: "individual",
      trained: { offices: 1, shown: false, meanChange: null },
      untrained: { offices: 4, shown: true, meanFrom: 2.75, meanTo: 2.75, meanChange: 0 },
    });
    // Categories nobody rated in both years have no row; office A's single sheet (FY-1) makes no pair.
    expect(rows.map((r) => r.categoryCode).sort()).toEqual(["ASM", "OPS"]);
    expect(await trainingEffectFor(FY - 1, "en")).toEqual([]);

    // The dashboard's ward filter: only that ward's offices count.
    const inWard = (await trainingEffectFor(FY - 2, "en", ward.id)).find((r) => r.categoryCode === "OPS")!;
    expect([inWard.trained.offices, inWard.trained.shown, inWard.untrained.offices]).toEqual([2, false, 2]);
    const inWard2 = (await trainingEffectFor(FY - 2, "en", ward2.id)).find((r) => r.categoryCode === "OPS")!;
    expect([inWard2.trained.offices, inWard2.untrained.offices]).toEqual([1, 0]);

    // The annual report's exports carry the same figures, as numbers; a withheld group's means are empty.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await reportWorkbook(FY - 2, "en"));
    const effectSheet = workbook.getWorksheet("Training and ratings")!;
    const opsRow = effectSheet.getRows(1, effectSheet.rowCount)!.find((r) => r.getCell(1).value === "OPS")!;
    expect((opsRow.values as unknown[]).slice(1)).toEqual([
      "OPS",
      expect.any(String),
      "human-resource development",
      expect.any(String),
      expect.any(String),
      3,
      1.67,
      3.33,
      1.67,
      2,
    ]);
    const csv = await reportCsv(FY - 2, "ja");
    expect(csv).toContain("研修と評価の変化");
    expect(csv).toContain("\r\nOPS,");
    expect(csv.split("\r\n").find((l) => l.startsWith("OPS,"))).toMatch(/,3,1\.67,3\.33,1\.67,2,,,$/);

    // Each office's own view (its results page): its category's move and the training of its pillar in between.
    expect(await officeEffect(officeOf.T1, FY - 2, "en")).toEqual([
      expect.objectContaining({ code: "OPS", pillar: "hr", completions: 1, from: 2, to: 3, modules: [expect.any(String)] }),
    ]);
    // Completed at the second sheet's instant: in the window (after the first sheet, no later than the second).
    expect((await officeEffect(officeOf.T3, FY - 2, "en")).map((r) => [r.code, r.from, r.to])).toEqual([["OPS", 2, 4]]);
    // Before the first sheet: nothing; an individual module moves the individual category only.
    expect(await officeEffect(officeOf.U1, FY - 2, "en")).toEqual([]);
    expect((await officeEffect(officeOf.U2, FY - 2, "en")).map((r) => [r.code, r.from, r.to])).toEqual([["ASM", 2, 4]]);
    // A year without the year before: nothing. A person no longer active is not the office's staff.
    expect(await officeEffect(officeOf.T1, FY - 3, "en")).toEqual([]);
    await prisma.user.updateMany({ where: { officeId: officeOf.T1 }, data: { active: false } });
    expect(await officeEffect(officeOf.T1, FY - 2, "en")).toEqual([]);
  });
});
