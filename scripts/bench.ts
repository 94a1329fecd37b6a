// `npm run bench`: starts the production server on its own embedded database (seeded with demo data),
// drives each target with 20 concurrent connections and prints requests/s, p50/p95 latency, each
// target's throughput as a fraction of /healthz's, the response's size (uncompressed) and the SQL statements
// one request sends (the server's X-Query-Count, issue 13). A benchmark, not a test: the figures are to read.
// `--json FILE` (or BENCH_JSON=FILE) also writes every table as JSON, so two runs can be compared.
// Later capabilities add their pages to TARGETS.
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentFiscalYear } from "../app/lib/fiscal-year.ts";
import { probe, transcodeHls } from "../app/video/ffmpeg.server.ts";

interface Target {
  name: string;
  path: string;
  /** Demo account to sign in as (by its email's local part), or none. */
  as?: "trainee" | "manager" | "committee" | "subcommittee" | "admin" | "daiki.kato";
  method?: "GET" | "POST";
  /** For POST: a form body (URL-encoded). */
  form?: Record<string, string>;
  /** Expected status (default 200). */
  status?: number;
  /** One of the national scale's targets (issue 13), measured with BENCH_LARGE=1. */
  scale?: true;
}

// The demo data is seeded for the current fiscal year (its sheet in progress) and the one before (submitted).
const FY = currentFiscalYear();
const LAST_FY = FY - 1;

