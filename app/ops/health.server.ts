// Readiness: what a load balancer or an operator asks before sending traffic — the database answers, every
// migration in this build is applied, and which runtime serves. `/healthz` stays the cheap liveness probe.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { prisma } from "~/db.server";

export interface Readiness {
  status: "ready" | "not-ready";
  database: "ok" | "unreachable";
  migrations: { expected: number; applied: number; pending: string[] };
  node: string;
  uptimeSeconds: number;
}

function expectedMigrations(): string[] {
  const dir = join(process.cwd(), "prisma/migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export async function readiness(): Promise<Readiness> {
  const expected = expectedMigrations();
  const base = { node: process.version, uptimeSeconds: Math.round(process.uptime()) };
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expected.filter((m) => !applied.has(m));
    return {
      status: pending.length === 0 ? "ready" : "not-ready",
      database: "ok",
      migrations: { expected: expected.length, applied: applied.size, pending },
      ...base,
    };
  } catch {
    return {
      status: "not-ready",
      database: "unreachable",
      migrations: { expected: expected.length, applied: 0, pending: expected },
      ...base,
    };
  }
}
