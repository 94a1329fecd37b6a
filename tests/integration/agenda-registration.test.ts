// The agenda builder (one topic per item, suggestions on the agenda shown as such, topics removable and
// reorderable) and registrations that add up, through the meeting page's loader and action.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { action, loader } from "~/routes/meetings.$meetingId/route";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

const ctx = { context: { clientIp: "" } };
let meetingId: number, sub: number, manager: number;

async function act(userId: number, fields: Record<string, string>) {
  const request = await requestAs(userId, `/meetings/${meetingId}`, formRequestInit(fields));
  const r = await callRoute(() => action({ request, params: { meetingId: String(meetingId) }, ...ctx }) as Promise<unknown>);
  return {
    status: r.status,
    body: ("value" in r ? (r.value as { data?: unknown }).data : null) as {
      fieldErrors?: Record<string, { key: string }[]>;
      formError?: { key: string };
    } | null,
  };
}
const topics = () => prisma.meetingTopic.findMany({ where: { meetingId }, orderBy: { sortOrder: "asc" } });

beforeAll(async () => {
  const ward = await createWard();
  const office = await createOffice({ wardId: ward.id });
  sub = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  manager = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.id })).id;
  const startsAt = new Date(now().getTime() + 30 * 86400_000);
  meetingId = (
    await prisma.sharingMeeting.create({ data: { fiscalYear: fiscalYearOf(startsAt), title: "共有する会", startsAt, venue: "会議室" } })
  ).id;
});

describe("changing a meeting", () => {
  it("refuses a date that does not exist, naming the field, and keeps the meeting as it was", async () => {
    const before = await prisma.sharingMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    const year = fiscalYearOf(now()) + 1;
    const refused = await act(sub, { intent: "change", title: "変更後", date: `${year}-02-30`, time: "14:00", venue: "会議室" });
    expect(refused.status).toBe(400);
    expect(refused.body?.fieldErrors?.date).toEqual([{ key: "validation.invalid" }]);
    expect(await prisma.sharingMeeting.findUniqueOrThrow({ where: { id: meetingId } })).toEqual(before);
  });
});

describe("the agenda builder", () => {
  it("adds a suggested topic once; the second click is refused and the suggestion shows as added", async () => {
    const add = (itemCode: string) => act(sub, { intent: "addTopic", kind: "WEAK", itemCode, title: `${itemCode} 題` });
    expect((await add("OPS-01")).status).toBe(302);
    const again = await add("OPS-01");
    expect(again.status).toBe(409);
    expect(again.body?.formError?.key).toBe("agenda.duplicate");
    expect(await topics()).toHaveLength(1);
    await Promise.all([add("ASM-01"), add("ASM-01")]);
    expect((await topics()).map((t) => t.itemCodes[0])).toEqual(["OPS-01", "ASM-01"]);
    const page = (await loader({
      request: await requestAs(sub, `/meetings/${meetingId}`),
      params: { meetingId: String(meetingId) },
      ...ctx,
    })) as {
      onAgenda: string[];
    };
    expect(page.onAgenda.sort()).toEqual(["ASM-01", "OPS-01"]);
  });

  it("moves a topic up and removes one", async () => {
    const [, second] = await topics();
    expect((await act(sub, { intent: "moveTopic", topicId: String(second.id), direction: "up" })).status).toBe(302);
    expect((await topics()).map((t) => t.itemCodes[0])).toEqual(["ASM-01", "OPS-01"]);
    expect((await act(sub, { intent: "removeTopic", topicId: String(second.id) })).status).toBe(302);
    expect((await topics()).map((t) => [t.itemCodes[0], t.sortOrder])).toEqual([["OPS-01", 0]]);
    // An office manager cannot change the agenda.
    expect((await act(manager, { intent: "removeTopic", topicId: String((await topics())[0].id) })).status).toBe(403);
  });
});

describe("a registration adds up", () => {
  it("2 named attendees with a head count of 5 is refused unless the difference is explained", async () => {
    const refused = await act(manager, { intent: "register", attendeeNames: "高橋 誠\n佐藤 はるか", attendeeCount: "5", attendeeNote: "" });
    expect(refused.status).toBe(400);
    expect(refused.body?.fieldErrors?.attendeeCount[0].key).toBe("registration.unexplained");
    expect(await prisma.meetingRegistration.count({ where: { meetingId } })).toBe(0);
    const explained = await act(manager, {
      intent: "register",
      attendeeNames: "高橋 誠\n佐藤 はるか",
      attendeeCount: "5",
      attendeeNote: "ほか3名は当日決定",
    });
    expect(explained.status).toBe(302);
    expect(await prisma.meetingRegistration.findFirst({ where: { meetingId } })).toMatchObject({
      attendeeCount: 5,
      attendeeNote: "ほか3名は当日決定",
    });
  });
});
