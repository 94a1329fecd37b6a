// The action-plan review flow: an office files a plan from its weak items, records progress, submits;
// the subcommittee comments item by item; the office sees the comments. Other offices and trainees cannot.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { action as planAction, loader as planLoader } from "~/routes/action-plan/route";
import { action as reviewAction, loader as reviewLoader } from "~/routes/subcommittee.action-plans.$planId";
import { loader as dashboardLoader } from "~/routes/subcommittee._index";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;
const FY = fiscalYearOf(new Date());
const ctx = { context: { clientIp: "" } };

const run = callRoute;

let officeA: number;
let officeB: number;
let managerA: number;
let managerB: number;
let sub: number;
let trainee: number;
const weakCode = items[3].code;

beforeAll(async () => {
  const template = await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY - 1, FY] });
  const ward = await createWard();
  officeA = (await createOffice({ wardId: ward.id })).id;
  officeB = (await createOffice({ wardId: ward.id })).id;
  managerA = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA })).id;
  managerB = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB })).id;
  sub = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  trainee = (await createUser({ roles: ["TRAINEE"], officeId: officeA })).id;
  // Office A's submitted sheet of last year: one item rated 1, the rest 3.
  const e = await prisma.evaluation.create({
    data: {
      officeId: officeA,
      fiscalYear: FY - 1,
      templateId: template.id,
      status: "SUBMITTED",
      submissionCount: 1,
      submittedAt: new Date(Date.now() - 86400_000),
    },
  });
  await prisma.evaluationAnswer.createMany({
    data: items.map((i) => ({ evaluationId: e.id, itemCode: i.code, rating: i.code === weakCode ? 1 : 3 })),
  });
});

describe("action plan review flow", () => {
  let itemId: number;
  let planId: number;

  it("offers the office's weak items first", async () => {
    const r = await run(async () => planLoader({ request: await requestAs(managerA, "/action-plan"), params: {}, ...ctx }));
    expect(r.status).toBe(200);
    const v = r.value as Awaited<ReturnType<typeof planLoader>>;
    expect(v.weak.items.map((i) => i.code)).toEqual([weakCode]);
    expect(v.plan).toBeNull();
  });

  it("refuses an item without an issue, keeping what was typed", async () => {
    const r = await run(async () =>
      planAction({
        request: await requestAs(
          managerA,
          "/action-plan",
          formRequestInit({
            intent: "addItem",
            itemCodes: [weakCode],
            issue: "",
            goal: "目標",
            actions: "取組",
            owner: "",
            startDate: "",
            dueDate: "",
          }),
        ),
        params: {},
        ...ctx,
      }),
    );
    expect(r.status).toBe(400);
    const body = (r.value as unknown as { data: { fieldErrors: Record<string, unknown>; values: Record<string, string>; codes: string[] } })
      .data;
    expect(body.fieldErrors.issue).toBeTruthy();
    expect(body.values.goal).toBe("目標");
    expect(body.codes).toEqual([weakCode]);
  });

  it("files an item from a weak item, records progress and submits", async () => {
    const add = await run(async () =>
      planAction({
        request: await requestAs(
          managerA,
          "/action-plan",
          formRequestInit({
            intent: "addItem",
            itemCodes: [weakCode, ""],
            issue: "課題",
            goal: "目標",
            actions: "取組",
            owner: "管理者",
            startDate: `${FY}-06-01`,
            dueDate: `${FY + 1}-02-28`,
          }),
        ),
        params: {},
        ...ctx,
      }),
    );
    expect(add.status).toBe(302);
    const plan = await prisma.actionPlan.findUniqueOrThrow({
      where: { officeId_fiscalYear: { officeId: officeA, fiscalYear: FY } },
      include: { items: true },
    });
    planId = plan.id;
    itemId = plan.items[0].id;
    expect(plan.items[0].itemCodes).toEqual([weakCode]);

    const update = await run(async () =>
      planAction({
        request: await requestAs(
          managerA,
          "/action-plan",
          formRequestInit({
            intent: "update",
            itemId: String(itemId),
            date: `${FY}-07-01`,
            note: "開始した",
            evidence: "会議録",
            status: "IN_PROGRESS",
          }),
        ),
        params: {},
        ...ctx,
      }),
    );
    expect(update.status).toBe(302);
    expect((await prisma.actionPlanItem.findUniqueOrThrow({ where: { id: itemId } })).status).toBe("IN_PROGRESS");

    const submit = await run(async () =>
      planAction({ request: await requestAs(managerA, "/action-plan", formRequestInit({ intent: "submit" })), params: {}, ...ctx }),
    );
    expect(submit.status).toBe(302);
    expect((await prisma.actionPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("SUBMITTED");
  });

  it("lets the subcommittee comment item by item, and the office reads the comment", async () => {
    const comment = await run(async () =>
      reviewAction({
        request: await requestAs(
          sub,
          `/subcommittee/action-plans/${planId}`,
          formRequestInit({ intent: "comment", itemId: String(itemId), text: "良い計画です" }),
        ),
        params: { planId: String(planId) },
        ...ctx,
      }),
    );
    expect(comment.status).toBe(302);
    const r = await run(async () => planLoader({ request: await requestAs(managerA, "/action-plan"), params: {}, ...ctx }));
    const v = r.value as Awaited<ReturnType<typeof planLoader>>;
    expect(v.plan!.items[0].comments.map((c) => c.text)).toEqual(["良い計画です"]);
    expect(v.plan!.items[0].updates[0].note).toBe("開始した");
  });

  it("shows the plan on the subcommittee's dashboard", async () => {
    const r = await run(async () => dashboardLoader({ request: await requestAs(sub, `/subcommittee?year=${FY}`), params: {}, ...ctx }));
    const v = r.value as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(v.plans.SUBMITTED).toBe(1);
    expect(v.planItems.IN_PROGRESS).toBe(1);
  });

  it("keeps other offices and trainees out", async () => {
    const other = await run(async () =>
      planAction({
        request: await requestAs(
          managerB,
          "/action-plan",
          formRequestInit({ intent: "update", itemId: String(itemId), date: `${FY}-07-02`, note: "x", evidence: "", status: "" }),
        ),
        params: {},
        ...ctx,
      }),
    );
    expect(other.status).toBe(404);
    const bView = await run(async () => planLoader({ request: await requestAs(managerB, "/action-plan"), params: {}, ...ctx }));
    expect((bView.value as Awaited<ReturnType<typeof planLoader>>).plan).toBeNull();
    const bReview = await run(async () =>
      reviewLoader({
        request: await requestAs(managerB, `/subcommittee/action-plans/${planId}`),
        params: { planId: String(planId) },
        ...ctx,
      }),
    );
    expect(bReview.status).toBe(403);
    const bComment = await run(async () =>
      reviewAction({
        request: await requestAs(
          managerB,
          `/subcommittee/action-plans/${planId}`,
          formRequestInit({ intent: "comment", itemId: String(itemId), text: "x" }),
        ),
        params: { planId: String(planId) },
        ...ctx,
      }),
    );
    expect(bComment.status).toBe(403);
    const t = await run(async () => planLoader({ request: await requestAs(trainee, "/action-plan"), params: {}, ...ctx }));
    expect(t.status).toBe(403);
    const td = await run(async () => dashboardLoader({ request: await requestAs(trainee, "/subcommittee"), params: {}, ...ctx }));
    expect(td.status).toBe(403);
  });
});
