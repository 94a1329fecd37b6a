// Issue 16: the start command comes back after the server is killed hard (`kill -9`), and says in one line
// what is wrong when it cannot start. A second production server (the build Playwright's own server made)
// runs here as a child process on its own ports and data directory, without demo data.
import { expect, test } from "@playwright/test";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { alive, freePort, postmasterPid as pidIn, ROOT, startServer, stopServer, waitGone, waitReady } from "./child-server";

const DATA = ".data/e2e-restart";
const DIR = join(ROOT, DATA);
const postmasterPid = () => pidIn(DIR);
const start = (port: number, pgPort: number) => startServer({ port, pgPort, data: DATA, env: { SEED_DEMO: "0" } });

test.describe.configure({ mode: "serial" });
test.setTimeout(420_000);

test.beforeAll(() => rmSync(DIR, { recursive: true, force: true }));
test.afterAll(async () => {
  // Whatever a failed test left behind: PostgreSQL on this data directory is stopped, the directory removed.
  if (existsSync(join(DIR, "postmaster.pid"))) {
    const pid = postmasterPid();
    if (alive(pid)) process.kill(pid, "SIGINT");
    await waitGone(pid);
  }
  rmSync(DIR, { recursive: true, force: true });
});

test("after kill -9 the start command stops the orphaned PostgreSQL and comes back ready", async () => {
  const port = await freePort();
  const pgPort = await freePort();
  const first = start(port, pgPort);
  await waitReady(first);
  const orphan = postmasterPid();

  first.child.kill("SIGKILL");
  await first.exited;
  // This is the state the issue found: the server is gone, its PostgreSQL runs on without it.
  expect(alive(orphan)).toBe(true);
  expect((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status).toBeUndefined();

  const second = start(port, pgPort);
  try {
    await waitReady(second);
    expect(second.output()).toContain(`PostgreSQL (process ${orphan}) was left running`);
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    // PostgreSQL's own log is kept in its data directory, across both runs.
    const log = readFileSync(join(DIR, "postgres.log"), "utf8");
    expect(log.match(/ start on port /g)?.length).toBe(2);
    expect(log).toContain("database system is ready to accept connections");
  } finally {
    const pg = postmasterPid();
    await stopServer(second);
    expect(await waitGone(pg)).toBe(true);
  }
});

test("a port in use is said in one line, and PostgreSQL is not left running", async () => {
  const port = await freePort();
  const pgPort = await freePort();
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(port, "0.0.0.0", resolve));
  try {
    const server = start(port, pgPort);
    expect(await server.exited).toBe(1);
    const lines = server.errors().trim().split("\n");
    expect(lines).toEqual([
      `Tsunagu could not start: port ${port} is already in use: stop the program that uses it, or set PORT to another port`,
    ]);
    expect(existsSync(join(DIR, "postmaster.pid"))).toBe(false);
  } finally {
    await new Promise((r) => blocker.close(r));
  }
});

test("a damaged data directory is said in one line that names PostgreSQL's log", async () => {
  const port = await freePort();
  const pgPort = await freePort();
  const versionFile = join(DIR, "PG_VERSION");
  const version = readFileSync(versionFile, "utf8");
  writeFileSync(versionFile, "7\n");
  try {
    const server = start(port, pgPort);
    expect(await server.exited).toBe(1);
    const lines = server.errors().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Tsunagu could not start: PostgreSQL did not start \(.*incompatible.*\); its log: .*postgres\.log$/);
  } finally {
    writeFileSync(versionFile, version);
  }
});
