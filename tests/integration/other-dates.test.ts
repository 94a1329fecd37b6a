// Time does not break it: the demo data is loaded and the key pages read with the application's clock
// set to two other dates in the next five years — the last half-hour of a fiscal year and the first
// half-hour of another (JST) — the same way a server started with TSUNAGU_NOW sees them. Every year here
// is counted from the clock, so this test passes on any day it runs.
import { afterAll, describe, expect, it } from "vitest";
import { councilFigures } from "~/cycle/council-figures.server";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { fiscalYearLabelJa, fiscalYearOf } from "~/lib/fiscal-year";
import { loader as homeLoader } from "~/routes/_index";
import { loader as planLoader } from "~/routes/action-plan/route";
import { loader as sheetLoader } from "~/routes/evaluation.$year._index/route";
import { loader as resultsLoader } from "~/routes/evaluation.$year.results";
import { loader as meetingsLoader } from "~/routes/meetings._index";
import { loader as dashboardLoader } from "~/routes/subcommittee._index";
import { seedDemoData } from "../../scripts/lib/seed.ts";
import { requestAs } from "./factories";

const ctx = { context: { clientIp: "" } };
const TODAY_FY = fiscalYearOf(new Date());
const DATES = [
  `${TODAY_FY + 2}-03-31T23:30:00+09:00`, // the last half-hour of FY(today + 1)
  `${TODAY_FY + 4}-04-01T00:30:00+09:00`, // the first half-hour of FY(today + 4)
];

async function emptyDatabase() {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%'`;
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;

afterAll(() => setClock(null));

describe.each(DATES)("with the clock at %s", (at) => {
  it("the demo data and the key pages follow the fiscal year of that day", { timeout: 120_000 }, async () => {
    await emptyDatabase();
    setClock(at);
    const CUR = fiscalYearOf(now());
    const PREV = CUR - 1;
    expect(CUR).toBeGreaterThan(TODAY_FY);
    await seedDemoData(prisma, undefined, { videos: false });

    const manager = await userId("manager@example.jp");
    const sub = await userId("subcommittee@example.jp");

    // Nothing of this year claims to have happened after "now" (meetings and sessions may be upcoming).
    const t = now();
    expect(await prisma.evaluation.count({ where: { submittedAt: { gt: t } } })).toBe(0);
    expect(await prisma.actionPlan.count({ where: { OR: [{ submittedAt: { gt: t } }, { createdAt: { gt: t } }] } })).toBe(0);
    expect(await prisma.peerActivity.count({ where: { date: { gt: t } } })).toBe(0);
    expect(await prisma.meetingRegistration.count({ where: { attended: true, meeting: { startsAt: { gt: t } } } })).toBe(0);

    // The manager's home, plan and sheet are this year's.
    const home = (await homeLoader({ request: await requestAs(manager, "/"), params: {}, ...ctx })) as { steps: { fiscalYear: number } };
    expect(home.steps.fiscalYear).toBe(CUR);
    const plan = (await planLoader({ request: await requestAs(manager, "/action-plan"), params: {}, ...ctx })) as {
      year: number;
      plan: { items: unknown[] } | null;
    };
    expect(plan.year).toBe(CUR);
    expect(plan.plan?.items.length).toBeGreaterThan(0);
    const sheet = await sheetLoader({ request: await requestAs(manager, `/evaluation/${CUR}`), params: { year: String(CUR) }, ...ctx });
    expect(JSON.stringify(sheet)).toContain('"status":"DRAFT"');
    const results = (await resultsLoader({
      request: await requestAs(manager, `/evaluation/${PREV}/results`),
      params: { year: String(PREV) },
      ...ctx,
    })) as { results: { submitted: boolean; cityShown: boolean } };
    expect(results.results).toMatchObject({ submitted: true, cityShown: true });

    // Meetings: last year's held, one upcoming.
    const meetings = (await meetingsLoader({ request: await requestAs(manager, "/meetings"), params: {}, ...ctx })) as {
      current: number;
    };
    expect(meetings.current).toBe(CUR);
    expect(await prisma.sharingMeeting.count({ where: { startsAt: { gt: t } } })).toBeGreaterThan(0);
    expect(
      await prisma.sharingMeeting.findFirst({ where: { fiscalYear: PREV, title: { contains: fiscalYearLabelJa(PREV) } } }),
    ).not.toBeNull();

    // The subcommittee's dashboard opens on this year; last year's figures are the demo's.
    const dash = (await dashboardLoader({ request: await requestAs(sub, "/subcommittee"), params: {}, ...ctx })) as {
      fiscalYear: number;
      statusCounts: Record<string, number>;
    };
    expect(dash.fiscalYear).toBe(CUR);
    expect(dash.statusCounts.DRAFT).toBeGreaterThan(0);
    const figures = await councilFigures(PREV);
    expect(figures.byKey).toMatchObject({
      officesSubmitted: 22,
      meetingsHeld: 1,
      meetingOffices: 16,
      meetingPeople: 24,
      "basicSecond.certificates": 1,
    });
    // This year's sessions: the demo's four, one of them held; and the attendance demo's two-day session, held two
    // weeks before the day (scripts/lib/seed-attendance.ts), in this year or, early in April, the last.
    const pastSessionThisYear = fiscalYearOf(new Date(now().getTime() - 15 * 24 * 3600_000)) === CUR ? 1 : 0;
    expect(await prisma.trainingSession.count({ where: { fiscalYear: CUR } })).toBe(4 + pastSessionThisYear);
    expect((await councilFigures(CUR)).byKey.sessionsHeld).toBe(1 + pastSessionThisYear);
  });
});
