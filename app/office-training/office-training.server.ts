// The office's training (issue 17): its staff's training records per fiscal year, recommendations drawn from the
// office's weak categories, and training's effect on the next year's rating. Every query and access rule of
// /office/training lives here; the routes are thin. Office managers see their own office only; the subcommittee and
// the secretariat any office (reads of people's records are logged, decision 016).
import { stampedCache } from "~/lib/stamped-cache.server";
import { councilStamps, type CouncilStamps } from "~/lib/council-version.server";
import { z } from "zod";
import { audit, logRead, type Reader } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import type { SessionUser } from "~/auth/session.server";
import { latestSubmitted } from "~/cycle/action-plan.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { loadTemplate } from "~/evaluation/evaluation.server";
import { submittedCategoryScores } from "~/evaluation/results.server";
import { categoryScores } from "~/evaluation/scoring";
import { inLocale, type Locale, translator } from "~/i18n";
import { formatFiscalYear } from "~/i18n/format";
import { now as clockNow } from "~/lib/clock";
import { exportPreamble, toCsv, type CsvCell } from "~/lib/csv";
import { currentFiscalYear, fiscalYearOf, fiscalYearRange } from "~/lib/fiscal-year";
import { failure, parseForm, type FormFailure } from "~/lib/forms";
import { deliver, inTransaction, notify } from "~/mail/notify.server";
import { sessionTitle } from "~/scheduling/scheduling.server";
import { allModules, findModule, learningGoals, pick } from "~/training/content.server";
import { LEVELS, PILLARS, type Level, type Pillar } from "~/training/constants";
import {
  categoryPillars,
  levelFor,
  levelsUpTo,
  trainingEffect,
  WEAK_CATEGORY_BELOW,
  type EffectRow,
  type SheetFacts,
  type TrainingFact,
} from "./effect";
import { newWorkbook, workbookBytes } from "~/lib/xlsx.server";

// ---- Access ----

export type OfficeChoice =
  | { ok: true; officeId: number }
  /** The subcommittee or secretariat has not chosen an office yet (no ?office=). */
  | { ok: false; reason: "choose" }
  | { ok: false; reason: "forbidden" | "not-found" };

/**
 * Which office's training the user may read: an office manager their own office (another office answers
 * forbidden); the subcommittee and the secretariat the office named by `?office=`.
 */
export async function officeChoice(user: SessionUser, requested: number | null): Promise<OfficeChoice> {
  if (can(user, "viewSubcommittee")) {
    if (requested === null)
      return user.officeId !== null && can(user, "recommendTraining")
        ? { ok: true, officeId: user.officeId }
        : { ok: false, reason: "choose" };
    const office = await prisma.office.findUnique({ where: { id: requested }, select: { id: true } });
    return office ? { ok: true, officeId: office.id } : { ok: false, reason: "not-found" };
  }
  if (!can(user, "viewOfficeTraining") || user.officeId === null) return { ok: false, reason: "forbidden" };
  if (requested !== null && requested !== user.officeId) return { ok: false, reason: "forbidden" };
  return { ok: true, officeId: user.officeId };
}

/** The office's staff: the active users linked to it. One function, so that it can follow transfers later. */
export async function staffOf(officeId: number) {
  return prisma.user.findMany({
    where: { officeId, active: true },
    select: { id: true, displayName: true, email: true, roles: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
}

export async function officeList() {
  return prisma.office.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: [{ wardId: "asc" }, { name: "asc" }],
  });
}

// ---- Staff records ----

export interface StaffRecord {
  id: number;
  name: string;
  email: string;
  enrolled: boolean;
  completed: { slug: string; title: string; pillar: Pillar; level: Level }[];
  inProgress: { slug: string; title: string; pillar: Pillar; level: Level }[];
  videosWatched: number;
  groupSessions: number;
  practicalSessions: number;
  certificates: { track: string; serial: string }[];
  /** Learning goals reached (by modules completed up to the end of the year), per pillar and level. */
  goals: { pillar: Pillar; level: Level; reached: number; total: number }[];
}

type Staff = Awaited<ReturnType<typeof staffOf>>;
type Progress = { userId: number; slug: string; completedAt: Date | null; createdAt: Date };

/** Every module the staff have started, whenever (the page's records and recommendations share this one read). */
function progressOf(ids: number[]): Promise<Progress[]> {
  return prisma.moduleProgress.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, slug: true, completedAt: true, createdAt: true },
  });
}

