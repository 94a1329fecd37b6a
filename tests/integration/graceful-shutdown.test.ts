// Issue 15, "on SIGTERM the server stops taking connections, finishes requests in flight, and exits": a real
// process is sent SIGTERM while requests are in flight; every one of them is answered, a new connection is
// refused, and the process exits 0. Also: one JSON log line per request, with its request id.
import { spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("graceful shutdown", () => {
  it("answers every request in flight after SIGTERM, refuses new ones, exits 0, and logs each request as JSON", async () => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "tests/fixtures/graceful-server.ts")], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", LOG_FORMAT: "json", SLOW_MS: "2000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        const m = /PORT=(\d+)/.exec(stderr);
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    const inFlight = Array.from({ length: 5 }, (_, i) => get(port, "/slow", { "X-Request-Id": `req-${i}` }));
    // SIGTERM once all five are in flight: received by the server and being handled.
    for (let waited = 0; !stderr.includes("RECEIVED=5"); waited += 50) {
      if (waited > 20_000) throw new Error(`the requests never arrived: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGTERM");
    for (let waited = 0; !stderr.includes("DRAINING"); waited += 50) {
      if (waited > 20_000) throw new Error("SIGTERM was not handled");
      await new Promise((r) => setTimeout(r, 50));
    }
    const late = await get(port, "/slow").then(
      () => "answered",
      (e: NodeJS.ErrnoException) => e.code,
    );

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.every((a) => a.body === "done")).toBe(true);
    expect(answers.map((a) => a.headers["x-request-id"])).toEqual(["req-0", "req-1", "req-2", "req-3", "req-4"]);
    expect(late).toBe("ECONNREFUSED");
    expect(await exited).toBe(0);
    expect(stderr).toContain("CLOSED");

    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { req?: { id: string; path: string }; res?: { statusCode: number }; msg: string });
    const logged = lines
      .filter((l) => l.req)
      .map((l) => l.req!.id)
      .sort();
    expect(logged).toEqual(["req-0", "req-1", "req-2", "req-3", "req-4"]);
    expect(lines.find((l) => l.req)?.res?.statusCode).toBe(200);
    expect(stdout).not.toMatch(/cookie/i);
  }, 30_000);
});
