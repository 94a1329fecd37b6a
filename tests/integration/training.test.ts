import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { compileContent } from "../../scripts/lib/compile-content";
import { action as moduleAction, loader as moduleLoader } from "~/routes/training.modules.$slug";
import { traineeSummary } from "~/training/training.server";
import { action as curriculumAction } from "~/routes/committee.curriculum";
import { loader as csvLoader } from "~/routes/committee.progress[.csv]";
import { createOffice, createUser, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

// The current fiscal year, so the test means the same thing in any year.
const FY = currentFiscalYear();

const SLUG = "fixture-listening";
const ctx = { clientIp: "" };

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "training-content-"));
  await compileContent({ contentDir: join(import.meta.dirname, "../fixtures/content"), outDir: out });
  process.env.TSUNAGU_CONTENT_OUT = out;
});

async function open(userId: number, query = "") {
  const request = await requestAs(userId, `/training/modules/${SLUG}${query}`);
  return moduleLoader({ request, params: { slug: SLUG }, context: ctx });
}

async function post(userId: number, fields: Record<string, string | string[]>, slug = SLUG) {
  const request = await requestAs(userId, `/training/modules/${slug}`, formRequestInit(fields));
  return (await moduleAction({ request, params: { slug }, context: ctx })) as Record<string, unknown>;
}

/** The pager's "next" button: leaves `from` (read) for `to`. */
async function advance(userId: number, from: string, to: string, slug = SLUG) {
  const request = await requestAs(userId, `/training/modules/${slug}`, formRequestInit({ intent: "advance", from, to }));
  const r = await callRoute(moduleAction({ request, params: { slug }, context: ctx }));
  return r.response ?? r.value;
}

async function status(p: Promise<unknown>) {
  const r = await callRoute(p);
  return r.thrown ? r.status : "ok";
}

describe("module progress", () => {
  it("saves the section the trainee is at and resumes there from another session", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    expect((await open(trainee.id)).step).toBe("intro");
    // Viewing records nothing (no GET writes): not even a jump to the last section.
    await open(trainee.id, "?section=summary");
    expect(await prisma.moduleProgress.count({ where: { userId: trainee.id } })).toBe(0);
    const moved = (await advance(trainee.id, "intro", "case")) as Response;
    expect(moved.status).toBe(302);
    expect(moved.headers.get("Location")).toBe(`/training/modules/${SLUG}?section=case`);
    const atCase = await open(trainee.id, "?section=case");
    expect(atCase.step).toBe("case");
    expect(atCase.sections.map((s) => s.reached)).toEqual([true, false, false]);
    // A new session (another device) without ?section= lands on the same place.
    const resumed = await open(trainee.id);
    expect(resumed).toMatchObject({ step: "case", resumed: true, status: "in-progress" });
    const row = await prisma.moduleProgress.findUniqueOrThrow({ where: { userId_slug: { userId: trainee.id, slug: SLUG } } });
    expect(row).toMatchObject({ sectionsReached: ["intro"], currentSection: "case", completedAt: null });
    // A step that is not in the module is refused and changes nothing.
    expect(((await advance(trainee.id, "case", "nowhere")) as { init: { status: number } }).init.status).toBe(400);
    expect(await prisma.moduleProgress.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      sectionsReached: ["intro"],
      currentSection: "case",
    });
  });

  it("「続きから学習する」 on home leads to the module and section read last, whichever comes first in the curriculum", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    await advance(trainee.id, "map", "video", "fixture-resources");
    await advance(trainee.id, "intro", "case", "fixture-listening");
    expect((await traineeSummary(trainee.id, FY)).next).toMatchObject({ slug: "fixture-listening", step: "case" });
    // Back to the other module: now that one is where home resumes, at its section.
    await advance(trainee.id, "video", "map", "fixture-resources");
    expect((await traineeSummary(trainee.id, FY)).next).toMatchObject({ slug: "fixture-resources", step: "map" });
    const home = await open(trainee.id);
    expect(home.step).toBe("case");
  });

  it("answers 404 to an unknown slug and 403 to a role without access; a committee preview records nothing", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const request = await requestAs(trainee.id, "/training/modules/no-such-module");
    expect(await status(moduleLoader({ request, params: { slug: "no-such-module" }, context: ctx }))).toBe(404);
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: (await createOffice()).id });
    expect(await status(open(manager.id))).toBe(403);
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    expect((await open(committee.id, "?section=case")).trainee).toBe(false);
    expect(((await advance(committee.id, "intro", "case")) as Response).status).toBe(302);
    expect(await prisma.moduleProgress.count({ where: { userId: committee.id } })).toBe(0);
  });

  it("never sends the correct answers or explanations before an answer is submitted", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const data = await open(trainee.id, "?view=check");
    expect(data.check?.questions).toHaveLength(2);
    const json = JSON.stringify(data);
    expect(json).not.toContain("correct");
    expect(json).not.toContain("本人の思いが出発点です");
    expect(json).not.toContain("explanation");
  });

  it("keeps reflection answers per trainee", async () => {
    const a = await createUser({ roles: ["TRAINEE"] });
    const b = await createUser({ roles: ["TRAINEE"] });
    expect(await post(a.id, { intent: "reflection", reflectionId: "r1", text: "まず沈黙を大切にする" })).toMatchObject({ ok: true });
    expect((await open(a.id, "?section=case")).reflections).toEqual({ r1: "まず沈黙を大切にする" });
    expect((await open(b.id, "?section=case")).reflections).toEqual({});
  });
});

