// Demo lecture videos, made at seed time (never committed as binaries): for one module of each pillar,
// slides of the module's key points in Japanese drawn by ffmpeg's drawtext in Noto Sans CJK, held as a
// still-slide video of at least 60 s, with Japanese WebVTT captions that say what each slide says; then
// transcoded to HLS by the application's own transcoder (the same renditions as an upload), stored
// through the media storage interface and published, so the module's <Video video="…" /> plays.
//
// Cheap on purpose: 2 frames a second of still slides (libx264 ultrafast for the source), and the HLS
// result is kept in a local cache under the media directory, keyed by the slides' text, so a reseed
// (npm start with TSUNAGU_RESET_DATA, the e2e and bench servers) copies instead of encoding again.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { ffmpegAvailable, poster, probe, transcodeHls } from "../../app/video/ffmpeg.server.ts";
import { mediaRoot, mediaStorage } from "../../app/video/storage.server.ts";
import { validateVtt } from "../../app/video/vtt.ts";
import { compileContent, type ManifestModule } from "./compile-content.ts";
import { PROJECT_ROOT } from "./database.ts";

const run = promisify(execFile);
const FFMPEG = process.env.FFMPEG_PATH || "ffmpeg";

/** The demo lectures: one module per pillar, each placing its lecture with <Video video="{slug}" />. */
export const DEMO_LECTURES = [
  { module: "life-transitions-after-parents", slug: "life-transitions-after-parents-lecture" },
  { module: "resource-development-prevention", slug: "resource-development-prevention-lecture" },
  { module: "hr-development-systems", slug: "hr-development-systems-lecture" },
] as const;

const FONT_DIR = "/usr/share/fonts/opentype/noto";
const FONT_REGULAR = process.env.TSUNAGU_SLIDE_FONT || `${FONT_DIR}/NotoSansCJK-Regular.ttc`;
const FONT_BOLD = process.env.TSUNAGU_SLIDE_FONT_BOLD || `${FONT_DIR}/NotoSansCJK-Bold.ttc`;
const MIN_SECONDS = 64;
const FPS = 2;
/** Bump when the slide design or encode settings change, so cached lectures are made anew. */
const DESIGN_VERSION = "1";

const PILLAR_JA: Record<string, string> = { individual: "個別支援", community: "地域づくり", hr: "人材育成" };
const PILLAR_COLOUR: Record<string, string> = { individual: "0x1d4ed8", community: "0x047857", hr: "0x7c2d12" };

export interface Slide {
  heading: string;
  body: string;
}

/** Markdown to plain Japanese text: no markup, one paragraph. */
function plain(md: string): string {
  return md
    .replace(/<[^>]+>/g, "")
    .replace(/^\s*(#+|[-*]|\d+\.)\s+/gm, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\s*\n\s*/g, "")
    .trim();
}

/** At most `max` characters, cut after the last full sentence that fits. */
function sentencesUpTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = cut.lastIndexOf("。");
  return end > 20 ? cut.slice(0, end + 1) : `${cut.slice(0, max - 1)}…`;
}

/** The slides of a module: its title and summary, then each section's title with its key point (or its opening). */
export function slidesFor(m: Pick<ManifestModule, "frontmatter">, mdx: string): Slide[] {
  const body = mdx.split(/^---$/m).slice(2).join("---");
  const slides: Slide[] = [{ heading: m.frontmatter.title.ja, body: m.frontmatter.summary.ja }];
  for (const s of m.frontmatter.sections) {
    const block = new RegExp(`<Section id="${s.id}">([\\s\\S]*?)</Section>`).exec(body)?.[1] ?? "";
    const key = /<KeyPoint>([\s\S]*?)<\/KeyPoint>/.exec(block)?.[1];
    const opening = block
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !p.startsWith("<") && !p.startsWith("#") && !/^([-*]|\d+\.)\s/.test(p));
    slides.push({ heading: s.title.ja, body: sentencesUpTo(plain(key ?? opening ?? ""), 120) });
  }
  return slides;
}

