import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/permissions.server";
import { getEnv } from "~/env.server";
import { idParam } from "~/lib/params";
import { sessionCalendar } from "~/scheduling/calendar.server";

/** One session as an iCalendar file (any signed-in user may add it to their calendar). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const calendar = await sessionCalendar(idParam(params.id), getEnv().APP_ORIGIN ?? new URL(request.url).origin);
  if (!calendar) throw notFound();
  return new Response(calendar.text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${calendar.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
