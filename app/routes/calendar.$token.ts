import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/permissions.server";
import { getEnv } from "~/env.server";
import { feedCalendar } from "~/scheduling/calendar.server";

/** The private feed /calendar/<token>.ics: the user's sessions (enrolled or waitlisted). The token is the only key. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const calendar = await feedCalendar(token, getEnv().APP_ORIGIN ?? new URL(request.url).origin);
  if (!calendar) throw notFound();
  return new Response(calendar.text, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}
