// The course survey (issue 20): a trainee answers once, after the session; answers are stored without who gave them
// (a separate participation row keeps them from answering twice); results are withheld under three responses; the
// response rate is exact; the committee manages the questions (audited).
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { setClock } from "~/lib/clock";
import { createSession, enrol, setAttendance } from "~/scheduling/scheduling.server";
import { action as answerAction, loader as surveyLoader } from "~/routes/surveys.$id";
import { action as questionsAction, loader as surveysLoader } from "~/routes/committee.surveys._index";
import { loader as resultsLoader } from "~/routes/committee.surveys.$id";
import { loader as csvLoader } from "~/routes/committee.surveys.$id[.csv]";
import { createUser, formRequestInit, requestAs } from "./factories";

const ctx = { clientIp: "" };
const DAY = 86_400_000;

afterEach(() => setClock(null));

function unwrap(r: unknown): { status: number; body: Record<string, unknown> } {
  const x = r as Record<string, unknown>;
  return x?.type === "DataWithResponseInit"
    ? { status: (x.init as { status: number }).status, body: x.data as Record<string, unknown> }
    : { status: 200, body: x };
}

/** A one-day session two days ahead, `attending` trainees checked in and `absent` enrolled but not, the clock after the day. */
async function heldSession(attending: number, absent = 0) {
  const now = Date.now();
  const start = new Date(now + 2 * DAY);
  start.setUTCHours(1, 0, 0, 0);
  const s = await createSession(
    {
      track: "basic-group",
      fiscalYear: fiscalYearOf(start),
      titleJa: "アンケートのテスト",
      titleEn: "Survey test",
      descriptionJa: "",
      descriptionEn: "",
      pillars: [],
      goalCodes: [],
      venue: "",
      onlineUrl: "",
      capacity: 20,
      opensAt: new Date(now - 10 * DAY),
      closesAt: new Date(now + DAY),
      facilitators: "",
      prerequisite: "none",
      days: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3600_000) }],
    },
    null,
  );
  const day = (await prisma.sessionDay.findFirstOrThrow({ where: { sessionId: s.id } })).id;
  const trainees = [];
  for (let i = 0; i < attending + absent; i++) {
    const u = await createUser({ roles: ["TRAINEE"] });
    await enrol(u.id, s.id);
    trainees.push(u);
  }
  setClock(new Date(start.getTime() + 4 * 3600_000));
  for (const u of trainees.slice(0, attending)) {
    const e = await prisma.sessionEnrollment.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: s.id, userId: u.id } } });
    await setAttendance(e.id, day, true, null);
  }
  return { session: s, attending: trainees.slice(0, attending), absent: trainees.slice(attending) };
}

async function questions() {
  return prisma.surveyQuestion.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" } });
}

async function answer(userId: number, slug: string, ratings: number[], text = "") {
  const qs = await questions();
  const fields: Record<string, string> = {};
  let i = 0;
  for (const q of qs) fields[`q${q.id}`] = q.kind === "rating" ? String(ratings[i++] ?? "") : text;
  const request = await requestAs(userId, `/surveys/${slug}`, formRequestInit(fields));
  return unwrap(await answerAction({ request, params: { id: slug }, context: ctx }));
}

async function results(userId: number, slug: string) {
  return resultsLoader({ request: await requestAs(userId, `/committee/surveys/${slug}`), params: { id: slug }, context: ctx });
}

