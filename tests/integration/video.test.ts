// Video lectures end to end on the server side: a short clip made by ffmpeg here is uploaded through
// the real tus endpoint (in two chunks, resumed after asking the offset), transcoded by the job queue's
// worker, and its manifest and segments are served only to those allowed (with ranges). Also: bad files
// refused in the user's language, captions validated before publishing, watch reports merged.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any app module reads the environment: this file's own media directory.
const dirs = vi.hoisted(() => {
  const media = `/tmp/tsunagu-media-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  process.env.TSUNAGU_MEDIA_DIR = media;
  return { media };
});

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { startWorkers, stopJobs } from "~/jobs/queue.server";
import { action as tusAction, loader as tusLoader } from "~/routes/committee.videos.uploads.$";
import { loader as mediaLoader } from "~/routes/media.videos.$id.$";
import { action as progressAction } from "~/routes/videos.$id.progress";
import { recordWatch, saveCaptions, setPublished } from "~/video/video.server";
import { createUser, requestAs } from "./factories";
import { callRoute } from "./call-route";

const context = { clientIp: "" };
const asSession = <T extends object>(u: T) => ({ ...u, office: null }) as unknown as SessionUser;
const work = mkdtempSync(join(tmpdir(), "tsunagu-clip-"));
const clip = join(work, "clip.mp4");

function metadata(fields: Record<string, string>) {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`)
    .join(",");
}

async function answer(p: Promise<unknown>): Promise<Response> {
  const r = await callRoute(p);
  return r.response ?? (r.value as Response);
}

