// Media storage behind one small interface: the local directory TSUNAGU_MEDIA_DIR by default, or an
// S3-compatible bucket when TSUNAGU_S3_BUCKET is set (AWS SDK v3; see docs/decisions/039). Uploads in
// progress (tus) always stay in the local directory; finished files move into the storage.
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getEnv } from "~/env.server";

export interface MediaStorage {
  /** Moves (or copies) a local file into storage under `key`. */
  putFile(key: string, localPath: string, options?: { move?: boolean }): Promise<void>;
  /** Moves a local directory's files into storage under `prefix/` (keys keep their relative paths). */
  putDirectory(prefix: string, localDir: string): Promise<void>;
  /** Size of a stored object, or null when absent. */
  stat(key: string): Promise<{ size: number } | null>;
  /** A stream of the object's bytes, inclusive `end` as in HTTP ranges. */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** Removes every object whose key starts with `prefix/`. */
  removePrefix(prefix: string): Promise<void>;
  /**
   * Runs `fn` with a local path of the object, to hand to ffmpeg: the file itself for local storage,
   * a temporary download (removed afterwards) for a bucket.
   */
  withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T>;
}

/** Every file under a local directory, as paths relative to it (with "/"). */
async function filesUnder(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, relPath)));
    else out.push(relPath);
  }
  return out;
}

/** A key is a relative path of safe segments; anything that could leave the media root is refused. */
export function safeKey(key: string): string {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) || key.split("/").some((p) => p === "." || p === ".."))
    throw new Error(`invalid media key "${key}"`);
  return key;
}

export function mediaRoot(): string {
  const dir = getEnv().TSUNAGU_MEDIA_DIR;
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}

export class LocalStorage implements MediaStorage {
  constructor(private readonly root: string) {}
  private path(key: string) {
    const p = join(this.root, safeKey(key));
    if (!p.startsWith(this.root + sep)) throw new Error("key outside the media root");
    return p;
  }
  async putFile(key: string, localPath: string, options: { move?: boolean } = {}) {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    if (options.move) {
      try {
        await rename(localPath, target);
        return;
      } catch {
        /* another file system: copy instead */
      }
    }
    await copyFile(localPath, target);
    if (options.move) await rm(localPath, { force: true });
  }
  async putDirectory(prefix: string, localDir: string) {
    for (const rel of await filesUnder(localDir)) await this.putFile(`${prefix}/${rel}`, join(localDir, rel), { move: true });
  }
  async stat(key: string) {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { size: s.size } : null;
    } catch {
      return null;
    }
  }
  async read(key: string, range?: { start: number; end: number }) {
    return createReadStream(this.path(key), range);
  }
  async removePrefix(prefix: string) {
    await rm(this.path(prefix), { recursive: true, force: true });
  }
  async withLocalFile<T>(key: string, fn: (path: string) => Promise<T>) {
    return fn(this.path(key));
  }
}

export interface S3Options {
  bucket: string;
  /** Key prefix inside the bucket ("" for none). */
  prefix?: string;
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud's S3 API); AWS itself when absent. */
  endpoint?: string;
  region?: string;
  /** Path-style URLs (bucket in the path), which most S3-compatible servers want. */
  forcePathStyle?: boolean;
  /** Explicit credentials; otherwise the SDK's usual chain (AWS_ACCESS_KEY_ID, profiles, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** An S3-compatible bucket through the AWS SDK v3 (loaded only when a bucket is configured). */
export class S3Storage implements MediaStorage {
  private client: Promise<{ sdk: typeof import("@aws-sdk/client-s3"); s3: import("@aws-sdk/client-s3").S3Client }>;
  private readonly prefix: string;
  constructor(private readonly options: S3Options) {
    this.prefix = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
    this.client = import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        endpoint: options.endpoint,
        region: options.region ?? "us-east-1",
        forcePathStyle: options.forcePathStyle ?? !!options.endpoint,
        credentials: options.credentials,
        // Checksums only where the API requires them: the SDK's default (CRC32 trailers in aws-chunked
        // bodies) is not understood by every S3-compatible server, which would store the framing too.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    }));
  }
  private key(key: string) {
    return this.prefix ? `${this.prefix}/${safeKey(key)}` : safeKey(key);
  }
  async putFile(key: string, localPath: string, options: { move?: boolean } = {}) {
    const { sdk, s3 } = await this.client;
    const size = (await stat(localPath)).size;
    await s3.send(
      new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(key), Body: createReadStream(localPath), ContentLength: size }),
    );
    if (options.move) await rm(localPath, { force: true });
  }
  async putDirectory(prefix: string, localDir: string) {
    for (const rel of await filesUnder(localDir)) await this.putFile(`${prefix}/${rel}`, join(localDir, rel), { move: true });
  }
  async stat(key: string) {
    const { sdk, s3 } = await this.client;
    try {
      const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return { size: Number(head.ContentLength ?? 0) };
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (e as Error).name === "NotFound" || (e as Error).name === "NoSuchKey") return null;
      throw e;
    }
  }
  async read(key: string, range?: { start: number; end: number }) {
    const { sdk, s3 } = await this.client;
    const out = await s3.send(
      new sdk.GetObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(key),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return out.Body as Readable;
  }
  async removePrefix(prefix: string) {
    const { sdk, s3 } = await this.client;
    const Prefix = `${this.key(prefix)}/`;
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: this.options.bucket, Prefix, ContinuationToken }));
      const keys = (page.Contents ?? []).map((o) => o.Key!).filter(Boolean);
      // One delete per key: every S3-compatible server has DeleteObject (not all have the batch call).
      for (const Key of keys) await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key }));
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
  async withLocalFile<T>(key: string, fn: (path: string) => Promise<T>) {
    const dir = await mkdtemp(join(tmpdir(), "tsunagu-s3-"));
    try {
      const path = join(dir, key.split("/").pop()!);
      await pipeline(await this.read(key), createWriteStream(path));
      return await fn(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** The storage the environment asks for: a bucket when TSUNAGU_S3_BUCKET is set, else the local directory. */
export function storageFromEnv(): MediaStorage {
  const env = getEnv();
  if (!env.TSUNAGU_S3_BUCKET) return new LocalStorage(mediaRoot());
  return new S3Storage({
    bucket: env.TSUNAGU_S3_BUCKET,
    prefix: env.TSUNAGU_S3_PREFIX,
    endpoint: env.TSUNAGU_S3_ENDPOINT,
    region: env.TSUNAGU_S3_REGION,
    forcePathStyle: env.TSUNAGU_S3_FORCE_PATH_STYLE === undefined ? undefined : env.TSUNAGU_S3_FORCE_PATH_STYLE === "true",
  });
}

let storage: MediaStorage | undefined;
export function mediaStorage(): MediaStorage {
  storage ??= storageFromEnv();
  return storage;
}

/** Where tus keeps uploads while they arrive (always local; finished ones move into storage). */
export function uploadsDir(): string {
  return join(mediaRoot(), "uploads");
}