/**
 * Each staff member's training in a fiscal year. `read` is the staff and their module progress when the caller has
 * them already (the page reads them once for the records and the recommendations).
 */
export async function staffRecords(
  officeId: number,
  fiscalYear: number,
  locale: Locale,
  read?: { staff: Staff; progress: Promise<Progress[]> },
): Promise<StaffRecord[]> {
  const staff = read?.staff ?? (await staffOf(officeId));
  const ids = staff.map((s) => s.id);
  const { start, end } = fiscalYearRange(fiscalYear);
  const [enrolments, allProgress, watches, enrolled, certificates] = await Promise.all([
    prisma.trainingEnrollment.findMany({ where: { userId: { in: ids }, fiscalYear }, select: { userId: true } }),
    read?.progress ?? progressOf(ids),
    prisma.videoWatch.findMany({ where: { userId: { in: ids }, watchedAt: { gte: start, lt: end } }, select: { userId: true } }),
    // Sessions attended in the year, with their track: one statement (Prisma's nested select of the session is a second).
    ids.length
      ? prisma.$queryRaw<{ userId: number; track: string }[]>`
          SELECT e."userId", s."track"
            FROM "SessionEnrollment" e JOIN "TrainingSession" s ON s."id" = e."sessionId"
           WHERE e."userId" = ANY (${ids}::int[]) AND e."status" = 'enrolled'
             AND s."fiscalYear" = ${fiscalYear} AND s."status" = 'scheduled'
             AND EXISTS (SELECT 1 FROM "SessionAttendance" a WHERE a."enrollmentId" = e."id")`
      : Promise.resolve([]),
    prisma.certificate.findMany({
      where: { userId: { in: ids }, fiscalYear, revokedAt: null },
      select: { userId: true, track: true, serial: true },
      orderBy: { track: "asc" },
    }),
  ]);
  const progress = allProgress.filter((p) => p.createdAt < end);
  const goals = learningGoals();
  return staff.map((s) => {
    const mine = progress.filter((p) => p.userId === s.id);
    const describe = (slug: string) => {
      const m = findModule(slug);
      return m ? { slug, title: pick(m.frontmatter.title, locale), pillar: m.frontmatter.pillar, level: m.frontmatter.level } : null;
    };
    const completed = mine.filter((p) => p.completedAt && p.completedAt >= start && p.completedAt < end).map((p) => describe(p.slug));
    const inProgress = mine.filter((p) => !p.completedAt || p.completedAt >= end).map((p) => describe(p.slug));
    const reachedGoals = new Set(
      mine.filter((p) => p.completedAt && p.completedAt < end).flatMap((p) => findModule(p.slug)?.frontmatter.goals ?? []),
    );
    return {
      id: s.id,
      name: s.displayName,
      email: s.email,
      enrolled: enrolments.some((e) => e.userId === s.id),
      completed: completed.filter((x) => x !== null),
      inProgress: inProgress.filter((x) => x !== null),
      videosWatched: watches.filter((w) => w.userId === s.id).length,
      groupSessions: enrolled.filter((e) => e.userId === s.id && e.track === "basic-group").length,
      practicalSessions: enrolled.filter((e) => e.userId === s.id && e.track === "practical").length,
      certificates: certificates.filter((c) => c.userId === s.id).map((c) => ({ track: c.track, serial: c.serial })),
      goals: PILLARS.flatMap((pillar) =>
        LEVELS.map((level) => {
          const cell = goals.filter((g) => g.pillar === pillar && g.level === level);
          return { pillar, level, reached: cell.filter((g) => reachedGoals.has(g.code)).length, total: cell.length };
        }),
      ),
    };
  });
}

/** The years the picker offers: this year and the four before it, and next year. */
export function officeTrainingYears(): number[] {
  const fy = currentFiscalYear();
  return [fy + 1, fy, fy - 1, fy - 2, fy - 3, fy - 4];
}

function logStaffRead(reader: Reader, action: string, officeId: number, fiscalYear: number, records: { id: number }[], what: string) {
  return logRead(
    reader,
    action,
    records.map((r) => ({
      entityType: "User",
      entityId: r.id,
      subjectUserId: r.id,
      subjectOfficeId: officeId,
      summary: `FY${fiscalYear} ${what}`,
    })),
  );
}

