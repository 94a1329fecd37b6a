// Video lectures: the committee's uploads and their transcoding, captions, publishing; who may watch
// what; and watch progress (merged played intervals, the 90 % rule, resume position).
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { poster, probe, transcodeHls } from "./ffmpeg.server";
import { isWatched, mergeIntervals, parseIntervals, playedSeconds, playedShare, type Interval } from "./intervals";
import { checkProbed, type UploadProblem } from "./media";
import { mediaStorage } from "./storage.server";
import { validateVtt, type VttProblem } from "./vtt";

export const TRANSCODE_JOB = "video.transcode";

export type VideoStatus = "queued" | "processing" | "ready" | "failed";

export function canManage(user: SessionUser): boolean {
  return can(user, "runTraining");
}

// ---- The committee's list ----

export async function listVideos(user: SessionUser) {
  if (!canManage(user)) throw new Error("forbidden");
  const rows = await prisma.video.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map((v) => ({
    id: v.id,
    slug: v.slug,
    titleJa: v.titleJa,
    titleEn: v.titleEn,
    status: v.status as VideoStatus,
    progress: v.progress,
    failureReason: v.failureReason,
    durationSeconds: v.durationSeconds,
    height: v.height,
    hasCaptionsJa: !!v.captionsJa,
    hasCaptionsEn: !!v.captionsEn,
    hasTranscript: !!(v.transcriptJa || v.transcriptEn),
    published: !!v.publishedAt,
    originalName: v.originalName,
    sizeBytes: v.sizeBytes,
    createdAt: v.createdAt.toISOString(),
  }));
}

export async function getVideoForManager(user: SessionUser, id: number) {
  if (!canManage(user)) throw new Error("forbidden");
  return prisma.video.findUnique({ where: { id } });
}

// ---- Upload and transcode ----

export type FinishResult = { ok: true; id: number; slug: string } | { ok: false; problem: UploadProblem };

function slugFrom(title: string, id: number): string {
  const ascii = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return ascii ? `${ascii}-${id}` : `lecture-${id}`;
}

/**
 * A finished upload: probed now (bad files are refused and removed), then stored and queued for
 * transcoding. `uploadPath` is the local file tus wrote.
 */
