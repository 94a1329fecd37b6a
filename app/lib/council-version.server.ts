// The council's version (decision 067): a stamp that changes with every committed transaction that changed what the
// council's views count — sheets, offices, wards, action plans and their items, peer activities and groups. Kept by
// triggers at commit (migration 'council_version'), read with one primary-key lookup. A value computed after reading
// it is never older than it, so a cache stamped with it is never stale after a write.
import { prisma } from "~/db.server";
import { stampedCache } from "~/lib/stamped-cache.server";

export async function councilVersion(): Promise<string> {
  const rows = await prisma.$queryRaw<{ stamp: string }[]>`SELECT version || ':' || txid AS stamp FROM "CouncilVersion" WHERE id = 1`;
  return rows[0]?.stamp ?? "none";
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
