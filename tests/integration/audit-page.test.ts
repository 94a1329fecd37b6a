// Issue 16 ("the audit page is filterable and paginated, shows words rather than codes, and exports CSV") and
// issue 19's breach-report questions ("who did what between two dates"): the page and its CSV on PostgreSQL.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as pageLoader } from "~/routes/admin.audit";
import { loader as csvLoader } from "~/routes/admin.audit[.csv]";
import { routeStatus } from "./call-route";
import { createUser, requestAs } from "./factories";

const context = { clientIp: "" };

describe("the audit page", () => {
  it("filters by person, kind of action, record and dates, shows words, and exports the same entries as CSV", async () => {
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const alice = await createUser({ roles: ["OFFICE_MANAGER"] });
    const bob = await createUser({ roles: ["OFFICE_MANAGER"] });
    const day = (d: string) => new Date(`${d}T03:00:00Z`); // noon JST
    await prisma.auditLog.createMany({
      data: [
        {
          actorId: alice.id,
          action: "evaluation.submit",
          entityType: "Evaluation",
          entityId: "41",
          summary: "FY2025",
          createdAt: day("2025-06-10"),
        },
        {
          actorId: alice.id,
          action: "evaluation.answer",
          entityType: "Evaluation",
          entityId: "41",
          summary: '=HYPERLINK("x")',
          createdAt: day("2025-06-09"),
        },
        {
          actorId: bob.id,
          action: "evaluation.submit",
          entityType: "Evaluation",
          entityId: "42",
          summary: "FY2025",
          createdAt: day("2025-07-01"),
        },
        {
          actorId: alice.id,
          action: "actionPlan.create",
          entityType: "ActionPlan",
          entityId: "7",
          summary: "",
          createdAt: day("2025-06-11"),
        },
      ],
    });
    const page = async (query: string) =>
      (await pageLoader({ request: await requestAs(admin.id, `/admin/audit?${query}`), params: {}, context })) as Awaited<
        ReturnType<typeof pageLoader>
      >;

    // The record kinds offered as a filter: every kind in the log once, in order (whatever else the database holds).
    const kinds = (await prisma.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } })).map((g) => g.entityType);
    expect((await page("")).entityTypes).toEqual(kinds);
    expect(kinds).toEqual(expect.arrayContaining(["ActionPlan", "Evaluation"]));

    const alices = await page(`who=${encodeURIComponent(alice.email)}&action=evaluation&from=2025-06-01&to=2025-06-30`);
    expect(alices.entries.map((e) => e.action)).toEqual(["evaluation.submit", "evaluation.answer"]);
    expect(alices.entries[0].label).toBe("自己評価を提出");
    expect(alices.total).toBe(2);

    const record = await page("entity=Evaluation&entityId=42");
    expect(record.entries.map((e) => e.actor)).toEqual([expect.stringContaining(bob.email)]);

    const oneDay = await page("from=2025-06-10&to=2025-06-10");
    expect(oneDay.entries.map((e) => e.action)).toEqual(["evaluation.submit"]);

    // A date that is not a day is named and left out; nothing fails.
    const bad = await page("from=2025-02-30&who=" + encodeURIComponent(bob.email));
    expect(bad.errors).toEqual(["from"]);
    expect(bad.entries).toHaveLength(1);

    const csv = (await csvLoader({
      request: await requestAs(admin.id, `/admin/audit.csv?who=${encodeURIComponent(alice.email)}&action=evaluation`),
      params: {},
      context,
    })) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Japanese
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("日時,")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("2025-06-10 12:00:00");
    expect(lines[1]).toContain("自己評価を提出");
    expect(lines[2]).toContain("'=HYPERLINK"); // the formula guard
  });

  it("is for administrators only, the CSV too", async () => {
    const manager = await createUser({ roles: ["OFFICE_MANAGER"] });
    expect(await routeStatus(pageLoader({ request: await requestAs(manager.id, "/admin/audit"), params: {}, context }))).toBe(403);
    expect(await routeStatus(csvLoader({ request: await requestAs(manager.id, "/admin/audit.csv"), params: {}, context }))).toBe(403);
  });
});
