// Media storage: the local directory and an S3-compatible bucket meet the same contract, and with a
// bucket configured (TSUNAGU_S3_*) a lecture is transcoded from the bucket into the bucket and its
// playlist and segments are served from it, with ranges. The bucket is a real S3-compatible server
// (s3rver, on a local port) spoken to through the AWS SDK v3 over HTTP.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any app module reads the environment: this file's bucket, on a port of its own.
const s3 = vi.hoisted(() => {
  const port = 43000 + Math.floor(Math.random() * 2000);
  const bucket = "tsunagu-media";
  process.env.TSUNAGU_S3_BUCKET = bucket;
  process.env.TSUNAGU_S3_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.TSUNAGU_S3_PREFIX = "test";
  // s3rver's fixed development credentials.
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  process.env.TSUNAGU_MEDIA_DIR = `/tmp/tsunagu-media-s3-test-${process.pid}`;
  return { port, bucket };
});

import { prisma } from "~/db.server";
import { loader as mediaLoader } from "~/routes/media.videos.$id.$";
import { LocalStorage, mediaStorage, S3Storage, type MediaStorage } from "~/video/storage.server";
import { transcodeVideo } from "~/video/video.server";
import { createUser, requestAs } from "./factories";

const work = mkdtempSync(join(tmpdir(), "tsunagu-storage-"));
const serverDir = join(work, "s3rver");
let server: S3rver;

beforeAll(async () => {
  mkdirSync(serverDir);
  server = new S3rver({
    port: s3.port,
    address: "127.0.0.1",
    silent: true,
    directory: serverDir,
    configureBuckets: [{ name: s3.bucket, configs: [] }],
  });
  await server.run();
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(process.env.TSUNAGU_MEDIA_DIR!, { recursive: true, force: true });
});

const bucket = () =>
  new S3Storage({
    bucket: s3.bucket,
    prefix: "contract",
    endpoint: `http://127.0.0.1:${s3.port}`,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });

describe.each([
  ["local directory", () => new LocalStorage(join(work, "local"))],
  ["S3-compatible bucket", bucket],
])("media storage contract: %s", (_name, make: () => MediaStorage) => {
  it("stores files and directories, reads ranges, hands out a local copy and removes by prefix", async () => {
    const storage = make();
    const src = join(work, `src-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(src, "360p"), { recursive: true });
    writeFileSync(join(src, "master.m3u8"), "#EXTM3U\n");
    writeFileSync(join(src, "360p", "seg000.ts"), "0123456789abcdef");
    const single = join(work, `one-${Math.random().toString(36).slice(2)}.mp4`);
    writeFileSync(single, "source bytes");

    await storage.putFile("videos/7/source.mp4", single, { move: true });
    expect(() => readFileSync(single)).toThrow(); // moved, not copied
    await storage.putDirectory("videos/7/hls-a", src);
    expect(await storage.stat("videos/7/source.mp4")).toEqual({ size: 12 });
    expect(await storage.stat("videos/7/hls-a/360p/seg000.ts")).toEqual({ size: 16 });
    expect(await storage.stat("videos/7/hls-a/missing.ts")).toBeNull();
    expect(await text(await storage.read("videos/7/hls-a/master.m3u8"))).toBe("#EXTM3U\n");
    expect(await text(await storage.read("videos/7/hls-a/360p/seg000.ts", { start: 4, end: 9 }))).toBe("456789");
    expect(await storage.withLocalFile("videos/7/source.mp4", async (p) => readFileSync(p, "utf8"))).toBe("source bytes");
    await expect(storage.read("../outside")).rejects.toThrow(/invalid media key/);

    await storage.removePrefix("videos/7/hls-a");
    expect(await storage.stat("videos/7/hls-a/360p/seg000.ts")).toBeNull();
    expect(await storage.stat("videos/7/source.mp4")).toEqual({ size: 12 });
  });
});

describe("a lecture in an S3-compatible bucket", () => {
  it("is transcoded from the bucket into the bucket and streamed from it with ranges", async () => {
    expect(mediaStorage()).toBeInstanceOf(S3Storage);
    const clip = join(work, "clip.mp4");
    execFileSync("ffmpeg", [
      ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=3"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
      ...["-c:a", "aac", "-shortest", clip],
    ]);
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const video = await prisma.video.create({
      data: { slug: `s3-${Date.now()}`, titleJa: "S3 の講義", sourceKey: "pending", createdById: committee.id },
    });
    const sourceKey = `videos/${video.id}/source.mp4`;
    await mediaStorage().putFile(sourceKey, clip);
    await prisma.video.update({ where: { id: video.id }, data: { sourceKey } });

    await transcodeVideo(video.id);
    const ready = await prisma.video.findUniqueOrThrow({ where: { id: video.id } });
    expect(ready.status).toBe("ready");
    expect(ready.durationSeconds).toBeGreaterThan(2.5);
    // The renditions are objects in the bucket (under the configured prefix), not files on this machine.
    const underPrefix = new S3Storage({
      bucket: s3.bucket,
      prefix: "test",
      endpoint: `http://127.0.0.1:${s3.port}`,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    expect(await underPrefix.stat(`${ready.hlsPrefix}/720p/index.m3u8`)).not.toBeNull();
    expect(await underPrefix.stat(`${ready.hlsPrefix}/poster.jpg`)).not.toBeNull();
    expect(existsSync(join(process.env.TSUNAGU_MEDIA_DIR!, "videos"))).toBe(false);

    await prisma.video.update({ where: { id: video.id }, data: { captionsJa: "WEBVTT\n", publishedAt: new Date() } });
    const get = async (path: string, headers: Record<string, string> = {}) =>
      (await mediaLoader({
        request: await requestAs(trainee.id, `/media/videos/${video.id}/${path}`, { headers }),
        params: { id: String(video.id), "*": path },
        context: { clientIp: "" },
      })) as Response;
    const master = await get("master.m3u8");
    expect(master.status).toBe(200);
    expect(await master.text()).toContain("360p/index.m3u8");
    const whole = Buffer.from(await (await get("360p/seg000.ts")).arrayBuffer());
    expect(whole[0]).toBe(0x47); // an MPEG-TS sync byte
    const part = await get("360p/seg000.ts", { Range: "bytes=188-375" });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Range")).toBe(`bytes 188-375/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(188, 376))).toBe(true);
  }, 120_000);
});
