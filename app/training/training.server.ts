// Training progress, knowledge-check attempts, reflections, the year's curriculum and enrolment.
import { createHash } from "node:crypto";
import { audit, logRead } from "~/audit/audit.server";
import Papa from "papaparse";
import { hasAnyRole } from "~/auth/roles";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { caseGoalsReached } from "~/cases/cases.server";
import { allModules, findModule, learningGoals, publicCheck, type ManifestModule } from "./content.server";
import { PILLARS, type Pillar } from "./content-schema";
import { videosWatched, watchedRefs, watchMatrix } from "~/video/video.server";
import { canonicalAnswers, choiceOrder, grade, moduleStatus, unanswered, type Answers, type Grade, type ModuleStatus } from "./grading";
import { now } from "~/lib/clock";

export const CHECK_STEP = "check";

export function isTrainee(user: SessionUser): boolean {
  return hasAnyRole(user, ["TRAINEE"]);
}

const sectionIds = (m: ManifestModule) => m.frontmatter.sections.map((s) => s.id);

export async function getProgress(userId: number, slug: string) {
  return prisma.moduleProgress.findUnique({ where: { userId_slug: { userId, slug } } });
}

/** Sets completedAt once every section was reached, a passing attempt exists and the module's videos are watched. */
export async function refreshCompletion(userId: number, m: ManifestModule) {
  const progress = await getProgress(userId, m.slug);
  if (!progress || progress.completedAt) return progress;
  const passed = await prisma.checkAttempt.count({ where: { userId, slug: m.slug, passed: true } });
  if (passed > 0 && sectionIds(m).every((id) => progress.sectionsReached.includes(id)) && (await videosWatched(userId, m.videos ?? []))) {
    return prisma.$transaction(async (tx) => {
      const done = await tx.moduleProgress.update({ where: { id: progress.id }, data: { completedAt: now() } });
      await audit({ actorId: userId, action: "training.complete", entityType: "ModuleProgress", entityId: done.id, summary: m.slug }, tx);
      return done;
    });
  }
  return progress;
}

/**
 * The trainee moves on from one step to another (the pager's "next" button, a POST): the section they leave
 * counts as read, and the step they go to is where they resume. Viewing a page (GET) records nothing.
 */
export async function advanceStep(userId: number, m: ManifestModule, from: string, to: string) {
  const steps = [...sectionIds(m), CHECK_STEP];
  if (!steps.includes(from) || !steps.includes(to)) return null;
  const existing = await getProgress(userId, m.slug);
  const reached = existing?.sectionsReached ?? [];
  const leaving = sectionIds(m).includes(from) && !reached.includes(from);
  const sectionsReached = leaving ? sectionIds(m).filter((id) => id === from || reached.includes(id)) : reached;
  if (existing && existing.currentSection === to && !leaving) return existing;
  await prisma.moduleProgress.upsert({
    where: { userId_slug: { userId, slug: m.slug } },
    create: { userId, slug: m.slug, sectionsReached, currentSection: to },
    update: { sectionsReached, currentSection: to },
  });
  return refreshCompletion(userId, m);
}

/** After a video was watched: completes the modules that place it, where everything else is done. */
export async function refreshModulesWithVideo(userId: number, video: { id: number; slug: string }) {
  for (const m of allModules()) {
    if ((m.videos ?? []).some((ref) => ref === video.slug || ref === String(video.id))) await refreshCompletion(userId, m);
  }
}

/** The trainee's attempts at a module's check, newest first (score and result only). */
export async function attemptsFor(userId: number, slug: string) {
  return prisma.checkAttempt.findMany({ where: { userId, slug }, orderBy: { createdAt: "desc" }, select: { score: true, passed: true } });
}

export type AttemptResult =
  | { ok: true; attemptId: number; duplicate: boolean; grade: Grade }
  /** Refused, not recorded: these questions (ids, in the check's order) have no answer. */
  | { ok: false; unanswered: string[] };

/**
 * The check as the trainee sees it for their next attempt: each question's choices in an order drawn
 * for that attempt (a retry gets a new order; grading is by choice id, so the order does not matter).
 */
export async function checkForNextAttempt(userId: number | null, m: ManifestModule, locale: "ja" | "en") {
  const attempts = userId ? await prisma.checkAttempt.count({ where: { userId, slug: m.slug } }) : 0;
  const order = choiceOrder(m.frontmatter.check, `${userId ?? "preview"}:${m.slug}`, attempts);
  const check = publicCheck(m, locale);
  return {
    ...check,
    questions: check.questions.map((q) => ({
      ...q,
      choices: order[q.id].map((id) => q.choices.find((c) => c.id === id)!),
    })),
  };
}

