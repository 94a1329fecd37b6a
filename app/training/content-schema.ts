// The one schema for training content: learning goals (content/learning-goals.yaml) and module
// frontmatter (content/modules/<pillar>/<slug>.mdx). Pure: used by scripts/compile-content.ts,
// the tests, and (as types) by the app. Every error names the file and the field.
import { parse as parseYaml } from "yaml";
import { z } from "zod";

import { LEVELS, PILLARS, TRACKS } from "./constants";

export { LEVELS, PILLARS, TRACKS };
export type { Level, Pillar, Track } from "./constants";

const text = z.object({ ja: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens")
  .refine((v) => v !== "check", '"check" is reserved');

export const goalSchema = z
  .object({
    code: z.string().regex(/^[A-Z]+-\d+-\d+$/, "must look like IND-1-1"),
    pillar: z.enum(PILLARS),
    level: z.enum(LEVELS),
    text,
  })
  .strict();
export type LearningGoal = z.infer<typeof goalSchema>;

const choice = z.object({ id, text }).strict();
const question = z
  .object({
    id,
    prompt: text,
    choices: z.array(choice).min(2),
    correct: z.array(z.string()).min(1),
    explanation: text,
  })
  .strict();

export const frontmatterSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens"),
    title: text,
    summary: text,
    track: z.enum(TRACKS),
    pillar: z.enum(PILLARS),
    level: z.enum(LEVELS),
    goals: z.array(z.string()).min(1),
    minutes: z.number().int().positive(),
    sections: z.array(z.object({ id, title: text }).strict()).min(1),
    check: z
      .object({
        passMark: z.number().gt(0).lte(1).default(0.8),
        questions: z.array(question).min(1),
      })
      .strict(),
  })
  .strict();
