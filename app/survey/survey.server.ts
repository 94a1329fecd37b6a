// The course survey (受講アンケート, issue 20): after each session and each year's on-demand track, the trainee
// answers the committee's questions once. Answers are anonymous to the committee: a response holds no user id and
// no time (its id is random); a separate participation row says only that the person answered (decision 055).
// Results are shown only for three responses or more.
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { now as clockNow } from "~/lib/clock";
import { attendanceOpen } from "~/scheduling/rules";
import { onDemandComplete, sessionTitle } from "~/scheduling/scheduling.server";
import { curriculumSlugs } from "~/training/training.server";
import { inLocale } from "~/i18n";

/** Fewer responses than this and nothing of the results is shown (a small group could be recognised). */
export const MIN_GROUP = 3;
export const RATINGS = [1, 2, 3, 4, 5] as const;

export type SurveyTarget = { kind: "session"; sessionId: number } | { kind: "ondemand"; fiscalYear: number };

/** "session-12" / "ondemand-2026" in URLs; "session:12" / "ondemand:2026" in the database. */
export function parseTarget(raw: string | undefined): SurveyTarget | null {
  const m = /^(session|ondemand)[-:](\d{1,9})$/.exec(raw ?? "");
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === "session" ? { kind: "session", sessionId: n } : { kind: "ondemand", fiscalYear: n };
}
export const targetKey = (t: SurveyTarget) => (t.kind === "session" ? `session:${t.sessionId}` : `ondemand:${t.fiscalYear}`);
export const targetSlug = (t: SurveyTarget) => targetKey(t).replace(":", "-");

