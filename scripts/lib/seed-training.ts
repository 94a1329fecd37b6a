// Demo data for training: this fiscal year's curriculum (every on-demand module in content/), the
// demo trainee part-way through it, and fictional trainees from other offices at various stages.
import { now as clockNow } from "../../app/lib/clock.ts";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { fiscalYearOf } from "../../app/lib/fiscal-year.ts";
import { compileContent, type ManifestModule } from "./compile-content.ts";
import { DEMO_PASSWORD } from "./demo-data.ts";
import { LEVELS, PILLARS } from "../../app/training/constants.ts";

/** Fictional trainees (password: the demo password). `plan` says how far each got, as a share of the curriculum. */
export const TRAINING_TRAINEES: { email: string; displayName: string; office: string; plan: "none" | "early" | "half" | "most" | "all" }[] =
  [
    { email: "sakura.mori@example.jp", displayName: "森 さくら", office: "計画相談 ともしび", plan: "none" },
    { email: "daiki.kato@example.jp", displayName: "加藤 大輝", office: "相談支援事業所 はらまち", plan: "early" },
    { email: "mai.yamada@example.jp", displayName: "山田 舞", office: "つつじが丘相談室", plan: "half" },
    { email: "shota.ishii@example.jp", displayName: "石井 翔太", office: "相談支援センター おろしまち", plan: "most" },
    { email: "yui.ogawa@example.jp", displayName: "小川 結衣", office: "計画相談 あらはま", plan: "all" },
    { email: "ren.matsumoto@example.jp", displayName: "松本 蓮", office: "あきう相談支援センター", plan: "half" },
    { email: "aoi.inoue@example.jp", displayName: "井上 葵", office: "相談室 やぎやま", plan: "early" },
    { email: "kenta.kimura@example.jp", displayName: "木村 健太", office: "相談支援事業所 ななきた", plan: "most" },
    { email: "misaki.hayashi@example.jp", displayName: "林 美咲", office: "計画相談 しょうげん", plan: "all" },
    { email: "takumi.shimizu@example.jp", displayName: "清水 拓海", office: "てらおか相談室", plan: "half" },
    { email: "nana.yamaguchi@example.jp", displayName: "山口 奈々", office: "ひろせ川相談室", plan: "none" },
  ];

const DAY = 24 * 60 * 60 * 1000;

type Db = PrismaClient;

async function complete(prisma: Db, userId: number, m: ManifestModule, when: Date, failedFirst: boolean) {
  const ids = m.frontmatter.sections.map((s) => s.id);
  await prisma.moduleProgress.create({
    data: {
      userId,
      slug: m.slug,
      sectionsReached: ids,
      currentSection: "check",
      completedAt: when,
      createdAt: new Date(when.getTime() - 2 * DAY),
    },
  });
  if (failedFirst) await attempt(prisma, userId, m, false, new Date(when.getTime() - DAY));
  await attempt(prisma, userId, m, true, when);
}

async function attempt(prisma: Db, userId: number, m: ManifestModule, passed: boolean, when: Date) {
  const qs = m.frontmatter.check.questions;
  // Passed: every answer right. Failed: only the first question right.
  const answers = Object.fromEntries(
    qs.map((q, i) => [q.id, passed || i === 0 ? q.correct : [q.choices.find((c) => !q.correct.includes(c.id))!.id]]),
  );
  const correct = passed ? qs.length : 1;
  await prisma.checkAttempt.create({
    data: {
      userId,
      slug: m.slug,
      answers,
      score: correct / qs.length,
      passed,
      idempotencyKey: `seed-${userId}-${m.slug}-${when.getTime()}`,
      createdAt: when,
    },
  });
}

async function inProgress(prisma: Db, userId: number, m: ManifestModule, upTo: number) {
  const ids = m.frontmatter.sections.map((s) => s.id);
  const n = Math.max(1, Math.min(upTo, ids.length));
  await prisma.moduleProgress.create({ data: { userId, slug: m.slug, sectionsReached: ids.slice(0, n), currentSection: ids[n - 1] } });
}

async function failed(prisma: Db, userId: number, m: ManifestModule, when: Date) {
  const ids = m.frontmatter.sections.map((s) => s.id);
  await prisma.moduleProgress.create({ data: { userId, slug: m.slug, sectionsReached: ids, currentSection: "check" } });
  await attempt(prisma, userId, m, false, when);
}

export async function seedTraining(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const manifest = await compileContent();
  const rank = (m: ManifestModule) => PILLARS.indexOf(m.frontmatter.pillar) * 10 + LEVELS.indexOf(m.frontmatter.level);
  const modules = manifest.modules
    .filter((m) => m.frontmatter.track === "basic-ondemand")
    .sort((a, b) => rank(a) - rank(b) || a.slug.localeCompare(b.slug));
  const fy = fiscalYearOf(now);
  await prisma.curriculumModule.createMany({
    data: modules.map((m, position) => ({ fiscalYear: fy, slug: m.slug, position })),
    skipDuplicates: true,
  });
  const committee = await prisma.user.findUnique({ where: { email: "committee@example.jp" } });
  const offices = new Map((await prisma.office.findMany()).map((o) => [o.name, o.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const n = modules.length;

  // The demo trainee: some modules complete, one with a failed attempt, one in progress at a middle section.
  const demo = await prisma.user.findUnique({ where: { email: "trainee@example.jp" } });
  if (demo && n > 0) {
    await prisma.trainingEnrollment.create({ data: { userId: demo.id, fiscalYear: fy, enrolledById: committee?.id ?? null } });
    const done = Math.max(1, Math.floor(n / 3));
    for (let i = 0; i < done && i < n; i++)
      await complete(prisma, demo.id, modules[i], new Date(now.getTime() - (30 - i * 5) * DAY), i === 0);
    if (done < n) await failed(prisma, demo.id, modules[done], new Date(now.getTime() - 3 * DAY));
    if (done + 1 < n) {
      const m = modules[done + 1];
      await inProgress(prisma, demo.id, m, Math.ceil(m.frontmatter.sections.length / 2));
    }
  }

  const share = { none: 0, early: 0.2, half: 0.5, most: 0.8, all: 1 } as const;
  for (const [i, t] of TRAINING_TRAINEES.entries()) {
    const user = await prisma.user.upsert({
      where: { email: t.email },
      create: { email: t.email, displayName: t.displayName, roles: ["TRAINEE"], officeId: offices.get(t.office) ?? null, passwordHash },
      update: {},
    });
    await prisma.trainingEnrollment.create({ data: { userId: user.id, fiscalYear: fy, enrolledById: committee?.id ?? null } });
    const doneCount = Math.round(share[t.plan] * n);
    for (let j = 0; j < doneCount; j++)
      await complete(prisma, user.id, modules[j], new Date(now.getTime() - (40 - j * 3 - i) * DAY), (i + j) % 3 === 0);
    if (t.plan !== "none" && t.plan !== "all" && doneCount < n) {
      const m = modules[doneCount];
      if (i % 2 === 0) await failed(prisma, user.id, m, new Date(now.getTime() - (i + 1) * DAY));
      else await inProgress(prisma, user.id, m, 1 + (i % m.frontmatter.sections.length));
    }
  }
  log(`Training demo data: FY${fy} curriculum of ${n} on-demand modules, ${TRAINING_TRAINEES.length + 1} enrolled trainees.`);
}
