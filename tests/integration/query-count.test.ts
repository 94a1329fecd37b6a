// SQL statements per request for the main pages (issue 13): the root loader and the page's loader run together, as
// Remix runs them for one request, and every statement they send is counted. Each bound is what the page needs
// after issue 13's first part (before it, in the same order: 8, 9, 7, 14, 11, 20, 25, 15): a change that adds
// statements to a page fails here and has to raise the bound on purpose. QUERY_COUNT_SQL=1 prints what each sends.
// Issue 17's training-effect sections (results, the dashboard) and the plan's training links then added statements:
// results 8 → 12, /action-plan 16 → 18, /subcommittee 19 → 27. Brought down since: the plan reads the office's
// submitted sheets once for the whole page (18 → 14), results read earlier years from the pre-computed category
// sums (12 → 11), and the dashboard's bound is what it sends (20). Later: results read the office, its ward and the
// sheet in one statement and its own training effect from the pre-computed sums (11 → 7); the dashboard sends 12.
// The bench's other heavy pages, added at what they sent, then brought down: /office/training 19 → 14 (the office
// from the session, the staff and their module progress read once for records and recommendations, attended
// sessions with their track in one statement, no statements for an empty list of recommendations); /sessions/:id
// 15 → 10 (the session's enrolments read once for its places, the user's own and the waitlist, and reused by the
// case links and the survey link; the other sessions that may overlap read without their enrolments; the on-demand
// track's completion in one statement), which also brings /sessions 14 → 12; the facilitator's cases 15 → 13 (the
// enrolled count read with the session, the committee and the names the cases show in one statement);
// /office/staff/:id 13 → 9 (the office from the session or the list of offices; the memberships with their offices'
// names in one statement, the scheduled move taken from them; the open plan items with their plan's year);
// /sessions 12 → 9 (the upcoming sessions and the user's own read together with their days, the enrolments on their
// own; the on-demand track's completion read once for the claim and the prerequisites). The refused enrolment (a
// POST, then the loaders) is bounded too: 17 after the session page's change, 14 since the survey link's check of an
// enrolled trainee reads the enrolment, its attendance and its session's last day in one statement (was four).
// The committee's roster is bounded at what it sends (12; the bench counted 13 with its HTTP request).
// Then /action-plan 14 → 7: the plan of the year with its office, ward, items, their updates and comments (with
// their authors' names) and the list of the office's plan years in one statement (were eight); /committee/progress
// 12 → 8: the enrolled trainees with their offices' names in one statement (were three; also the curriculum page),
// and the trainees' video watches read once for the video columns and the modules' states (were two reads more);
// the roster 12 → 6: the enrolments with their trainees' names, e-mails, offices, attendance and, for the enrolled,
// completion exception, make-ups and certificate in one statement (were seven; also its CSV and sign-in sheet);
// the facilitator's cases 13 → 8: the submitted cases with their number of versions, the latest one and the ratings,
// and (only for a facilitator, who alone is shown them) the comments, questions and files, in one statement (were
// six, the comments, questions and files read whoever asked); /subcommittee 12 → 10: the council figures' training
// counts, the year's certificates by track and the sharing meetings' figures in one statement (were three; also
// the annual report); then 10 → 8: the wards cached under the council's version, the categories from the cached
// published template; then 8 → 2 (the session, and the council's and the training version in one statement): the
// training figures kept under the training version, the checklist's categories and the weak items' wording under the
// council's, and the training effect's stamp read with them (decision 069).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { countQueries } from "~/lib/query-count.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { seedDemoData } from "../../scripts/lib/seed.ts";
import { formRequestInit, requestAs } from "./factories";
import { loader as rootLoader } from "~/root";
import { loader as homeLoader } from "~/routes/_index";
import { loader as trainingLoader } from "~/routes/training._index";
import { loader as moduleLoader } from "~/routes/training.modules.$slug";
import { loader as sessionsLoader } from "~/routes/sessions._index";
import { loader as resultsLoader } from "~/routes/evaluation.$year.results";
import { loader as planLoader } from "~/routes/action-plan/route";
import { loader as dashboardLoader } from "~/routes/subcommittee._index";
import { loader as progressLoader } from "~/routes/committee.progress";
import { loader as officeTrainingLoader } from "~/routes/office.training";
import { action as sessionAction, loader as sessionLoader } from "~/routes/sessions.$id";
import { loader as facilitatorCasesLoader } from "~/routes/committee.sessions.$id_.cases";
import { loader as staffMemberLoader } from "~/routes/office.staff.$userId";
import { loader as rosterLoader } from "~/routes/committee.sessions.$id/route";
import { loader as subcommitteePlanLoader } from "~/routes/subcommittee.action-plans.$planId";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

async function userId(local: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email: `${local}@example.jp` } })).id;
}

/**
 * `{manager}` in a path or parameter: that demo account's id (the bench's `/office/staff/2` is the manager); `{plan}`:
 * the first action plan with items and comments.
 */
async function withIds(text: string) {
  const match = /\{([\w.]+)\}/.exec(text);
  if (!match) return text;
  const id =
    match[1] === "plan"
      ? (await prisma.actionPlan.findFirstOrThrow({ where: { items: { some: { comments: { some: {} } } } }, orderBy: { id: "asc" } })).id
      : await userId(match[1]!);
  return text.replace(match[0], String(id));
}

