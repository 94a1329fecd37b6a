import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { sessionEvents } from "~/scheduling/calendar.server";
import { buildCalendar } from "~/scheduling/ics";
import { sessionInclude } from "~/scheduling/scheduling.server";

/** One session as an iCalendar file (any signed-in user may add it to their calendar). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const s = await prisma.trainingSession.findUnique({ where: { id }, include: sessionInclude });
  if (!s) throw notFound();
  const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  return new Response(buildCalendar(sessionEvents(s, origin, false), s.titleJa), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="session-${s.id}.ics"`,
      "Cache-Control": "no-store",
    },
  });
}