/** The page: the office, the year's staff records, recommendations from the weak categories, and what was recommended. */
export async function officeTrainingPage(user: SessionUser, officeId: number, fiscalYear: number, locale: Locale) {
  // The user's own office was read with the session (decision 059); another office (the subcommittee's choice) is read here.
  const office =
    user.office?.id === officeId
      ? { id: user.office.id, name: user.office.name }
      : await prisma.office.findUniqueOrThrow({ where: { id: officeId }, select: { id: true, name: true } });
  const staff = await staffOf(officeId);
  const progress = progressOf(staff.map((s) => s.id));
  const read = { staff, progress };
  const [records, suggestions, recommended] = await Promise.all([
    staffRecords(officeId, fiscalYear, locale, read),
    recommendationsFromResults(officeId, locale, read),
    recommendationsMade(officeId, locale),
  ]);
  // A manager reading their own staff's records is the office reading its own; for the access log, each person
  // is the subject: the manager's reads of staff are logged as reads of those people, except their own.
  await logStaffRead(user, "training.record.read", officeId, fiscalYear, records, "office training");
  return {
    office,
    fiscalYear,
    years: officeTrainingYears(),
    records,
    suggestions,
    recommended,
    mayRecommend: can(user, "recommendTraining") && user.officeId === officeId,
    staff: records.map((r) => ({ id: r.id, name: r.name })),
  };
}

// ---- Export ----

function exportRows(records: StaffRecord[], fiscalYear: number, locale: Locale): CsvCell[][] {
  const t = translator(locale);
  const goals = learningGoals();
  const goalTotal = (pillar: Pillar, level: Level) => goals.filter((g) => g.pillar === pillar && g.level === level).length;
  const header = [
    t("officeTraining.col.name"),
    t("officeTraining.col.enrolled"),
    t("officeTraining.col.completed"),
    t("officeTraining.col.inProgress"),
    t("officeTraining.col.videos"),
    t("officeTraining.col.groupSessions"),
    t("officeTraining.col.practicalSessions"),
    t("officeTraining.col.certificates"),
    // Goals reached as a number; how many there are in the header.
    ...PILLARS.flatMap((p) => LEVELS.map((l) => `${t(`evaluation.pillar.${p}`)} ${t(`training.level.${l}`)} (/${goalTotal(p, l)})`)),
  ];
  void fiscalYear;
  const rows = records.map((r) => [
    r.name,
    r.enrolled ? t("officeTraining.yes") : t("officeTraining.notEnrolled"),
    r.completed.map((m) => m.title).join(" / "),
    r.inProgress.map((m) => m.title).join(" / "),
    r.videosWatched,
    r.groupSessions,
    r.practicalSessions,
    r.certificates.map((c) => c.serial).join(" / "),
    ...r.goals.map((g) => g.reached),
  ]);
  return [header, ...rows];
}

/** The page's table as CSV or XLSX (app/lib/csv.ts; exceljs as the annual report), logged as an export. */
export async function officeTrainingExport(
  user: SessionUser,
  officeId: number,
  fiscalYear: number,
  locale: Locale,
  format: "csv" | "xlsx",
) {
  const office = await prisma.office.findUniqueOrThrow({ where: { id: officeId }, select: { name: true } });
  const records = await staffRecords(officeId, fiscalYear, locale);
  await logStaffRead(user, "training.record.export", officeId, fiscalYear, records, `office training (${format.toUpperCase()})`);
  const rows = exportRows(records, fiscalYear, locale);
  const filename = `office-training-${officeId}-${fiscalYear}.${format}`;
  const t = translator(locale);
  const preamble = exportPreamble(
    t("officeTraining.exportTitle", { office: office.name, year: formatFiscalYear(fiscalYear, locale) }),
    t("imports.export.exportedAt"),
  );
  if (format === "csv") return { filename, body: toCsv([...preamble, ...rows]) as string | ArrayBuffer };
  const workbook = await newWorkbook();
  const ws = workbook.addWorksheet(t("officeTraining.sheetName"));
  ws.addRow(preamble[0]).font = { bold: true };
  ws.addRow(preamble[1]);
  ws.addRow(preamble[2]);
  ws.addRow(rows[0]).font = { bold: true };
  for (const r of rows.slice(1)) ws.addRow(r);
  ws.getColumn(1).width = 24;
  ws.getColumn(3).width = 50;
  ws.getColumn(4).width = 50;
  return { filename, body: await workbookBytes(workbook) };
}

// ---- Recommendations from the office's results ----

