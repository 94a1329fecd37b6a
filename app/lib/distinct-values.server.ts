// The distinct values of an indexed column, read by a loose index scan: one index probe per value (a recursive
// query that asks for the next value above the last), where Prisma's `distinct` reads every row and keeps one per
// value in memory (issue 13: every sheet of a national data set, every entry of the audit log).
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

/** The columns read this way, each with the index whose leading column it is (see prisma/schema.prisma). */
const INDEXED = {
  Evaluation: "fiscalYear", // @@index([fiscalYear, status, updatedAt])
  AuditLog: "entityType", // @@index([entityType])
} as const;

/** What each column holds. */
interface Values {
  Evaluation: number;
  AuditLog: string;
}

/** Every value of the table's indexed column, in ascending order. */
export async function distinctValues<T extends keyof typeof INDEXED>(table: T): Promise<Values[T][]> {
  const t = Prisma.raw(`"${table}"`);
  const c = Prisma.raw(`"${INDEXED[table]}"`);
  const rows = await prisma.$queryRaw<{ value: Values[T] }[]>`
    WITH RECURSIVE v AS (
      SELECT MIN(${c}) AS value FROM ${t}
      UNION ALL
      SELECT (SELECT MIN(x.${c}) FROM ${t} x WHERE x.${c} > v.value) FROM v WHERE v.value IS NOT NULL
    )
    SELECT value FROM v WHERE value IS NOT NULL ORDER BY value`;
  return rows.map((r) => r.value);
}
