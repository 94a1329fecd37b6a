// Issue 16, "Access and injection": the meeting's rules hold in the action as in the loader; every
// user-given URL is http(s) only; a submitted sheet never changes; an invalid rating changes nothing;
// a no-JavaScript one-answer post draws the page (tested in e2e) and answers 200 here.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { action as planAction } from "~/routes/action-plan/route";
import { action as sheetAction } from "~/routes/evaluation.$year._index/route";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meetings.$meetingId/route";
import { action as meetingsAction } from "~/routes/meetings._index";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

const ctx = { context: { clientIp: "" } };
const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;
const FY = fiscalYearOf(now());
const DAY = 24 * 60 * 60 * 1000;

async function outcome(p: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  const r = await callRoute(p);
  if (!("value" in r)) return { status: r.status, body: null };
  const d = r.value as { data?: unknown; init?: unknown } | null;
  return { status: r.status, body: d && typeof d === "object" && "init" in d && "data" in d ? d.data : r.value };
}

let ward1: number;
let managerWard1: number;
let managerWard2: number;
let subcommittee: number;

beforeAll(async () => {
  await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
  ward1 = (await createWard()).id;
  const ward2 = (await createWard()).id;
  managerWard1 = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: (await createOffice({ wardId: ward1 })).id })).id;
  managerWard2 = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: (await createOffice({ wardId: ward2 })).id })).id;
  subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
});

async function meetingWithNotes(data: { scope: "CITY" | "WARD"; wardId?: number; startsAt: Date }) {
  const m = await prisma.sharingMeeting.create({ data: { fiscalYear: FY, title: "共有する会", venue: "会議室", ...data } });
  await prisma.meetingTopic.create({ data: { meetingId: m.id, itemCodes: [items[0].code], kind: "WEAK", notes: "その区だけの記録" } });
  return m.id;
}

const register = async (userId: number, meetingId: number) =>
  outcome(
    meetingAction({
      request: await requestAs(
        userId,
        `/meetings/${meetingId}`,
        formRequestInit({ intent: "register", attendeeNames: "山田", attendeeCount: "1" }),
      ),
      params: { meetingId: String(meetingId) },
      ...ctx,
    }),
  );
const notesSeenBy = async (userId: number, meetingId: number) =>
  (await meetingLoader({ request: await requestAs(userId, `/meetings/${meetingId}`), params: { meetingId: String(meetingId) }, ...ctx }))
    .topics[0].notes;

describe("meeting registration applies the meeting's rules in the action", () => {
  it("refuses a ward-2 manager registering for a ward-1 meeting, who then reads no notes", async () => {
    const id = await meetingWithNotes({ scope: "WARD", wardId: ward1, startsAt: new Date(now().getTime() + 30 * DAY) });
    const r = await register(managerWard2, id);
    expect(r.status).toBe(403);
    expect(await prisma.meetingRegistration.count({ where: { meetingId: id } })).toBe(0);
    expect(await notesSeenBy(managerWard2, id)).toBeNull();
    // The ward's own manager may.
    expect((await register(managerWard1, id)).status).toBe(302);
    expect(await notesSeenBy(managerWard1, id)).toBe("その区だけの記録");
  });

  it("refuses registering for a past meeting, which then shows no notes", async () => {
    const id = await meetingWithNotes({ scope: "CITY", startsAt: new Date(now().getTime() - 2 * DAY) });
    const r = await register(managerWard1, id);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ formError: { key: "hardening.meetingClosed" } });
    expect(await prisma.meetingRegistration.count({ where: { meetingId: id } })).toBe(0);
    expect(await notesSeenBy(managerWard1, id)).toBeNull();
  });

  it("does not count a registration made against the rules (before this check) as taking part", async () => {
    const id = await meetingWithNotes({ scope: "WARD", wardId: ward1, startsAt: new Date(now().getTime() + 30 * DAY) });
    const office2 = (await prisma.user.findUniqueOrThrow({ where: { id: managerWard2 } })).officeId!;
    await prisma.meetingRegistration.create({ data: { meetingId: id, officeId: office2, attendeeNames: "x", attendeeCount: 1 } });
    expect(await notesSeenBy(managerWard2, id)).toBeNull();
  });
});

describe("user-given URLs are http(s) only", () => {
  it.each([
    "javascript:alert(document.domain)//",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    " javascript:alert(1)",
  ])("refuses a meeting online link %j", async (onlineUrl) => {
    const before = await prisma.sharingMeeting.count();
    const r = await outcome(
      meetingsAction({
        request: await requestAs(
          subcommittee,
          "/meetings",
          formRequestInit({
            intent: "create",
            title: "会",
            fiscalYear: String(FY),
            scope: "CITY",
            date: `${FY}-10-01`,
            time: "14:00",
            startsAt: `${FY}-10-01T14:00`,
            venue: "",
            onlineUrl,
          }),
        ),
        params: {},
        ...ctx,
      }),
    );
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain("onlineUrl");
    expect(await prisma.sharingMeeting.count()).toBe(before);
  });
});