export interface WeakCategory {
  code: string;
  name: string;
  score: number;
  pillar: Pillar;
  level: Level;
}

/** The weak categories (score below 2.5) of the office's latest submitted sheet, weakest first, with their pillar and level. */
export async function weakCategories(officeId: number, locale: Locale, upTo = currentFiscalYear()) {
  const latest = await latestSubmitted(officeId, upTo);
  if (!latest) return { fiscalYear: null, categories: [] as WeakCategory[] };
  const scores = categoryScores(latest.template.items, latest.answers);
  const pillars = new Map(categoryPillars(latest.template.categories, latest.template.items).map((c) => [c.code, c.pillar]));
  const categories = latest.template.categories
    .map((c) => ({ c, score: scores[c.code], pillar: pillars.get(c.code) }))
    .filter(
      (x): x is { c: typeof x.c; score: number; pillar: Pillar } =>
        typeof x.score === "number" && x.score < WEAK_CATEGORY_BELOW && !!x.pillar,
    )
    .sort((a, b) => a.score - b.score)
    .map((x) => ({
      code: x.c.code,
      name: inLocale(locale, x.c.nameJa, x.c.nameEn),
      score: Math.round(x.score * 100) / 100,
      pillar: x.pillar,
      level: levelFor(x.score),
    }));
  return { fiscalYear: latest.fiscalYear, categories };
}

/** Scheduled sessions whose first day is still ahead. */
async function upcomingSessions(pillars: Pillar[]) {
  if (!pillars.length) return [];
  const now = clockNow();
  const sessions = await prisma.trainingSession.findMany({
    where: { status: "scheduled", pillars: { hasSome: pillars }, days: { some: { startsAt: { gt: now } } } },
    include: { days: { orderBy: { startsAt: "asc" } } },
    orderBy: { id: "asc" },
  });
  return sessions.filter((s) => s.days[0] && s.days[0].startsAt > now);
}

/**
 * For each weak category: the modules of its pillar up to the level it calls for, and the upcoming sessions of its
 * pillar, each with the staff who have done it (a module completed; a session: enrolled in it).
 */
export async function recommendationsFromResults(officeId: number, locale: Locale, read?: { staff: Staff; progress: Promise<Progress[]> }) {
  const weak = await weakCategories(officeId, locale);
  const staff = read?.staff ?? (await staffOf(officeId));
  const ids = staff.map((s) => s.id);
  const name = new Map(staff.map((s) => [s.id, s.displayName]));
  const sessions = await upcomingSessions([...new Set(weak.categories.map((c) => c.pillar))]);
  const [progress, enrolled] = await Promise.all([
    read?.progress ?? progressOf(ids),
    sessions.length
      ? prisma.sessionEnrollment.findMany({
          where: { userId: { in: ids }, sessionId: { in: sessions.map((s) => s.id) }, status: "enrolled" },
          select: { userId: true, sessionId: true },
        })
      : [],
  ]);
  const done = progress.filter((p) => p.completedAt !== null);
  return {
    fiscalYear: weak.fiscalYear,
    categories: weak.categories.map((c) => ({
      ...c,
      modules: allModules()
        .filter((m) => m.frontmatter.pillar === c.pillar && levelsUpTo(c.level).includes(m.frontmatter.level))
        .map((m) => ({
          slug: m.slug,
          title: pick(m.frontmatter.title, locale),
          level: m.frontmatter.level,
          doneBy: done.filter((d) => d.slug === m.slug).map((d) => name.get(d.userId)!),
        })),
      sessions: sessions
        .filter((s) => s.pillars.includes(c.pillar))
        .map((s) => ({
          id: s.id,
          title: sessionTitle(s, locale),
          track: s.track,
          startsAt: s.days[0]!.startsAt.toISOString(),
          enrolled: enrolled.filter((e) => e.sessionId === s.id).map((e) => name.get(e.userId)!),
        })),
    })),
  };
}

type SessionTitles = { id: number; titleJa: string; titleEn: string };

/** A recommendation's module or session (the session as read by the caller; undefined when it is gone). */
function describeTargetFrom(kind: string, moduleSlug: string | null, session: SessionTitles | undefined) {
  if (kind === "module" && moduleSlug) {
    const m = findModule(moduleSlug);
    return m ? { titleJa: m.frontmatter.title.ja, titleEn: m.frontmatter.title.en, link: `/training/modules/${m.slug}` } : null;
  }
  if (kind === "session")
    return session ? { titleJa: session.titleJa, titleEn: session.titleEn || session.titleJa, link: `/sessions/${session.id}` } : null;
  return null;
}

