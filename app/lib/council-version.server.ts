// The council's version (decision 067): a stamp that changes with every committed transaction that changed what the
// council's views count — sheets, offices, wards, action plans and their items, peer activities and groups, and the
// checklist's versions. Kept by triggers at commit (migrations 'council_version', 'training_version'), read with one
// primary-key lookup. A value computed after reading
// it is never older than it, so a cache stamped with it is never stale after a write.
import { prisma } from "~/db.server";
import { stampedCache } from "~/lib/stamped-cache.server";

export async function councilVersion(): Promise<string> {
  const rows = await prisma.$queryRaw<{ stamp: string }[]>`SELECT version || ':' || txid AS stamp FROM "CouncilVersion" WHERE id = 1`;
  return rows[0]?.stamp ?? "none";
}

/**
 * The council's version and the training version (decision 069: row 2, moved by every committed write to what the
 * training figures and the training effect count), in one statement: a page that shows both reads them once.
 */
export interface CouncilStamps {
  council: string;
  training: string;
}

export async function councilStamps(): Promise<CouncilStamps> {
  const rows = await prisma.$queryRaw<{ id: number; stamp: string }[]>`
    SELECT id, version || ':' || txid AS stamp FROM "CouncilVersion" WHERE id IN (1, 2)`;
  const of = (id: number) => rows.find((r) => r.id === id)?.stamp ?? "none";
  return { council: of(1), training: of(2) };
}

/** A cache of values computed from the council's tables only, kept until the council's version moves. */
export function councilCache<V>(maxEntries?: number) {
  const cache = stampedCache<V>(maxEntries);
  return {
    async get(key: string, compute: () => Promise<V>, stamp?: string): Promise<V> {
      return cache.get(key, stamp ?? (await councilVersion()), compute);
    },
  };
}