/** Statements one request for `path` sends (root loader and page loader, in parallel), after one warm-up request. */
async function statements(as: string, rawPath: string, loader: Loader, rawParams: Record<string, string> = {}) {
  const id = await userId(as);
  const path = await withIds(rawPath);
  const params = Object.fromEntries(await Promise.all(Object.entries(rawParams).map(async ([k, v]) => [k, await withIds(v)])));
  const request = async () => {
    const r = await requestAs(id, path);
    const args = { request: r, params, context: {} };
    return countQueries(() => Promise.all([(rootLoader as unknown as Loader)(args), loader(args)]));
  };
  await request(); // warm-up: per-process caches (catalogue, checklist template) fill
  const { count, statements } = await request();
  if (process.env.QUERY_COUNT_SQL) console.log(`---- ${path}\n${statements.map((q) => q.slice(0, 200)).join("\n")}`);
  return count;
}

const LAST_FY = currentFiscalYear() - 1;

describe("SQL statements per request", () => {
  beforeAll(async () => {
    await seedDemoData(prisma, undefined, { videos: false });
  }, 180_000);

  const pages: { name: string; as: string; path: string; loader: Loader; params?: Record<string, string>; bound: number }[] = [
    { name: "home (signed in)", as: "manager", path: "/", loader: homeLoader as unknown as Loader, bound: 5 },
    { name: "/training", as: "trainee", path: "/training", loader: trainingLoader as unknown as Loader, bound: 6 },
    {
      name: "a module section",
      as: "trainee",
      path: "/training/modules/person-centred-assessment?section=case",
      loader: moduleLoader as unknown as Loader,
      params: { slug: "person-centred-assessment" },
      bound: 4,
    },
    // 14 since the list says whether each session can be taken (issue 14): the on-demand track and exemptions are read.
    { name: "/sessions", as: "trainee", path: "/sessions", loader: sessionsLoader as unknown as Loader, bound: 9 },
    {
      name: "/evaluation/:year/results",
      as: "manager",
      path: `/evaluation/${LAST_FY}/results`,
      loader: resultsLoader as unknown as Loader,
      params: { year: String(LAST_FY) },
      bound: 7,
    },
    { name: "/action-plan", as: "manager", path: "/action-plan", loader: planLoader as unknown as Loader, bound: 7 },
    {
      name: "/subcommittee",
      as: "subcommittee",
      path: `/subcommittee?year=${LAST_FY}`,
      loader: dashboardLoader as unknown as Loader,
      bound: 2,
    },
    { name: "/committee/progress", as: "committee", path: "/committee/progress", loader: progressLoader as unknown as Loader, bound: 8 },
    // The bench's other heavy pages, with the same user and URL.
    { name: "/office/training", as: "manager", path: "/office/training", loader: officeTrainingLoader as unknown as Loader, bound: 14 },
    {
      name: "/sessions/:id",
      as: "trainee",
      path: "/sessions/2",
      loader: sessionLoader as unknown as Loader,
      params: { id: "2" },
      bound: 10,
    },
    {
      name: "/committee/sessions/:id/cases",
      as: "committee",
      path: "/committee/sessions/3/cases",
      loader: facilitatorCasesLoader as unknown as Loader,
      params: { id: "3" },
      bound: 8,
    },
    {
      name: "/office/staff/:id",
      as: "manager",
      path: "/office/staff/{manager}",
      loader: staffMemberLoader as unknown as Loader,
      params: { userId: "{manager}" },
      bound: 9,
    },
    {
      name: "/committee/sessions/:id (roster)",
      as: "committee",
      path: "/committee/sessions/1",
      loader: rosterLoader as unknown as Loader,
      params: { id: "1" },
      bound: 6,
    },
    // 13 → 7 since the plan, its office, ward, items, updates and comments are one statement, as on the office's page.
    {
      name: "/subcommittee/action-plans/:id",
      as: "subcommittee",
      path: "/subcommittee/action-plans/{plan}",
      loader: subcommitteePlanLoader as unknown as Loader,
      params: { planId: "{plan}" },
      bound: 7,
    },
  ];

  // The bench's refused enrolment: the action answers 409 (already enrolled) and Remix then runs the root and page
  // loaders on a request of their own (so the session is read again), as for any document POST.
  it("POST enrol on a session (refused) stays within 14 statements", async () => {
    const id = await userId("trainee");
    const signedIn = await requestAs(id, "/sessions/4");
    const cookie = signedIn.headers.get("Cookie")!;
    const args = (r: Request) => ({ request: r, params: { id: "4" }, context: {} });
    const post = async () => {
      const r = new Request("http://localhost/sessions/4", {
        ...formRequestInit({ intent: "enrol" }),
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      });
      const answer = await (sessionAction as unknown as Loader)(args(r));
      const get = new Request("http://localhost/sessions/4", { headers: { Cookie: cookie } });
      await Promise.all([(rootLoader as unknown as Loader)(args(get)), (sessionLoader as unknown as Loader)(args(get))]);
      return answer;
    };
    await post(); // the first enrols
    const { result, count, statements } = await countQueries(post);
    if (process.env.QUERY_COUNT_SQL) console.log(`---- POST /sessions/4\n${statements.map((q) => q.slice(0, 200)).join("\n")}`);
    console.log(`[query-count] POST enrol (refused): ${count}`);
    expect((result as { init?: { status?: number } }).init?.status).toBe(409);
    expect(count).toBeLessThanOrEqual(14);
  });

  for (const page of pages) {
    it(`${page.name} stays within ${page.bound} statements`, async () => {
      const count = await statements(page.as, page.path, page.loader, page.params);
      console.log(`[query-count] ${page.name}: ${count}`);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(page.bound);
    });
  }
});
