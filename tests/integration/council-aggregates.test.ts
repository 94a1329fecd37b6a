// The council's pre-computed aggregates (decision 063) stay equal to a recomputation from the answers after every
// write that changes them: answers saved on a draft, submit, return, a save on the returned sheet and a second
// submit, an import's replacement of a sheet (a new template, its answers deleted and inserted again), an office
// moved to another ward, a sheet deleted, a person's erasure-style update of the answers.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { ensureEvaluation, returnEvaluation, saveAnswer, submitEvaluation } from "~/evaluation/evaluation.server";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { expectAggregatesMatchAnswers } from "./council-aggregates";
import { createOffice, createUser, createWard, sessionUser } from "./factories";

const FY = currentFiscalYear();
const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;

let templateId: number;
let secondTemplateId: number;
let wardA: number;
let wardB: number;
let officeA: number;
let officeB: number;
let manager: number;
let subcommittee: number;

const ratingFor = (i: number) => (i % 9 === 0 ? null : (i % 4) + 1);

beforeAll(async () => {
  templateId = (await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] })).id;
  // A second version whose categories are named differently: a sheet moved to it is counted under the new names.
  const renamed = {
    ...parsed.template,
    categories: parsed.template.categories.map((c) => ({ ...c, code: `${c.code}-2` })),
    items: parsed.template.items.map((i) => ({ ...i, categoryCode: `${i.categoryCode}-2` })),
  };
  secondTemplateId = (await insertTemplateVersion(prisma, renamed, {})).id;
  wardA = (await createWard()).id;
  wardB = (await createWard()).id;
  officeA = (await createOffice({ wardId: wardA })).id;
  officeB = (await createOffice({ wardId: wardA })).id;
  manager = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA })).id;
  subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
});

describe("the council's aggregates against the answers", () => {
  it("follow a sheet through saves, submit, return, a save on the returned sheet and a second submit", async () => {
    const evaluation = await ensureEvaluation(officeA, FY);
    for (const [i, item] of items.entries()) {
      const rating = ratingFor(i);
      const saved = await saveAnswer(evaluation.id, manager, {
        code: item.code,
        revision: 0,
        rating,
        notApplicable: rating === null,
        reason: rating === null ? "対象となる利用者がいないため。" : "",
        comment: "",
        evidence: "",
      });
      expect(saved.status).toBe("saved");
    }
    const draft = await expectAggregatesMatchAnswers();
    expect(draft.storedScores.length).toBeGreaterThan(0);
    // A draft is not counted by year and ward.
    expect(draft.storedItems).toEqual([]);

    const user = await sessionUser(manager);
    expect(await submitEvaluation(officeA, FY, user)).toEqual({ ok: true });
    const submitted = await expectAggregatesMatchAnswers();
    expect(submitted.storedItems.length).toBe(items.filter((_, i) => ratingFor(i) !== null).length);

    expect((await returnEvaluation(officeA, FY, await sessionUser(subcommittee), "記録を見直してください。")).ok).toBe(true);
    expect((await expectAggregatesMatchAnswers()).storedItems).toEqual([]);

    const first = await prisma.evaluationAnswer.findFirstOrThrow({ where: { evaluationId: evaluation.id, itemCode: items[1].code } });
    const changed = await saveAnswer(evaluation.id, manager, {
      code: first.itemCode,
      revision: first.revision,
      rating: first.rating === 1 ? 4 : 1,
      notApplicable: false,
      reason: "",
      comment: "",
      evidence: "",
    });
    expect(changed.status).toBe("saved");
    await expectAggregatesMatchAnswers();
    expect(await submitEvaluation(officeA, FY, user)).toEqual({ ok: true });
    await expectAggregatesMatchAnswers();
  });

  it("follow an import's replacement of a sheet, an office's move to another ward and a deleted sheet", async () => {
    // An imported sheet, then replaced as the results import does: the sheet moves to the new template and its
    // answers are deleted and inserted again, in one transaction.
    const e = await prisma.evaluation.create({
      data: { officeId: officeB, fiscalYear: FY - 1, templateId, status: "SUBMITTED", submissionCount: 1, imported: true },
    });
    await prisma.evaluationAnswer.createMany({
      data: items.map((item, i) => ({
        evaluationId: e.id,
        itemCode: item.code,
        rating: ratingFor(i),
        notApplicable: ratingFor(i) === null,
      })),
    });
    await expectAggregatesMatchAnswers();
    await prisma.$transaction(async (tx) => {
      await tx.evaluation.update({ where: { id: e.id }, data: { templateId: secondTemplateId, status: "SUBMITTED" } });
      await tx.evaluationAnswer.deleteMany({ where: { evaluationId: e.id } });
      await tx.evaluationAnswer.createMany({
        data: items.map((item, i) => ({ evaluationId: e.id, itemCode: item.code, rating: ((i + 1) % 4) + 1, notApplicable: false })),
      });
    });
    const replaced = await expectAggregatesMatchAnswers();
    expect(replaced.storedScores.some((r) => r.evaluationId === e.id && String(r.categoryCode).endsWith("-2"))).toBe(true);

    // The office moves to another ward: its submitted sheets are counted there.
    await prisma.office.update({ where: { id: officeB }, data: { wardId: wardB } });
    const moved = await expectAggregatesMatchAnswers();
    expect(moved.storedItems.some((r) => r.wardId === wardB)).toBe(true);

    // An erasure-style update of every answer (who last changed it) changes no figure.
    await prisma.evaluationAnswer.updateMany({ where: { evaluationId: e.id }, data: { updatedById: null } });
    await expectAggregatesMatchAnswers();

    await prisma.evaluation.delete({ where: { id: e.id } });
    const deleted = await expectAggregatesMatchAnswers();
    expect(deleted.storedScores.some((r) => r.evaluationId === e.id)).toBe(false);
    expect(deleted.storedItems.some((r) => r.wardId === wardB)).toBe(false);
  });
});