/**
 * Grades and records an attempt. The key is a hash of user, module, the form's one-time nonce and
 * the canonical answers: the same answers sent twice from one form (double click, resubmission)
 * record one attempt; a new form (new nonce) or different answers record a new one.
 */
export async function submitCheck(userId: number, m: ManifestModule, answers: Answers, nonce: string): Promise<AttemptResult> {
  const missing = unanswered(m.frontmatter.check, answers);
  if (missing.length > 0) return { ok: false, unanswered: missing };
  const result = grade(m.frontmatter.check, answers);
  const idempotencyKey = createHash("sha256")
    .update(`${userId}\0${m.slug}\0${nonce}\0${canonicalAnswers(answers)}`)
    .digest("hex");
  let attemptId: number;
  let duplicate = false;
  try {
    attemptId = await prisma.$transaction(async (tx) => {
      const created = await tx.checkAttempt.create({
        data: {
          userId,
          slug: m.slug,
          answers: answers as Prisma.InputJsonValue,
          score: result.score,
          passed: result.passed,
          idempotencyKey,
        },
      });
      const summary = `${m.slug}: ${result.score}${result.passed ? " passed" : ""}`;
      await audit({ actorId: userId, action: "training.check", entityType: "CheckAttempt", entityId: created.id, summary }, tx);
      return created.id;
    });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    const existing = await prisma.checkAttempt.findUniqueOrThrow({ where: { idempotencyKey } });
    attemptId = existing.id;
    duplicate = true;
  }
  await refreshCompletion(userId, m);
  return { ok: true, attemptId, duplicate, grade: result };
}

export async function reflectionsFor(userId: number, slug: string): Promise<Record<string, string>> {
  const rows = await prisma.reflectionAnswer.findMany({ where: { userId, slug } });
  return Object.fromEntries(rows.map((r) => [r.reflectionId, r.text]));
}

export async function saveReflection(userId: number, m: ManifestModule, reflectionId: string, text: string) {
  if (!m.reflections.includes(reflectionId)) throw new Error("unknown reflection");
  await prisma.$transaction(async (tx) => {
    const row = await tx.reflectionAnswer.upsert({
      where: { userId_slug_reflectionId: { userId, slug: m.slug, reflectionId } },
      create: { userId, slug: m.slug, reflectionId, text },
      update: { text },
    });
    await audit(
      {
        actorId: userId,
        action: "training.reflection",
        entityType: "ReflectionAnswer",
        entityId: row.id,
        summary: `${m.slug}/${reflectionId}`,
      },
      tx,
    );
  });
}

export interface ModuleState {
  status: ModuleStatus;
  reached: number;
  sections: number;
  currentSection: string | null;
  /** When the trainee last moved in this module (the progress row's last update), or null. */
  lastReadAt: Date | null;
  attempts: number;
  bestScore: number | null;
}

/** Every module's state for some users, keyed by user id then slug. */
export async function statesFor(
  userIds: number[],
  watchedOf: (userIds: number[]) => Promise<Map<number, Set<string>>> = watchedRefs,
): Promise<Map<number, Map<string, ModuleState>>> {
  const [progress, attempts, watched] = await Promise.all([
    prisma.moduleProgress.findMany({ where: { userId: { in: userIds } } }),
    prisma.checkAttempt.findMany({ where: { userId: { in: userIds } }, select: { userId: true, slug: true, passed: true, score: true } }),
    watchedOf(userIds),
  ]);
  const progressBy = new Map(progress.map((r) => [`${r.userId}:${r.slug}`, r]));
  const attemptsBy = new Map<string, { passed: boolean; score: number }[]>();
  for (const r of attempts) {
    const key = `${r.userId}:${r.slug}`;
    const list = attemptsBy.get(key);
    if (list) list.push(r);
    else attemptsBy.set(key, [r]);
  }
  const out = new Map<number, Map<string, ModuleState>>();
  for (const userId of userIds) {
    const mine = new Map<string, ModuleState>();
    for (const m of allModules()) {
      const p = progressBy.get(`${userId}:${m.slug}`) ?? null;
      const a = attemptsBy.get(`${userId}:${m.slug}`) ?? [];
      const ids = sectionIds(m);
      mine.set(m.slug, {
        status: p?.completedAt
          ? "complete"
          : moduleStatus(
              ids,
              p,
              a,
              (m.videos ?? []).every((ref) => watched.get(userId)?.has(ref)),
            ),
        reached: p ? ids.filter((id) => p.sectionsReached.includes(id)).length : 0,
        sections: ids.length,
        currentSection: p?.currentSection ?? null,
        lastReadAt: p?.updatedAt ?? null,
        attempts: a.length,
        bestScore: a.length ? Math.max(...a.map((r) => r.score)) : null,
      });
    }
    out.set(userId, mine);
  }
  return out;
}

