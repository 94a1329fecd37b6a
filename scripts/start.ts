// `npm start` (production build) and `npm run dev` (Vite dev server) over a real PostgreSQL:
// the embedded one by default, migrated and seeded with demo data when empty.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { openDatabase, PROJECT_ROOT } from "./lib/database.ts";
import { stopJobWorkers } from "./lib/job-workers.ts";
import { applyMigrations } from "./lib/migrate.ts";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV = dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
/** WEB_CONCURRENCY=N: N server processes (Node's cluster) on one port and one database; production only. */
const processes = dev ? 1 : Math.max(1, Math.min(64, Number(process.env.WEB_CONCURRENCY) || 1));

/** Node's options for a server process: this process's own (--cpu-prof, --inspect, …) without tsx's loader. */
function withoutTsx(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (["--require", "-r", "--import", "--loader", "--experimental-loader"].includes(flag)) {
      const value = inline ?? argv[++i];
      if (!/[\\/]tsx[\\/]/.test(value)) out.push(flag, value);
    } else out.push(argv[i]);
  }
  return out;
}

/**
 * A server process's young generation is capped at 8 MB semi-spaces (V8's default for this heap is 16 MB), its old
 * generation at 144 MB, and glibc's malloc hands blocks of 1 MB and more to mmap, always (its threshold otherwise
 * climbs to 32 MB after the first large block is freed, and freed buffers then stay in the allocator's heap), and keeps
 * at most two arenas (by default each thread that allocates, libuv's file and zlib threads among them, gets one of up to
 * 8 per core, and each keeps what it freed). Under twenty connections on the national data set the process peaked at
 * 253–279 MB with the cap against 450–600 without; two arenas took the demo bench from 351 to 285 MB and the national
 * pages from 313–324 to 274–276 MB at the same throughput (decision 050). The cap is safe because what needs a large
 * heap runs in a node process of its own with its own limit (the guard's dictionary, an attachment's text, an XLSX's
 * reading: app/lib/child-process.server.ts). Each flag and variable is left alone when already given (on the command
 * line, in NODE_OPTIONS or in the environment).
 */
const SERVER_HEAP_FLAGS = ["--max-semi-space-size=8", "--max-old-space-size=144"];

function serverProcessOptions(execArgv: string[], env: NodeJS.ProcessEnv): { execArgv: string[]; env: Record<string, string> } {
  const given = (flag: string) => execArgv.some((a) => a.startsWith(flag)) || (env.NODE_OPTIONS ?? "").includes(flag);
  return {
    execArgv: [...execArgv, ...SERVER_HEAP_FLAGS.filter((f) => !given(f.split("=")[0]!))],
    env: { MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? String(1024 * 1024), MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" },
  };
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (entry === "generated" || entry === "node_modules") continue;
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(PROJECT_ROOT, path)).update(readFileSync(path));
    }
  };
  for (const d of ["app", "public", "content", "scripts"]) walk(join(PROJECT_ROOT, d));
  for (const f of ["vite.config.ts", "package-lock.json", "prisma/schema.prisma"]) {
    const p = join(PROJECT_ROOT, f);
    if (existsSync(p)) hash.update(f).update(readFileSync(p));
  }
  return hash.digest("hex");
}

/** Builds the production bundle unless the one in build/ was made from these sources. */
function ensureBuild() {
  const stamp = join(PROJECT_ROOT, "build/.source-hash");
  const current = sourceHash();
  const contentCompiled = existsSync(join(PROJECT_ROOT, "app/generated/content/manifest.json"));
  if (
    contentCompiled &&
    existsSync(join(PROJECT_ROOT, "build/server/index.js")) &&
    existsSync(join(PROJECT_ROOT, "build/server-process.mjs")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === current
  )
    return;
  console.log("Building the production bundle…");
  const result = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("build failed");
  writeFileSync(stamp, current);
}

/** Dev: compiles the training content now and again whenever a file under content/ changes. */
async function watchContent() {
  const { compileContent } = await import("./lib/compile-content.ts");
  const compile = () =>
    compileContent({ log: (m) => console.log(`[content] ${m}`) }).catch((e: Error) => console.error(`[content] ${e.message}`));
  await compile();
  let timer: NodeJS.Timeout | undefined;
  watch(join(PROJECT_ROOT, "content"), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void compile(), 150);
  });
}