/** The sessions some recommendations name, by id, in one statement (none when they name no session). */
async function recommendedSessions(rows: { kind: string; sessionId: number | null }[]): Promise<Map<number, SessionTitles>> {
  const ids = [...new Set(rows.flatMap((r) => (r.kind === "session" && r.sessionId !== null ? [r.sessionId] : [])))];
  if (!ids.length) return new Map();
  const sessions = await prisma.trainingSession.findMany({
    where: { id: { in: ids } },
    select: { id: true, titleJa: true, titleEn: true },
  });
  return new Map(sessions.map((s) => [s.id, s]));
}

async function describeTarget(kind: string, moduleSlug: string | null, sessionId: number | null) {
  const session =
    kind === "session" && sessionId !== null
      ? ((await prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { id: true, titleJa: true, titleEn: true } })) ??
        undefined)
      : undefined;
  return describeTargetFrom(kind, moduleSlug, session);
}

/** What the office has recommended, newest first. */
export async function recommendationsMade(officeId: number, locale: Locale) {
  const rows = await prisma.trainingRecommendation.findMany({ where: { officeId }, orderBy: { createdAt: "desc" }, take: 50 });
  if (!rows.length) return [];
  // The people and the recommended sessions in one statement each (was one statement per recommended session).
  const [users, sessionById] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, displayName: true } }),
    recommendedSessions(rows),
  ]);
  const out = [];
  for (const r of rows) {
    const target = describeTargetFrom(r.kind, r.moduleSlug, r.sessionId === null ? undefined : sessionById.get(r.sessionId));
    out.push({
      id: r.id,
      to: users.find((u) => u.id === r.userId)?.displayName ?? "",
      title: target ? (locale === "en" ? target.titleEn : target.titleJa) : "",
      createdAt: r.createdAt.toISOString(),
    });
  }
  return out;
}

const recommendSchema = z.object({
  userId: z.coerce.number({ message: "officeTraining.recommend.chooseStaff" }).int().positive("officeTraining.recommend.chooseStaff"),
  target: z
    .string({ message: "officeTraining.recommend.chooseTraining" })
    .regex(/^(module:[a-z0-9][a-z0-9-]*|session:\d{1,9})$/, "officeTraining.recommend.chooseTraining"),
  categoryCode: z.string().max(40).optional().default(""),
});

export type RecommendResult = { ok: true; duplicate: boolean } | FormFailure;

/**
 * An office manager recommends a module or an upcoming session to a member of their own staff: recorded, audited,
 * and a notice (notification and mail) to them, in one transaction. The same recommendation twice in a year records once.
 */
export async function recommendTraining(user: SessionUser, formData: FormData): Promise<RecommendResult> {
  if (!can(user, "recommendTraining") || user.officeId === null)
    return failure({}, formData, { key: "officeTraining.recommend.forbidden" });
  const parsed = parseForm(recommendSchema, formData);
  if (!parsed.ok) return parsed;
  const officeId = user.officeId;
  const { userId, target, categoryCode } = parsed.data;
  const staff = await staffOf(officeId);
  if (!staff.some((s) => s.id === userId)) return failure({ userId: [{ key: "officeTraining.recommend.chooseStaff" }] }, formData);
  const [kind, ref] = target.split(":") as ["module" | "session", string];
  const moduleSlug = kind === "module" ? ref : null;
  const sessionId = kind === "session" ? Number(ref) : null;
  if (kind === "module" && !findModule(ref)) return failure({ target: [{ key: "officeTraining.recommend.chooseTraining" }] }, formData);
  if (kind === "session") {
    const open = await upcomingSessions([...PILLARS]);
    if (!open.some((s) => s.id === sessionId)) return failure({ target: [{ key: "officeTraining.recommend.sessionGone" }] }, formData);
  }
  const described = (await describeTarget(kind, moduleSlug, sessionId))!;
  const office = await prisma.office.findUniqueOrThrow({ where: { id: officeId }, select: { name: true } });
  const fiscalYear = fiscalYearOf(clockNow());
  const result = await inTransaction(async (tx) => {
    const existing = await tx.trainingRecommendation.findFirst({ where: { officeId, userId, kind, moduleSlug, sessionId, fiscalYear } });
    if (existing) return { duplicate: true, mail: null };
    const row = await tx.trainingRecommendation.create({
      data: {
        officeId,
        userId,
        recommendedById: user.id,
        kind,
        moduleSlug,
        sessionId,
        categoryCode: categoryCode.slice(0, 40),
        fiscalYear,
      },
    });
    await audit(
      {
        actorId: user.id,
        action: "training.recommend",
        entityType: "TrainingRecommendation",
        entityId: row.id,
        summary: `${target} → user ${userId}`,
      },
      tx,
    );
    const mail = await notify(tx, {
      userId,
      key: "officeTraining.notify.recommended",
      titleJa: described.titleJa,
      titleEn: described.titleEn,
      text: office.name,
      link: described.link,
    });
    return { duplicate: false, mail };
  });
  await deliver([result.mail]);
  return { ok: true, duplicate: result.duplicate };
}

