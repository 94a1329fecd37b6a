// The council's figures: a year of records built here, then every figure checked on the three outputs —
// the subcommittee's dashboard, the annual report page, and its XLSX and CSV — against one expectation.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { councilFigures, type FigureKey } from "~/cycle/council-figures.server";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { translator } from "~/i18n";
import { now } from "~/lib/clock";
import { fiscalYearOf, fiscalYearRange } from "~/lib/fiscal-year";
import { loader as dashboardLoader } from "~/routes/subcommittee._index";
import { loader as reportLoader } from "~/routes/subcommittee.report.$year._index";
import { loader as csvLoader } from "~/routes/subcommittee.report.$year.csv";
import { loader as xlsxLoader } from "~/routes/subcommittee.report.$year.xlsx";
import { onDemandModules, setCurriculum } from "~/training/training.server";
import { createOffice, createUser, createWard, requestAs } from "./factories";

// Last fiscal year: every day of it has passed, whatever today is.
const FY = fiscalYearOf(now()) - 1;
const { start } = fiscalYearRange(FY);
const day = (d: number, h = 10) => new Date(start.getTime() + d * 86400_000 + h * 3600_000);
const ctx = { context: { clientIp: "" } };
const ja = translator("ja");

/** The year's records, and what each figure must be. */
const EXPECTED: Record<FigureKey, number> = {
  "basicFirst.enrolled": 3,
  "basicFirst.completed": 3, // two finished every module, one holds the on-demand certificate
  "basicFirst.certificates": 1,
  "basicSecond.enrolled": 3, // seats, not the waitlisted or cancelled; the cancelled session not at all
  "basicSecond.completed": 1, // every day attended
  "basicSecond.certificates": 2, // one from the session, one recorded without a session here
  "practical.enrolled": 2,
  "practical.completed": 2,
  "practical.certificates": 0,
  sessionsHeld: 2,
  officesSubmitted: 2, // one of them has since closed; returned and draft sheets do not count
  meetingsHeld: 1,
  meetingOfficesRegistered: 2,
  meetingOffices: 1,
  meetingPeople: 3,
  plansFiled: 2,
  plansCompleted: 1,
  itemsDone: 3,
  peerActivities: 2,
};

let subcommittee: number;

