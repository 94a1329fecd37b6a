// Media storage behind one small interface. The local directory (TSUNAGU_MEDIA_DIR) is the only
// implementation so far; an S3-compatible bucket would implement the same four methods.
import { createReadStream, type ReadStream } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { getEnv } from "~/env.server";

export interface MediaStorage {
  /** Moves (or copies) a local file into storage under `key`. */
  putFile(key: string, localPath: string, options?: { move?: boolean }): Promise<void>;
  /** Moves a local directory's files into storage under `prefix/` (keys keep their relative paths). */
  putDirectory(prefix: string, localDir: string): Promise<void>;
  /** Size of a stored object, or null when absent. */
  stat(key: string): Promise<{ size: number } | null>;
  /** A stream of the object's bytes, inclusive `end` as in HTTP ranges. */
  read(key: string, range?: { start: number; end: number }): ReadStream;
  /** Removes every object whose key starts with `prefix/`. */
  removePrefix(prefix: string): Promise<void>;
  /** A local path of the object to hand to ffmpeg (the file itself for local storage). */
  localPath(key: string): Promise<string>;
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
    const walk = async (dir: string, rel: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(join(dir, entry.name), relPath);
        else await this.putFile(`${prefix}/${relPath}`, join(dir, entry.name), { move: true });
      }
    };
    await walk(localDir, "");
  }
  async stat(key: string) {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { size: s.size } : null;
    } catch {
      return null;
    }
  }
  read(key: string, range?: { start: number; end: number }) {
    return createReadStream(this.path(key), range);
  }
  async removePrefix(prefix: string) {
    await rm(this.path(prefix), { recursive: true, force: true });
  }
  async localPath(key: string) {
    return this.path(key);
  }
}

let storage: MediaStorage | undefined;
export function mediaStorage(): MediaStorage {
  storage ??= new LocalStorage(mediaRoot());
  return storage;
}

/** Where tus keeps uploads while they arrive (always local; finished ones move into storage). */
export function uploadsDir(): string {
  return join(mediaRoot(), "uploads");
}
