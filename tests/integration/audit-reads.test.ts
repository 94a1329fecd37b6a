// Issue 19, "reads audited" (decision 016): a read of someone else's personal content writes one access-log
// entry per person or office shown; the owner's own reads write nothing; /admin/audit and its CSV find the reads
// by "reads / writes" and by whose data they are.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { loader as pageLoader } from "~/routes/admin.audit";
import { loader as csvLoader } from "~/routes/admin.audit[.csv]";
import { loader as progressLoader } from "~/routes/committee.progress";
import { loader as officeSheetLoader } from "~/routes/subcommittee.evaluations.$officeId.$year._index";
import { logRead } from "~/audit/audit.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { createOffice, createUser, requestAs } from "./factories";

const context = { clientIp: "" };
const FY = currentFiscalYear();

beforeAll(async () => {
  const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
  if (!parsed.ok) throw new Error("v1.csv invalid");
  await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
});

async function reads(where: { actorId?: number; subjectUserId?: number; subjectOfficeId?: number }) {
  return prisma.auditLog.findMany({ where: { isRead: true, ...where }, orderBy: { id: "asc" } });
}

describe("audited reads", () => {
  it("the committee reading trainees' records logs one read per other person, never the reader's own record", async () => {
    // A committee member who is also a trainee of the year: the progress table shows both people.
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE", "TRAINEE"] });
    const trainee = await createUser({ roles: ["TRAINEE"] });
    for (const u of [committee, trainee]) await prisma.trainingEnrollment.create({ data: { userId: u.id, fiscalYear: FY } });
    const before = await prisma.auditLog.count();

    await progressLoader({ request: await requestAs(committee.id, `/committee/progress?year=${FY}`), params: {}, context });

    const logged = await reads({ actorId: committee.id });
    expect(logged.map((e) => [e.action, e.subjectUserId])).toEqual([["training.record.read", trainee.id]]);
    expect(await reads({ subjectUserId: committee.id })).toHaveLength(0);
    // One page view, one insert: exactly the one row and nothing else.
    expect(await prisma.auditLog.count()).toBe(before + 1);
  });

  it("the subcommittee reading an office's sheet logs a read of that office; the office's own manager does not", async () => {
    const office = await createOffice();
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.id });
    const member = await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] });
    await officeSheetLoader({
      request: await requestAs(member.id, `/subcommittee/evaluations/${office.id}/${FY}`),
      params: { officeId: String(office.id), year: String(FY) },
      context,
    });
    const logged = await reads({ subjectOfficeId: office.id });
    expect(logged.map((e) => [e.actorId, e.action, e.entityType])).toEqual([[member.id, "evaluation.read", "Office"]]);
    expect(logged[0].summary).toContain(`FY${FY}`);

    // The rule itself: the office's own people and the person themself are owners.
    expect(await logRead(manager, "evaluation.read", [{ entityType: "Office", entityId: office.id, subjectOfficeId: office.id }])).toBe(0);
    expect(await logRead(manager, "user.read", [{ entityType: "User", entityId: manager.id, subjectUserId: manager.id }])).toBe(0);
    expect(await reads({ actorId: manager.id })).toHaveLength(0);
  });

  it("/admin/audit filters reads and writes and by whose data; the CSV carries the same reads", async () => {
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const other = await createUser({ roles: ["TRAINEE"] });
    for (const u of [trainee, other]) await prisma.trainingEnrollment.create({ data: { userId: u.id, fiscalYear: FY } });
    await progressLoader({ request: await requestAs(committee.id, `/committee/progress?year=${FY}`), params: {}, context });
    // A change about the trainee (an account update) is not a read.
    await prisma.auditLog.create({
      data: { actorId: admin.id, action: "user.update", entityType: "User", entityId: String(trainee.id), summary: "displayName" },
    });

    const page = async (query: string) =>
      (await pageLoader({ request: await requestAs(admin.id, `/admin/audit?${query}`), params: {}, context })) as Awaited<
        ReturnType<typeof pageLoader>
      >;
    const whose = encodeURIComponent(trainee.email);
    const readsOf = await page(`kind=read&subject=${whose}`);
    expect(readsOf.entries.map((e) => [e.action, e.isRead])).toEqual([["training.record.read", true]]);
    expect(readsOf.entries[0].actor).toContain(committee.email);
    expect(readsOf.entries[0].subject).toContain(trainee.email);
    expect(readsOf.filter.kind).toBe("read");

    const writesAbout = await page(`kind=write&subject=${whose}`);
    expect(writesAbout.entries.map((e) => e.action)).toEqual(["user.update"]);
    const both = await page(`subject=${whose}`);
    expect(both.entries.map((e) => e.action).sort()).toEqual(["training.record.read", "user.update"]);
    // The other trainee's read is theirs, not this trainee's.
    expect((await page(`kind=read&subject=${encodeURIComponent(other.email)}`)).entries).toHaveLength(1);

    const csv = (await csvLoader({
      request: await requestAs(admin.id, `/admin/audit.csv?kind=read&subject=${whose}`),
      params: {},
      context,
    })) as Response;
    const lines = new TextDecoder()
      .decode(new Uint8Array(await csv.arrayBuffer()))
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("誰の情報か");
    expect(lines[1]).toContain("training.record.read");
    expect(lines[1]).toContain("閲覧");
    expect(lines[1]).toContain(trainee.email);
  });
});
