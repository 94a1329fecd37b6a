// Year inputs accept 令和 and Western years and say which year they understood: publishing a checklist
// version for "令和N" (counted from this fiscal year) through the page's action.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { now } from "~/lib/clock";
import { fiscalYearEra, fiscalYearOf } from "~/lib/fiscal-year";
import { action } from "~/routes/subcommittee.checklists.$version";
import { createUser, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const NEXT = fiscalYearOf(now()) + 1;
const reiwa = (fy: number) => `令和${fiscalYearEra(fy).year}`;

let sub: number;
let version: number;
beforeAll(async () => {
  sub = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  version = (await insertTemplateVersion(prisma, parsed.template, {})).version;
});

async function publish(years: string) {
  const request = await requestAs(sub, `/subcommittee/checklists/${version}`, formRequestInit({ intent: "publish", years }));
  const r = await callRoute(action({ request, params: { version: String(version) }, context: { clientIp: "" } }));
  if (r.thrown) throw r.response;
  return r.body as {
    ok: boolean;
    years?: number[];
    fieldErrors?: Record<string, { key: string; params?: Record<string, unknown> }[]>;
  };
}

describe("publishing a checklist version for a 令和 year", () => {
  it("refuses what is not a year, naming it", async () => {
    const r = await publish("令和九十九");
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.years[0]).toEqual({ key: "years.error.format", params: { input: "令和九十九" } });
  });

  it(`accepts ${reiwa(NEXT)} and a Western year, and says which fiscal years it understood`, async () => {
    const r = await publish(`${reiwa(NEXT)}、${NEXT + 1}`);
    expect(r).toMatchObject({ ok: true, years: [NEXT, NEXT + 1] });
    const t = await prisma.checklistTemplate.findFirstOrThrow({ where: { version } });
    expect(t.fiscalYears.sort()).toEqual([NEXT, NEXT + 1]);
  });
});