// After a pull that changed the schema, the generated client is stale: make it anew before anything imports it.
const { clientIsCurrent, generateClient } = await import("./prisma-generate.ts");
if (!clientIsCurrent()) {
  console.log("The Prisma schema changed: generating the client…");
  if (!generateClient()) throw new Error("prisma generate failed");
}

/**
 * What went wrong, in one line with what to do: a stack trace only with TSUNAGU_DEBUG=1. Known causes (a port in
 * use, PostgreSQL that would not start) are named; anything else prints its message.
 */
function oneLine(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e?.code === "EADDRINUSE")
    return `port ${e.port ?? port} is already in use: stop the program that uses it, or set PORT to another port`;
  if (e?.code === "EACCES") return `port ${e.port ?? port} may not be used by this user: set PORT to a port above 1023`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] || "unknown error (run again with TSUNAGU_DEBUG=1 for details)";
}

let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
let shuttingDown = false;
let server: import("node:http").Server | undefined;
/**
 * SIGTERM/SIGINT: stop taking connections, finish the requests in flight (closeGracefully), stop the job
 * workers (a job cut off is retried by the queue), then stop the embedded database.
 */
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (code === 0) console.log("Stopping: finishing requests in flight…");
  try {
    if (server) await (await import("./lib/server.ts")).closeGracefully(server);
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (!w || w.isDead()) return resolve();
            w.once("exit", () => resolve());
            w.process.kill("SIGTERM");
          }),
      ),
    );
    await stopJobWorkers();
    await db?.stop();
  } finally {
    process.exit(code);
  }
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
// This process stops the embedded database itself, after the requests in flight (see shutdown above).
(await import("./lib/embedded-postgres.ts")).leaveStopSignalsToCaller();

// The application's clock for the seed (the server bundle sets its own from the same TSUNAGU_NOW).
const { setClock } = await import("../app/lib/clock.ts");
setClock(process.env.TSUNAGU_NOW || null);

try {
  db = await openDatabase({ ownProcessGroup: true });
  process.env.DATABASE_URL = db.url;
  const applied = await applyMigrations(db.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const seedWanted = (db.embedded && process.env.SEED_DEMO !== "0") || process.env.SEED_DEMO === "1";
  if (seedWanted) {
    // In a process of its own (`npm run db:seed`): what the seed builds in memory goes with it, and the server's
    // processes start clean (issue 13's memory target).
    const seeded = spawnSync(process.execPath, [...process.execArgv, join(PROJECT_ROOT, "scripts/db-seed.ts")], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: process.env,
    });
    if (seeded.status !== 0) throw new Error("loading the demo data failed");
  }
  if (!dev) ensureBuild();
  else await watchContent();
  const { startHttpServer } = await import("./lib/server.ts");
  // Production serves from worker processes (Node's cluster), one by default: this process keeps the database,
  // the migrations and the build, and a server process holds nothing but the server.
  if (!dev) {
    // A server process runs the bundled build/server-process.mjs under plain node: tsx's loader is left out of it.
    const options = serverProcessOptions(withoutTsx(process.execArgv), process.env);
    cluster.setupPrimary({ exec: join(PROJECT_ROOT, "build/server-process.mjs"), execArgv: options.execArgv });
    let ready = 0;
    await new Promise<void>((resolve, reject) => {
      cluster.on("listening", () => {
        if (++ready === processes) resolve();
      });
      // A server process that could not listen (a port in use, …): the start fails with its reason.
      cluster.on("message", (_worker, message: { startError?: { code?: string; port?: number; message: string } }) => {
        if (message?.startError) reject(Object.assign(new Error(message.startError.message), message.startError));
      });
      cluster.on("exit", (_worker, code, signal) => {
        if (ready < processes) reject(new Error(`a server process ended while starting (${signal ?? code})`));
      });
      for (let i = 0; i < processes; i++) cluster.fork(options.env);
    });
    // A process that dies is replaced (unless the server is stopping).
    cluster.on("exit", (worker, code, signal) => {
      if (shuttingDown) return;
      console.error(`Server process ${worker.process.pid} ended (${signal ?? code}); starting another.`);
      cluster.fork(options.env);
    });
  } else {
    server = await startHttpServer({ port, dev });
  }
  console.log(
    `Tsunagu is running at http://localhost:${port} (${dev ? "development" : "production"}${processes > 1 ? `, ${processes} processes` : ""}). Press Ctrl-C to stop.`,
  );
} catch (error) {
  if (process.env.TSUNAGU_DEBUG === "1") console.error(error);
  console.error(`Tsunagu could not start: ${oneLine(error)}`);
  await shutdown(1);
}