export type ModuleFrontmatter = z.infer<typeof frontmatterSchema>;
export type CheckQuestion = ModuleFrontmatter["check"]["questions"][number];

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Training content is invalid:\n  ${problems.join("\n  ")}`);
    this.name = "ContentError";
  }
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/** Parses learning-goals.yaml: a list of unique goals. Throws ContentError. */
export function parseGoals(file: string, source: string): LearningGoal[] {
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (e) {
    throw new ContentError([`${file}: (yaml): ${(e as Error).message}`]);
  }
  const result = z.array(goalSchema).min(1).safeParse(raw);
  if (!result.success) throw new ContentError(zodProblems(file, result.error));
  const seen = new Set<string>();
  const problems: string[] = [];
  result.data.forEach((g, i) => {
    if (seen.has(g.code)) problems.push(`${file}: ${i}.code: duplicate goal code "${g.code}"`);
    seen.add(g.code);
  });
  if (problems.length) throw new ContentError(problems);
  return result.data;
}

/** Splits "---\nyaml\n---\nbody". */
export function splitFrontmatter(source: string): { yaml: string; body: string } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { yaml: match[1], body: match[2] } : null;
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g))
    attrs[m[1]] = m[2] ?? m[3] ?? m[4] ?? "";
  return attrs;
}

export interface ParsedModule {
  frontmatter: ModuleFrontmatter;
  body: string;
  reflections: string[];
  /** Uploaded videos placed with <Video video="slug-or-id" /> (video lectures, issue 9). */
  videos: string[];
}

/**
 * Validates one module file against the schema and its body: sections in the body match the
 * frontmatter (same ids, same order), goal codes exist, correct answers are among the choices,
 * ids are unique, every <Video> has captions and a transcript. Throws ContentError.
 */
export function parseModule(file: string, source: string, goalCodes: ReadonlySet<string>): ParsedModule {
  const parts = splitFrontmatter(source);
  if (!parts) throw new ContentError([`${file}: (frontmatter): missing --- frontmatter block`]);
  let raw: unknown;
  try {
    raw = parseYaml(parts.yaml);
  } catch (e) {
    throw new ContentError([`${file}: (frontmatter): ${(e as Error).message}`]);
  }
  const result = frontmatterSchema.safeParse(raw);
  if (!result.success) throw new ContentError(zodProblems(file, result.error));
  const fm = result.data;
  const problems: string[] = [];
  const p = (field: string, message: string) => problems.push(`${file}: ${field}: ${message}`);

  const expectedSlug = file
    .replace(/\\/g, "/")
    .split("/")
    .pop()!
    .replace(/\.mdx$/, "");
  if (fm.slug !== expectedSlug) p("slug", `"${fm.slug}" must equal the file name "${expectedSlug}"`);
  const dir = file.replace(/\\/g, "/").split("/").slice(-2, -1)[0];
  if ((PILLARS as readonly string[]).includes(dir) && dir !== fm.pillar)
    p("pillar", `"${fm.pillar}" but the file is in the folder "${dir}"`);

  fm.goals.forEach((code, i) => {
    if (!goalCodes.has(code)) p(`goals.${i}`, `unknown goal code "${code}"`);
  });
  const dupes = (ids: string[]) => ids.filter((v, i) => ids.indexOf(v) !== i);
  for (const d of dupes(fm.sections.map((s) => s.id))) p("sections", `duplicate section id "${d}"`);
  for (const d of dupes(fm.check.questions.map((q) => q.id))) p("check.questions", `duplicate question id "${d}"`);
  fm.check.questions.forEach((q, i) => {
    const choiceIds = q.choices.map((c) => c.id);
    for (const d of dupes(choiceIds)) p(`check.questions.${i}.choices`, `duplicate choice id "${d}"`);
    q.correct.forEach((c, j) => {
      if (!choiceIds.includes(c)) p(`check.questions.${i}.correct.${j}`, `"${c}" is not one of the choices (${choiceIds.join(", ")})`);
    });
  });

  const bodySections = [...parts.body.matchAll(/<Section\b([^>]*)>/g)].map((m) => attributes(m[1]).id ?? "");
  const fmSections = fm.sections.map((s) => s.id);
  if (bodySections.join("|") !== fmSections.join("|")) {
    p(
      "sections",
      `the body's <Section id> blocks (${bodySections.join(", ") || "none"}) must match the frontmatter sections in order (${fmSections.join(", ")})`,
    );
  }
  const reflections: string[] = [];
  for (const m of parts.body.matchAll(/<Reflection\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (!a.id) p("body.Reflection", "every <Reflection> needs an id");
    else if (reflections.includes(a.id)) p("body.Reflection", `duplicate reflection id "${a.id}"`);
    else reflections.push(a.id);
    if (!a.prompt) p(`body.Reflection(${a.id ?? "?"})`, "needs a prompt");
  }
  const videos: string[] = [];
  for (const m of parts.body.matchAll(/<Video\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    // An uploaded lecture carries its own captions and transcript (checked before it is published).
    if (a.video !== undefined) {
      if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(a.video)) p("body.Video.video", `"${a.video}" is not a video name or id`);
      else videos.push(a.video);
      continue;
    }
    if (!a.src) p("body.Video.src", "a <Video> needs a src");
    if (!a.captions || !/\.vtt($|\?)/.test(a.captions)) p("body.Video.captions", "a <Video> needs a captions track (a WebVTT .vtt file)");
    if (!a.transcript) p("body.Video.transcript", "a <Video> needs a transcript");
  }
  if (problems.length) throw new ContentError(problems);
  return { frontmatter: fm, body: parts.body, reflections, videos };
}

/** Unique slugs across all modules. */
export function checkUniqueSlugs(modules: { file: string; slug: string }[]): void {
  const bySlug = new Map<string, string>();
  const problems: string[] = [];
  for (const m of modules) {
    const other = bySlug.get(m.slug);
    if (other) problems.push(`${m.file}: slug: "${m.slug}" is already used by ${other}`);
    else bySlug.set(m.slug, m.file);
  }
  if (problems.length) throw new ContentError(problems);
}