const TARGETS: Target[] = [
  { name: "/healthz", path: "/healthz" },
  { name: "/login (page)", path: "/login" },
  { name: "/ (signed in)", path: "/", as: "manager" },
  { name: "/admin/users (signed in)", path: "/admin/users", as: "admin" },
  { name: "/training (catalogue)", path: "/training", as: "trainee" },
  { name: "/training/modules/:slug (a section)", path: "/training/modules/person-centred-assessment?section=case", as: "trainee" },
  { name: "/training/modules/:slug (the check)", path: "/training/modules/person-centred-assessment?view=check", as: "trainee" },
  { name: "/committee/progress", path: "/committee/progress", as: "committee" },
  { name: "/sessions (upcoming sessions)", path: "/sessions", as: "trainee" },
  { name: "/sessions/:id (a session)", path: "/sessions/2", as: "trainee" },
  // The first request (in the warm-up pass) enrols; every later one is refused ("already enrolled") and re-renders the page.
  {
    name: "POST /sessions/:id enrol (refused)",
    path: "/sessions/4",
    as: "trainee",
    method: "POST",
    form: { intent: "enrol" },
    status: 409,
  },
  { name: "/committee/sessions/:id (roster)", path: "/committee/sessions/1", as: "committee" },
  // Attendance and the course survey (issue 20): the two-day session's roster with minutes and make-ups, the survey pages.
  { name: "/committee/sessions/:id (roster with minutes)", path: "/committee/sessions/5", as: "committee" },
  { name: "/surveys/:id (trainee's survey)", path: "/surveys/session-5", as: "trainee" },
  { name: "/committee/surveys", path: "/committee/surveys", as: "committee" },
  { name: "/committee/surveys/:id (results)", path: "/committee/surveys/session-1", as: "committee" },
  // Case work (issue 18) on the demo's practical session: each read of a case is audited (an insert per case).
  // 加藤 大輝 has written and submitted a case (森 さくら has not started, so her page had nothing to scan): the
  // page scans the draft with the personal-information guard on every read.
  { name: "/sessions/:id/case (own case, guard scan)", path: "/sessions/3/case", as: "daiki.kato" },
  { name: "/sessions/:id/cases (group's cases)", path: "/sessions/3/cases", as: "committee" },
  { name: "/committee/sessions/:id/cases (facilitator)", path: "/committee/sessions/3/cases", as: "committee" },
  { name: "/evaluation/:fy (sheet, 73 items)", path: `/evaluation/${FY}`, as: "manager" },
  // What a checklist item's fetcher sends (single fetch: .data, index route). After the first request
  // saves it, the same answer again is "unchanged": the compare-and-set path without a write.
  {
    name: "save one answer (POST)",
    path: `/evaluation/${FY}.data?index`,
    as: "manager",
    method: "POST",
    form: {
      intent: "answer",
      code: "EMG-07",
      "revision_EMG-07": "0",
      "rating_EMG-07": "3",
      "reason_EMG-07": "",
      "comment_EMG-07": "",
      "evidence_EMG-07": "",
    },
  },
  { name: "/evaluation/:fy-1/results", path: `/evaluation/${LAST_FY}/results`, as: "manager", scale: true },
  { name: "/subcommittee (dashboard, last FY)", path: `/subcommittee?year=${LAST_FY}`, as: "subcommittee", scale: true },
  { name: "/subcommittee/report/:fy-1", path: `/subcommittee/report/${LAST_FY}`, as: "subcommittee", scale: true },
  // The national scale's targets (issue 13): the report's files, the paginated submission list, one office seen by the subcommittee.
  { name: "/subcommittee/report/:fy-1.xlsx", path: `/subcommittee/report/${LAST_FY}/xlsx`, as: "subcommittee", scale: true },
  { name: "/subcommittee/report/:fy-1.csv", path: `/subcommittee/report/${LAST_FY}/csv`, as: "subcommittee", scale: true },
  { name: "/subcommittee/evaluations (list)", path: `/subcommittee/evaluations?year=${LAST_FY}`, as: "subcommittee", scale: true },
  { name: "/action-plan", path: "/action-plan", as: "manager" },
  // Staff (issue 20, part 2): the staff list with each person's refresher deadline, one person (the demo
  // manager, user 2: an access-log read when another reads it), and a trainee's own training record.
  { name: "/office/staff (staff, deadlines)", path: "/office/staff", as: "manager" },
  { name: "/office/staff/:id (one person)", path: "/office/staff/2", as: "manager" },
  { name: "/account/training-record", path: "/account/training-record", as: "trainee" },
  { name: "/office/training (staff records, recommendations)", path: "/office/training", as: "manager" },
  // Video lectures (issue 9): the first demo lecture (made at seed time), as a trainee. Each request checks
  // the session and the video's access before the file is streamed from media storage.
  { name: "media: HLS manifest (master.m3u8)", path: "/media/videos/1/master.m3u8", as: "trainee" },
  { name: "media: HLS segment (720p, 4 s)", path: "/media/videos/1/720p/seg000.ts", as: "trainee" },
];
// BENCH_LARGE=1: add the generated large data set before measuring, at the national scale (issue 13: 12,000 offices
// × 10 years, about 8.8 million answers) unless LARGE_OFFICES / LARGE_YEARS say otherwise; only the scale targets
// (the dashboard, the annual report and its files, the submission list, an office's results) are measured then,
// unless BENCH_ONLY names others. The resident memory of the server and of PostgreSQL is sampled during the run.
const LARGE = process.env.BENCH_LARGE === "1";
const LARGE_OFFICES = process.env.LARGE_OFFICES ?? "12000";
const LARGE_YEARS = process.env.LARGE_YEARS ?? "10";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54360);
// BENCH_ONLY=text: measure only the targets whose name contains it (and /healthz, the reference).
const ONLY = process.env.BENCH_ONLY;
const BASE = `http://localhost:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;
const jsonFlag = process.argv.indexOf("--json");
const JSON_FILE = (jsonFlag >= 0 ? process.argv[jsonFlag + 1] : undefined) ?? process.env.BENCH_JSON;
const root = join(import.meta.dirname, "..");

async function waitFor(url: string, ms: number, server?: { exitCode: number | null }) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (server && server.exitCode !== null) throw new Error(`the server stopped (exit code ${server.exitCode}) before it answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url}`);
}

async function signIn(who: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
    body: new URLSearchParams({ email: `${who}@example.jp`, password: "tsunagu-demo-2024", redirectTo: "/" }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!cookies.some((c) => c.startsWith("tsunagu_session="))) throw new Error(`could not sign in as ${who}`);
  return cookies.join("; ");
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(target: Target, cookie?: string) {
  const latencies: number[] = [];
  let wrongStatus = 0;
  const expected = target.status ?? 200;
  // Without a callback autocannon returns an instance that is both an event emitter and a promise.
  const instance = autocannon({
    url: BASE + target.path,
    connections: CONNECTIONS,
    duration: DURATION,
    method: target.method ?? "GET",
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(target.form ? { "content-type": "application/x-www-form-urlencoded", origin: BASE } : {}),
    },
    body: target.form ? new URLSearchParams(target.form).toString() : undefined,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode !== expected) wrongStatus++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    total: latencies.length,
    wrongStatus,
  };
}

type Row = {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  ratio: number;
  errors: number;
  total: number;
  /** One response's body, uncompressed (bytes). */
  bytes: number;
  /** SQL statements one request sent (X-Query-Count), or null when the server did not say. */
  queries: number | null;
};

/** One request alone: the size of its answer and the statements it cost (the server counts them per request). */
async function probeTarget(target: Target, cookie?: string): Promise<{ bytes: number; queries: number | null }> {
  const response = await fetch(BASE + target.path, {
    method: target.method ?? "GET",
    redirect: "manual",
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(target.form ? { "content-type": "application/x-www-form-urlencoded", origin: BASE } : {}),
    },
    body: target.form ? new URLSearchParams(target.form).toString() : undefined,
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  const header = response.headers.get("x-query-count");
  return { bytes, queries: header === null ? null : Number(header) };
}

/**
 * Server process counts to measure, one full table each (issue 15: one process and two). `BENCH_PROCESSES=2`
 * (or `WEB_CONCURRENCY=2`) measures one count only.
 */
const PROCESSES = (process.env.BENCH_PROCESSES ?? process.env.WEB_CONCURRENCY ?? "1,2")
  .split(",")
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

function startServer(processes: number, fresh: boolean) {
  return spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(PORT),
      TSUNAGU_DATA_DIR: ".data/bench",
      // Each answer says how many SQL statements it sent (X-Query-Count).
      TSUNAGU_QUERY_COUNT: "1",
      // The first server starts on a fresh database; later ones keep it (and the large data set, once generated).
      TSUNAGU_RESET_DATA: fresh ? "1" : "",
      EMBEDDED_PG_PORT: String(PG_PORT),
      DATABASE_URL: "",
      WEB_CONCURRENCY: String(processes),
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

async function stopServer(server: ReturnType<typeof spawn>) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid!, "SIGINT");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
}

async function measure(): Promise<Row[]> {
  const cookies = new Map<string, string>();
  const rows: Row[] = [];
  let healthRps = NaN;
  const chosen = (t: Target) => (ONLY ? t.name.includes(ONLY) : !LARGE || t.scale);
  for (const target of TARGETS.filter((t) => t.path === "/healthz" || chosen(t))) {
    let cookie: string | undefined;
    if (target.as) {
      if (!cookies.has(target.as)) cookies.set(target.as, await signIn(target.as));
      cookie = cookies.get(target.as);
    }
    await run(target, cookie).then(() => {}); // warm-up pass (JIT, caches), figures discarded
    const r = await run(target, cookie);
    const p = await probeTarget(target, cookie);
    if (target.path === "/healthz") healthRps = r.rps;
    rows.push({
      name: target.name,
      path: target.path,
      rps: r.rps,
      p50: r.p50,
      p95: r.p95,
      ratio: r.rps / healthRps,
      errors: r.wrongStatus,
      total: r.total,
      bytes: p.bytes,
      queries: p.queries,
    });
  }
  return rows;
}

function printTable(processes: number, rows: Row[]) {
  console.log(
    `\nBenchmark: ${CONNECTIONS} connections, ${DURATION}s per target, production build, ${processes} server process(es) (WEB_CONCURRENCY), embedded PostgreSQL${LARGE ? `, large data set (${LARGE_OFFICES} offices × ${LARGE_YEARS} years)` : ", demo data"}\n`,
  );
  console.log(
    "target".padEnd(40) +
      "req/s".padStart(9) +
      "p50 ms".padStart(9) +
      "p95 ms".padStart(9) +
      "  vs /healthz" +
      "  bad status" +
      "      KB" +
      " queries",
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(40) +
        r.rps.toFixed(0).padStart(9) +
        r.p50.toFixed(1).padStart(9) +
        r.p95.toFixed(1).padStart(9) +
        `${(r.ratio * 100).toFixed(0)}%`.padStart(13) +
        `${r.errors}/${r.total}`.padStart(12) +
        (r.bytes / 1024).toFixed(1).padStart(8) +
        (r.queries === null ? "–" : String(r.queries)).padStart(8),
    );
  }
}

/** Throughput at each process count side by side, and how many times the first count's it is. */
function printComparison(results: Map<number, Row[]>) {
  const counts = [...results.keys()];
  if (counts.length < 2) return;
  const first = results.get(counts[0])!;
  console.log(`\nThroughput by server processes (req/s; × = against ${counts[0]} process${counts[0] > 1 ? "es" : ""})\n`);
  console.log(
    "target".padEnd(40) +
      counts.map((c) => `${c} proc`.padStart(10)).join("") +
      counts
        .slice(1)
        .map((c) => `×${c}`.padStart(8))
        .join(""),
  );
  for (const [i, row] of first.entries()) {
    const rps = counts.map((c) => results.get(c)![i]?.rps ?? NaN);
    console.log(
      row.name.padEnd(40) +
        rps.map((r) => r.toFixed(0).padStart(10)).join("") +
        rps
          .slice(1)
          .map((r) => (r / rps[0]).toFixed(2).padStart(8))
          .join(""),
    );
  }
}

type Memory = ReturnType<ReturnType<typeof memorySampler>["peak"]>;
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** kB of a process from /proc (VmRSS, or Pss from smaps_rollup); 0 when it is gone. */
async function procKb(pid: number, file: "status" | "smaps_rollup", field: "VmRSS" | "Pss"): Promise<number> {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(await readFile(`/proc/${pid}/${file}`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * What a process of the server's group is, from its command line: a server process (build/server-process.mjs), the
 * primary (scripts/start.ts: the database, migrations, build), a helper a server process started for work that needs a
 * heap of its own (`node -e`: the guard's dictionary, an attachment's text, an XLSX's reading;
 * app/lib/child-process.server.ts), or the npm/tsx launchers.
 */
type ProcessKind = "server" | "primary" | "helper" | "launcher";
async function processKind(pid: number): Promise<ProcessKind> {
  const argv = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0");
  if (argv.some((a) => a.endsWith("server-process.mjs"))) return "server";
  if (argv.some((a) => a.endsWith("scripts/start.ts")) && argv.some((a) => a.includes("loader"))) return "primary";
  if (argv.includes("-e")) return "helper";
  return "launcher";
}

/** The peak resident memory of the server's process group, by kind of process, and of PostgreSQL (its postmaster and children). */
function memorySampler(serverGroup: number) {
  const peak = {
    /** The largest server process: what the memory target is about. */
    serverLargest: 0,
    primary: 0,
    /** The largest helper process while one ran (0 if none did). */
    helperLargest: 0,
    serverTotal: 0,
    serverProcesses: 0,
    postgresRss: 0,
    postgresPss: 0,
    postgresProcesses: 0,
  };
  const kinds = new Map<number, Promise<ProcessKind>>();
  const sample = async () => {
    const ps = spawnSync("ps", ["-eo", "pid=,ppid=,pgid="], { encoding: "utf8" });
    const procs = ps.stdout
      .trim()
      .split("\n")
      .map((l) => l.trim().split(/\s+/).map(Number));
    const group = procs.filter((p) => p[2] === serverGroup).map((p) => p[0]!);
    const rss = await Promise.all(group.map((pid) => procKb(pid, "status", "VmRSS")));
    for (const [i, pid] of group.entries()) {
      if (!kinds.has(pid)) kinds.set(pid, processKind(pid));
      const kind = await kinds.get(pid)!;
      if (kind === "server") peak.serverLargest = Math.max(peak.serverLargest, rss[i]!);
      else if (kind === "primary") peak.primary = Math.max(peak.primary, rss[i]!);
      else if (kind === "helper") peak.helperLargest = Math.max(peak.helperLargest, rss[i]!);
    }
    peak.serverTotal = Math.max(
      peak.serverTotal,
      rss.reduce((a, b) => a + b, 0),
    );
    peak.serverProcesses = Math.max(peak.serverProcesses, group.length);
    const postmaster = Number((await readFile(join(root, ".data/bench/postmaster.pid"), "utf8").catch(() => "0")).split("\n")[0]);
    if (postmaster) {
      const pids = [postmaster, ...procs.filter((p) => p[1] === postmaster).map((p) => p[0])];
      const [r, p] = await Promise.all([
        Promise.all(pids.map((pid) => procKb(pid, "status", "VmRSS"))),
        Promise.all(pids.map((pid) => procKb(pid, "smaps_rollup", "Pss"))),
      ]);
      peak.postgresRss = Math.max(
        peak.postgresRss,
        r.reduce((a, b) => a + b, 0),
      );
      peak.postgresPss = Math.max(
        peak.postgresPss,
        p.reduce((a, b) => a + b, 0),
      );
      peak.postgresProcesses = Math.max(peak.postgresProcesses, pids.length);
    }
  };
  const timer = setInterval(() => void sample(), 1000);
  return {
    stop: () => clearInterval(timer),
    peak: () => ({ ...peak }),
  };
}

const results = new Map<number, Row[]>();
const memory = new Map<number, Memory>();
for (const [i, processes] of PROCESSES.entries()) {
  const server = startServer(processes, i === 0);
  try {
    // A fresh clone builds the bundle and makes the demo lectures first; a loaded machine takes minutes.
    await waitFor(`${BASE}/healthz`, 600_000, server);
    if (LARGE && i === 0) {
      const generated = spawnSync("npx", ["tsx", "scripts/generate-large-dataset.ts"], {
        cwd: root,
        stdio: "inherit",
        env: {
          ...process.env,
          LARGE_OFFICES,
          LARGE_YEARS,
          DATABASE_URL: `postgresql://tsunagu:tsunagu@127.0.0.1:${PG_PORT}/tsunagu`,
        },
      });
      if (generated.status !== 0) throw new Error("generating the large data set failed");
    }
    const sampler = memorySampler(server.pid!);
    const rows = await measure().finally(() => sampler.stop());
    results.set(processes, rows);
    printTable(processes, rows);
    const m = sampler.peak();
    console.log(
      `\nResident memory, peak during the run (sampled every second): server ${mb(m.serverLargest)} MB in its largest server process, ` +
        `the primary ${mb(m.primary)} MB, ` +
        (m.helperLargest
          ? `a helper process (the guard's dictionary, an attachment's text, an XLSX's reading) ${mb(m.helperLargest)} MB, `
          : "") +
        `${mb(m.serverTotal)} MB over the ${m.serverProcesses} processes of its group (with npm's and tsx's launchers); ` +
        `PostgreSQL ${mb(m.postgresPss)} MB PSS (${mb(m.postgresRss)} MB RSS summed over its ${m.postgresProcesses} processes, shared buffers counted in each)`,
    );
    memory.set(processes, m);
  } finally {
    await stopServer(server);
  }
}
printComparison(results);
if (JSON_FILE) {
  const json = {
    date: new Date().toISOString(),
    seconds: DURATION,
    connections: CONNECTIONS,
    dataSet: LARGE ? `large: ${LARGE_OFFICES} offices × ${LARGE_YEARS} years` : "demo",
    runs: [...results].map(([processes, rows]) => ({ processes, rows, memoryKb: memory.get(processes) })),
  };
  await writeFile(JSON_FILE, JSON.stringify(json, null, 2) + "\n");
  console.log(`\nWrote ${JSON_FILE}`);
}
if (ONLY ? /media|transcode/.test(ONLY) : !LARGE) await transcodeSpeed();

