// Watch reports from the player (fetch every ~10 s, navigator.sendBeacon on pause and leave):
// { intervals: [[start, end], …], position }. The server merges them; GET is not offered.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/permissions.server";
import { refreshModulesWithVideo } from "~/training/training.server";
import { recordWatch } from "~/video/video.server";

const report = z.object({
  intervals: z.array(z.tuple([z.number(), z.number()])).max(500),
  position: z.number().min(0).max(100_000),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return Response.json({ ok: false }, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (request.method !== "POST") return Response.json({ ok: false }, { status: 405 });
  const text = (await request.text()).slice(0, 64_000);
  let parsed;
  try {
    parsed = report.safeParse(JSON.parse(text));
  } catch {
    return Response.json({ ok: false, reason: "bad-json" }, { status: 400 });
  }
  if (!parsed.success) return Response.json({ ok: false, reason: "bad-report" }, { status: 400 });
  const result = await recordWatch(user, params.id ?? "", parsed.data);
  if (!result) throw notFound();
  if (result.watched) await refreshModulesWithVideo(user.id, { id: result.videoId, slug: result.slug });
  return Response.json({ ok: true, percent: result.percent, watched: result.watched, position: result.position });
}
