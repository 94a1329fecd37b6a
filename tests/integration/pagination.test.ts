// Lists that grow with the city are paginated and filtered on the server (issue 13): the subcommittee's submission
// list and the secretariat's offices. A page holds at most its size, the pages together hold every office once,
// the filters narrow on the server, and the answered count is the database's (no answer row loaded).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { OFFICES_PAGE_SIZE } from "~/admin/offices.server";
import { publishedFiscalYears, reviewFiscalYears, SUBMISSIONS_PAGE_SIZE } from "~/evaluation/evaluation.server";
import { loader as submissionsLoader } from "~/routes/subcommittee.evaluations._index";
import { loader as officesLoader } from "~/routes/admin.offices._index";
import { countQueries } from "~/lib/query-count.server";
import { createUser, createWard, requestAs } from "./factories";

const FY = currentFiscalYear();
const COUNT = 120; // more than two pages of either list
type Args = { request: Request; params: Record<string, string>; context: { clientIp: string; cspNonce: string } };
const args = (request: Request): Args => ({ request, params: {}, context: { clientIp: "", cspNonce: "" } });

let subcommittee: number;
let admin: number;
let northId: number;
let southId: number;

describe("paginated lists", () => {
  beforeAll(async () => {
    const north = await createWard("pg-north");
    const south = await createWard("pg-south");
    northId = north.id;
    southId = south.id;
    const template = await prisma.checklistTemplate.create({ data: { version: 9001, status: "PUBLISHED", fiscalYears: [FY] } });
    for (let i = 0; i < COUNT; i++) {
      const office = await prisma.office.create({
        data: { name: `頁事業所 ${String(i).padStart(3, "0")}`, kind: "SPECIFIED_CONSULTATION", wardId: i % 3 === 0 ? south.id : north.id },
      });
      // Every fourth office has submitted, every fourth (offset) has a draft; the rest have no sheet.
      if (i % 4 === 0 || i % 4 === 1) {
        await prisma.evaluation.create({
          data: {
            officeId: office.id,
            fiscalYear: FY,
            templateId: template.id,
            status: i % 4 === 0 ? "SUBMITTED" : "DRAFT",
            submittedAt: i % 4 === 0 ? new Date() : null,
            answers: {
              create: [
                { itemCode: "A-01", rating: 4 },
                { itemCode: "A-02", rating: null },
                { itemCode: "A-03", notApplicable: true, notApplicableReason: "対象者なし" },
                { itemCode: "A-04", notApplicable: true, notApplicableReason: "  " },
              ],
            },
          },
        });
      }
    }
    subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
    await prisma.twoFactorDemoExemption.create({ data: { userId: subcommittee, reason: "test" } });
    admin = (await createUser({ roles: ["ADMINISTRATOR"] })).id;
    await prisma.twoFactorDemoExemption.create({ data: { userId: admin, reason: "test" } });
  }, 120_000);

  async function submissions(search: string) {
    const request = await requestAs(subcommittee, `/subcommittee/evaluations?year=${FY}&${search}`);
    return (await submissionsLoader(args(request))) as Awaited<ReturnType<typeof submissionsLoader>>;
  }

  it("the submission list comes a page at a time, every office once, with the year's totals", async () => {
    const seen = new Set<number>();
    const first = await submissions("");
    expect(first.pages).toBe(Math.ceil(COUNT / SUBMISSIONS_PAGE_SIZE));
    expect(first.total).toBe(COUNT);
    expect(first.submitted).toBe(COUNT / 4);
    for (let page = 1; page <= first.pages; page++) {
      const d = await submissions(`page=${page}`);
      expect(d.offices.length).toBeLessThanOrEqual(SUBMISSIONS_PAGE_SIZE);
      for (const o of d.offices) seen.add(o.officeId);
    }
    expect(seen.size).toBe(COUNT);
    // Past the last page: the last page.
    expect((await submissions("page=999")).page).toBe(first.pages);
  });

  it("counts answered items as the sheet does, in the database", async () => {
    const d = await submissions("status=DRAFT");
    expect(d.matching).toBe(COUNT / 4);
    // Rated, or not applicable with a reason: 2 of the 4 rows (a blank reason does not count).
    expect(d.offices.every((o) => o.status === "DRAFT" && o.answered === 2)).toBe(true);
    const none = await submissions("status=NONE");
    expect(none.matching).toBe(COUNT / 2);
    expect(none.offices.every((o) => o.status === null && o.answered === 0)).toBe(true);
    // An unknown status is no filter.
    expect((await submissions("status=LOST")).matching).toBe(COUNT);
  });

  it("filters by ward and by part of the name on the server", async () => {
    const south = await submissions(`ward=${southId}`);
    expect(south.matching).toBe(COUNT / 3);
    expect(south.offices.every((o) => o.wardJa === "pg-south区")).toBe(true);
    const named = await submissions(`q=${encodeURIComponent("事業所 01")}`);
    expect(named.matching).toBe(10); // 010–019
    const both = await submissions(`ward=${northId}&status=SUBMITTED&q=${encodeURIComponent("頁")}`);
    expect(both.offices.length).toBe(both.matching);
    expect(both.offices.every((o) => o.status === "SUBMITTED")).toBe(true);
  });

  it("a page of the submission list costs a fixed number of statements, whatever the city's size", async () => {
    const request = await requestAs(subcommittee, `/subcommittee/evaluations?year=${FY}`);
    const { count } = await countQueries(() => submissionsLoader(args(request)));
    // Session, years, three counts, the page of offices, their sheets, their answered counts, the wards.
    expect(count).toBeLessThanOrEqual(11);
  });

  async function offices(search: string) {
    const request = await requestAs(admin, `/admin/offices?${search}`);
    return (await officesLoader(args(request))) as Awaited<ReturnType<typeof officesLoader>>;
  }

  it("the offices list comes a page at a time and filters by name and ward", async () => {
    const first = await offices("");
    expect(first.total).toBe(COUNT);
    expect(first.offices.length).toBe(OFFICES_PAGE_SIZE);
    const last = await offices(`page=${first.pages}`);
    expect(last.offices.length).toBe(COUNT - (first.pages - 1) * OFFICES_PAGE_SIZE);
    expect(new Set([...first.offices, ...last.offices].map((o) => o.id)).size).toBe(first.offices.length + last.offices.length);
    const north = await offices(`ward=${northId}`);
    expect(north.total).toBe(COUNT - COUNT / 3);
    const named = await offices(`q=${encodeURIComponent("事業所 11")}`);
    expect(named.offices.map((o) => o.name)).toEqual([...Array(10).keys()].map((i) => `頁事業所 11${i}`));
  });
  it("the year choices are every year with a sheet (one index probe a year, not every sheet read)", async () => {
    // Two years no published template serves: only the sheets can bring them into the choices.
    const office = await prisma.office.create({ data: { name: "頁事業所 過去", kind: "SPECIFIED_CONSULTATION", wardId: northId } });
    const template = await prisma.checklistTemplate.findFirstOrThrow({ where: { version: 9001 } });
    for (const fiscalYear of [FY - 20, FY - 17])
      await prisma.evaluation.create({ data: { officeId: office.id, fiscalYear, templateId: template.id } });
    const withSheets = (await prisma.evaluation.groupBy({ by: ["fiscalYear"] })).map((g) => g.fiscalYear);
    const expected = [...new Set([...(await publishedFiscalYears()), ...withSheets])].sort((a, b) => b - a);
    const { result: years, statements } = await countQueries(() => reviewFiscalYears());
    expect(years).toEqual(expected);
    expect(years).toEqual(expect.arrayContaining([FY - 20, FY - 17]));
    expect(statements.some((q) => /WITH RECURSIVE/.test(q))).toBe(true);
  });
});