/** The trainee's home: what their office recommended this year and they have not done yet (事業所からのおすすめ). */
export async function recommendedToMe(userId: number, locale: Locale) {
  const rows = await prisma.trainingRecommendation.findMany({
    where: { userId, fiscalYear: { gte: currentFiscalYear() - 1 } },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  if (!rows.length) return [];
  const [done, attended, offices, sessionById] = await Promise.all([
    prisma.moduleProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { slug: true } }),
    prisma.sessionEnrollment.findMany({ where: { userId, status: "enrolled" }, select: { sessionId: true } }),
    prisma.office.findMany({ where: { id: { in: rows.map((r) => r.officeId) } }, select: { id: true, name: true } }),
    recommendedSessions(rows),
  ]);
  const out = [];
  for (const r of rows) {
    const target = describeTargetFrom(r.kind, r.moduleSlug, r.sessionId === null ? undefined : sessionById.get(r.sessionId));
    if (!target) continue;
    out.push({
      id: r.id,
      kind: r.kind,
      title: locale === "en" ? target.titleEn : target.titleJa,
      link: target.link,
      office: offices.find((o) => o.id === r.officeId)?.name ?? "",
      done: r.kind === "module" ? done.some((d) => d.slug === r.moduleSlug) : attended.some((a) => a.sessionId === r.sessionId),
      createdAt: r.createdAt.toISOString(),
    });
  }
  return out;
}

// ---- Training's effect ----

const fiscalYearEnd = (fy: number) => fiscalYearRange(fy).end;

/**
 * The facts of one year pair: the category scores of every sheet submitted in its two years, and every module
 * completed or session attended by an office's staff. With a ward, only that ward's offices (the dashboard's ward
 * filter).
 */
type EffectFacts = {
  /** The effect of the year pair, computed once from the facts (which are not kept: at the national scale, 24,000 sheets). */
  rows: EffectRow[];
  names: Map<string, { ja: string; en: string }>;
};

// The facts read the year pair's submitted sheets and every completion and attendance of the offices' staff: kept
// until one of them moves (a sheet submitted or returned, a module completed, an attendance recorded, a person
// moved to another office or an office to another ward, a session's pillars changed, a checklist version
// published): sheets, offices and the checklist are in the council's version (decision 067), the training records
// and people's offices in the training version (decision 069); computed once for a burst.
const effectCache = stampedCache<EffectFacts>();

/** The facts of the year pair ending in `toYear`, city-wide or for one ward. `stamps`: when the caller has them. */
export async function effectFacts(toYear: number, wardId: number | null = null, stamps?: CouncilStamps): Promise<EffectFacts> {
  const { council, training } = stamps ?? (await councilStamps());
  return effectCache.get(`${wardId ?? "all"}:${toYear}`, `${council}|${training}`, () => computeEffectFacts(toYear, wardId));
}

