// Resumable uploads (the tus protocol, @tus/server) for the committee. Files arrive in
// TSUNAGU_MEDIA_DIR/uploads chunk by chunk (streamed, never held whole in memory); a finished one
// is probed and handed to acceptUpload; half-finished ones expire after a day and are removed by an
// hourly job.
import type { FileStore } from "@tus/file-store";
import type { MemoryLocker, Upload } from "@tus/server";
import { mkdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { SessionUser } from "~/auth/session.server";
import { defineJob } from "~/jobs/queue.server";
import { checkDeclared, MAX_UPLOAD_BYTES, type UploadProblem } from "./media";
import { uploadsDir } from "./storage.server";
import { acceptUpload, canManage } from "./video.server";

export const UPLOAD_PATH = "/committee/videos/uploads";
export const UPLOAD_CLEANUP_JOB = "video.cleanup-uploads";
const EXPIRE_MS = 24 * 60 * 60 * 1000;

// The tus libraries are heavy and only uploads need them: loaded on first use, once.
let libraries: Promise<[typeof import("@tus/server"), typeof import("@tus/file-store")]> | null = null;

interface Shared {
  store: FileStore;
  locker: MemoryLocker;
}
const KEY = Symbol.for("tsunagu.tus");
/** tus's Server class, with the store and the lock every request shares. */
async function shared() {
  libraries ??= Promise.all([import("@tus/server"), import("@tus/file-store")]);
  const [{ MemoryLocker, Server }, { FileStore }] = await libraries;
  const g = globalThis as unknown as Record<symbol, Shared>;
  if (!g[KEY]) {
    mkdirSync(uploadsDir(), { recursive: true });
    g[KEY] = { store: new FileStore({ directory: uploadsDir(), expirationPeriodInMilliseconds: EXPIRE_MS }), locker: new MemoryLocker() };
  }
  return { Server, ...g[KEY] };
}

class Refusal {
  constructor(
    public status_code: number,
    public body: string,
  ) {}
}

/**
 * Handles one tus request of a signed-in committee member. `message` turns a problem into text in the
 * user's language. The server object is made per request (cheap) so the hooks know the user; the
 * store and the lock are shared.
 */
export async function handleTus(
  request: Request,
  user: SessionUser,
  message: (problem: UploadProblem | "title") => string,
): Promise<Response> {
  if (!canManage(user)) return new Response("Forbidden", { status: 403 });
  const { Server, store, locker } = await shared();
  const server = new Server({
    path: UPLOAD_PATH,
    datastore: store,
    locker,
    relativeLocation: true,
    maxSize: MAX_UPLOAD_BYTES,
    async onUploadCreate(_req, upload: Upload) {
      const m = upload.metadata ?? {};
      const problem = checkDeclared(m.filename ?? "", m.filetype ?? "", upload.size);
      if (problem) throw new Refusal(problem === "too-big" ? 413 : 415, message(problem));
      if (!(m.title ?? "").trim()) throw new Refusal(400, message("title"));
      return { metadata: { ...m, uploadedBy: String(user.id) } };
    },
    async onUploadFinish(_req, upload: Upload) {
      const m = upload.metadata ?? {};
      if (m.uploadedBy !== String(user.id)) throw new Refusal(403, "Forbidden");
      const uploadPath = join(uploadsDir(), upload.id);
      const result = await acceptUpload(user, {
        uploadPath,
        originalName: m.filename ?? "upload.mp4",
        sizeBytes: upload.size ?? upload.offset,
        titleJa: (m.title ?? "").trim(),
        titleEn: (m.titleEn ?? "").trim(),
        slug: m.slug ?? undefined,
      });
      await rm(`${uploadPath}.json`, { force: true });
      if (!result.ok) throw new Refusal(422, message(result.problem));
      return { headers: { "Video-Id": String(result.id) } };
    },
    onResponseError(_req, err) {
      if (err instanceof Refusal) return { status_code: err.status_code, body: err.body };
      return undefined;
    },
  });
  return server.handleWeb(request);
}

/** Removes uploads nobody finished within a day. */
export async function cleanUpExpiredUploads(): Promise<number> {
  const { Server, store, locker } = await shared();
  const server = new Server({ path: UPLOAD_PATH, datastore: store, locker });
  return server.cleanUpExpiredUploads();
}

defineJob(UPLOAD_CLEANUP_JOB, async () => {
  const n = await cleanUpExpiredUploads();
  if (n) console.log(`[video] removed ${n} unfinished upload(s)`);
});
