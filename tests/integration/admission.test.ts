// Issue 13: the server works on at most N page and file requests at once; the others wait in order. The real
// middleware (scripts/lib/server.ts) in front of handlers the test holds open, over real HTTP connections.
import express from "express";
import { request as httpRequest, type ClientRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { admission } from "../../scripts/lib/server.ts";

let base: string;
let close: () => void;
/** Requests the handlers have started, in order, and the most worked on at once. */
let started: string[] = [];
let working = 0;
let most = 0;
const holds = new Map<string, () => void>();

/** Vitest's waitFor: polls every 10 ms for up to 2 s, then fails naming what it waited for. */
const until = (check: () => boolean, what: string) =>
  vi.waitFor(() => expect(check(), `timed out waiting for ${what}`).toBe(true), { timeout: 2000, interval: 10 });
const release = (id: string) => {
  holds.get(id)!();
  holds.delete(id);
};

beforeAll(async () => {
  const app = express();
  app.use(admission(2));
  const hold = (id: string) => new Promise<void>((resolve) => holds.set(id, resolve));
  app.get("/healthz", (_req, res) => res.send("ok"));
  app.get("/readyz", (_req, res) => res.send("ready"));
  app.post("/write", (_req, res) => res.send("written"));
  // A page: works until the test releases it, then answers.
  app.get("/page/:id", async (req, res) => {
    const id = req.params.id;
    started.push(id);
    most = Math.max(most, ++working);
    await hold(id);
    working--;
    res.send(id);
  });
  // A file: headers at once, the body when the test releases it.
  app.get("/file/:id", async (req, res) => {
    started.push(req.params.id);
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("part ");
    await hold(req.params.id);
    res.end("end");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

/** A request on a connection of its own; `answer` resolves with the body (or "gone" when the client aborted). */
function get(path: string, method = "GET"): { req: ClientRequest; answer: Promise<string> } {
  let req!: ClientRequest;
  const answer = new Promise<string>((resolve) => {
    req = httpRequest(`${base}${path}`, { method, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve(text));
      res.on("error", () => resolve("gone"));
    });
    req.on("error", () => resolve("gone"));
    req.end();
  });
  return { req, answer };
}

describe("admission: at most N page requests worked on at once", () => {
  it("works on two at a time, in the order they came, while the health checks and a post never wait", async () => {
    started = [];
    most = 0;
    const pages = ["a", "b", "c", "d", "e"].map((id) => get(`/page/${id}`));
    await until(() => started.length === 2, "two pages started");
    await new Promise((r) => setTimeout(r, 100));
    expect(started).toEqual(["a", "b"]);
    // Neither a health check nor a post waits behind the pages.
    expect(await get("/healthz").answer).toBe("ok");
    expect(await get("/readyz").answer).toBe("ready");
    expect(await get("/write", "POST").answer).toBe("written");
    for (const id of ["a", "b", "c", "d", "e"]) {
      await until(() => holds.has(id), `page ${id} started`);
      release(id);
    }
    expect(await Promise.all(pages.map((p) => p.answer))).toEqual(["a", "b", "c", "d", "e"]);
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    expect(most).toBe(2);
  });

  it("ends a request's turn when its headers go out, so slow readers of files do not hold the pages up", async () => {
    started = [];
    const files = [get("/file/f1"), get("/file/f2")];
    await until(() => holds.has("f1") && holds.has("f2"), "both files sending");
    const page = get("/page/p");
    await until(() => holds.has("p"), "the page started while both files are still being sent");
    release("p");
    expect(await page.answer).toBe("p");
    release("f1");
    release("f2");
    expect(await Promise.all(files.map((f) => f.answer))).toEqual(["part end", "part end"]);
  });

  it("never works on a request whose client went away while it waited, and a client that goes away mid-work frees its turn", async () => {
    started = [];
    const first = get("/page/w1");
    const second = get("/page/w2");
    await until(() => holds.has("w1") && holds.has("w2"), "two pages working");
    const queued = ["q1", "q2", "q3"].map((id) => get(`/page/${id}`));
    await new Promise((r) => setTimeout(r, 100));
    for (const q of queued) q.req.destroy();
    expect(await Promise.all(queued.map((q) => q.answer))).toEqual(["gone", "gone", "gone"]);
    await new Promise((r) => setTimeout(r, 100));
    // The first client goes away while its page is worked on: its turn ends, and the next request gets it.
    first.req.destroy();
    const next = get("/page/n");
    await until(() => holds.has("n"), "the next page started");
    expect(started).toEqual(["w1", "w2", "n"]);
    release("w1");
    release("w2");
    release("n");
    expect(await second.answer).toBe("w2");
    expect(await next.answer).toBe("n");
    // Nothing leaked: two more pages are worked on at once straight away.
    const more = [get("/page/m1"), get("/page/m2")];
    await until(() => holds.has("m1") && holds.has("m2"), "two more pages started");
    release("m1");
    release("m2");
    expect(await Promise.all(more.map((m) => m.answer))).toEqual(["m1", "m2"]);
  });
});
