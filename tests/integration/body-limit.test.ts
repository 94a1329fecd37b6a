// Issue 16, "No request-size limit": bodies are limited before they are read. The middleware of the
// real server (scripts/lib/server.ts) in front of a handler that would read the whole body.
import express from "express";
import type { AddressInfo } from "node:net";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyLimit, bodyLimitFor } from "../../scripts/lib/server.ts";

let base: string;
let bodiesRead = 0;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(bodyLimit({ fallback: 512 * 1024, limits: [...BODY_LIMITS, { prefix: "/video/upload", bytes: 50 * 1024 * 1024 }] }));
  app.post("*", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodiesRead++;
      res.send(`read ${Buffer.concat(chunks).length}`);
    });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

/** Posts `size` bytes (streamed, never held in memory here), optionally chunked; resolves with status and text. */
function post(path: string, size: number, options: { chunked?: boolean; cookie?: string } = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (!options.chunked) headers["Content-Length"] = String(size);
    if (options.cookie) headers.Cookie = options.cookie;
    const req = httpRequest(`${base}${path}`, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("request-size limits", () => {
  it("answers 413 to a 200 MB form post to /login without reading it, in Japanese by default", async () => {
    const before = bodiesRead;
    const r = await post("/login", 200 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(r.text).toContain("大きすぎます");
    expect(r.text).toContain("512 KB");
    expect(bodiesRead).toBe(before);
  });
  it("says it in English to an English user", async () => {
    const r = await post("/login", 1024 * 1024, { cookie: "tsunagu_lang=en" });
    expect(r.status).toBe(413);
    expect(r.text).toContain("too large");
  });
  it("refuses a chunked body of unstated length (411) without reading it", async () => {
    const before = bodiesRead;
    const r = await post("/login", 1024, { chunked: true });
    expect(r.status).toBe(411);
    expect(bodiesRead).toBe(before);
  });
  it("lets an ordinary form post through", async () => {
    const r = await post("/login", 10 * 1024);
    expect(r).toEqual({ status: 200, text: `read ${10 * 1024}` });
  });
  it("gives each path its own limit: the checklist import and an added upload path take more", async () => {
    expect((await post("/subcommittee/checklists", 2 * 1024 * 1024)).status).toBe(200);
    expect((await post("/subcommittee/checklists", 5 * 1024 * 1024)).status).toBe(413);
    expect((await post("/video/upload/1", 20 * 1024 * 1024)).status).toBe(200);
    expect(bodyLimitFor("/evaluation/2026", BODY_LIMITS, 1)).toBe(4 * 1024 * 1024);
    expect(bodyLimitFor("/account", BODY_LIMITS, 1)).toBe(1);
    // The case page takes a file; other pages under /sessions/ keep the form limit.
    expect(bodyLimitFor("/sessions/3/case", BODY_LIMITS, 1)).toBe(24 * 1024 * 1024);
    expect(bodyLimitFor("/sessions/3/cases", BODY_LIMITS, 1)).toBe(1);
    expect(bodyLimitFor("/sessions/3", BODY_LIMITS, 1)).toBe(1);
  });
});