describe("the course survey", () => {
  it("has the default questions seeded: ratings 1–5 and a free text", async () => {
    const qs = await questions();
    expect(qs.filter((q) => q.kind === "rating").length).toBeGreaterThanOrEqual(3);
    expect(qs.some((q) => q.kind === "text")).toBe(true);
  });

  it("is answered once, by a trainee who attended the held session, and stores no user id with the answers", async () => {
    const { session, attending, absent } = await heldSession(1, 1);
    const slug = `session-${session.id}`;
    const [t] = attending;
    // Someone who was not there (or not enrolled) may not answer, nor see the form.
    expect((await answer(absent[0].id, slug, [5, 5, 5, 5])).status).toBe(403);
    const stranger = await createUser({ roles: ["TRAINEE"] });
    await expect(
      surveyLoader({ request: await requestAs(stranger.id, `/surveys/${slug}`), params: { id: slug }, context: ctx }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      surveyLoader({ request: await requestAs(stranger.id, "/surveys/session-999999"), params: { id: "session-999999" }, context: ctx }),
    ).rejects.toMatchObject({ status: 404 });

    // A missing or out-of-range rating is named, and nothing is stored.
    expect((await answer(t.id, slug, [5, 4, 6, 3])).body).toMatchObject({ ok: false, error: "survey.error.rating" });
    expect((await answer(t.id, slug, [5, 4])).body).toMatchObject({ ok: false, error: "survey.error.rating" });
    expect(await prisma.surveyParticipation.count({ where: { target: `session:${session.id}` } })).toBe(0);

    expect((await answer(t.id, slug, [5, 4, 4, 3], "グループワークが役立った")).body).toMatchObject({ ok: true });
    expect(await answer(t.id, slug, [1, 1, 1, 1])).toMatchObject({ status: 409, body: { error: "survey.error.already" } });
    expect(await prisma.surveyResponse.count({ where: { target: `session:${session.id}` } })).toBe(1);
    expect(await prisma.surveyParticipation.count({ where: { userId: t.id } })).toBe(1);
    const page = await surveyLoader({ request: await requestAs(t.id, `/surveys/${slug}`), params: { id: slug }, context: ctx });
    expect(page.survey.answered).toBe(true);

    // Anonymity: the answer tables have no column that could name a person or a time.
    const cols = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name IN ('SurveyResponse', 'SurveyAnswer')`;
    expect(cols.map((c) => `${c.table_name}.${c.column_name}`).sort()).toEqual(
      [
        "SurveyAnswer.id",
        "SurveyAnswer.questionId",
        "SurveyAnswer.rating",
        "SurveyAnswer.responseId",
        "SurveyAnswer.text",
        "SurveyResponse.id",
        "SurveyResponse.target",
      ].sort(),
    );
    // The audit says that they answered, not what.
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "survey.answer", actorId: t.id } });
    expect(entry.summary).toBe(`session:${session.id}`);
    const response = await prisma.surveyResponse.findFirstOrThrow({ where: { target: `session:${session.id}` } });
    expect(JSON.stringify(entry)).not.toContain(response.id);
  });

  it("withholds results under three responses, shows them from three with an exact response rate, and exports CSV", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const { session, attending } = await heldSession(4, 1);
    const slug = `session-${session.id}`;
    await answer(attending[0].id, slug, [5, 4, 3, 2], "資料が見やすかった");
    await answer(attending[1].id, slug, [4, 4, 3, 2]);

    let r = await results(committee.id, slug);
    expect(r).toMatchObject({ responses: 2, eligible: 4, rate: 50, withheld: true, questions: [] });
    const withheldCsv = await (
      await csvLoader({ request: await requestAs(committee.id, `/committee/surveys/${slug}.csv`), params: { id: slug }, context: ctx })
    ).text();
    expect(withheldCsv).not.toContain("資料が見やすかった");

    await answer(attending[2].id, slug, [5, 5, 3, 1], "時間が短かった");
    r = await results(committee.id, slug);
    expect(r).toMatchObject({ responses: 3, eligible: 4, rate: 75, withheld: false });
    const first = r.questions.find((q) => q.kind === "rating")!;
    expect(first.counts).toEqual([0, 0, 0, 1, 2]);
    expect(first.mean).toBe(4.7);
    const text = r.questions.find((q) => q.kind === "text")!;
    expect(text.texts).toEqual(["時間が短かった", "資料が見やすかった"].sort((a, b) => a.localeCompare(b, "ja")));

    const res = await csvLoader({
      request: await requestAs(committee.id, `/committee/surveys/${slug}.csv`),
      params: { id: slug },
      context: ctx,
    });
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const csv = await res.text();
    expect(csv).toContain("資料が見やすかった");
    expect(csv).toContain(`${first.text},rating,3,4.7,0,0,0,1,2`);

    // The year's list shows the same figures.
    const list = await surveysLoader({
      request: await requestAs(committee.id, `/committee/surveys?year=${session.fiscalYear}`),
      params: {},
      context: ctx,
    });
    expect(list.surveys.find((s) => s.slug === slug)).toMatchObject({ responses: 3, eligible: 4, rate: 75 });
    // Trainees do not see results.
    await expect(results(attending[0].id, slug)).rejects.toMatchObject({ status: 403 });
  });

  it("lets the committee add and retire questions (audited); a retired question is no longer asked", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const post = async (fields: Record<string, string>) =>
      unwrap(
        await questionsAction({
          request: await requestAs(committee.id, "/committee/surveys", formRequestInit(fields)),
          params: {},
          context: ctx,
        }),
      );
    expect((await post({ intent: "add", kind: "rating", textJa: "" })).body).toMatchObject({ ok: false, error: "survey.error.question" });
    expect((await post({ intent: "add", kind: "rating", textJa: "講師の説明はわかりやすかったですか", textEn: "" })).body).toMatchObject({
      ok: true,
    });
    const q = await prisma.surveyQuestion.findFirstOrThrow({ where: { textJa: "講師の説明はわかりやすかったですか" } });
    expect((await post({ intent: "retire", questionId: String(q.id) })).body).toMatchObject({ ok: true });
    expect((await questions()).some((x) => x.id === q.id)).toBe(false);
    expect(
      await prisma.auditLog.count({ where: { action: { in: ["survey.question.add", "survey.question.retire"] }, entityId: String(q.id) } }),
    ).toBe(2);
  });
});
