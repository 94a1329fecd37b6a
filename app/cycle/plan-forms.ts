// Form schemas for action plans (shared by the route actions; messages are message keys).
import { z } from "zod";
import { jstDateField } from "~/lib/forms";

const date = jstDateField("validation.invalid", false);

export const itemSchema = z
  .object({
    itemCodes: z.array(z.string().trim()).transform((codes) => [...new Set(codes.filter(Boolean))]),
    issue: z.string().trim().min(1).max(2000),
    goal: z.string().trim().min(1).max(2000),
    actions: z.string().trim().min(1).max(4000),
    owner: z.string().trim().max(200).default(""),
    startDate: date,
    dueDate: date,
    /** Issue 17: the training the item relies on, "module:<slug>" or "session:<id>" (optional). */
    training: z
      .string()
      .trim()
      .regex(/^(|module:[a-z0-9][a-z0-9-]*|session:\d{1,9})$/, "officeTraining.plan.trainingInvalid")
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.itemCodes.length === 0) ctx.addIssue({ code: "custom", path: ["itemCodes"], message: "cycle.plan.error.noItem" });
    if (v.startDate && v.dueDate && v.dueDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "cycle.plan.error.dueBeforeStart" });
  });

export const updateSchema = z.object({
  date: jstDateField("validation.required"),
  note: z.string().trim().min(1).max(4000),
  evidence: z.string().trim().max(2000).default(""),
  status: z.enum(["PLANNED", "IN_PROGRESS", "DONE", "DROPPED", ""]).transform((v) => (v === "" ? null : v)),
});

export const commentSchema = z.object({ text: z.string().trim().min(1).max(4000) });
