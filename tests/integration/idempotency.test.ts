// Issue 16, "Double submits create twins": the same creating form sent twice at once (a double click, a resent
// no-JavaScript post, a retried request) creates one record. Each form carries a one-time key (app/lib/form-key.server.ts);
// a second rendered form (a new key) does create a second record. Two simultaneous user creations give one user and
// one clear refusal, not a 500.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { jstDateInput } from "~/scheduling/session-form";
import { action as planAction } from "~/routes/action-plan/route";
import { action as meetingsAction } from "~/routes/meetings._index";
import { action as peerAction } from "~/routes/peer";
import { action as newSessionAction } from "~/routes/committee.sessions.new";
import { action as newUserAction } from "~/routes/admin.users.new";
import { routeStatus } from "./call-route";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";

const context = { clientIp: "" };
const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const code = parsed.template.items[0].code;
const FY = fiscalYearOf(now());
const DAY = 24 * 60 * 60 * 1000;
const today = jstDateInput(now());
const inDays = (n: number) => jstDateInput(new Date(now().getTime() + n * DAY));

type Action = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

/** The same form (same key) sent twice at once by the same user: both answers and the statuses. */
async function twice(action: Action, userId: number, path: string, fields: Record<string, string | string[]>) {
  const send = async () => routeStatus(action({ request: await requestAs(userId, path, formRequestInit(fields)), params: {}, context }));
  return Promise.all([send(), send()]);
}

let officeId: number;
let manager: number;

beforeAll(async () => {
  await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
  const ward = await createWard();
  officeId = (await createOffice({ wardId: ward.id })).id;
  manager = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
  const other = (await createOffice({ wardId: ward.id })).id;
  await prisma.peerGroup.create({ data: { wardId: ward.id, name: "ピアの会", offices: { connect: [{ id: officeId }, { id: other }] } } });
});

describe("a creating form sent twice at once creates one record", () => {
  it("an action plan item", async () => {
    const fields = {
      intent: "addItem",
      itemCodes: code,
      issue: "課題",
      goal: "目標",
      actions: "取組",
      owner: "",
      startDate: "",
      dueDate: "",
    };
    const count = () => prisma.actionPlanItem.count({ where: { plan: { officeId } } });
    const before = await count();
    expect(await twice(planAction, manager, "/action-plan", { ...fields, formKey: randomUUID() })).toEqual([302, 302]);
    expect(await count()).toBe(before + 1);
    // A new rendered form (a new key) is a new item.
    expect(await twice(planAction, manager, "/action-plan", { ...fields, formKey: randomUUID() })).toEqual([302, 302]);
    expect(await count()).toBe(before + 2);
  });

  it("a progress update", async () => {
    const item = await prisma.actionPlanItem.findFirstOrThrow({ where: { plan: { officeId } } });
    const fields = {
      intent: "update",
      itemId: String(item.id),
      date: today,
      note: "進みました",
      evidence: "",
      status: "",
      formKey: randomUUID(),
    };
    expect(await twice(planAction, manager, "/action-plan", fields)).toEqual([302, 302]);
    expect(await prisma.actionPlanUpdate.count({ where: { itemId: item.id } })).toBe(1);
  });

  it("a peer activity", async () => {
    const fields = { intent: "log", date: today, kind: "VISIT", itemCodes: code, learned: "学んだこと", formKey: randomUUID() };
    expect(await twice(peerAction, manager, "/peer", fields)).toEqual([302, 302]);
    expect(await prisma.peerActivity.count({ where: { loggedById: officeId } })).toBe(1);
  });

  it("a sharing meeting", async () => {
    const subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
    const title = `共有会 ${randomUUID()}`;
    const fields = { scope: "CITY", title, date: inDays(30), time: "14:00", venue: "会議室", onlineUrl: "", formKey: randomUUID() };
    expect(await twice(meetingsAction, subcommittee, "/meetings", fields)).toEqual([302, 302]);
    expect(await prisma.sharingMeeting.count({ where: { title } })).toBe(1);
  });

  it("a training session", async () => {
    const committee = (await createUser({ roles: ["PLANNING_COMMITTEE"] })).id;
    const titleJa = `研修 ${randomUUID()}`;
    const fields = {
      track: "basic-group",
      titleJa,
      capacity: "10",
      opensAt: `${inDays(1)}T09:00`,
      closesAt: `${inDays(20)}T17:00`,
      prerequisite: "default",
      venue: "研修室",
      day1Date: inDays(30),
      day1Start: "10:00",
      day1End: "16:00",
      formKey: randomUUID(),
    };
    expect(await twice(newSessionAction, committee, "/committee/sessions/new", fields)).toEqual([302, 302]);
    expect(await prisma.trainingSession.count({ where: { titleJa } })).toBe(1);
  });
});

describe("two simultaneous creations of one user", () => {
  it("make one user and one refusal that names the e-mail, never a 500", async () => {
    const admin = (await createUser({ roles: ["ADMINISTRATOR"] })).id;
    const email = `twin-${randomUUID()}@example.jp`;
    const fields = { email, displayName: "双子", locale: "ja", officeId: "", roles: "TRAINEE" };
    const statuses = await twice(newUserAction, admin, "/admin/users/new", fields);
    expect(statuses.sort()).toEqual([302, 400]);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