/** Breaks Japanese text into lines of at most `width` characters, never starting a line with 。、」）. */
export function wrapJa(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (line.length >= width && !/[。、」）』！？・…]/.test(ch)) {
      lines.push(line);
      line = "";
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const clock = (t: number) => {
  const ms = Math.round(t * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).padStart(6, "0");
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${s}`;
};

/** Japanese WebVTT: per slide, its heading then each sentence, timed by length within the slide's time. */
export function captionsFor(slides: Slide[], perSlide: number): string {
  const cues: string[] = [];
  slides.forEach((slide, i) => {
    const parts = [slide.heading, ...slide.body.split(/(?<=。)/).map((p) => p.trim())].filter(Boolean);
    const total = parts.reduce((n, p) => n + p.length + 4, 0);
    let t = i * perSlide;
    for (const p of parts) {
      const d = (perSlide * (p.length + 4)) / total;
      cues.push(`${clock(t)} --> ${clock(Math.min(t + d, (i + 1) * perSlide) - 0.05)}\n${p}`);
      t += d;
    }
  });
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

async function renderSlide(work: string, i: number, n: number, slide: Slide, pillar: string, title: string): Promise<string> {
  const headingFile = join(work, `h${i}.txt`);
  const bodyFile = join(work, `b${i}.txt`);
  const footFile = join(work, `f${i}.txt`);
  await writeFile(headingFile, wrapJa(slide.heading, 22).join("\n"));
  await writeFile(bodyFile, wrapJa(slide.body, 26).join("\n"));
  await writeFile(footFile, `つなぐ 基礎研修（前期）オンデマンド講義 ／ ${PILLAR_JA[pillar] ?? pillar} ／ ${title}   ${i + 1} / ${n}`);
  const colour = PILLAR_COLOUR[pillar] ?? "0x334155";
  const out = join(work, `slide${i}.png`);
  const filters = [
    `drawbox=x=0:y=0:w=iw:h=24:color=${colour}:t=fill`,
    `drawbox=x=80:y=${i === 0 ? 300 : 200}:w=120:h=6:color=${colour}:t=fill`,
    `drawtext=fontfile=${FONT_BOLD}:textfile=${headingFile}:fontsize=${i === 0 ? 56 : 50}:fontcolor=0x111827:x=80:y=${i === 0 ? 150 : 80}:line_spacing=16`,
    `drawtext=fontfile=${FONT_REGULAR}:textfile=${bodyFile}:fontsize=38:fontcolor=0x1f2937:x=80:y=${i === 0 ? 340 : 240}:line_spacing=22`,
    `drawtext=fontfile=${FONT_REGULAR}:textfile=${footFile}:fontsize=22:fontcolor=0x475569:x=80:y=h-60`,
  ];
  await run(FFMPEG, [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "color=c=0xf8fafc:s=1280x720",
    "-frames:v",
    "1",
    "-vf",
    filters.join(","),
    out,
  ]);
  return out;
}

/** Makes the lecture's source video (still slides, silent stereo track) into `out`. */
async function renderLecture(work: string, slides: Slide[], perSlide: number, pillar: string, title: string, out: string) {
  const images: string[] = [];
  for (const [i, s] of slides.entries()) images.push(await renderSlide(work, i, slides.length, s, pillar, title));
  const list = join(work, "slides.txt");
  await writeFile(list, [...images.map((p) => `file '${p}'\nduration ${perSlide}`), `file '${images.at(-1)}'`].join("\n") + "\n");
  const total = perSlide * slides.length;
  await run(FFMPEG, [
    ...["-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list],
    ...["-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"],
    ...["-vf", `fps=${FPS},format=yuv420p`, "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage"],
    ...["-c:a", "aac", "-b:a", "48k", "-t", String(total), "-movflags", "+faststart", out],
  ]);
}

interface Made {
  dir: string;
  captions: string;
  duration: number;
  width: number;
  height: number;
}

/** The lecture's source, HLS renditions and poster in the cache (made now unless already there). */
async function lectureInCache(m: ManifestModule, slides: Slide[], perSlide: number, log: (m: string) => void): Promise<Made> {
  const captions = captionsFor(slides, perSlide);
  const hash = createHash("sha256")
    .update(JSON.stringify({ DESIGN_VERSION, slides, perSlide, FPS, pillar: m.frontmatter.pillar }))
    .digest("hex")
    .slice(0, 16);
  const dir = join(mediaRoot(), "demo-cache", `${m.slug}-${hash}`);
  if (!existsSync(join(dir, "hls", "master.m3u8"))) {
    const work = await mkdtemp(join(tmpdir(), "tsunagu-demo-lecture-"));
    try {
      const source = join(work, "source.mp4");
      await renderLecture(work, slides, perSlide, m.frontmatter.pillar, m.frontmatter.title.ja, source);
      const info = await probe(source);
      if (!info) throw new Error("the rendered lecture cannot be read");
      const hls = join(work, "hls");
      await mkdir(hls);
      await transcodeHls(source, hls, info, () => undefined);
      await poster(source, join(hls, "poster.jpg"), info.duration);
      const staged = join(work, "out");
      await mkdir(staged);
      await rename(source, join(staged, "source.mp4"));
      await rename(hls, join(staged, "hls"));
      await rm(dir, { recursive: true, force: true });
      await mkdir(join(dir, ".."), { recursive: true });
      await cp(staged, dir, { recursive: true });
      log(`Demo lecture made: ${m.slug} (${slides.length} slides, ${Math.round(info.duration)} s).`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  const info = await probe(join(dir, "source.mp4"));
  if (!info) throw new Error(`cached demo lecture ${dir} cannot be read`);
  return { dir, captions, duration: info.duration, width: info.width, height: info.height };
}

/**
 * Makes, stores and publishes the demo lectures, and records watches that match the demo progress:
 * a trainee who completed a lecture's module has watched it; one still in it has watched part of it.
 * Without ffmpeg (or the Noto CJK fonts) it loads no video and says so in one line.
 */
export async function seedVideos(prisma: PrismaClient, log: (m: string) => void = () => {}) {
  if (!(await ffmpegAvailable()) || !existsSync(FONT_REGULAR) || !existsSync(FONT_BOLD)) {
    log("Demo lectures: ffmpeg or the Noto Sans CJK fonts are not installed, so the demo data has no videos.");
    return;
  }
  const started = Date.now();
  const manifest = await compileContent();
  const committee = await prisma.user.findUnique({ where: { email: "committee@example.jp" } });
  const storage = mediaStorage();
  let count = 0;
  for (const lecture of DEMO_LECTURES) {
    const m = manifest.modules.find((x) => x.slug === lecture.module);
    if (!m || !m.videos.includes(lecture.slug))
      throw new Error(`module ${lecture.module} does not place <Video video="${lecture.slug}" />`);
    const slides = slidesFor(m, await readFile(join(PROJECT_ROOT, "content", m.file), "utf8"));
    const perSlide = Math.max(10, Math.ceil(MIN_SECONDS / slides.length));
    const made = await lectureInCache(m, slides, perSlide, log);
    const check = validateVtt(made.captions, made.duration);
    if (!check.ok) throw new Error(`demo captions for ${m.slug}: ${check.problems.map((p) => `line ${p.line}: ${p.reason}`).join("; ")}`);
    const video = await prisma.video.create({
      data: {
        slug: lecture.slug,
        titleJa: `${m.frontmatter.title.ja}（講義）`,
        titleEn: `${m.frontmatter.title.en} (lecture)`,
        originalName: `${lecture.slug}.mp4`,
        sizeBytes: 0,
        sourceKey: "pending",
        status: "processing",
        createdById: committee?.id ?? null,
      },
    });
    // Copies of the cached files go into storage (putDirectory moves what it is given).
    const stage = await mkdtemp(join(tmpdir(), "tsunagu-demo-store-"));
    try {
      await cp(made.dir, stage, { recursive: true });
      const sourceKey = `videos/${video.id}/source.mp4`;
      await storage.putFile(sourceKey, join(stage, "source.mp4"), { move: true });
      const prefix = `videos/${video.id}/hls-demo-${Date.now().toString(36)}`;
      await storage.putDirectory(prefix, join(stage, "hls"));
      const size = (await storage.stat(sourceKey))?.size ?? 0;
      await prisma.video.update({
        where: { id: video.id },
        data: {
          status: "ready",
          progress: 100,
          sourceKey,
          sizeBytes: size,
          hlsPrefix: prefix,
          durationSeconds: made.duration,
          width: made.width,
          height: made.height,
          captionsJa: made.captions,
          publishedAt: new Date(),
        },
      });
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
    // Watches that agree with the demo progress.
    const progress = await prisma.moduleProgress.findMany({ where: { slug: m.slug } });
    for (const p of progress) {
      const share = p.completedAt ? 1 : 0.4;
      const end = Math.round(made.duration * share * 100) / 100;
      await prisma.videoWatch.create({
        data: {
          userId: p.userId,
          videoId: video.id,
          intervals: [[0, end]],
          playedSeconds: end,
          position: p.completedAt ? 0 : end,
          watchedAt: p.completedAt,
        },
      });
    }
    count++;
  }
  log(`Demo lectures: ${count} published videos (one per pillar) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
