import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { rubricExport } from "~/cases/cases.server";
import { refuse, sessionIdOf } from "~/cases/http.server";

// The rubric results of a session's case work as CSV (never the case texts). A resource route.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const r = await rubricExport(user, sessionIdOf(params.id), "csv");
  if (!r.ok) throw refuse(r.reason);
  return new Response(r.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${r.name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
