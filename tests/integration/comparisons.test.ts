// Comparisons shown to an office must not reveal a peer. The attacker is a manager who knows their own
// office's ratings, sees the results page (the medians and how many offices are behind each) and knows
// which offices are in their ward. They try to pin a rating on a group of fewer than 5 identifiable
// peers, or to learn anything from a figure that moves with their own rating.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { PEER_MIN_OTHERS, resultsFor } from "~/evaluation/results.server";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { now } from "~/lib/clock";
import { createOffice, createWard } from "./factories";

const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;
const FY = fiscalYearOf(now()) - 1;

let templateId: number;
async function submitted(officeId: number, rating: number) {
  const e = await prisma.evaluation.create({
    data: { officeId, fiscalYear: FY, templateId, status: "SUBMITTED", submissionCount: 1, submittedAt: now() },
  });
  await prisma.evaluationAnswer.createMany({
    data: items.map((i) => ({ evaluationId: e.id, itemCode: i.code, rating, notApplicable: false })),
  });
  return e;
}

type View = Extract<Awaited<ReturnType<typeof resultsFor>>, { submitted: true }>;

/**
 * What the attacker learns. For each figure shown, the offices it could point at are the others behind
 * it; with own rating known and fewer than PEER_MIN_OTHERS candidates, "one of these few has m" (or, with
 * two offices, the exact rating) is a deduction about an identifiable peer.
 */
function deductions(view: View, own: number): string[] {
  const found: string[] = [];
  for (const r of view.rows) {
    const figures = [
      { name: "ward", value: r.ward, shown: view.wardShown, count: view.wardOffices },
      { name: "city", value: r.city, shown: view.cityShown, count: view.cityOffices },
    ];
    for (const f of figures) {
      if (!f.shown || f.value === null) continue;
      // The page states the count; if the viewer's own office were among them, the candidates are one fewer.
      const candidates = f.value === own ? f.count - 1 : f.count;
      if (candidates < PEER_MIN_OTHERS) found.push(`${r.code} ${f.name}: one of ${candidates} peers rated ${f.value}`);
    }
  }
  return found;
}

let a: number, b: number, c: number, lone: number;
beforeAll(async () => {
  templateId = (await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] })).id;
  // A small ward: A (the viewer, 1), B (3), C (4).
  const small = await createWard();
  a = (await createOffice({ wardId: small.id })).id;
  b = (await createOffice({ wardId: small.id })).id;
  c = (await createOffice({ wardId: small.id })).id;
  await submitted(a, 1);
  await submitted(b, 3);
  await submitted(c, 4);
  // A large ward of 6 offices, one of them `lone` (the viewer of the second case).
  const large = await createWard();
  const ratings = [2, 2, 3, 3, 4, 1];
  for (const [i, rating] of ratings.entries()) {
    const o = await createOffice({ wardId: large.id });
    if (i === 5) lone = o.id;
    await submitted(o.id, rating);
  }
});

describe("comparisons shown to an office", () => {
  it("a manager in a 3-office ward learns nothing about the two others", async () => {
    const view = (await resultsFor(a, FY)) as View;
    expect(view.submitted).toBe(true);
    // The ward (2 others) is withheld; the city (8 others) is shown — their own office left out.
    expect(view.wardShown).toBe(false);
    expect(view.rows.every((r) => r.ward === null)).toBe(true);
    expect(view.cityOffices).toBe(8);
    expect(view.cityShown).toBe(true);
    expect(deductions(view, 1)).toEqual([]);
    // Before: ward median of {1, 3, 4} = 3 over "3 offices" → B or C rated exactly 3.
    expect(view.rows[0].ward).not.toBe(3);
  });

  it("the figures do not move with the viewer's own rating", async () => {
    const before = (await resultsFor(lone, FY)) as View;
    await prisma.evaluationAnswer.updateMany({ where: { evaluation: { officeId: lone } }, data: { rating: 4 } });
    await prisma.evaluation.update({ where: { officeId_fiscalYear: { officeId: lone, fiscalYear: FY } }, data: { submissionCount: 2 } });
    const after = (await resultsFor(lone, FY)) as View;
    expect(after.rows.map((r) => [r.city, r.ward])).toEqual(before.rows.map((r) => [r.city, r.ward]));
    // The ward of `lone` has exactly 5 others: shown, over the others only (median of 2,2,3,3,4 = 3).
    expect(after.wardOffices).toBe(PEER_MIN_OTHERS);
    expect(after.wardShown).toBe(true);
    expect(after.rows[0].ward).toBe(3);
    expect(deductions(after, 4)).toEqual([]);
  });

  it("a ward of fewer than 5 others is withheld even when the city is shown", async () => {
    const view = (await resultsFor(b, FY)) as View;
    expect(view.wardOffices).toBe(2);
    expect(view.wardShown).toBe(false);
    expect(view.cityShown).toBe(true);
  });
});
