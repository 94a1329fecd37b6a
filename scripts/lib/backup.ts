// Backup and restore of the whole database and the media directory, as one .tar.gz file.
//
// The database part is a logical dump written through PostgreSQL's own COPY protocol (pg-copy-streams), inside one
// REPEATABLE READ, READ ONLY transaction so every table comes from the same snapshot while the app keeps serving.
// Restore applies the backup's migrations to an empty database, loads every table with COPY FROM, and sets every
// sequence. Why not pg_dump: the embedded PostgreSQL ships no pg_dump, and the one Debian offers (15) refuses a
// version 18 server — see docs/decisions/038-backup-by-copy-in-one-snapshot.md.
import { cpSync, createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, mkdtempSync } from "node:fs";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as tar from "tar";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrate.ts";

export const BACKUP_FORMAT = "tsunagu-backup/1";

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number; file: string }[];
  sequences: { name: string; value: string; isCalled: boolean }[];
  media: { files: number; bytes: number };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables (schema public), without Prisma's migration history, which restore rebuilds. */
async function userTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT c.relname::text AS table_name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({ name: r.table_name, columns: r.columns }));
}

/** Tables ordered so that every table comes after the tables its foreign keys point to (self-references aside). */
async function dependencyOrder(client: pg.Client, names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pr.relname AS parent
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_class pr ON pr.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pr.relname`,
  );
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  for (const r of rows) parents.get(r.child)?.add(r.parent);
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (n: string) => {
    if (state.get(n) === "done" || state.get(n) === "visiting") return;
    state.set(n, "visiting");
    for (const p of parents.get(n) ?? []) if (parents.has(p)) visit(p);
    state.set(n, "done");
    ordered.push(n);
  };
  for (const n of [...names].sort()) visit(n);
  return ordered;
}

function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Hard-links (or, across file systems, copies) every file of `from` into `to`, keeping the tree. */
function mirrorTree(from: string, to: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const path of walkFiles(from)) {
    const target = join(to, relative(from, path));
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(path, target);
    } catch {
      cpSync(path, target);
    }
    files += 1;
    bytes += statSync(path).size;
  }
  return { files, bytes };
}

/** Writes a consistent backup of the database at `url` (and the files under `mediaDir`) to `file` (.tar.gz). */
export async function createBackup(options: { url: string; file: string; mediaDir?: string }): Promise<BackupManifest> {
  const work = mkdtempSync(join(tmpdir(), "tsunagu-backup-"));
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    const migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    mkdirSync(join(work, "db"));
    const tables: BackupManifest["tables"] = [];
    for (const t of await userTables(client)) {
      const file = `db/${t.name}.tsv`;
      const cols = t.columns.map(quoteIdent).join(", ");
      const stream = client.query(copyTo(`COPY ${quoteIdent(t.name)} (${cols}) TO STDOUT`));
      await pipeline(stream, createWriteStream(join(work, file)));
      tables.push({ name: t.name, columns: t.columns, rows: Number(stream.rowCount ?? 0), file });
    }
    const seqRows = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'S' AND n.nspname = 'public' ORDER BY c.relname`,
      )
    ).rows;
    const sequences: BackupManifest["sequences"] = [];
    for (const s of seqRows) {
      const r = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteIdent(s.name)}`,
      );
      sequences.push({ name: s.name, value: r.rows[0].last_value, isCalled: r.rows[0].is_called });
    }
    await client.query("COMMIT");
    const media = options.mediaDir ? mirrorTree(options.mediaDir, join(work, "media")) : { files: 0, bytes: 0 };
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: version,
      migrations,
      tables,
      sequences,
      media,
    };
    writeFileSync(join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(options.file), { recursive: true });
    const entries = ["manifest.json", "db", ...(existsSync(join(work, "media")) ? ["media"] : [])];
    const partial = `${options.file}.partial`;
    await tar.c({ gzip: true, file: partial, cwd: work, portable: true }, entries);
    // Only a complete archive gets the final name: a crash mid-write never leaves a file that looks like a backup.
    renameSync(partial, options.file);
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    rmSync(`${options.file}.partial`, { force: true });
    throw error;
  } finally {
    await client.end();
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when the database has none of the application's tables, or all of them are empty. */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const t of await userTables(client)) {
      const r = await client.query(`SELECT 1 FROM ${quoteIdent(t.name)} LIMIT 1`);
      if ((r.rowCount ?? 0) > 0) return false;
    }
    return true;
  } finally {
    await client.end();
  }
}

export class RestoreRefused extends Error {}

/**
 * Restores `file` into the database at `url`. Refuses a database that holds data unless `force` (which then drops
 * everything in schema public first), and a backup made by a newer version of the app (migrations unknown here).
 */
export async function restoreBackup(options: { url: string; file: string; mediaDir?: string; force?: boolean }): Promise<BackupManifest> {
  const work = mkdtempSync(join(tmpdir(), "tsunagu-restore-"));
  try {
    await tar.x({ file: options.file, cwd: work });
    if (!existsSync(join(work, "manifest.json"))) throw new RestoreRefused(`${options.file} is not a Tsunagu backup (no manifest).`);
    const manifest = JSON.parse(readFileSync(join(work, "manifest.json"), "utf8")) as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT) throw new RestoreRefused(`Unknown backup format: ${String(manifest.format)}`);
    const known = new Set(readMigrations().map((m) => m.name));
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length > 0)
      throw new RestoreRefused(`The backup was made by a newer version (migrations not in this checkout: ${unknown.join(", ")}).`);
    if (!options.force && !(await databaseIsEmpty(options.url)))
      throw new RestoreRefused("The target database already holds data; restore into an empty database, or pass --force to replace it.");
    if (options.mediaDir && !options.force && walkFiles(options.mediaDir).length > 0)
      throw new RestoreRefused(`The media directory ${options.mediaDir} is not empty; pass --force to replace it.`);

    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      // The target is empty (or --force): start from a bare schema and build it as it was when the backup was made,
      // with exactly the backup's migrations (the app applies newer ones on its next start, as after any upgrade).
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      const dir = mkdtempSync(join(tmpdir(), "tsunagu-migrations-"));
      try {
        for (const name of manifest.migrations) {
          mkdirSync(join(dir, name));
          cpSync(join(MIGRATIONS_DIR, name, "migration.sql"), join(dir, name, "migration.sql"));
        }
        await applyMigrations(options.url, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await client.query("BEGIN");
      const byName = new Map(manifest.tables.map((t) => [t.name, t]));
      // A migration may insert rows of its own (e.g. the default survey questions); the backup holds them as they
      // were, possibly changed, so the backup's rows replace them.
      if (byName.size > 0) await client.query(`TRUNCATE ${[...byName.keys()].map(quoteIdent).join(", ")}`);
      for (const name of await dependencyOrder(client, [...byName.keys()])) {
        const t = byName.get(name)!;
        const cols = t.columns.map(quoteIdent).join(", ");
        // The tables' own triggers (the council's aggregates, decision 063) stay off while the rows go back: the
        // aggregates are in the backup as they were, and would otherwise be counted twice.
        await client.query(`ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER USER`);
        const sink = client.query(copyFrom(`COPY ${quoteIdent(t.name)} (${cols}) FROM STDIN`));
        await pipeline(createReadStream(join(work, t.file)), sink);
        await client.query(`ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER USER`);
      }
      for (const s of manifest.sequences) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quoteIdent(s.name), s.value, s.isCalled]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await client.end();
    }
    if (options.mediaDir && existsSync(join(work, "media"))) {
      if (options.force) rmSync(options.mediaDir, { recursive: true, force: true });
      mkdirSync(options.mediaDir, { recursive: true });
      cpSync(join(work, "media"), options.mediaDir, { recursive: true });
    }
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Backup file name for an instant: tsunagu-YYYYMMDD-HHMMSSZ.tar.gz (UTC, sortable). */
export function backupFileName(at: Date): string {
  const s = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `tsunagu-${s.slice(0, 8)}-${s.slice(9)}.tar.gz`;
}

/** Deletes the oldest backups in `dir` beyond the newest `keep`; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /^tsunagu-\d{8}-\d{6}Z\.tar\.gz$/.test(f))
    .sort()
    .reverse();
  const doomed = files.slice(Math.max(keep, 0));
  for (const f of doomed) rmSync(join(dir, f));
  return doomed;
}
