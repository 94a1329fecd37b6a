// Sharing meetings and peer suggestions through their loaders and actions: registration, notes only
// for participants, suggestions that name only offices that agreed, introductions without revealing.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meetings.$meetingId/route";
import { action as peerAction, loader as peerLoader } from "~/routes/peer";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";
import { routeStatus } from "./call-route";

const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;
const ctx = { context: { clientIp: "" } };
const WEAK = items[0].code;

const statusOf = routeStatus;

let meetingId: number;
let managerA: number;
let managerB: number;
let named: { id: number; name: string };
let hidden: { id: number; name: string };

beforeAll(async () => {
  const template = await insertTemplateVersion(prisma, parsed.template, { publishFor: [2025] });
  const ward = await createWard();
  const a = await createOffice({ wardId: ward.id });
  const b = await createOffice({ wardId: ward.id });
  named = await prisma.office.update({ where: { id: (await createOffice({ wardId: ward.id })).id }, data: { agreesToBeNamed: true } });
  hidden = await createOffice({ wardId: ward.id, name: "名前を出さない事業所" });
  managerA = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: a.id })).id;
  managerB = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: b.id })).id;
  // FY2025 sheets: A weak on WEAK; `named` and `hidden` strong on it.
  for (const [officeId, rating] of [
    [a.id, 1],
    [b.id, 3],
    [named.id, 4],
    [hidden.id, 4],
  ] as const) {
    const e = await prisma.evaluation.create({
      data: {
        officeId,
        fiscalYear: 2025,
        templateId: template.id,
        status: "SUBMITTED",
        submissionCount: 1,
        submittedAt: new Date("2026-01-15T00:00:00Z"),
      },
    });
    await prisma.evaluationAnswer.createMany({
      data: items.map((i) => ({ evaluationId: e.id, itemCode: i.code, rating: i.code === WEAK ? rating : 3 })),
    });
  }
  await prisma.peerGroup.create({
    data: { wardId: ward.id, name: "グループ", offices: { connect: [a, b, named, hidden].map((o) => ({ id: o.id })) } },
  });
  const meeting = await prisma.sharingMeeting.create({
    data: { fiscalYear: 2099, title: "共有する会", startsAt: new Date("2099-06-01T05:00:00Z"), venue: "会議室" },
  });
  meetingId = meeting.id;
  await prisma.meetingTopic.create({ data: { meetingId, itemCodes: [WEAK], kind: "WEAK", notes: "話し合いの記録" } });
});

describe("sharing meetings", () => {
  it("an office registers its attendees and then reads the notes; an office that did not register does not", async () => {
    const params = { meetingId: String(meetingId) };
    const before = await meetingLoader({ request: await requestAs(managerA, `/meetings/${meetingId}`), params, ...ctx });
    expect(before.topics[0].notes).toBeNull();
    expect(before.canRegister).toBe(true);
    const bad = await meetingAction({
      request: await requestAs(
        managerA,
        `/meetings/${meetingId}`,
        formRequestInit({ intent: "register", attendeeNames: "", attendeeCount: "2" }),
      ),
      params,
      ...ctx,
    });
    expect((bad as unknown as { init: { status: number } }).init.status).toBe(400);
    const ok = await meetingAction({
      request: await requestAs(
        managerA,
        `/meetings/${meetingId}`,
        formRequestInit({ intent: "register", attendeeNames: "山田\n佐藤", attendeeCount: "2" }),
      ),
      params,
      ...ctx,
    });
    expect((ok as Response).status).toBe(302);
    const after = await meetingLoader({ request: await requestAs(managerA, `/meetings/${meetingId}`), params, ...ctx });
    expect(after.topics[0].notes).toBe("話し合いの記録");
    expect(after.totals).toMatchObject({ offices: 1, people: 2 });
    expect(after.registrations).toEqual([]); // other offices' registrations are the subcommittee's to see
    const other = await meetingLoader({ request: await requestAs(managerB, `/meetings/${meetingId}`), params, ...ctx });
    expect(other.topics[0].notes).toBeNull();
    // Only the subcommittee records attendance or notes.
    expect(
      await statusOf(
        meetingAction({
          request: await requestAs(managerB, `/meetings/${meetingId}`, formRequestInit({ intent: "notes", topicId: "1", notes: "x" })),
          params,
          ...ctx,
        }),
      ),
    ).toBe(403);
  });
});

describe("peer suggestions", () => {
  it("names only the office that agreed and counts the other, without revealing it", async () => {
    const data = await peerLoader({ request: await requestAs(managerA, "/peer"), params: {}, ...ctx });
    const s = data.suggestions.suggestions.find((x) => x.code === WEAK)!;
    expect(s.named.map((n) => n.name)).toEqual([named.name]);
    expect(s.anonymousCount).toBe(1);
    expect(JSON.stringify(data.suggestions)).not.toContain(hidden.name);
  });

  it("asks the subcommittee for an introduction to the unnamed office", async () => {
    const r = await peerAction({
      request: await requestAs(managerA, "/peer", formRequestInit({ intent: "introduce", itemCode: WEAK })),
      params: {},
      ...ctx,
    });
    expect((r as Response).status).toBe(302);
    const request = await prisma.introductionRequest.findFirstOrThrow({ where: { itemCode: WEAK } });
    expect(request.targetOfficeId).toBe(hidden.id);
    const data = await peerLoader({ request: await requestAs(managerA, "/peer"), params: {}, ...ctx });
    expect(data.suggestions.suggestions.find((x) => x.code === WEAK)!.requested).toBe("REQUESTED");
    expect(JSON.stringify(data.suggestions)).not.toContain(hidden.name);
  });
});