describe("knowledge check attempts", () => {
  const wrong = { "q.q1": "a", "q.q2": ["a", "b"] };
  const right = { "q.q1": "b", "q.q2": ["a", "b"] };

  it("grades on the server, records every attempt, and records the same answers sent twice once", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const first = await post(trainee.id, { intent: "check", nonce: "n1", ...wrong });
    expect(first).toMatchObject({ passed: false, correctCount: 1, total: 2 });
    expect((first.questions as { explanation: string }[])[0].explanation).toBe("本人の思いが出発点です。");
    await post(trainee.id, { intent: "check", nonce: "n1", ...wrong }); // double submit
    expect(await prisma.checkAttempt.count({ where: { userId: trainee.id } })).toBe(1);
    await post(trainee.id, { intent: "check", nonce: "n2", ...wrong }); // a new form: a new attempt
    expect(await prisma.checkAttempt.count({ where: { userId: trainee.id } })).toBe(2);
    const passed = await post(trainee.id, { intent: "check", nonce: "n2", ...right }); // changed answers: a new attempt
    expect(passed).toMatchObject({ passed: true, score: 1 });
    expect(await prisma.checkAttempt.count({ where: { userId: trainee.id } })).toBe(3);
  });

  it("completes the module only when every section was reached and the check passed", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    await advance(trainee.id, "intro", "case");
    await post(trainee.id, { intent: "check", nonce: "x", ...right });
    expect((await open(trainee.id, "?view=check")).status).toBe("in-progress");
    await advance(trainee.id, "case", "summary");
    // Looking at the last section is not reading it: the trainee moves on from it to the check.
    expect((await open(trainee.id, "?section=summary")).status).toBe("in-progress");
    await advance(trainee.id, "summary", "check");
    expect((await open(trainee.id, "?view=check")).status).toBe("complete");
    const row = await prisma.moduleProgress.findUniqueOrThrow({ where: { userId_slug: { userId: trainee.id, slug: SLUG } } });
    expect(row.completedAt).not.toBeNull();
  });
});

describe("knowledge checks that cannot be copied or gamed", () => {
  /** An action's body, whether returned plainly or with a status (Remix's data()). */
  const body = (r: Record<string, unknown>) =>
    (r.type === "DataWithResponseInit" ? (r.data as Record<string, unknown>) : r) as Record<string, unknown>;
  const statusOf = (r: Record<string, unknown>) => (r.type === "DataWithResponseInit" ? (r.init as { status: number }).status : 200);

  it("refuses a blank or partial submission, naming the questions, and records no attempt", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const blank = await post(trainee.id, { intent: "check", nonce: "b1" });
    expect(statusOf(blank)).toBe(400);
    expect(body(blank)).toMatchObject({ ok: false, unanswered: [1, 2] });
    const partial = await post(trainee.id, { intent: "check", nonce: "b2", "q.q1": "a" });
    expect(body(partial)).toMatchObject({ ok: false, unanswered: [2], chosen: { q1: ["a"] } });
    expect(await prisma.checkAttempt.count({ where: { userId: trainee.id } })).toBe(0);
    // A committee preview is refused the same way.
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    expect(body(await post(committee.id, { intent: "check", nonce: "b3" }))).toMatchObject({ ok: false, unanswered: [1, 2] });
  });

  it("shows which questions were wrong and the explanation, never the correct choices", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const failed = body(await post(trainee.id, { intent: "check", nonce: "w1", "q.q1": "b", "q.q2": ["a", "c"] }));
    expect(failed).toMatchObject({ passed: false, correctCount: 1 });
    expect(failed.questions).toEqual([
      { id: "q1", correct: true, chosen: ["b"], explanation: "本人の思いが出発点です。" },
      { id: "q2", correct: false, chosen: ["a", "c"], explanation: "複数の手がかりを使います。" },
    ]);
    const json = JSON.stringify(failed);
    expect(json).not.toContain("correctChoices");
    expect(json).not.toContain("行動"); // the text of the correct choice the trainee missed
    expect(await prisma.checkAttempt.count({ where: { userId: trainee.id } })).toBe(1);
  });

  it("draws the choices in a new order for each attempt, and grades by choice whatever the order", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const orders: string[] = [];
    for (let n = 0; n < 4; n++) {
      const view = await open(trainee.id, "?view=check");
      // The same attempt shows the same order on reload.
      expect(JSON.stringify((await open(trainee.id, "?view=check")).check)).toBe(JSON.stringify(view.check));
      const order = view.check!.questions.map((q) => q.choices.map((c) => c.id).join("")).join("|");
      if (orders.length) expect(order).not.toBe(orders[orders.length - 1]);
      orders.push(order);
      await post(trainee.id, { intent: "check", nonce: `o${n}`, "q.q1": "a", "q.q2": ["a", "b"] });
    }
    expect(await prisma.checkAttempt.count({ where: { userId: trainee.id } })).toBe(4);
    const right = body(await post(trainee.id, { intent: "check", nonce: "o-right", "q.q1": "b", "q.q2": ["b", "a"] }));
    expect(right).toMatchObject({ passed: true, score: 1 });
  });
});