describe("a submitted sheet cannot change", () => {
  async function post(userId: number, fields: Record<string, string>) {
    return outcome(
      sheetAction({ request: await requestAs(userId, `/evaluation/${FY}`, formRequestInit(fields)), params: { year: String(FY) }, ...ctx }),
    );
  }

  it("an invalid rating (7 or abc) is refused and keeps the saved answer and its revision", async () => {
    const officeId = (await createOffice()).id;
    const user = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
    const code = items[0].code;
    const first = await post(user, { intent: "answer", code, [`revision_${code}`]: "0", [`rating_${code}`]: "3" });
    expect(first.status).toBe(200);
    for (const bad of ["7", "abc", "0", "1.5"]) {
      const r = await post(user, { intent: "answer", code, [`revision_${code}`]: "1", [`rating_${code}`]: bad });
      expect(r.status).toBe(400);
    }
    // The whole form without JavaScript too.
    const all = await post(user, { intent: "saveAll", [`revision_${code}`]: "1", [`rating_${code}`]: "7" });
    expect(all.status).toBe(400);
    const saved = await prisma.evaluationAnswer.findFirstOrThrow({ where: { itemCode: code, evaluation: { officeId } } });
    expect(saved).toMatchObject({ rating: 3, revision: 1 });
  });

  it("saves sent together with the submit never land after the sheet is SUBMITTED", async () => {
    for (let run = 0; run < 3; run++) {
      const officeId = (await createOffice()).id;
      const user = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
      const evaluation = await prisma.evaluation.create({
        data: { officeId, fiscalYear: FY, templateId: (await prisma.checklistTemplate.findFirstOrThrow()).id },
      });
      await prisma.evaluationAnswer.createMany({
        data: items.map((i) => ({ evaluationId: evaluation.id, itemCode: i.code, rating: 3, revision: 1 })),
      });
      const saves = items
        .slice(0, 6)
        .map((i) => post(user, { intent: "answer", code: i.code, [`revision_${i.code}`]: "1", [`rating_${i.code}`]: "1" }));
      const results = await Promise.all([post(user, { intent: "submit", confirm: "yes" }), ...saves]);
      const sheet = await prisma.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
      expect(sheet.status).toBe("SUBMITTED");
      const changed = await prisma.evaluationAnswer.findMany({ where: { evaluationId: evaluation.id, revision: { gt: 1 } } });
      // Every answer changed was changed before the submit: none is newer than submittedAt.
      for (const a of changed) expect(a.updatedAt.getTime()).toBeLessThanOrEqual(sheet.submittedAt!.getTime());
      // And each refused save was told the sheet is read-only.
      for (const r of results.slice(1)) expect([200, 409]).toContain(r.status);
    }
  });
});

describe("a reviewed plan, or a plan of a closed year, is read-only for every intent", () => {
  async function planWithItem(officeId: number, fiscalYear: number, status: "REVIEWED" | "SUBMITTED") {
    const plan = await prisma.actionPlan.create({ data: { officeId, fiscalYear, status } });
    const item = await prisma.actionPlanItem.create({
      data: { planId: plan.id, itemCodes: [items[0].code], issue: "課題", goal: "目標", actions: "取組", status: "IN_PROGRESS" },
    });
    return item.id;
  }
  const post = async (userId: number, fields: Record<string, string | string[]>) =>
    outcome(planAction({ request: await requestAs(userId, "/action-plan", formRequestInit(fields)), params: {}, ...ctx }));

  it.each([
    ["the office's reviewed plan of last year", FY - 1, "REVIEWED"],
    ["a submitted plan of a closed year", FY - 1, "SUBMITTED"],
    ["a reviewed plan of this year", FY, "REVIEWED"],
  ] as const)("refuses editItem and update on %s, changing nothing", async (_name, year, status) => {
    const officeId = (await createOffice()).id;
    const user = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
    const itemId = await planWithItem(officeId, year, status);
    const before = await prisma.actionPlanItem.findUniqueOrThrow({ where: { id: itemId } });
    const edit = await post(user, {
      intent: "editItem",
      itemId: String(itemId),
      itemCodes: [items[0].code],
      issue: "書き換え",
      goal: "書き換え",
      actions: "書き換え",
      owner: "",
      startDate: "",
      dueDate: "",
    });
    expect(edit.status).toBe(403);
    const update = await post(user, {
      intent: "update",
      itemId: String(itemId),
      date: `${FY}-05-01`,
      note: "中止",
      evidence: "",
      status: "DROPPED",
    });
    expect(update.status).toBe(403);
    expect(await prisma.actionPlanItem.findUniqueOrThrow({ where: { id: itemId } })).toEqual(before);
    expect(await prisma.actionPlanUpdate.count({ where: { itemId } })).toBe(0);
  });

  it("still accepts progress on this year's submitted plan", async () => {
    const officeId = (await createOffice()).id;
    const user = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
    const itemId = await planWithItem(officeId, FY, "SUBMITTED");
    const update = await post(user, {
      intent: "update",
      itemId: String(itemId),
      date: `${FY}-05-01`,
      note: "進んだ",
      evidence: "",
      status: "DONE",
    });
    expect(update.status).toBe(302);
    expect((await prisma.actionPlanItem.findUniqueOrThrow({ where: { id: itemId } })).status).toBe("DONE");
  });
});
