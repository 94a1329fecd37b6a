// Backup and restore (npm run db:backup / db:restore): the demo database backed up while it serves, restored into
// a fresh database, is identical — every table's row count and a checksum of every table, answers included.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "~/db.server";
import { backupFileName, createBackup, pruneBackups, restoreBackup, RestoreRefused } from "../../scripts/lib/backup.ts";
import { seedDemoData } from "../../scripts/lib/seed.ts";

const work = mkdtempSync(join(tmpdir(), "tsunagu-backup-test-"));
const sourceUrl = process.env.DATABASE_URL!;
const targetName = `restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const targetUrl = (() => {
  const u = new URL(sourceUrl);
  u.pathname = `/${targetName}`;
  return u.toString();
})();
const adminUrl = (() => {
  const u = new URL(sourceUrl);
  u.pathname = "/postgres";
  return u.toString();
})();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** Every application table with its row count and an order-independent checksum of its rows' text. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query<{ relname: string }>(
    url,
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { relname } of tables) {
    const [r] = await query<{ n: string; md5: string | null }>(
      url,
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${relname}" t`,
    );
    out[relname] = { rows: Number(r.n), md5: r.md5 ?? "" };
  }
  return out;
}

beforeAll(async () => {
  await seedDemoData(getPrisma(), undefined, { videos: false });
  await query(adminUrl, `CREATE DATABASE "${targetName}"`);
}, 120_000);

afterAll(async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores the demo database into an empty one identically, media files included", async () => {
    const media = join(work, "media");
    mkdirSync(join(media, "videos/abc"), { recursive: true });
    writeFileSync(join(media, "videos/abc/seg-001.ts"), Buffer.from([0, 1, 2, 3, 255]));
    const file = join(work, "out", backupFileName(new Date()));
    await query(
      sourceUrl,
      `INSERT INTO "AuditLog" (action, "entityType", "entityId") SELECT 'test.before-backup', 'test', g::text FROM generate_series(1, 3) g`,
    );

    const manifest = await createBackup({ url: sourceUrl, file, mediaDir: media });
    const before = await fingerprint(sourceUrl);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.EvaluationAnswer?.rows ?? 0).toBeGreaterThan(100);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.rows])),
    );

    const restoredMedia = join(work, "restored-media");
    await restoreBackup({ url: targetUrl, file, mediaDir: restoredMedia });
    expect(await fingerprint(targetUrl)).toEqual(before);
    expect([...readFileSync(join(restoredMedia, "videos/abc/seg-001.ts"))]).toEqual([0, 1, 2, 3, 255]);

    // Sequences continue after the restored rows: a new row gets a fresh id, no duplicate key.
    const [{ max }] = await query<{ max: number }>(targetUrl, `SELECT max(id) AS max FROM "AuditLog"`);
    const [{ id }] = await query<{ id: number }>(
      targetUrl,
      `INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('test.after-restore', 'test', '1') RETURNING id`,
    );
    expect(id).toBeGreaterThan(max);
  }, 120_000);

  it("refuses to overwrite a database that holds data unless forced", async () => {
    const file = join(work, "again.tar.gz");
    await createBackup({ url: sourceUrl, file });
    await expect(restoreBackup({ url: targetUrl, file })).rejects.toBeInstanceOf(RestoreRefused);
    await query(targetUrl, `DELETE FROM "AuditLog" WHERE action = 'test.after-restore'`);
    await restoreBackup({ url: targetUrl, file, force: true });
    expect(await fingerprint(targetUrl)).toEqual(await fingerprint(sourceUrl));
  }, 120_000);

  it("refuses a file that is not a backup", async () => {
    const file = join(work, "not-a-backup.tar.gz");
    writeFileSync(file, "hello");
    await expect(restoreBackup({ url: targetUrl, file, force: true })).rejects.toThrow();
  });

  it("keeps only the newest backups", () => {
    const dir = join(work, "keep");
    mkdirSync(dir);
    const names = [1, 2, 3, 4, 5].map((d) => backupFileName(new Date(Date.UTC(2030, 0, d, 3, 0, 0))));
    for (const n of names) writeFileSync(join(dir, n), "x");
    writeFileSync(join(dir, "notes.txt"), "not a backup");
    expect(pruneBackups(dir, 2).sort()).toEqual(names.slice(0, 3).sort());
  });
});
