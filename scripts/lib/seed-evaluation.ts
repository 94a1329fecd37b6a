// Demo self-evaluations: checklist v1 (content/checklists/v1.csv) published for the current fiscal year
// and the two before it (counted from the application's clock), and every demo office's sheets for
// those years — varied and deterministic (fixed pseudo-random seed).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { parseChecklistCsv, CATEGORY_CODES } from "../../app/evaluation/checklist-import.ts";
import { insertTemplateVersion } from "../../app/evaluation/template-store.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { fiscalYearOf } from "../../app/lib/fiscal-year.ts";

export const DEMO_MANAGER_OFFICE = "障害者相談支援事業所 けやき";

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  "職員会議で確認した。",
  "記録の様式を見直し中。",
  "来年度の重点課題とする。",
  "区の連絡会で情報交換している。",
  "一部の職員にとどまっている。",
  "マニュアルはあるが訓練が未実施。",
  "",
  "",
  "",
];
const EVIDENCE = ["職員会議録", "研修受講記録", "ケース会議記録", "マニュアル", "", "", ""];
const NA_REASONS = ["対象となる利用者がいないため。", "当事業所では実施していない業務のため。"];

export async function seedEvaluations(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const current = fiscalYearOf(now);
  const YEARS = [current - 2, current - 1, current];
  const parsed = parseChecklistCsv(readFileSync(join(import.meta.dirname, "../../content/checklists/v1.csv"), "utf8"));
  if (!parsed.ok) throw new Error(`content/checklists/v1.csv is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const template = await insertTemplateVersion(prisma, parsed.template, {
    note: "つなぐ標準チェックシート（初版）",
    publishFor: [...YEARS],
  });
  const items = parsed.template.items;

  const offices = await prisma.office.findMany({
    orderBy: { id: "asc" },
    include: { users: true },
  });
  const random = rng(20240401);
  let sheets = 0;
  for (const [index, office] of offices.entries()) {
    const demoOffice = office.name === DEMO_MANAGER_OFFICE;
    const author = office.users.find((u) => u.roles.includes("OFFICE_MANAGER"))?.id ?? null;
    // Each office: a general level, its own weak and strong categories, and a trend over the years.
    const level = 2.3 + random() * 1.1;
    const byCategory = Object.fromEntries(CATEGORY_CODES.map((c) => [c, (random() - 0.5) * 1.2]));
    const weak = CATEGORY_CODES[Math.floor(random() * CATEGORY_CODES.length)];
    byCategory[weak] -= 0.7;
    const trend = [0.25, 0.15, 0.05, 0, -0.1][index % 5];
    for (const [y, fy] of YEARS.entries()) {
      // This year: the demo office is half-way through its draft; a few others have not finished yet.
      const status =
        fy < current ? "SUBMITTED" : demoOffice ? "DRAFT" : index % 6 === 5 ? "DRAFT" : index % 11 === 10 ? "RETURNED" : "SUBMITTED";
      const answeredShare = status === "SUBMITTED" || status === "RETURNED" ? 1 : demoOffice ? 0.45 : 0.7;
      // Earlier years: submitted in January; this year's submitted sheets: in the past few weeks.
      const dayOffset = Math.floor(random() * 15);
      const submittedAt =
        fy < current ? new Date(Date.UTC(fy + 1, 0, 10 + dayOffset, 1)) : new Date(now.getTime() - (8 + dayOffset) * 86400_000);
      const evaluation = await prisma.evaluation.create({
        data: {
          officeId: office.id,
          fiscalYear: fy,
          templateId: template.id,
          status,
          submissionCount: status === "DRAFT" ? 0 : 1,
          submittedAt: status === "DRAFT" ? null : submittedAt,
        },
      });
      const answers = [];
      for (const [i, item] of items.entries()) {
        if (answeredShare < 1 && i / items.length >= answeredShare) break;
        const notApplicable = random() < 0.02;
        const value = level + byCategory[item.categoryCode] + trend * y + (random() - 0.5) * 1.4;
        const rating = Math.min(4, Math.max(1, Math.round(value)));
        answers.push({
          evaluationId: evaluation.id,
          itemCode: item.code,
          rating: notApplicable ? null : rating,
          notApplicable,
          notApplicableReason: notApplicable ? NA_REASONS[Math.floor(random() * NA_REASONS.length)] : "",
          comment: rating <= 2 || random() < 0.15 ? COMMENTS[Math.floor(random() * COMMENTS.length)] : "",
          evidenceNote: random() < 0.3 ? EVIDENCE[Math.floor(random() * EVIDENCE.length)] : "",
          updatedById: author,
        });
      }
      await prisma.evaluationAnswer.createMany({ data: answers });
      if (status !== "DRAFT") {
        await prisma.evaluationEvent.create({
          data: {
            evaluationId: evaluation.id,
            kind: "SUBMITTED",
            actorId: author,
            createdAt: submittedAt,
          },
        });
      }
      if (status === "RETURNED") {
        await prisma.evaluationEvent.create({
          data: {
            evaluationId: evaluation.id,
            kind: "RETURNED",
            comment: "「該当なし」の理由を具体的に記入してください。",
            createdAt: new Date(submittedAt.getTime() + 7 * 86400_000),
          },
        });
      }
      sheets++;
    }
  }
  log(`Self-evaluation demo data: checklist v${template.version} (${items.length} items), ${sheets} sheets.`);
}