/** The questions asked now, in order. */
export async function activeQuestions() {
  return prisma.surveyQuestion.findMany({ where: { retiredAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

/** What a target is called on the pages (the session's title, or the year's on-demand track). */
async function describe(t: SurveyTarget, locale: string) {
  if (t.kind === "ondemand") return { title: null, fiscalYear: t.fiscalYear, track: "basic-ondemand" };
  const s = await prisma.trainingSession.findUnique({ where: { id: t.sessionId } });
  if (!s) return null;
  return { title: sessionTitle(s, locale), fiscalYear: s.fiscalYear, track: s.track };
}

/**
 * Whether the person may answer the target's survey: a session they were enrolled in, attended on at least one
 * day, and whose last day has come; or the year's on-demand track, every module completed.
 */
export async function mayAnswer(userId: number, t: SurveyTarget, at: Date = clockNow()): Promise<boolean> {
  if (t.kind === "ondemand") return onDemandComplete(userId, t.fiscalYear);
  // The enrolment, its session's status, whether any day was attended and the session's last day, in one statement
  // (through Prisma's includes it was four: the enrolment, its attendance, the session, its days).
  const [e] = await prisma.$queryRaw<{ status: string; sessionStatus: string; attended: boolean; lastDay: Date | null }[]>`
    SELECT e."status", s."status" AS "sessionStatus",
           EXISTS (SELECT 1 FROM "SessionAttendance" a WHERE a."enrollmentId" = e."id") AS "attended",
           (SELECT max(d."startsAt") FROM "SessionDay" d WHERE d."sessionId" = s."id") AS "lastDay"
      FROM "SessionEnrollment" e JOIN "TrainingSession" s ON s."id" = e."sessionId"
     WHERE e."sessionId" = ${t.sessionId} AND e."userId" = ${userId}`;
  if (!e || e.status !== "enrolled" || e.sessionStatus === "cancelled" || !e.attended) return false;
  return !!e.lastDay && attendanceOpen(e.lastDay, at);
}

/** The trainee's survey page: the questions, or that it was answered; null (404) for no such training, 403 when not theirs to answer. */
export async function surveyForTrainee(user: SessionUser, raw: string | undefined, locale: string) {
  const t = parseTarget(raw);
  if (!t) return null;
  const about = await describe(t, locale);
  if (!about) return null;
  const [eligible, answered, questions] = await Promise.all([
    mayAnswer(user.id, t),
    prisma.surveyParticipation.findUnique({ where: { userId_target: { userId: user.id, target: targetKey(t) } } }),
    activeQuestions(),
  ]);
  if (!eligible && !answered) throw forbidden();
  return {
    slug: targetSlug(t),
    ...about,
    answered: !!answered,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind, text: inLocale(locale, q.textJa, q.textEn) })),
  };
}

/** The surveys the trainee may still answer (for their home and pages): held sessions attended, the track done. */
export async function openSurveysFor(userId: number, fiscalYear: number, locale: string, at: Date = clockNow()) {
  const [enrolments, answered] = await Promise.all([
    prisma.sessionEnrollment.findMany({
      where: { userId, status: "enrolled", attendance: { some: {} }, session: { status: "scheduled" } },
      include: { session: { include: { days: { orderBy: { startsAt: "asc" } } } } },
    }),
    prisma.surveyParticipation.findMany({ where: { userId }, select: { target: true } }),
  ]);
  const done = new Set(answered.map((a) => a.target));
  const out: { slug: string; title: string | null; fiscalYear: number }[] = [];
  for (const e of enrolments) {
    const last = e.session.days.at(-1);
    const key = `session:${e.sessionId}`;
    if (last && attendanceOpen(last.startsAt, at) && !done.has(key))
      out.push({ slug: `session-${e.sessionId}`, title: sessionTitle(e.session, locale), fiscalYear: e.session.fiscalYear });
  }
  if (!done.has(`ondemand:${fiscalYear}`) && (await onDemandComplete(userId, fiscalYear)))
    out.push({ slug: `ondemand-${fiscalYear}`, title: null, fiscalYear });
  return out;
}

export type AnswerResult =
  | { ok: true }
  | {
      ok: false;
      error: "survey.error.rating" | "survey.error.text" | "survey.error.already" | "survey.error.notYours";
      questionId?: number;
    };

/** Records the trainee's answers once: the response without them, and that they answered. Audited (that, not what). */
export async function answerSurvey(user: SessionUser, raw: string | undefined, form: FormData): Promise<AnswerResult> {
  const t = parseTarget(raw);
  if (!t || !(await mayAnswer(user.id, t))) return { ok: false, error: "survey.error.notYours" };
  const key = targetKey(t);
  const questions = await activeQuestions();
  const answers: { questionId: number; rating: number | null; text: string }[] = [];
  for (const q of questions) {
    const value = String(form.get(`q${q.id}`) ?? "").trim();
    if (q.kind === "rating") {
      const r = z.coerce
        .number()
        .int()
        .min(1)
        .max(5)
        .safeParse(value === "" ? undefined : value);
      if (!r.success) return { ok: false, error: "survey.error.rating", questionId: q.id };
      answers.push({ questionId: q.id, rating: r.data, text: "" });
    } else {
      if (value.length > 2000) return { ok: false, error: "survey.error.text", questionId: q.id };
      if (value) answers.push({ questionId: q.id, rating: null, text: value });
    }
  }
  try {
    await prisma.$transaction(async (tx) => {
      const p = await tx.surveyParticipation.create({ data: { userId: user.id, target: key } });
      await tx.surveyResponse.create({ data: { target: key, answers: { create: answers } } });
      await audit({ actorId: user.id, action: "survey.answer", entityType: "SurveyParticipation", entityId: p.id, summary: key }, tx);
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return { ok: false, error: "survey.error.already" };
    throw e;
  }
  return { ok: true };
}

// ---- The committee's side ----

/** How many may answer a target: enrolled trainees who attended a day of the held session; those who completed the track. */
async function eligibleCount(t: SurveyTarget, at: Date): Promise<number> {
  if (t.kind === "session") {
    const s = await prisma.trainingSession.findUnique({ where: { id: t.sessionId }, include: { days: { orderBy: { startsAt: "asc" } } } });
    const last = s?.days.at(-1);
    if (!s || s.status === "cancelled" || !last || !attendanceOpen(last.startsAt, at)) return 0;
    return prisma.sessionEnrollment.count({ where: { sessionId: s.id, status: "enrolled", attendance: { some: {} } } });
  }
  const slugs = await curriculumSlugs(t.fiscalYear);
  if (slugs.length === 0) return 0;
  const done = await prisma.moduleProgress.groupBy({
    by: ["userId"],
    where: { slug: { in: slugs }, completedAt: { not: null } },
    _count: { _all: true },
  });
  return done.filter((d) => d._count._all === slugs.length).length;
}

/** The response rate as a whole percentage of those who may answer (null when nobody may). */
export function responseRate(responses: number, eligible: number): number | null {
  return eligible > 0 ? Math.round((responses / eligible) * 100) : null;
}

/** The year's surveys: each session of the year and the year's on-demand track, with responses, eligible and rate. */
export async function surveysOfYear(fiscalYear: number, locale: string, at: Date = clockNow()) {
  const sessions = await prisma.trainingSession.findMany({
    where: { fiscalYear, status: "scheduled" },
    include: { days: { orderBy: { startsAt: "asc" } } },
    orderBy: { opensAt: "asc" },
  });
  const targets: { target: SurveyTarget; title: string | null; track: string; firstDay: Date | null }[] = [
    { target: { kind: "ondemand", fiscalYear }, title: null, track: "basic-ondemand", firstDay: null },
    ...sessions.map((s) => ({
      target: { kind: "session" as const, sessionId: s.id },
      title: sessionTitle(s, locale),
      track: s.track,
      firstDay: s.days[0]?.startsAt ?? null,
    })),
  ];
  const counts = await prisma.surveyParticipation.groupBy({
    by: ["target"],
    where: { target: { in: targets.map((x) => targetKey(x.target)) } },
    _count: { _all: true },
  });
  return Promise.all(
    targets.map(async (x) => {
      const responses = counts.find((c) => c.target === targetKey(x.target))?._count._all ?? 0;
      const eligible = await eligibleCount(x.target, at);
      return {
        slug: targetSlug(x.target),
        title: x.title,
        track: x.track,
        firstDay: x.firstDay,
        responses,
        eligible,
        rate: responseRate(responses, eligible),
      };
    }),
  );
}

/** One survey's results: per rating question the count of each rating and the mean, the free-text answers; withheld under 3. */
export async function surveyResults(raw: string | undefined, locale: string, at: Date = clockNow()) {
  const t = parseTarget(raw);
  if (!t) return null;
  const about = await describe(t, locale);
  if (!about) return null;
  const key = targetKey(t);
  const [responses, eligible, questions] = await Promise.all([
    prisma.surveyParticipation.count({ where: { target: key } }),
    eligibleCount(t, at),
    prisma.surveyQuestion.findMany({
      where: { answers: { some: { response: { target: key } } } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
  ]);
  const withheld = responses < MIN_GROUP;
  const answers = withheld
    ? []
    : await prisma.surveyAnswer.findMany({ where: { response: { target: key } }, select: { questionId: true, rating: true, text: true } });
  return {
    slug: targetSlug(t),
    ...about,
    responses,
    eligible,
    rate: responseRate(responses, eligible),
    withheld,
    questions: withheld
      ? []
      : questions.map((q) => {
          const own = answers.filter((a) => a.questionId === q.id);
          const ratings = own.flatMap((a) => (a.rating ? [a.rating] : []));
          return {
            id: q.id,
            kind: q.kind,
            text: inLocale(locale, q.textJa, q.textEn),
            counts: RATINGS.map((r) => ratings.filter((x) => x === r).length),
            answered: q.kind === "rating" ? ratings.length : own.filter((a) => a.text).length,
            mean: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null,
            // Sorted, so the order says nothing of who answered when.
            texts: own.flatMap((a) => (a.text ? [a.text] : [])).sort((a, b) => a.localeCompare(b, "ja")),
          };
        }),
  };
}

const questionForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    kind: z.enum(["rating", "text"]),
    textJa: z.string().trim().min(1).max(300),
    textEn: z.string().trim().max(300).default(""),
  }),
  z.object({ intent: z.literal("retire"), questionId: z.coerce.number().int().positive() }),
]);

export type QuestionResult =
  { ok: true; intent: "add" | "retire" } | { ok: false; error: "survey.error.question" | "survey.error.notFound" };

/** The committee adds a question (at the end) or retires one (its answers stay). Audited. */
export async function questionAction(actorId: number, form: FormData): Promise<QuestionResult> {
  const parsed = questionForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "survey.error.question" };
  const input = parsed.data;
  if (input.intent === "add") {
    const last = await prisma.surveyQuestion.aggregate({ _max: { position: true } });
    const q = await prisma.surveyQuestion.create({
      data: { kind: input.kind, textJa: input.textJa, textEn: input.textEn, position: (last._max.position ?? 0) + 1 },
    });
    await audit({
      actorId,
      action: "survey.question.add",
      entityType: "SurveyQuestion",
      entityId: q.id,
      summary: `${q.kind}: ${q.textJa}`,
    });
    return { ok: true, intent: "add" };
  }
  const q = await prisma.surveyQuestion.findUnique({ where: { id: input.questionId } });
  if (!q || q.retiredAt) return { ok: false, error: "survey.error.notFound" };
  await prisma.surveyQuestion.update({ where: { id: q.id }, data: { retiredAt: clockNow() } });
  await audit({ actorId, action: "survey.question.retire", entityType: "SurveyQuestion", entityId: q.id, summary: q.textJa });
  return { ok: true, intent: "retire" };
}

/** For a session's or the track's page: the survey link when the person may answer (and whether they did), else null. */
/**
 * `enrolmentStatus`: for a session, the user's enrolment status when the caller has read it in this request (the
 * session page): one not enrolled may not answer, without reading the enrolment again.
 */
export async function surveyLinkFor(userId: number, t: SurveyTarget, enrolmentStatus?: string | null) {
  const answered = await prisma.surveyParticipation.findUnique({ where: { userId_target: { userId, target: targetKey(t) } } });
  if (answered) return { slug: targetSlug(t), answered: true };
  const mayNot = t.kind === "session" && enrolmentStatus !== undefined && enrolmentStatus !== "enrolled";
  return !mayNot && (await mayAnswer(userId, t)) ? { slug: targetSlug(t), answered: false } : null;
}
