import { prisma } from "~/db.server";

/** Whether PostgreSQL answers, and how long it took (for /healthz). */
export async function databaseHealth(): Promise<{ ok: true; ms: number } | { ok: false }> {
  const started = Date.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true, ms: Date.now() - started };
  } catch {
    return { ok: false };
  }
}
