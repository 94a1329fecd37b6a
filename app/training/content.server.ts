// The request path's only access to training content: the compiled manifest and bundles in
// app/generated/content (written by scripts/compile-content.ts), read once and memoised.
// In development the manifest is re-read when the dev watcher rewrites it.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { envVar } from "~/env.server";
import type { Locale } from "~/i18n";
import type { LearningGoal, Level, ModuleFrontmatter, Pillar, Track } from "./content-schema";
import { LEVELS, PILLARS, TRACKS } from "./content-schema";

export interface ManifestModule {
  slug: string;
  file: string;
  hash: string;
  artifact: string;
  frontmatter: ModuleFrontmatter;
  reflections: string[];
  /** Uploaded videos the module places (<Video video="…" />). */
  videos?: string[];
}
interface Manifest {
  compilerVersion: string;
  goalsHash: string;
  goals: LearningGoal[];
  modules: ManifestModule[];
}

export function contentOutDir(): string {
  return envVar("TSUNAGU_CONTENT_OUT") ?? join(process.cwd(), "app/generated/content");
}

let cached: { dir: string; mtimeMs: number; manifest: Manifest; bySlug: Map<string, ManifestModule> } | null = null;
const codeCache = new Map<string, string>();

function load() {
  const dir = contentOutDir();
  const path = join(dir, "manifest.json");
  const checkMtime = envVar("NODE_ENV") !== "production" || !cached || cached.dir !== dir;
  if (cached && cached.dir === dir && !checkMtime) return cached;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    throw new Error(`Training content is not compiled (${path} is missing): run npm run content:compile`);
  }
  if (cached && cached.dir === dir && cached.mtimeMs === mtimeMs) return cached;
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  const order = (m: ManifestModule) => [
    TRACKS.indexOf(m.frontmatter.track),
    PILLARS.indexOf(m.frontmatter.pillar),
    LEVELS.indexOf(m.frontmatter.level),
  ];
  manifest.modules.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.slug.localeCompare(b.slug);
  });
  cached = { dir, mtimeMs, manifest, bySlug: new Map(manifest.modules.map((m) => [m.slug, m])) };
  return cached;
}

/** All modules, in catalogue order (track, pillar, level, slug). */
export function allModules(): ManifestModule[] {
  return load().manifest.modules;
}

export function findModule(slug: string): ManifestModule | undefined {
  return load().bySlug.get(slug);
}

export function learningGoals(): LearningGoal[] {
  return load().manifest.goals;
}

/** The codes of every learning goal (to refuse any other). */
export function learningGoalCodes(): Set<string> {
  return new Set(learningGoals().map((g) => g.code));
}

/** A learning goal as a picker shows it: its text in the reader's language. */
export interface GoalOption {
  code: string;
  pillar: Pillar;
  level: Level;
  text: string;
}

export function goalOptions(locale: Locale): GoalOption[] {
  return learningGoals().map((g) => ({ code: g.code, pillar: g.pillar, level: g.level, text: pick(g.text, locale) }));
}

/** The compiled MDX bundle of a module (read from disk once per artifact). */
export function moduleCode(m: ManifestModule): string {
  const key = join(contentOutDir(), m.artifact);
  let code = codeCache.get(key);
  if (code === undefined) {
    code = (JSON.parse(readFileSync(key, "utf8")) as { code: string }).code;
    codeCache.set(key, code);
  }
  return code;
}

export const pick = (text: { ja: string; en: string }, locale: Locale) => text[locale] ?? text.ja;

export interface ModuleSummary {
  slug: string;
  title: string;
  summary: string;
  track: Track;
  pillar: Pillar;
  level: Level;
  goals: string[];
  minutes: number;
  sectionCount: number;
}

export function summarise(m: ManifestModule, locale: Locale): ModuleSummary {
  const f = m.frontmatter;
  return {
    slug: m.slug,
    title: pick(f.title, locale),
    summary: pick(f.summary, locale),
    track: f.track,
    pillar: f.pillar,
    level: f.level,
    goals: f.goals,
    minutes: f.minutes,
    sectionCount: f.sections.length,
  };
}

/** The check as the browser may see it before answering: no correct answers, no explanations. */
export function publicCheck(m: ManifestModule, locale: Locale) {
  return {
    passMark: m.frontmatter.check.passMark,
    questions: m.frontmatter.check.questions.map((q) => ({
      id: q.id,
      prompt: pick(q.prompt, locale),
      multiple: q.correct.length > 1,
      choices: q.choices.map((c) => ({ id: c.id, text: pick(c.text, locale) })),
    })),
  };
}