export async function acceptUpload(
  user: SessionUser,
  input: { uploadPath: string; originalName: string; sizeBytes: number; titleJa: string; titleEn?: string; slug?: string },
): Promise<FinishResult> {
  if (!canManage(user)) throw new Error("forbidden");
  const info = await probe(input.uploadPath);
  const problem = checkProbed(info);
  if (problem || !info) {
    await rm(input.uploadPath, { force: true });
    return { ok: false, problem: problem ?? "not-video" };
  }
  const ext = (input.originalName.toLowerCase().split(".").pop() ?? "mp4").replace(/[^a-z0-9]/g, "") || "mp4";
  const created = await prisma.video.create({
    data: {
      slug: `upload-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      titleJa: input.titleJa.slice(0, 200),
      titleEn: (input.titleEn ?? "").slice(0, 200),
      originalName: input.originalName.slice(0, 300),
      sizeBytes: input.sizeBytes,
      sourceKey: "pending",
      durationSeconds: info.duration,
      width: info.width,
      height: info.height,
      createdById: user.id,
    },
  });
  const sourceKey = `videos/${created.id}/source.${ext}`;
  await mediaStorage().putFile(sourceKey, input.uploadPath, { move: true });
  const wanted = input.slug && /^[a-z0-9][a-z0-9-]{1,60}$/.test(input.slug) ? input.slug : slugFrom(input.titleEn || "", created.id);
  let slug = wanted;
  try {
    await prisma.video.update({ where: { id: created.id }, data: { sourceKey, slug } });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    slug = `${wanted}-${created.id}`;
    await prisma.video.update({ where: { id: created.id }, data: { sourceKey, slug } });
  }
  await enqueue(TRANSCODE_JOB, { videoId: created.id });
  await audit({ actorId: user.id, action: "video.upload", entityType: "Video", entityId: created.id, summary: input.originalName });
  return { ok: true, id: created.id, slug };
}

/** Queues a failed (or stuck) video again. */
export async function retryTranscode(user: SessionUser, id: number): Promise<boolean> {
  if (!canManage(user)) throw new Error("forbidden");
  const { count } = await prisma.video.updateMany({
    where: { id, status: { in: ["failed", "queued"] } },
    data: { status: "queued", progress: 0, failureReason: "" },
  });
  if (!count) return false;
  await enqueue(TRANSCODE_JOB, { videoId: id });
  await audit({ actorId: user.id, action: "video.retry", entityType: "Video", entityId: id });
  return true;
}

/** The transcode job: ffprobe, HLS renditions, poster, duration. Progress is written as it goes. */
export async function transcodeVideo(videoId: number): Promise<void> {
  const video = await prisma.video.findUnique({ where: { id: videoId } });
  if (!video || video.status === "ready") return;
  await prisma.video.update({
    where: { id: videoId },
    data: { status: "processing", progress: 0, failureReason: "", attempts: { increment: 1 } },
  });
  const storage = mediaStorage();
  const work = join(tmpdir(), `tsunagu-transcode-${videoId}-${Date.now()}`);
  try {
    const info = await storage.withLocalFile(video.sourceKey, async (input) => {
      const probed = await probe(input);
      const problem = checkProbed(probed);
      if (problem || !probed) throw new Error(`the file cannot be used (${problem ?? "not-video"})`);
      await mkdir(work, { recursive: true });
      let lastWrite = 0;
      await transcodeHls(input, work, probed, (percent) => {
        const now = Date.now();
        if (now - lastWrite < 1000) return;
        lastWrite = now;
        void prisma.video.update({ where: { id: videoId }, data: { progress: percent } }).catch(() => undefined);
      });
      await poster(input, join(work, "poster.jpg"), probed.duration);
      return probed;
    });
    const prefix = `videos/${videoId}/hls-${Date.now().toString(36)}`;
    await storage.putDirectory(prefix, work);
    const old = video.hlsPrefix;
    await prisma.video.update({
      where: { id: videoId },
      data: { status: "ready", progress: 100, hlsPrefix: prefix, durationSeconds: info.duration, width: info.width, height: info.height },
    });
    if (old && old !== prefix) await storage.removePrefix(old);
  } catch (e) {
    const reason = (e as Error).message.slice(0, 500);
    await prisma.video.update({ where: { id: videoId }, data: { status: "failed", failureReason: reason } });
    throw e;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

defineJob<{ videoId: number }>(TRANSCODE_JOB, async ({ videoId }) => transcodeVideo(Number(videoId)), {
  retryLimit: 2,
  retryDelay: 30,
  expireInSeconds: 4 * 3600,
});

// ---- Captions, transcript, publishing ----

export type CaptionResult = { ok: true; cues: number } | { ok: false; problems: VttProblem[] };

export async function saveCaptions(user: SessionUser, id: number, lang: "ja" | "en", text: string): Promise<CaptionResult> {
  if (!canManage(user)) throw new Error("forbidden");
  const video = await prisma.video.findUnique({ where: { id } });
  if (!video) return { ok: false, problems: [{ line: 0, reason: "no such video" }] };
  const result = validateVtt(text, video.durationSeconds);
  if (!result.ok) return { ok: false, problems: result.problems };
  await prisma.video.update({ where: { id }, data: lang === "ja" ? { captionsJa: text } : { captionsEn: text } });
  await audit({ actorId: user.id, action: `video.captions.${lang}`, entityType: "Video", entityId: id, summary: `${result.cues} cues` });
  return { ok: true, cues: result.cues };
}

export async function saveDetails(
  user: SessionUser,
  id: number,
  input: { titleJa: string; titleEn: string; transcriptJa: string; transcriptEn: string },
) {
  if (!canManage(user)) throw new Error("forbidden");
  await prisma.video.update({ where: { id }, data: input });
}

export type PublishResult = { ok: true } | { ok: false; reason: "not-ready" | "no-captions" | "not-found" };

/** Publishing needs a finished transcode and Japanese captions. */
export async function setPublished(user: SessionUser, id: number, published: boolean): Promise<PublishResult> {
  if (!canManage(user)) throw new Error("forbidden");
  const video = await prisma.video.findUnique({ where: { id } });
  if (!video) return { ok: false, reason: "not-found" };
  if (published) {
    if (video.status !== "ready") return { ok: false, reason: "not-ready" };
    if (!video.captionsJa) return { ok: false, reason: "no-captions" };
  }
  await prisma.video.update({ where: { id }, data: { publishedAt: published ? (video.publishedAt ?? new Date()) : null } });
  await audit({ actorId: user.id, action: published ? "video.publish" : "video.unpublish", entityType: "Video", entityId: id });
  return { ok: true };
}

// ---- Watching ----

/** A video the user may watch: trainees see published, ready videos; the committee sees every ready one. */
export async function watchableVideo(user: SessionUser, idOrSlug: string) {
  if (!can(user, "watchLectures")) return null;
  const id = /^\d+$/.test(idOrSlug) ? Number(idOrSlug) : undefined;
  const video = await prisma.video.findFirst({ where: id ? { id } : { slug: idOrSlug } });
  if (!video || video.status !== "ready" || !video.hlsPrefix) return null;
  if (!video.publishedAt && !canManage(user)) return null;
  return video;
}

/** The player's data for a video (null when the user may not watch it). */
export async function playerData(user: SessionUser, idOrSlug: string) {
  const video = await watchableVideo(user, idOrSlug);
  if (!video) return null;
  const watch = await prisma.videoWatch.findUnique({ where: { userId_videoId: { userId: user.id, videoId: video.id } } });
  const merged = (watch?.intervals as Interval[] | undefined) ?? [];
  return {
    id: video.id,
    slug: video.slug,
    titleJa: video.titleJa,
    titleEn: video.titleEn || video.titleJa,
    duration: video.durationSeconds ?? 0,
    hasEnglish: !!video.captionsEn,
    transcriptJa: video.transcriptJa || validateVtt(video.captionsJa ?? "").text,
    transcriptEn: video.transcriptEn || (video.captionsEn ? validateVtt(video.captionsEn).text : ""),
    position: watch?.position ?? 0,
    percent: Math.round(playedShare(merged, video.durationSeconds) * 100),
    watched: !!watch?.watchedAt,
  };
}

export type MediaFile = { key: string; contentType: string; immutable: boolean };

/** Resolves a requested HLS path of a video to a stored key, or null (unknown video, no access, bad path). */
export async function mediaFileFor(user: SessionUser, id: string, path: string): Promise<MediaFile | null> {
  if (!/^(master\.m3u8|poster\.jpg|(360p|720p)\/(index\.m3u8|seg\d{3,5}\.ts))$/.test(path)) return null;
  const video = await watchableVideo(user, id);
  if (!video?.hlsPrefix) return null;
  const type = path.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : path.endsWith(".ts") ? "video/mp2t" : "image/jpeg";
  return { key: `${video.hlsPrefix}/${path}`, contentType: type, immutable: path.endsWith(".ts") || path.endsWith(".jpg") };
}

export async function captionsFor(user: SessionUser, id: string, lang: "ja" | "en"): Promise<string | null> {
  const video = await watchableVideo(user, id);
  if (!video) return null;
  return (lang === "ja" ? video.captionsJa : video.captionsEn) ?? null;
}

/**
 * Records a report of played intervals and the current position; merges with what was stored.
 * Returns the merged state.
 */
export async function recordWatch(user: SessionUser, idOrSlug: string, report: { intervals: unknown; position: unknown }) {
  const video = await watchableVideo(user, idOrSlug);
  if (!video) return null;
  const duration = video.durationSeconds ?? 0;
  const incoming = parseIntervals(report.intervals);
  const position =
    typeof report.position === "number" && Number.isFinite(report.position) ? Math.max(0, Math.min(report.position, duration)) : null;
  return prisma.$transaction(async (tx) => {
    // Lock the row so two reports at once (beacon on leave + periodic) merge instead of overwriting.
    await tx.$executeRaw`INSERT INTO "VideoWatch" ("userId", "videoId", "intervals", "updatedAt") VALUES (${user.id}, ${video.id}, '[]'::jsonb, now()) ON CONFLICT ("userId", "videoId") DO NOTHING`;
    const rows = await tx.$queryRaw<
      { id: number; intervals: Interval[]; position: number; watchedAt: Date | null }[]
    >`SELECT id, intervals, position, "watchedAt" FROM "VideoWatch" WHERE "userId" = ${user.id} AND "videoId" = ${video.id} FOR UPDATE`;
    const row = rows[0];
    const merged = mergeIntervals([...(row.intervals ?? []), ...incoming], duration);
    const watched = isWatched(merged, duration);
    const updated = await tx.videoWatch.update({
      where: { id: row.id },
      data: {
        intervals: merged as unknown as Prisma.InputJsonValue,
        playedSeconds: playedSeconds(merged),
        position: position ?? row.position,
        watchedAt: row.watchedAt ?? (watched ? new Date() : null),
      },
    });
    return {
      videoId: video.id,
      slug: video.slug,
      percent: Math.round(playedShare(merged, duration) * 100),
      watched: !!updated.watchedAt,
      position: updated.position,
    };
  });
}

// ---- Module completion and the committee's figures ----

/** Video slugs or ids referred to by a module's MDX body (<Video video="…" />). */
export function videoRefsIn(body: string): string[] {
  return [...body.matchAll(/<Video\b[^>]*?\bvideo\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

/**
 * Whether a user has watched every video a module refers to. A reference that does not name a
 * published video (not uploaded yet, or unpublished) is not watched: a module with videos completes
 * only once its lectures are there and watched.
 */
export async function videosWatched(userId: number, refs: string[]): Promise<boolean> {
  if (!refs.length) return true;
  const watched = (await watchedRefs([userId])).get(userId);
  return refs.every((ref) => watched?.has(ref));
}

/**
 * For each user, the references (slug and id) of the published videos they have watched: what the
 * module lists check `<Video video="…">` references against without a query per module.
 */
export async function watchedRefs(userIds: number[]): Promise<Map<number, Set<string>>> {
  const rows = await prisma.videoWatch.findMany({
    where: { userId: { in: userIds }, watchedAt: { not: null }, video: { publishedAt: { not: null } } },
    select: { userId: true, video: { select: { id: true, slug: true } } },
  });
  const out = new Map<number, Set<string>>();
  for (const r of rows) {
    let set = out.get(r.userId);
    if (!set) out.set(r.userId, (set = new Set()));
    set.add(r.video.slug).add(String(r.video.id));
  }
  return out;
}

/** Watch percentage per user and published video. */
export async function watchMatrix(userIds: number[]) {
  const videos = await prisma.video.findMany({
    where: { publishedAt: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true, slug: true, titleJa: true, titleEn: true, durationSeconds: true },
  });
  const watches = await prisma.videoWatch.findMany({ where: { userId: { in: userIds }, videoId: { in: videos.map((v) => v.id) } } });
  const by = new Map(watches.map((w) => [`${w.userId}:${w.videoId}`, w]));
  return {
    videos,
    percent(userId: number, videoId: number): number {
      const w = by.get(`${userId}:${videoId}`);
      const v = videos.find((x) => x.id === videoId);
      return w && v ? Math.round(playedShare(w.intervals as Interval[], v.durationSeconds) * 100) : 0;
    },
    watched(userId: number, videoId: number): boolean {
      return !!by.get(`${userId}:${videoId}`)?.watchedAt;
    },
    /** What `watchedRefs` reads for the same users, from these rows: each watched published video's slug and id. */
    refs(): Map<number, Set<string>> {
      const out = new Map<number, Set<string>>();
      for (const w of watches) {
        const v = w.watchedAt ? videos.find((x) => x.id === w.videoId) : undefined;
        if (!v) continue;
        let set = out.get(w.userId);
        if (!set) out.set(w.userId, (set = new Set()));
        set.add(v.slug).add(String(v.id));
      }
      return out;
    },
  };
}
