// Turns a refusal of the cases module into the HTTP answer routes throw; serves case attachments.
import { Readable } from "node:stream";
import { create as contentDisposition } from "content-disposition";
import { forbidden, notFound } from "~/auth/permissions.server";
import { mediaStorage } from "~/video/storage.server";
import type { Refusal } from "./cases.server";

export function refuse(reason: Refusal | "invalid"): Response {
  if (reason === "not-found") return notFound();
  if (reason === "forbidden") return forbidden();
  return new Response(JSON.stringify({ reason }), {
    status: reason === "invalid" ? 400 : 409,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

export function sessionIdOf(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

/**
 * A case attachment as a download: never shown inline, never cached. (X-Content-Type-Options: nosniff is set on
 * every answer by the server, scripts/lib/server.ts; setting it here too would send it twice.)
 */
export async function attachmentResponse(request: Request, file: { key: string; name: string; contentType: string }): Promise<Response> {
  const storage = mediaStorage();
  const info = await storage.stat(file.key);
  if (!info) return notFound();
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Content-Length": String(info.size),
    "Content-Disposition": contentDisposition(file.name, { type: "attachment" }),
    "Cache-Control": "private, no-store",
    // Even if a browser were to render it, nothing in it may run or load.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  return new Response(Readable.toWeb(await storage.read(file.key)) as ReadableStream, { status: 200, headers });
}
