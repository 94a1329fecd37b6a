// Demo data for the office's training (issue 17): training's effect shows something. Over last year's and this
// year's sheets, the offices whose staff completed training of the hr pillar (人材育成) in between improved in the
// category 人材育成 (HRD) from 2 to about 3; the others keep their seeded ratings. A few offices' staff are given
// such training so that both groups have at least 3 offices; the demo manager's office (けやき, this year's sheet still a draft) is weak in HRD last year,
// so its recommendations have something to say. Fast: a handful of updates, no hashing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { fiscalYearOf } from "../../app/lib/fiscal-year.ts";
import { DEMO_MANAGER_OFFICE } from "./seed-evaluation.ts";

const CATEGORY = "HRD";
const PILLAR = "hr";
const TRAINED_TARGET = 4;

interface Manifest {
  modules: { slug: string; frontmatter: { pillar: string; track: string } }[];
}

export async function seedOfficeTraining(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const current = fiscalYearOf(now);
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "../../app/generated/content/manifest.json"), "utf8")) as Manifest;
  const hrSlugs = manifest.modules.filter((m) => m.frontmatter.pillar === PILLAR).map((m) => m.slug);
  const hrCodes = (await prisma.checklistItem.findMany({ where: { category: { code: CATEGORY } }, select: { code: true } })).map(
    (i) => i.code,
  );
  if (!hrSlugs.length || !hrCodes.length) return;

  const sheets = await prisma.evaluation.findMany({
    where: { fiscalYear: { in: [current - 1, current] }, status: "SUBMITTED" },
    select: { id: true, officeId: true, fiscalYear: true, submittedAt: true },
  });
  const offices = await prisma.office.findMany({
    orderBy: { id: "asc" },
    include: { users: { select: { id: true }, orderBy: { id: "asc" } } },
  });
  const pairs = offices
    .map((o) => ({
      office: o,
      before: sheets.find((s) => s.officeId === o.id && s.fiscalYear === current - 1),
      after: sheets.find((s) => s.officeId === o.id && s.fiscalYear === current),
    }))
    .filter((p) => p.before?.submittedAt && p.after?.submittedAt);

  const trainedIn = async (p: (typeof pairs)[number]) =>
    (await prisma.moduleProgress.count({
      where: {
        userId: { in: p.office.users.map((u) => u.id) },
        slug: { in: hrSlugs },
        completedAt: { gt: p.before!.submittedAt!, lte: p.after!.submittedAt! },
      },
    })) > 0 ||
    (await prisma.sessionAttendance.count({
      where: {
        enrollment: { userId: { in: p.office.users.map((u) => u.id) }, session: { pillars: { has: PILLAR } } },
        day: { startsAt: { gt: p.before!.submittedAt!, lte: p.after!.submittedAt! } },
      },
    })) > 0;

  const trained = new Set<number>();
  for (const p of pairs) if (await trainedIn(p)) trained.add(p.office.id);
  // Offices with staff who have not trained yet: one completes an hr module half-way between the two sheets.
  for (const p of pairs) {
    if (trained.size >= TRAINED_TARGET || pairs.length - trained.size <= 3) break;
    if (trained.has(p.office.id) || !p.office.users.length) continue;
    const userId = p.office.users[0].id;
    const at = new Date((p.before!.submittedAt!.getTime() + p.after!.submittedAt!.getTime()) / 2);
    for (const slug of hrSlugs.slice(0, 2)) {
      const existing = await prisma.moduleProgress.findUnique({ where: { userId_slug: { userId, slug } } });
      if (existing) await prisma.moduleProgress.update({ where: { id: existing.id }, data: { completedAt: at } });
      else
        await prisma.moduleProgress.create({
          data: { userId, slug, sectionsReached: [], currentSection: "check", completedAt: at, createdAt: at },
        });
    }
    trained.add(p.office.id);
  }

  // The trained offices' ratings in the category move from 2 to 3 (one item to 4); the others keep their seeded
  // ratings (their yearly trend), so the comparison shows a difference without flattening the rest of the demo.
  const rate = (evaluationId: number, rating: number, first: number) =>
    Promise.all([
      prisma.evaluationAnswer.updateMany({
        where: { evaluationId, itemCode: { in: hrCodes.slice(1) } },
        data: { rating, notApplicable: false },
      }),
      prisma.evaluationAnswer.updateMany({ where: { evaluationId, itemCode: hrCodes[0] }, data: { rating: first, notApplicable: false } }),
    ]);
  for (const p of pairs) {
    if (!trained.has(p.office.id)) continue;
    await rate(p.before!.id, 2, 2);
    await rate(p.after!.id, 3, 4);
  }
  // The demo manager's office: weak in HRD last year (mean 1.5), so its page recommends the hr foundations.
  const demo = offices.find((o) => o.name === DEMO_MANAGER_OFFICE);
  const demoSheet = demo && sheets.find((s) => s.officeId === demo.id && s.fiscalYear === current - 1);
  if (demoSheet) {
    await prisma.evaluationAnswer.updateMany({
      where: { evaluationId: demoSheet.id, itemCode: { in: hrCodes.filter((_, i) => i % 2 === 0) } },
      data: { rating: 1, notApplicable: false },
    });
    await prisma.evaluationAnswer.updateMany({
      where: { evaluationId: demoSheet.id, itemCode: { in: hrCodes.filter((_, i) => i % 2 === 1) } },
      data: { rating: 2, notApplicable: false },
    });
  }
  log(
    `Office training demo data: ${trained.size} offices trained on ${PILLAR} between the sheets, ${pairs.length - trained.size} did not.`,
  );
}