/**
 * Transcode speed: seconds of video made into the HLS renditions (360p + 720p, as for an upload) per
 * second of wall time, on a 1280×720 25 fps source with sound (moving test pattern: harder than slides).
 */
async function transcodeSpeed() {
  const seconds = Number(process.env.BENCH_TRANSCODE_SECONDS ?? 30);
  const work = await mkdtemp(join(tmpdir(), "tsunagu-bench-transcode-"));
  try {
    const source = join(work, "source.mp4");
    const made = spawnSync("ffmpeg", [
      ...["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=size=1280x720:rate=25:duration=${seconds}`],
      ...["-f", "lavfi", "-i", `sine=frequency=330:duration=${seconds}`, "-c:v", "libx264", "-preset", "ultrafast"],
      ...["-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", source],
    ]);
    if (made.status !== 0) {
      console.log("\nTranscode speed: not measured (ffmpeg is not installed).");
      return;
    }
    const info = await probe(source);
    if (!info) throw new Error("the bench source cannot be read");
    const started = performance.now();
    await transcodeHls(source, work, info, () => undefined);
    const wall = (performance.now() - started) / 1000;
    console.log(
      `\nTranscode speed (HLS 360p + 720p, H.264/AAC, ${info.duration.toFixed(0)} s of 1280×720 25 fps): ` +
        `${wall.toFixed(1)} s wall, ${(info.duration / wall).toFixed(2)} s of video per second`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
