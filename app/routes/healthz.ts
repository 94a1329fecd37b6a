import { databaseHealth } from "~/lib/health.server";

export async function loader() {
  const health = await databaseHealth();
  return health.ok
    ? Response.json({ status: "ok", database: "ok", ms: health.ms }, { headers: { "Cache-Control": "no-store" } })
    : Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
}
