// Writes a validated checklist as a new template version. Takes the Prisma client as a parameter so
// the seed (with its own client) and the app share it.
import type { PrismaClient } from "../generated/prisma/client";
import type { ParsedTemplate } from "./checklist-import";
import { now } from "~/lib/clock";

export async function insertTemplateVersion(
  db: PrismaClient,
  parsed: ParsedTemplate,
  options: { note?: string; publishFor?: number[] } = {},
): Promise<{ id: number; version: number }> {
  return db.$transaction(
    async (tx) => {
      const latest = await tx.checklistTemplate.aggregate({
        _max: { version: true },
      });
      const version = (latest._max.version ?? 0) + 1;
      const published = !!options.publishFor?.length;
      const template = await tx.checklistTemplate.create({
        data: {
          version,
          note: options.note ?? "",
          status: published ? "PUBLISHED" : "DRAFT",
          fiscalYears: options.publishFor ?? [],
          publishedAt: published ? now() : null,
        },
      });
      await tx.checklistCategory.createMany({
        data: parsed.categories.map((c) => ({ ...c, templateId: template.id })),
      });
      const categoryIds = new Map(
        (
          await tx.checklistCategory.findMany({
            where: { templateId: template.id },
          })
        ).map((c) => [c.code, c.id]),
      );
      await tx.checklistItem.createMany({
        data: parsed.items.map(({ categoryCode, ...item }) => ({
          ...item,
          templateId: template.id,
          categoryId: categoryIds.get(categoryCode)!,
        })),
      });
      return { id: template.id, version };
      // 73 items and their categories in one change: on a loaded server this can take longer than Prisma's 5 s default.
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