async function computeEffectFacts(toYear: number, wardId: number | null): Promise<EffectFacts> {
  // Only the two years the pair compares (issue 13: a fifth of the national set's 120,000 sheets for ten years).
  // Each sheet's category scores from the pre-computed sums (decision 063), not from its answers.
  const [evaluations, [newestRow]] = await Promise.all([
    submittedCategoryScores({ fiscalYears: [toYear - 1, toYear], wardId }),
    // The categories' names and pillars follow the newest version of the checklist any submitted sheet used.
    prisma.$queryRaw<{ id: number }[]>`
      SELECT t.id FROM "ChecklistTemplate" t
      WHERE EXISTS (
        SELECT 1 FROM "Evaluation" e JOIN "Office" o ON o.id = e."officeId"
        WHERE e."templateId" = t.id AND e.status = 'SUBMITTED'
          ${wardId ? Prisma.sql`AND o."wardId" = ${wardId}` : Prisma.empty})
      ORDER BY t.version DESC LIMIT 1`,
  ]);
  const sheets: SheetFacts[] = evaluations.map((e) => ({
    officeId: e.officeId,
    fiscalYear: e.fiscalYear,
    submittedAt: e.submittedAt,
    scores: e.scores,
  }));
  const newest = newestRow ? await loadTemplate(newestRow.id) : null;
  const officeIds = [...new Set(sheets.map((s) => s.officeId))];
  const staff = await prisma.user.findMany({ where: { officeId: { in: officeIds } }, select: { id: true, officeId: true } });
  const officeOf = new Map(staff.map((s) => [s.id, s.officeId!]));
  const ids = staff.map((s) => s.id);
  const [completions, attendance] = await Promise.all([
    prisma.moduleProgress.findMany({
      where: { userId: { in: ids }, completedAt: { not: null } },
      select: { userId: true, slug: true, completedAt: true },
    }),
    prisma.sessionAttendance.findMany({
      where: { enrollment: { userId: { in: ids } } },
      select: { enrollment: { select: { userId: true, session: { select: { pillars: true } } } }, day: { select: { startsAt: true } } },
    }),
  ]);
  const training: TrainingFact[] = [];
  for (const c of completions) {
    const m = findModule(c.slug);
    if (m) training.push({ officeId: officeOf.get(c.userId)!, pillar: m.frontmatter.pillar, at: c.completedAt! });
  }
  for (const a of attendance) {
    for (const p of a.enrollment.session.pillars) {
      if ((PILLARS as readonly string[]).includes(p))
        training.push({ officeId: officeOf.get(a.enrollment.userId)!, pillar: p as Pillar, at: a.day.startsAt });
    }
  }
  const pillars = newest ? categoryPillars(newest.categories, newest.items) : [];
  const names = new Map((newest?.categories ?? []).map((c) => [c.code, { ja: c.nameJa, en: c.nameEn || c.nameJa }]));
  return { rows: trainingEffect(sheets, training, pillars, fiscalYearEnd), names };
}

export type EffectView = EffectRow & { name: string };

/** The effect rows for the year pair ending in `toYear` (the dashboard's and the annual report's year), city-wide or for one ward. */
export async function trainingEffectFor(
  toYear: number,
  locale: Locale,
  wardId: number | null = null,
  stamps?: CouncilStamps,
): Promise<EffectView[]> {
  const facts = await effectFacts(toYear, wardId, stamps);
  return facts.rows
    .filter((r) => r.toYear === toYear)
    .map((r) => ({ ...r, name: pickName(facts.names.get(r.categoryCode), r.categoryCode, locale) }));
}

/**
 * The effect rows as a table for the annual report's exports: a header, then one row per category with the figures
 * as numbers (a withheld group's means are empty, its office count stays), and the caution as the last line.
 */
export function effectTable(rows: EffectView[], locale: Locale): { header: string[]; rows: (string | number | null)[][]; caution: string } {
  const t = translator(locale);
  const group = (label: string) => [
    `${label}: ${t("officeTraining.effect.col.offices")}`,
    `${label}: ${t("officeTraining.effect.col.meanFrom")}`,
    `${label}: ${t("officeTraining.effect.col.meanTo")}`,
    `${label}: ${t("officeTraining.effect.col.change")}`,
  ];
  const figures = (g: EffectView["trained"]) => [g.offices, g.meanFrom, g.meanTo, g.meanChange];
  return {
    header: [
      t("officeTraining.effect.col.categoryCode"),
      t("officeTraining.effect.col.categoryName"),
      t("officeTraining.effect.col.pillar"),
      t("officeTraining.effect.col.fromYear"),
      t("officeTraining.effect.col.toYear"),
      ...group(t("officeTraining.effect.col.trained")),
      ...group(t("officeTraining.effect.col.untrained")),
    ],
    rows: rows.map((r) => [
      r.categoryCode,
      r.name,
      t(`evaluation.pillar.${r.pillar}`),
      formatFiscalYear(r.fromYear, locale),
      formatFiscalYear(r.toYear, locale),
      ...figures(r.trained),
      ...figures(r.untrained),
    ]),
    caution: `${t("officeTraining.effect.caution")} ${t("officeTraining.effect.withheld")}`,
  };
}

