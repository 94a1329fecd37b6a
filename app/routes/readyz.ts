import { readiness } from "~/ops/health.server";

export async function loader() {
  const r = await readiness();
  return Response.json(r, { status: r.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
