// A video's HLS playlists, segments, poster and captions — only for signed-in users who may watch it
// (the session is checked on every request). Unknown, unpublished or forbidden all answer 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/permissions.server";
import { serveMedia } from "~/video/serve.server";
import { captionsFor, mediaFileFor } from "~/video/video.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const path = params["*"] ?? "";
  const caption = /^captions\/(ja|en)\.vtt$/.exec(path);
  if (caption) {
    const text = await captionsFor(user, id, caption[1] as "ja" | "en");
    if (text === null) throw notFound();
    return new Response(text, { headers: { "Content-Type": "text/vtt; charset=utf-8", "Cache-Control": "private, max-age=60" } });
  }
  const file = await mediaFileFor(user, id, path);
  if (!file) throw notFound();
  return serveMedia(request, file);
}