beforeAll(async () => {
  const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
  if (!parsed.ok) throw new Error("v1.csv invalid");
  const template = await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
  const ward = await createWard();
  const offices = await Promise.all([0, 1, 2, 3].map(() => createOffice({ wardId: ward.id })));
  subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  const people = await Promise.all(Array.from({ length: 10 }, () => createUser({ roles: ["TRAINEE"], officeId: offices[0].id })));
  const [p0, p1, p2, p3, p4, p5, p6, p7, p8, p9] = people.map((p) => p.id);

  // On demand: a two-module curriculum; p0, p1 finish it, p2 holds the certificate, p9 finishes it unenrolled.
  const slugs = onDemandModules()
    .slice(0, 2)
    .map((m) => m.slug);
  expect(slugs).toHaveLength(2);
  await setCurriculum(FY, slugs);
  for (const userId of [p0, p1, p2]) await prisma.trainingEnrollment.create({ data: { userId, fiscalYear: FY } });
  for (const userId of [p0, p1, p9])
    for (const slug of slugs) await prisma.moduleProgress.create({ data: { userId, slug, sectionsReached: [], completedAt: day(30) } });
  await prisma.moduleProgress.create({ data: { userId: p2, slug: slugs[0], sectionsReached: [], completedAt: day(30) } });
  let serial = 0;
  const certificate = (userId: number, track: string) =>
    prisma.certificate.create({
      data: { userId, track, fiscalYear: FY, serial: `T-${++serial}`, verificationCode: `TESTCODE${serial}`, issuedAt: day(200) },
    });
  await certificate(p2, "basic-ondemand");

  // Group sessions: one held over two days, one cancelled.
  const session = (track: string, days: number[], status = "scheduled") =>
    prisma.trainingSession.create({
      data: {
        track,
        fiscalYear: FY,
        titleJa: `${track} 研修`,
        capacity: 10,
        opensAt: day(1),
        closesAt: day(50),
        status,
        days: { create: days.map((d) => ({ startsAt: day(d, 9), endsAt: day(d, 16) })) },
      },
      include: { days: true },
    });
  const group = await session("basic-group", [60, 61]);
  const seat = (sessionId: number, userId: number, status = "enrolled") =>
    prisma.sessionEnrollment.create({ data: { sessionId, userId, status, enrolledAt: status === "enrolled" ? day(20) : null } });
  const present = (enrollmentId: number, dayId: number) => prisma.sessionAttendance.create({ data: { enrollmentId, dayId } });
  const gA = await seat(group.id, p3);
  const gB = await seat(group.id, p4);
  await seat(group.id, p5);
  await seat(group.id, p6, "waitlisted");
  await seat(group.id, p7, "cancelled");
  for (const d of group.days) await present(gA.id, d.id);
  await present(gB.id, group.days[0].id);
  await certificate(p3, "basic-group");
  await certificate(p8, "basic-group"); // recorded: trained before the platform held the sessions
  const cancelled = await session("basic-group", [90], "cancelled");
  await seat(cancelled.id, p8);

  // Practical: one day, both attend.
  const practical = await session("practical", [120]);
  for (const userId of [p0, p1]) {
    const e = await seat(practical.id, userId);
    await present(e.id, practical.days[0].id);
  }

  // Sheets: two submitted (one office has since closed), one returned, one draft.
  const sheet = (officeId: number, status: "SUBMITTED" | "RETURNED" | "DRAFT") =>
    prisma.evaluation.create({
      data: { officeId, fiscalYear: FY, templateId: template.id, status, submissionCount: status === "DRAFT" ? 0 : 1 },
    });
  await sheet(offices[0].id, "SUBMITTED");
  await sheet(offices[1].id, "SUBMITTED");
  await sheet(offices[2].id, "RETURNED");
  await sheet(offices[3].id, "DRAFT");
  await prisma.office.update({ where: { id: offices[1].id }, data: { active: false } });

  // A sharing meeting held: two offices registered, one attended with 3 people.
  const meeting = await prisma.sharingMeeting.create({ data: { fiscalYear: FY, title: "共有する会", startsAt: day(300, 14) } });
  await prisma.meetingRegistration.create({
    data: {
      meetingId: meeting.id,
      officeId: offices[0].id,
      attendeeNames: "甲、乙、丙",
      attendeeCount: 3,
      attended: true,
      attendedCount: 3,
    },
  });
  await prisma.meetingRegistration.create({
    data: { meetingId: meeting.id, officeId: offices[2].id, attendeeNames: "丁", attendeeCount: 1 },
  });

  // Action plans: one submitted with every item done, one reviewed half done, one draft (not counted).
  const plan = (officeId: number, status: "SUBMITTED" | "REVIEWED" | "DRAFT", items: ("DONE" | "IN_PROGRESS")[]) =>
    prisma.actionPlan.create({
      data: {
        officeId,
        fiscalYear: FY,
        status,
        items: {
          create: items.map((s, i) => ({ itemCodes: ["OPS-01"], issue: "課題", goal: "目標", actions: "取組", status: s, sortOrder: i })),
        },
      },
    });
  await plan(offices[0].id, "SUBMITTED", ["DONE", "DONE"]);
  await plan(offices[2].id, "REVIEWED", ["DONE", "IN_PROGRESS"]);
  await plan(offices[3].id, "DRAFT", ["DONE"]);

  const peerGroup = await prisma.peerGroup.create({ data: { wardId: ward.id, name: "グループ" } });
  for (const d of [100, 200])
    await prisma.peerActivity.create({
      data: { groupId: peerGroup.id, fiscalYear: FY, date: day(d), kind: "VISIT", itemCodes: [], learned: "学び" },
    });
});