export async function statesForUser(userId: number): Promise<Map<string, ModuleState>> {
  return (await statesFor([userId])).get(userId)!;
}

// ---- The year's curriculum and enrolment ----

/** The on-demand modules that the content offers for a curriculum. */
export function onDemandModules(): ManifestModule[] {
  return allModules().filter((m) => m.frontmatter.track === "basic-ondemand");
}

/** The year's curriculum slugs in order (modules no longer in content/ are left out). */
export async function curriculumSlugs(fiscalYear: number): Promise<string[]> {
  const rows = await prisma.curriculumModule.findMany({ where: { fiscalYear }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((r) => r.slug).filter((slug) => !!findModule(slug));
}

export async function setCurriculum(fiscalYear: number, slugs: string[]) {
  const valid = onDemandModules()
    .map((m) => m.slug)
    .filter((s) => slugs.includes(s));
  await prisma.$transaction([
    prisma.curriculumModule.deleteMany({ where: { fiscalYear } }),
    prisma.curriculumModule.createMany({ data: valid.map((slug, position) => ({ fiscalYear, slug, position })) }),
  ]);
  return valid;
}

export type EnrolOutcome = "enrolled" | "unknown-email" | "not-trainee" | "already-enrolled" | "malformed" | "duplicate-row";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function enrolByEmail(rawEmail: string, fiscalYear: number, byId: number | null): Promise<EnrolOutcome> {
  const email = rawEmail.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) return "malformed";
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || !user.active) return "unknown-email";
  if (!user.roles.includes("TRAINEE")) return "not-trainee";
  try {
    await prisma.trainingEnrollment.create({ data: { userId: user.id, fiscalYear, enrolledById: byId } });
    return "enrolled";
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return "already-enrolled";
    throw e;
  }
}

export interface ImportRow {
  line: number;
  value: string;
  outcome: EnrolOutcome;
}

/** One email per row (first column). A header row ("email", "メールアドレス"…) and blank rows are skipped. */
export async function importEnrolmentCsv(text: string, fiscalYear: number, byId: number | null): Promise<ImportRow[]> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (const [index, cells] of parsed.data.entries()) {
    const value = (cells[0] ?? "").trim();
    if (cells.every((c) => c.trim() === "")) continue;
    if (index === 0 && /^(e-?mail|メール|メールアドレス)/i.test(value)) continue;
    const line = index + 1;
    if (cells.filter((c) => c.trim() !== "").length > 1) {
      rows.push({ line, value: cells.join(","), outcome: "malformed" });
      continue;
    }
    const key = value.toLowerCase();
    if (seen.has(key)) {
      rows.push({ line, value, outcome: "duplicate-row" });
      continue;
    }
    seen.add(key);
    rows.push({ line, value, outcome: await enrolByEmail(value, fiscalYear, byId) });
  }
  return rows;
}

/** Removes an enrolment (the trainee's progress and attempts stay). */
export async function unenrol(userId: number, fiscalYear: number): Promise<boolean> {
  const { count } = await prisma.trainingEnrollment.deleteMany({ where: { userId, fiscalYear } });
  return count > 0;
}

/** The year's enrolled trainees by name, with their office's name, in one statement (issue 13: were three). */
export async function enrolledTrainees(fiscalYear: number) {
  return prisma.$queryRaw<{ id: number; displayName: string; email: string; officeName: string | null }[]>`
    SELECT u."id", u."displayName", u."email", o."name" AS "officeName"
      FROM "TrainingEnrollment" e
      JOIN "User" u ON u."id" = e."userId"
      LEFT JOIN "Office" o ON o."id" = u."officeId"
     WHERE e."fiscalYear" = ${fiscalYear}
     ORDER BY u."displayName" ASC, e."id" ASC`;
}

export async function isEnrolled(userId: number, fiscalYear: number) {
  return (await prisma.trainingEnrollment.count({ where: { userId, fiscalYear } })) > 0;
}

/**
 * The committee's progress table (the page and its CSV): each trainee × module and × video, its reading logged in the
 * access log as the page's read or the CSV's export.
 */