async function tus(userId: number | null, method: string, path: string, headers: Record<string, string>, body?: Uint8Array) {
  const request = await requestAs(userId, path, {
    method,
    headers: { "Tus-Resumable": "1.0.0", ...headers },
    body: body as BodyInit | undefined,
  });
  const args = { request, params: { "*": path.replace("/committee/videos/uploads", "").replace(/^\//, "") }, context };
  return answer(method === "GET" || method === "HEAD" ? tusLoader(args) : tusAction(args));
}

async function media(userId: number | null, id: number, path: string, headers: Record<string, string> = {}) {
  const request = await requestAs(userId, `/media/videos/${id}/${path}`, { headers });
  return answer(mediaLoader({ request, params: { id: String(id), "*": path }, context }));
}

beforeAll(() => {
  // 3 s, 320×240, with a tone: small enough to keep the shared machine's CPU free.
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=320x240:rate=15:duration=3",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:duration=3",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-c:a",
    "aac",
    "-shortest",
    clip,
  ]);
});

afterAll(async () => {
  await stopJobs();
  rmSync(dirs.media, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("video upload, transcode and streaming", () => {
  it("uploads in two chunks, transcodes through the queue, and serves HLS only to those allowed", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const manager = await createUser({ roles: ["OFFICE_MANAGER"] });
    const bytes = new Uint8Array(readFileSync(clip));

    // A trainee cannot upload.
    const refused = await tus(trainee.id, "POST", "/committee/videos/uploads", { "Upload-Length": String(bytes.length) });
    expect(refused.status).toBe(403);

    const created = await tus(committee.id, "POST", "/committee/videos/uploads", {
      "Upload-Length": String(bytes.length),
      "Upload-Metadata": metadata({ filename: "lecture.mp4", filetype: "video/mp4", title: "テスト講義", slug: "test-lecture" }),
    });
    expect(created.status).toBe(201);
    const location = created.headers.get("Location")!;
    expect(location).toMatch(/^\/committee\/videos\/uploads\/[a-f0-9]+$/);

    const half = Math.floor(bytes.length / 2);
    const first = await tus(
      committee.id,
      "PATCH",
      location,
      { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      bytes.slice(0, half),
    );
    expect(first.status).toBe(204);
    // "The connection dropped": ask where to resume.
    const head = await tus(committee.id, "HEAD", location, {});
    expect(head.headers.get("Upload-Offset")).toBe(String(half));
    const rest = await tus(
      committee.id,
      "PATCH",
      location,
      { "Upload-Offset": String(half), "Content-Type": "application/offset+octet-stream" },
      bytes.slice(half),
    );
    expect(rest.status).toBe(204);
    const id = Number(rest.headers.get("Video-Id"));
    let video = await prisma.video.findUniqueOrThrow({ where: { id } });
    expect(video).toMatchObject({ slug: "test-lecture", status: "queued", titleJa: "テスト講義" });
    expect(video.durationSeconds).toBeCloseTo(3, 0);
    // The upload left the staging directory.
    expect(readdirSync(join(dirs.media, "uploads"))).toEqual([]);

    await startWorkers(() => undefined);
    const started = Date.now();
    while (video.status !== "ready" && video.status !== "failed" && Date.now() - started < 90_000) {
      await new Promise((r) => setTimeout(r, 500));
      video = await prisma.video.findUniqueOrThrow({ where: { id } });
    }
    expect(video.failureReason).toBe("");
    expect(video.status).toBe("ready");
    expect(existsSync(join(dirs.media, video.hlsPrefix!, "poster.jpg"))).toBe(true);

    // Not published yet: the committee previews, the trainee gets nothing.
    const master = await media(committee.id, id, "master.m3u8");
    expect(master.status).toBe(200);
    const text = await master.text();
    expect(text).toContain("360p/index.m3u8");
    expect(text).toContain("720p/index.m3u8");
    expect(text).toMatch(/avc1\.[0-9a-f]+,mp4a\.40\.2/);
    expect((await media(trainee.id, id, "master.m3u8")).status).toBe(404);

    // Publishing needs valid Japanese captions.
    expect(await setPublished(asSession(committee), id, true)).toEqual({ ok: false, reason: "no-captions" });
    const bad = await saveCaptions(
      asSession(committee),
      id,
      "ja",
      "WEBVTT\n\n00:00.000 --> 00:01.000\nはい\n\n00:0x.000 --> 00:02.000\nいいえ\n",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].line).toBe(6);
    expect((await prisma.video.findUniqueOrThrow({ where: { id } })).captionsJa).toBeNull();
    expect(await saveCaptions(asSession(committee), id, "ja", "WEBVTT\n\n00:00.000 --> 00:02.900\nテストです。\n")).toEqual({
      ok: true,
      cues: 1,
    });
    expect(await setPublished(asSession(committee), id, true)).toEqual({ ok: true });

    // Published: trainees get the playlists, segments (with ranges) and captions; others do not.
    const playlist = await media(trainee.id, id, "360p/index.m3u8");
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get("Content-Type")).toBe("application/vnd.apple.mpegurl");
    const segment = (await playlist.text()).split("\n").find((l) => l.endsWith(".ts"))!;
    const full = await media(trainee.id, id, `360p/${segment}`);
    expect(full.status).toBe(200);
    expect(full.headers.get("Cache-Control")).toContain("immutable");
    const size = (await full.arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(1000);
    const part = await media(trainee.id, id, `360p/${segment}`, { Range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Range")).toBe(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await media(trainee.id, id, `360p/${segment}`, { Range: `bytes=${size}-` })).status).toBe(416);
    expect((await media(trainee.id, id, "captions/ja.vtt")).status).toBe(200);
    expect((await media(manager.id, id, "master.m3u8")).status).toBe(404);
    const anonymous = await media(null, id, "master.m3u8");
    expect(anonymous.status).toBe(302);
    // No path outside the video's own files.
    expect((await media(committee.id, id, "../source.mp4")).status).toBe(404);

    // Watch reports merge; skipping does not count; 90 % marks it watched.
    const report = async (body: unknown) => {
      const request = await requestAs(trainee.id, `/videos/${id}/progress`, { method: "POST", body: JSON.stringify(body) });
      const response = await answer(progressAction({ request, params: { id: String(id) }, context }));
      return { status: response.status, ...((await response.json()) as object) };
    };
    expect(await report({ intervals: [[0, 1]], position: 1 })).toMatchObject({ ok: true, watched: false, percent: 33 });
    expect(await report("nonsense")).toMatchObject({ status: 400, ok: false });
    const after = await recordWatch(asSession(trainee), String(id), { intervals: [[1, 2.8]], position: 2.8 });
    expect(after).toMatchObject({ watched: true, position: 2.8 });
    // ffmpeg on a shared, loaded machine: the default 30 s is not enough for the transcode at times.
  }, 120_000);

  it("refuses a file that is not a video, in the user's language, and removes it", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const junk = new TextEncoder().encode("this is not a video at all ".repeat(40));
    const created = await tus(committee.id, "POST", "/committee/videos/uploads", {
      "Upload-Length": String(junk.length),
      "Upload-Metadata": metadata({ filename: "fake.mp4", filetype: "video/mp4", title: "偽物" }),
    });
    const location = created.headers.get("Location")!;
    const done = await tus(
      committee.id,
      "PATCH",
      location,
      { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      junk,
    );
    expect(done.status).toBe(422);
    expect(await done.text()).toBe("動画ファイルとして読み取れませんでした。");
    expect(readdirSync(join(dirs.media, "uploads")).filter((f) => !f.endsWith(".json"))).toEqual([]);

    const wrongType = await tus(committee.id, "POST", "/committee/videos/uploads", {
      "Upload-Length": "10",
      "Upload-Metadata": metadata({ filename: "slides.pdf", filetype: "application/pdf", title: "x" }),
    });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.text()).toContain("MP4");
    const tooBig = await tus(committee.id, "POST", "/committee/videos/uploads", {
      "Upload-Length": String(3_000_000_000),
      "Upload-Metadata": metadata({ filename: "big.mp4", filetype: "video/mp4", title: "x" }),
    });
    expect(tooBig.status).toBe(413);
  });
});