describe("the council's figures", () => {
  it("are counted once, by their one definition", async () => {
    const figures = await councilFigures(FY);
    expect(figures.trainingCounted).toBe(true);
    expect(figures.byKey).toEqual(EXPECTED);
  });

  it("the annual report page shows every figure with what it counts", async () => {
    const page = (await reportLoader({
      request: await requestAs(subcommittee, `/subcommittee/report/${FY}`),
      params: { year: String(FY) },
      ...ctx,
    })) as {
      rows: { label: string; counts: string; value: number | null }[];
    };
    const shown = Object.fromEntries(page.rows.map((r) => [r.label, r.value]));
    for (const [key, value] of Object.entries(EXPECTED)) expect(shown[`figures.${key}`], key).toBe(value);
    for (const r of page.rows) expect(r.counts).toBe(`${r.label}.counts`);
  });

  it("the XLSX and the CSV carry the same figures, each with what it counts", async () => {
    const request = await requestAs(subcommittee, `/subcommittee/report/${FY}/xlsx`);
    const xlsx = (await xlsxLoader({ request, params: { year: String(FY) }, ...ctx })) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const rows = new Map<string, { counts: unknown; value: unknown }>();
    workbook.worksheets[0].eachRow((row) =>
      rows.set(String(row.getCell(2).value), { counts: row.getCell(3).value, value: row.getCell(4).value }),
    );
    expect(rows.get(ja("figures.col.name"))?.counts).toBe(ja("figures.col.counts"));

    const csv = (await csvLoader({
      request: await requestAs(subcommittee, `/subcommittee/report/${FY}/csv`),
      params: { year: String(FY) },
      ...ctx,
    })) as Response;
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    for (const [key, value] of Object.entries(EXPECTED)) {
      const name = ja(`figures.${key}` as Parameters<typeof ja>[0]);
      const counts = ja(`figures.${key}.counts` as Parameters<typeof ja>[0]);
      expect(rows.get(name), key).toEqual({ counts, value });
      const line = lines.find((l) => l.split(",")[1] === name);
      expect(line, key).toBeDefined();
      expect(line!.endsWith(`,${value}`), `${key}: ${line}`).toBe(true);
    }
  });

  it("the dashboard shows the same figures", async () => {
    const d = (await dashboardLoader({
      request: await requestAs(subcommittee, `/subcommittee?year=${FY}`),
      params: {},
      ...ctx,
    })) as unknown as {
      statusCounts: Record<string, number>;
      meetings: { meetings: number; attendedOffices: number; attendedPeople: number };
      training: {
        tracks: { key: string; participants: number | null; completed: number | null; certificates: number | null }[];
        sessionsHeld: number | null;
      };
      officesSubmitted: number;
    };
    expect(d.statusCounts.SUBMITTED).toBe(EXPECTED.officesSubmitted);
    expect(d.officesSubmitted).toBe(EXPECTED.officesSubmitted);
    expect(d.meetings).toEqual({
      meetings: EXPECTED.meetingsHeld,
      attendedOffices: EXPECTED.meetingOffices,
      attendedPeople: EXPECTED.meetingPeople,
    });
    for (const tr of d.training.tracks) {
      expect(tr.participants, tr.key).toBe(EXPECTED[`${tr.key}.enrolled` as FigureKey]);
      expect(tr.completed, tr.key).toBe(EXPECTED[`${tr.key}.completed` as FigureKey]);
      expect(tr.certificates, tr.key).toBe(EXPECTED[`${tr.key}.certificates` as FigureKey]);
    }
    expect(d.training.sessionsHeld).toBe(EXPECTED.sessionsHeld);
  });

  // Kept under the training version and until the next day or meeting starts (decision 069): never stale.
  it("follow writes made after they were counted, and the time", async () => {
    const figures = async (at?: Date) => (await councilFigures(FY, at)).byKey;
    const first = await figures();
    expect(await figures()).toEqual(first);
    const person = await createUser({ roles: ["TRAINEE"] });
    await prisma.trainingEnrollment.create({ data: { userId: person.id, fiscalYear: FY } });
    expect((await figures())["basicFirst.enrolled"]).toBe(first["basicFirst.enrolled"]! + 1);
    const certificate = await prisma.certificate.findFirstOrThrow({ where: { fiscalYear: FY, track: "basic-group", revokedAt: null } });
    await prisma.certificate.update({ where: { id: certificate.id }, data: { revokedAt: now() } });
    expect((await figures())["basicSecond.certificates"]).toBe(first["basicSecond.certificates"]! - 1);

    // As of a moment of the year: the group's days start on day 60 at 9:00, the practical on day 120, the meeting on day 300.
    const asOf = async (at: Date) => {
      const f = await figures(at);
      return [f.sessionsHeld, f.meetingsHeld];
    };
    expect(await asOf(day(59))).toEqual([0, 0]);
    expect(await asOf(day(60, 8))).toEqual([0, 0]);
    expect(await asOf(day(60, 12))).toEqual([1, 0]);
    expect(await asOf(day(121))).toEqual([2, 0]);
    expect(await asOf(day(301))).toEqual([2, 1]);
    expect(await asOf(day(59))).toEqual([0, 0]);
  });
});