export async function committeeProgress(reader: SessionUser, fiscalYear: number, as: "page" | "csv") {
  // The videos and the trainees' watches are read once, for the table's video columns and the modules' states
  // (issue 13: the modules' "watched" was a read of its own).
  let watching: ReturnType<typeof watchMatrix> | undefined;
  const matrix = await progressMatrix(fiscalYear, (ids) => (watching = watchMatrix(ids)).then((w) => w.refs()));
  const watch = await (watching ?? watchMatrix(matrix.rows.map((r) => r.id)));
  await logRead(
    reader,
    as === "csv" ? "training.record.export" : "training.record.read",
    matrix.rows.map((r) => ({
      entityType: "User",
      entityId: r.id,
      subjectUserId: r.id,
      summary: as === "csv" ? `FY${fiscalYear} progress (CSV)` : `FY${fiscalYear} progress`,
    })),
  );
  return { matrix, watch };
}

/** Each enrolled trainee × each curriculum module. */
export async function progressMatrix(fiscalYear: number, watchedOf?: (userIds: number[]) => Promise<Map<number, Set<string>>>) {
  const [slugs, trainees] = await Promise.all([curriculumSlugs(fiscalYear), enrolledTrainees(fiscalYear)]);
  const states = await statesFor(
    trainees.map((t) => t.id),
    watchedOf,
  );
  return {
    slugs,
    rows: trainees.map((t) => {
      const mine = states.get(t.id)!;
      const cells = slugs.map((slug) => mine.get(slug)!);
      return { ...t, cells, complete: cells.filter((c) => c.status === "complete").length };
    }),
  };
}

// ---- The trainee's own summary (home page) ----

export interface TraineeSummary {
  enrolled: boolean;
  pillars: { pillar: Pillar; total: number; complete: number }[];
  goals: { code: string; pillar: Pillar; total: number; complete: number }[];
  next: { slug: string; step: string | null; status: ModuleStatus } | null;
  complete: number;
  total: number;
}

/**
 * Where 「続きから学習する」 leads: the unfinished module the trainee read most recently (the latest progress update),
 * not the first started one in curriculum order. Null when nothing unfinished has been opened.
 */
export function resumeTarget<T extends { slug: string }>(unfinished: T[], states: Map<string, ModuleState>): T | null {
  let best: T | null = null;
  let bestAt = -Infinity;
  for (const m of unfinished) {
    const at = states.get(m.slug)?.lastReadAt?.getTime();
    if (at !== undefined && at > bestAt) {
      best = m;
      bestAt = at;
    }
  }
  return best;
}

/** Progress per pillar and per learning goal over the year's curriculum (all on-demand modules when none is set). */
export async function traineeSummary(userId: number, fiscalYear: number): Promise<TraineeSummary> {
  const [curriculum, enrolled, states] = await Promise.all([
    curriculumSlugs(fiscalYear),
    isEnrolled(userId, fiscalYear),
    statesForUser(userId),
  ]);
  const slugs = curriculum.length ? curriculum : onDemandModules().map((m) => m.slug);
  const modules = slugs.map((s) => findModule(s)!).filter(Boolean);
  const done = (m: ManifestModule) => states.get(m.slug)?.status === "complete";
  const pillars = PILLARS.map((pillar) => {
    const mine = modules.filter((m) => m.frontmatter.pillar === pillar);
    return { pillar, total: mine.length, complete: mine.filter(done).length };
  });
  const goals = learningGoals()
    .map((g) => {
      const mine = modules.filter((m) => m.frontmatter.goals.includes(g.code));
      return { code: g.code, pillar: g.pillar, total: mine.length, complete: mine.filter(done).length };
    })
    .filter((g) => g.total > 0);
  const unfinished = modules.filter((m) => !done(m));
  const nextModule = resumeTarget(unfinished, states) ?? unfinished[0];
  const next = nextModule
    ? { slug: nextModule.slug, step: states.get(nextModule.slug)?.currentSection ?? null, status: states.get(nextModule.slug)!.status }
    : null;
  return { enrolled, pillars, goals, next, complete: modules.filter(done).length, total: modules.length };
}

/** The home page's training panel, with texts in the reader's language. */
export async function traineePanel(userId: number, fiscalYear: number, locale: "ja" | "en") {
  const [s, caseGoals] = await Promise.all([traineeSummary(userId, fiscalYear), caseGoalsReached(userId)]);
  const goalText = new Map(learningGoals().map((g) => [g.code, g.text[locale] ?? g.text.ja]));
  return {
    enrolled: s.enrolled,
    complete: s.complete,
    total: s.total,
    pillars: s.pillars,
    goals: s.goals.map((g) => ({ code: g.code, text: goalText.get(g.code) ?? "", total: g.total, complete: g.complete })),
    /** Learning goals reached through case work (a facilitator's rubric rating of 3 or 4). */
    caseGoals: caseGoals.map((code) => ({ code, text: goalText.get(code) ?? "" })),
    next: s.next ? { ...s.next, title: findModule(s.next.slug)!.frontmatter.title[locale] } : null,
  };
}
