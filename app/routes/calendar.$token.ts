import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { sessionEvents } from "~/scheduling/calendar.server";
import { buildCalendar } from "~/scheduling/ics";
import { sessionInclude, userForFeedToken } from "~/scheduling/scheduling.server";

/** The private feed /calendar/<token>.ics: the user's sessions (enrolled or waitlisted). The token is the only key. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound();
  const user = await userForFeedToken(token);
  if (!user) throw notFound();
  const rows = await prisma.sessionEnrollment.findMany({
    where: { userId: user.id, status: { in: ["enrolled", "waitlisted"] } },
    include: { session: { include: sessionInclude } },
  });
  const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  const events = rows.flatMap((r) => sessionEvents(r.session, origin, r.status === "waitlisted"));
  return new Response(buildCalendar(events, "つなぐ 研修 / Tsunagu sessions"), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}
