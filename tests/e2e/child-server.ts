// A second production server run by a spec as a child process, on its own ports and data directory (the build
// Playwright's own web server made is reused). tests/e2e/restart.spec.ts kills one; tests/e2e/fuzz.spec.ts fuzzes one.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface ChildServer {
  port: number;
  pgPort: number;
  /** The data directory, relative to the project (TSUNAGU_DATA_DIR). */
  data: string;
  child: ChildProcess;
  output: () => string;
  errors: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s own program, run by Node itself (no npm or tsx wrapper) so its process id is the server's. */
export function startServer(options: { port: number; pgPort: number; data: string; env?: Record<string, string> }): ChildServer {
  const child = spawn(join(ROOT, "node_modules/.bin/node"), ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      EMBEDDED_PG_PORT: String(options.pgPort),
      TSUNAGU_DATA_DIR: options.data,
      TSUNAGU_RESET_DATA: "",
      DATABASE_URL: "",
      TSUNAGU_DEBUG: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { ...options, child, output: () => out, errors: () => err, exited };
}

/** Waits for 200 from /readyz; fails at once when the server exits. */
export async function waitReady(server: ChildServer, ms = 240_000): Promise<void> {
  const end = Date.now() + ms;
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c ?? -1));
  while (Date.now() < end) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}): ${server.output()} ${server.errors()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`not ready after ${ms} ms: ${server.output()} ${server.errors()}`);
}

export function postmasterPid(dir: string): number {
  return Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitGone(pid: number, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && alive(pid)) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

/** Stops a server the normal way (SIGTERM), which stops its PostgreSQL too. */
export async function stopServer(server: ChildServer) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await server.exited;
}