function pickName(n: { ja: string; en: string } | undefined, code: string, locale: Locale) {
  return n ? (locale === "en" ? n.en : n.ja) : code;
}

/**
 * An office's own view (its results page): for each category rated in this year and the year before, the training
 * of its pillar its staff completed in between and the category's move ("your staff completed X; this category
 * moved from 2.1 to 2.8"). Only the office's own figures: nothing of another office.
 */
export async function officeEffect(officeId: number, fiscalYear: number, locale: Locale) {
  // Both years' category scores from the pre-computed sums per sheet and category (decision 063), in one statement;
  // the same as the scores of each sheet's answers (issue 13: the two sheets and their 146 answers took four).
  const sheets = await prisma.$queryRaw<
    { fiscalYear: number; templateId: number; submittedAt: Date | null; code: string | null; sum: number | null; count: number | null }[]
  >`
    SELECT e."fiscalYear", e."templateId", e."submittedAt", s."categoryCode" AS code, s."ratingSum" AS sum, s."ratedCount" AS count
    FROM "Evaluation" e
    LEFT JOIN "EvaluationCategoryScore" s ON s."evaluationId" = e.id AND s."ratedCount" > 0
    WHERE e."officeId" = ${officeId} AND e."fiscalYear" IN (${fiscalYear}, ${fiscalYear - 1}) AND e.status = 'SUBMITTED'`;
  const now = sheets.find((r) => r.fiscalYear === fiscalYear);
  const before = sheets.find((r) => r.fiscalYear === fiscalYear - 1);
  if (!now || !before) return [];
  const scoresOf = (year: number) => {
    const out: Record<string, number> = {};
    for (const r of sheets) if (r.fiscalYear === year && r.code !== null) out[r.code] = r.sum! / r.count!;
    return out;
  };
  const sNow = scoresOf(fiscalYear);
  const sBefore = scoresOf(fiscalYear - 1);
  const tNow = await loadTemplate(now.templateId);
  const start = before.submittedAt ?? fiscalYearEnd(fiscalYear - 1);
  const end = now.submittedAt ?? fiscalYearEnd(fiscalYear);
  // Modules completed in between by the office's active staff, in one statement (staffOf's people).
  const done = await prisma.$queryRaw<{ slug: string }[]>`
    SELECT p.slug FROM "ModuleProgress" p JOIN "User" u ON u.id = p."userId"
    WHERE u."officeId" = ${officeId} AND u.active AND p."completedAt" > ${start} AND p."completedAt" <= ${end}`;
  const rows = [];
  for (const { code, pillar } of categoryPillars(tNow!.categories, tNow!.items)) {
    const from = sBefore[code];
    const to = sNow[code];
    if (typeof from !== "number" || typeof to !== "number") continue;
    const modules = [...new Set(done.map((d) => d.slug))]
      .map((slug) => findModule(slug))
      .filter((m) => m && m.frontmatter.pillar === pillar)
      .map((m) => pick(m!.frontmatter.title, locale));
    if (!modules.length) continue;
    const c = tNow!.categories.find((x) => x.code === code)!;
    rows.push({
      code,
      name: inLocale(locale, c.nameJa, c.nameEn),
      pillar,
      modules,
      completions: done.filter((d) => findModule(d.slug)?.frontmatter.pillar === pillar).length,
      from: Math.round(from * 10) / 10,
      to: Math.round(to * 10) / 10,
    });
  }
  return rows;
}

// ---- The action plan's training link ----

/** What an action-plan item may name as the training it relies on: every module, and the upcoming sessions. */
export async function trainingChoices(locale: Locale) {
  const sessions = await upcomingSessions([...PILLARS]);
  return [
    ...allModules().map((m) => ({ value: `module:${m.slug}`, label: pick(m.frontmatter.title, locale) })),
    ...sessions.map((s) => ({ value: `session:${s.id}`, label: sessionTitle(s, locale) })),
  ];
}

/** Whether a plan item's training value names a module that exists or a session that exists ("" names none). */
export async function trainingTargetKnown(value: string): Promise<boolean> {
  if (value === "") return true;
  const [kind, ref] = value.split(":");
  if (kind === "module") return !!findModule(ref);
  if (kind === "session") return (await prisma.trainingSession.count({ where: { id: Number(ref) } })) > 0;
  return false;
}