describe("curriculum and enrolment", () => {
  it("imports a CSV with a per-row report and refuses bad rows with their reason", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const t1 = await createUser({ roles: ["TRAINEE"], email: "t1-import@example.jp" });
    await createUser({ roles: ["OFFICE_MANAGER"], email: "manager-import@example.jp" });
    await createUser({ roles: ["TRAINEE"], email: "t2-import@example.jp" });
    await prisma.trainingEnrollment.create({
      data: { userId: (await prisma.user.findUniqueOrThrow({ where: { email: "t2-import@example.jp" } })).id, fiscalYear: FY },
    });
    const csv =
      "\uFEFFemail\nT1-import@example.jp\nnobody@example.jp\nmanager-import@example.jp\nt2-import@example.jp\nnot an email\nt1-import@example.jp\n";
    const body = new FormData();
    body.set("intent", "import");
    body.set("file", new File([csv], "trainees.csv", { type: "text/csv" }));
    const request = await requestAs(committee.id, `/committee/curriculum?year=${FY}`, { method: "POST", body });
    const result = (await curriculumAction({ request, params: {}, context: ctx })) as {
      rows: { line: number; outcome: string }[];
      enrolled: number;
    };
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "enrolled"],
      [3, "unknown-email"],
      [4, "not-trainee"],
      [5, "already-enrolled"],
      [6, "malformed"],
      [7, "duplicate-row"],
    ]);
    expect(result.enrolled).toBe(1);
    expect(await prisma.trainingEnrollment.count({ where: { userId: t1.id, fiscalYear: FY } })).toBe(1);
  });

  it("enrols one trainee by email, refuses others with a reason, and refuses trainees access to the page", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const manager = await createUser({ roles: ["OFFICE_MANAGER"] });
    const enrol = async (email: string) => {
      const request = await requestAs(committee.id, `/committee/curriculum?year=${FY}`, formRequestInit({ intent: "enrol", email }));
      const result = (await curriculumAction({ request, params: {}, context: ctx })) as { data?: { outcome: string }; outcome?: string };
      return result.data?.outcome ?? result.outcome;
    };
    expect(await enrol(trainee.email.toUpperCase())).toBe("enrolled");
    expect(await enrol(trainee.email)).toBe("already-enrolled");
    expect(await enrol(manager.email)).toBe("not-trainee");
    expect(await enrol("x@")).toBe("malformed");
    const remove = await requestAs(
      committee.id,
      `/committee/curriculum?year=${FY}`,
      formRequestInit({ intent: "unenrol", userId: String(trainee.id) }),
    );
    expect(await curriculumAction({ request: remove, params: {}, context: ctx })).toMatchObject({ data: { ok: true } });
    expect(await prisma.trainingEnrollment.count({ where: { userId: trainee.id } })).toBe(0);
    const denied = await requestAs(trainee.id, "/committee/curriculum", formRequestInit({ intent: "enrol", email: trainee.email }));
    expect(await status(curriculumAction({ request: denied, params: {}, context: ctx }))).toBe(403);
  });

  it("sets the year's curriculum and exports progress as CSV with a BOM", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const request = await requestAs(
      committee.id,
      `/committee/curriculum?year=${FY}`,
      formRequestInit({ intent: "curriculum", slug: ["fixture-resources", "fixture-listening", "bogus"] }),
    );
    expect(await curriculumAction({ request, params: {}, context: ctx })).toMatchObject({ ok: true, count: 2 });
    const trainee = await createUser({ roles: ["TRAINEE"] });
    await prisma.trainingEnrollment.create({ data: { userId: trainee.id, fiscalYear: FY } });
    await advance(trainee.id, "intro", "case");
    const response = (await csvLoader({
      request: await requestAs(committee.id, `/committee/progress.csv?year=${FY}`),
      params: {},
      context: ctx,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(trainee.email);
    expect(text).toContain("学習中 (1/3)");
  });
});
