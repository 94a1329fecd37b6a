// Compiles content/ ahead of requests: validates every module (app/training/content-schema.ts),
// bundles each with mdx-bundler into app/generated/content/<slug>.<hash>.json (the hash covers the
// module's source and the compiler version) and writes manifest.json. Unchanged modules are not
// re-bundled. See docs/decisions/004-mdx-content-compiled-ahead.md.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkUniqueSlugs, parseGoals, parseModule, type LearningGoal, type ModuleFrontmatter } from "../../app/training/content-schema.ts";

/** Bump when the compile output changes shape, so every artifact counts as stale. */
export const COMPILER_VERSION = "2";

export const PROJECT_ROOT = join(import.meta.dirname, "../..");
export const DEFAULT_CONTENT_DIR = join(PROJECT_ROOT, "content");
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, "app/generated/content");

export interface ManifestModule {
  slug: string;
  file: string;
  hash: string;
  artifact: string;
  frontmatter: ModuleFrontmatter;
  reflections: string[];
  videos: string[];
}
export interface Manifest {
  compilerVersion: string;
  goalsHash: string;
  goals: LearningGoal[];
  modules: ManifestModule[];
}

const sha = (...parts: string[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
};

function moduleFiles(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".mdx")) out.push(path);
    }
  };
  walk(join(contentDir, "modules"));
  return out;
}

/** The hashes the artifacts should have now, without compiling anything (for the staleness check). */
export function expectedHashes(contentDir = DEFAULT_CONTENT_DIR): { goalsHash: string; modules: { file: string; hash: string }[] } {
  const goalsPath = join(contentDir, "learning-goals.yaml");
  const goalsHash = sha(COMPILER_VERSION, existsSync(goalsPath) ? readFileSync(goalsPath, "utf8") : "");
  const modules = moduleFiles(contentDir).map((path) => ({
    file: relative(contentDir, path),
    hash: sha(COMPILER_VERSION, readFileSync(path, "utf8")),
  }));
  return { goalsHash, modules };
}

/** Validates everything first (all problems at once), then bundles what changed. Throws ContentError on invalid content. */
export async function compileContent(options: { contentDir?: string; outDir?: string; log?: (m: string) => void } = {}): Promise<Manifest> {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const log = options.log ?? (() => {});
  const goalsPath = join(contentDir, "learning-goals.yaml");
  const goalsSource = existsSync(goalsPath) ? readFileSync(goalsPath, "utf8") : "[]";
  const goals = existsSync(goalsPath) ? parseGoals(relative(PROJECT_ROOT, goalsPath), goalsSource) : [];
  const goalCodes = new Set(goals.map((g) => g.code));

  const { ContentError } = await import("../../app/training/content-schema.ts");
  const problems: string[] = [];
  const parsed: {
    file: string;
    source: string;
    hash: string;
    fm: ModuleFrontmatter;
    body: string;
    reflections: string[];
    videos: string[];
  }[] = [];
  for (const path of moduleFiles(contentDir)) {
    const file = relative(PROJECT_ROOT, path);
    const source = readFileSync(path, "utf8");
    try {
      const m = parseModule(file, source, goalCodes);
      parsed.push({
        file: relative(contentDir, path),
        source,
        hash: sha(COMPILER_VERSION, source),
        fm: m.frontmatter,
        body: m.body,
        reflections: m.reflections,
        videos: m.videos,
      });
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  try {
    checkUniqueSlugs(parsed.map((m) => ({ file: m.file, slug: m.fm.slug })));
  } catch (e) {
    if (e instanceof ContentError) problems.push(...e.problems);
    else throw e;
  }
  if (problems.length) throw new ContentError(problems);

  mkdirSync(outDir, { recursive: true });
  const { bundleMDX } = await import("mdx-bundler");
  const modules: ManifestModule[] = [];
  for (const m of parsed) {
    const artifact = `${m.fm.slug}.${m.hash.slice(0, 16)}.json`;
    const artifactPath = join(outDir, artifact);
    if (!existsSync(artifactPath)) {
      const started = Date.now();
      const { code } = await bundleMDX({ source: m.body, cwd: join(contentDir, "modules") });
      writeFileSync(artifactPath, JSON.stringify({ slug: m.fm.slug, hash: m.hash, code }));
      log(`compiled ${m.file} (${Date.now() - started} ms)`);
    }
    modules.push({
      slug: m.fm.slug,
      file: m.file,
      hash: m.hash,
      artifact,
      frontmatter: m.fm,
      reflections: m.reflections,
      videos: m.videos,
    });
  }
  const manifest: Manifest = {
    compilerVersion: COMPILER_VERSION,
    goalsHash: sha(COMPILER_VERSION, existsSync(goalsPath) ? goalsSource : ""),
    goals,
    modules,
  };
  writeFileSync(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 1));
  const keep = new Set(["manifest.json", ...modules.map((m) => m.artifact)]);
  for (const entry of readdirSync(outDir)) if (!keep.has(entry)) rmSync(join(outDir, entry));
  return manifest;
}
