// The case template (content/cases/v<N>.yaml): sections of fields the trainee fills. Versioned like the
// checklist: a submitted case is shown with the version its assignment names.
import { z } from "zod";

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const field = z.object({
  key: z.string().regex(/^[a-zA-Z]+$/),
  kind: z.enum(["choice", "text", "longtext"]),
  label: text,
  hint: text.optional(),
  choices: z.array(z.string()).optional(),
  max: z.number().int().positive().default(4000),
});
export const caseTemplateSchema = z.object({
  version: z.number().int().positive(),
  title: text,
  sections: z.array(z.object({ key: z.string(), title: text, fields: z.array(field).min(1) })).min(1),
});
export type CaseTemplate = z.infer<typeof caseTemplateSchema>;
export type CaseField = CaseTemplate["sections"][number]["fields"][number];
export type CaseFields = Record<string, string>;

export function templateFields(t: CaseTemplate): CaseField[] {
  return t.sections.flatMap((s) => s.fields);
}

/** Only the template's keys, as trimmed-at-the-limit strings; a choice outside its list is dropped. */
export function cleanFields(t: CaseTemplate, raw: Record<string, unknown>): CaseFields {
  const out: CaseFields = {};
  for (const f of templateFields(t)) {
    const v = raw[f.key];
    if (typeof v !== "string") continue;
    if (f.kind === "choice") {
      if (v === "" || f.choices?.includes(v)) out[f.key] = v;
      continue;
    }
    out[f.key] = v.slice(0, f.max);
  }
  return out;
}

/** Fields left empty that a submission needs (every field). */
export function missingFields(t: CaseTemplate, fields: CaseFields): string[] {
  return templateFields(t)
    .filter((f) => !(fields[f.key] ?? "").trim())
    .map((f) => f.key);
}

/** What changed between two versions, field by field, as line-level differences. */
export interface FieldDiff {
  key: string;
  changed: boolean;
  lines: { kind: "same" | "added" | "removed"; text: string }[];
}

export function diffLines(before: string, after: string): FieldDiff["lines"] {
  const a = before.split("\n");
  const b = after.split("\n");
  // Longest common subsequence over lines (case texts are short).
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: FieldDiff["lines"] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) out.push({ kind: "removed", text: a[i++] });
    else out.push({ kind: "added", text: b[j++] });
  }
  while (i < a.length) out.push({ kind: "removed", text: a[i++] });
  while (j < b.length) out.push({ kind: "added", text: b[j++] });
  return out;
}

export function diffFields(t: CaseTemplate, before: CaseFields, after: CaseFields): FieldDiff[] {
  return templateFields(t).map((f) => {
    const lines = diffLines(before[f.key] ?? "", after[f.key] ?? "");
    return { key: f.key, changed: lines.some((l) => l.kind !== "same"), lines };
  });
}
