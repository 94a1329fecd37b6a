// Serves stored media files with HTTP range support (single ranges) and cache headers.
import { Readable } from "node:stream";
import type { MediaFile } from "./video.server";
import { mediaStorage } from "./storage.server";

/** Parses "bytes=a-b" / "bytes=a-" / "bytes=-n" for a file of `size` bytes; null when absent or unsatisfiable. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const n = Number(m[2]);
    if (n === 0) return "unsatisfiable";
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

export async function serveMedia(request: Request, file: MediaFile): Promise<Response> {
  const storage = mediaStorage();
  const info = await storage.stat(file.key);
  if (!info) return new Response("Not found", { status: 404 });
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    // Private: behind the session. Segments and posters never change (a new transcode gets a new prefix).
    "Cache-Control": file.immutable ? "private, max-age=31536000, immutable" : "private, max-age=60",
  });
  const range = parseRange(request.headers.get("Range"), info.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${info.size}`);
    return new Response(null, { status: 416, headers });
  }
  const head = request.method === "HEAD";
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${info.size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    const body = head ? null : (Readable.toWeb(await storage.read(file.key, range)) as ReadableStream);
    return new Response(body, { status: 206, headers });
  }
  headers.set("Content-Length", String(info.size));
  return new Response(head ? null : (Readable.toWeb(await storage.read(file.key)) as ReadableStream), { status: 200, headers });
}
