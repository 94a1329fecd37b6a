// Checklist template versions: list, draft edits, publishing (imports: checklist-import.server.ts).
// A published version's items are never changed in place; new content always means a new version.
import { audit } from "~/audit/audit.server";
import { notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { now } from "~/lib/clock";

export async function listTemplates() {
  const templates = await prisma.checklistTemplate.findMany({
    orderBy: { version: "desc" },
    include: { _count: { select: { items: true, evaluations: true } } },
  });
  return templates.map((t) => ({
    version: t.version,
    status: t.status,
    fiscalYears: [...t.fiscalYears].sort(),
    items: t._count.items,
    evaluations: t._count.evaluations,
    note: t.note,
    createdAt: t.createdAt.toISOString(),
  }));
}

export async function findTemplate(versionParam: string | undefined) {
  const version = Number(versionParam);
  const template = Number.isInteger(version) && version > 0 ? await prisma.checklistTemplate.findUnique({ where: { version } }) : null;
  if (!template) throw notFound();
  return template;
}

export class YearInUseError extends Error {
  constructor(public year: number) {
    super(`FY${year} in use`);
  }
}

/** Publishes a version for fiscal years. A year already started on another version stays with it. */
export async function publishTemplate(templateId: number, years: number[], actorId: number) {
  await prisma.$transaction(async (tx) => {
    for (const year of years) {
      const started = await tx.evaluation.findFirst({
        where: { fiscalYear: year, templateId: { not: templateId } },
      });
      if (started) throw new YearInUseError(year);
      const others = await tx.checklistTemplate.findMany({
        where: { id: { not: templateId }, fiscalYears: { has: year } },
      });
      for (const other of others)
        await tx.checklistTemplate.update({
          where: { id: other.id },
          data: { fiscalYears: other.fiscalYears.filter((y) => y !== year) },
        });
    }
    const template = await tx.checklistTemplate.findUniqueOrThrow({
      where: { id: templateId },
    });
    await tx.checklistTemplate.update({
      where: { id: templateId },
      data: {
        status: "PUBLISHED",
        fiscalYears: [...new Set([...template.fiscalYears, ...years])].sort(),
        publishedAt: template.publishedAt ?? now(),
      },
    });
  });
  await audit({
    actorId,
    action: "checklist.publish",
    entityType: "ChecklistTemplate",
    entityId: templateId,
    summary: years.join(","),
  });
}

export class NotDraftError extends Error {}

export async function updateDraftItem(templateId: number, code: string, patch: { textJa: string; textEn: string }, actorId: number) {
  const template = await prisma.checklistTemplate.findUniqueOrThrow({
    where: { id: templateId },
  });
  if (template.status !== "DRAFT") throw new NotDraftError();
  const updated = await prisma.checklistItem.updateMany({
    where: { templateId, code },
    data: patch,
  });
  if (updated.count !== 1) throw notFound();
  await audit({
    actorId,
    action: "checklist.editItem",
    entityType: "ChecklistTemplate",
    entityId: templateId,
    summary: code,
  });
}
