// The HTTP server for both `npm start` (production build) and `npm run dev` (Vite middleware).
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pinoHttp } from "pino-http";
import { hardeningEn, hardeningJa } from "../../app/i18n/messages/hardening.ts";
import { runCounted, type QueryScope } from "../../app/lib/query-count.server.ts";
import { logger } from "./logger.ts";

/** The project's root: this file runs from scripts/lib/ (tsx) or bundled into build/server-process.mjs. */
const ROOT = existsSync(join(import.meta.dirname, "../package.json"))
  ? join(import.meta.dirname, "..")
  : join(import.meta.dirname, "../..");

/** A body limit for the paths that start with `prefix` (the longest matching prefix wins). */
export interface BodyLimit {
  prefix: string;
  /** When set, the whole path must also match (a limit for one page under a shared prefix). */
  pattern?: RegExp;
  bytes: number;
}

const KB = 1024;
const MB = 1024 * KB;

/**
 * Request-body limits, checked before any byte of a body is read. Every other path gets
 * `MAX_BODY_BYTES` (form posts: 512 KB by default). A capability that needs more (an upload) adds its
 * own entry here, next to the others.
 */
export const BODY_LIMITS: BodyLimit[] = [
  // The whole checklist saved at once without JavaScript: 73 items × three notes, percent-encoded.
  { prefix: "/evaluation/", bytes: 4 * MB },
  // Checklist import: the file (MAX_IMPORT_BYTES, 1 MB) with its multipart framing, and the confirm step's rows.
  { prefix: "/subcommittee/checklists", bytes: 4 * MB },
  // Past years' results import (issue 11): several files of up to 10 MB in one upload, then the rows of every
  // sheet carried through the mapping and confirm steps (a city's twelve years for all offices: a few MB).
  { prefix: "/subcommittee/results-import", bytes: 16 * MB },
  // Lecture video over tus: one 8 MB chunk per PATCH (app/video/uploader.tsx), the file itself never in one body.
  { prefix: "/committee/videos/uploads", bytes: 9 * MB },
  // A case attachment (issue 18): the page reads at most 10 MB of the file and answers a larger one with its own
  // message; a body up to 24 MB reaches it, so a 20 MB file is refused in the page rather than here.
  { prefix: "/sessions/", pattern: /^\/sessions\/\d+\/case$/, bytes: 24 * MB },
  // An application's attached file (issue 20): the same 10 MB read by the page, the same 24 MB body reaching it.
  { prefix: "/apply", pattern: /^\/apply$/, bytes: 24 * MB },
];

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`;
}

/** The limit for a path: the longest matching prefix of `limits`, else `fallback`. */
export function bodyLimitFor(path: string, limits: BodyLimit[], fallback: number): number {
  let best: BodyLimit | undefined;
  for (const l of limits)
    if (path.startsWith(l.prefix) && (!l.pattern || l.pattern.test(path)) && (!best || l.prefix.length > best.prefix.length)) best = l;
  return best?.bytes ?? fallback;
}

/**
 * Answers 413 (too large) or 411 (no length) before the body is read: a request with a body must say its
 * length, and that length must be within the path's limit. The message is in the user's language.
 */
export function bodyLimit(options: { limits?: BodyLimit[]; fallback?: number } = {}): express.RequestHandler {
  const limits = options.limits ?? BODY_LIMITS;
  const fallback = options.fallback ?? (Number(process.env.MAX_BODY_BYTES) || 512 * KB);
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const limit = bodyLimitFor(req.path, limits, fallback);
    const declared = req.get("content-length");
    const chunked = /chunked/i.test(req.get("transfer-encoding") ?? "");
    const length = declared === undefined ? NaN : Number(declared);
    const tooLarge = Number.isFinite(length) && length > limit;
    if (!tooLarge && (Number.isFinite(length) || !chunked)) return next();
    const english = /(?:^|;\s*)tsunagu_lang=en(?:;|$)/.test(req.get("cookie") ?? "");
    const messages = english ? hardeningEn : hardeningJa;
    const text = tooLarge ? messages["hardening.tooLarge"].replace("{limit}", formatBytes(limit)) : messages["hardening.lengthRequired"];
    // The body is never kept: what the client still sends is discarded as it comes (so the client can read
    // this answer), and the connection is closed after it, at the latest after 10 seconds.
    res.set("Connection", "close");
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), 10_000);
    req.socket.once("close", () => clearTimeout(timer));
    res
      .status(tooLarge ? 413 : 411)
      .type("text/plain; charset=utf-8")
      .send(`${tooLarge ? 413 : 411} ${text}`);
  };
}

/** Answers 403 to a state-changing request whose Origin is not this site (CSRF defence). */
export function originCheck(appOrigin?: string): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.get("origin");
    const expectedHost = appOrigin ? new URL(appOrigin).host : req.get("host");
    let ok = false;
    try {
      ok = !!origin && new URL(origin).host === expectedHost;
    } catch {
      ok = false;
    }
    if (!ok) {
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send("403 Forbidden: cross-site request refused / 他のサイトからの送信は受け付けません");
      return;
    }
    next();
  };
}

/**
 * One JSON log line per request with a request id (the caller's X-Request-Id when it is a plain token, else a
 * new UUID), answered in the X-Request-Id header. Only method, path, status, time and client address are
 * logged: never cookies, query secrets or bodies.
 */
export function requestLogger(): express.RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // A refusal (4xx) is the application working as meant: logged as info; a server error as an error.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    autoLogging: { ignore: (req) => req.url === "/healthz" },
    // SQL statements the request sent (queryCounter): in development every log line shows them.
    customProps: (_req, res) => {
      const scope = (res as unknown as { locals?: { queryScope?: QueryScope } }).locals?.queryScope;
      return scope ? { queries: scope.count } : {};
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }) as unknown as express.RequestHandler;
}

/**
 * Counts the SQL statements each request sends (issue 13, app/lib/query-count.server.ts). The count joins the
 * request's log line (`queries`, see requestLogger); with TSUNAGU_QUERY_COUNT=1 (the bench) it is also answered in
 * the X-Query-Count header, set when the headers are written (every loader has run by then).
 */
export function queryCounter(options: { header?: boolean } = {}): express.RequestHandler {
  const header = options.header ?? process.env.TSUNAGU_QUERY_COUNT === "1";
  return (_req, res, next) => {
    const scope: QueryScope = { count: 0 };
    res.locals.queryScope = scope;
    if (header) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
        if (!this.headersSent) this.setHeader("X-Query-Count", String(scope.count));
        return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
      } as typeof res.writeHead;
    }
    runCounted(scope, next);
  };
}

let draining = false;

/** While draining, every answer closes its connection so keep-alive clients move to another server. */
export function drainingHeader(): express.RequestHandler {
  return (_req, res, next) => {
    if (draining) res.set("Connection", "close");
    next();
  };
}

/**
 * Graceful stop (SIGTERM): stops taking connections, lets every request in flight finish, closes idle
 * keep-alive connections, and resolves when the server is closed — or after `timeoutMs`, when whatever is
 * still open is cut.
 */
export function closeGracefully(server: Server, timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 25_000): Promise<void> {
  draining = true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Route modules whose action reads its own body (JSON reports, tus uploads): the form guard leaves them alone. */
const RAW_BODY_ROUTES = new Set(["routes/videos.$id.progress", "routes/committee.videos.uploads.$"]);

/**
 * Every other action reads a form. A body that is not one (JSON, text/plain, no type) is refused 415, and one
 * that does not parse (broken multipart, a bad boundary) 400, before the action runs, with a message in the
 * user's language: no action can answer 500 to the shape of a body.
 */
export function guardFormBodies(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    if (!action || RAW_BODY_ROUTES.has(id)) {
      routes[id] = route;
      continue;
    }
    const guarded: typeof action = async (args) => {
      const { request } = args;
      const english = /(?:^|;\s*)tsunagu_lang=en(?:;|$)/.test(request.headers.get("cookie") ?? "");
      const messages = english ? hardeningEn : hardeningJa;
      const refuse = (status: number, text: string) => {
        throw new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      };
      const type = (request.headers.get("content-type") ?? "").toLowerCase();
      // A post with no body at all (a bare sign-out button, a script) is an empty form.
      if (!type && !request.headers.get("content-length")?.replace(/^0$/, "") && !request.headers.get("transfer-encoding")) {
        const headers = new Headers(request.headers);
        headers.set("Content-Type", "application/x-www-form-urlencoded");
        return action({
          ...args,
          request: new Request(request.url, { method: request.method, headers, body: "", signal: request.signal }),
        });
      }
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/.test(type)) refuse(415, messages["hardening.unsupportedBody"]);
      try {
        await request.clone().formData();
      } catch {
        refuse(400, messages["hardening.badRequest"]);
      }
      return action(args);
    };
    routes[id] = { ...route, module: { ...route.module, action: guarded } };
  }
  return { ...build, routes };
}

/**
 * At most `limit` page and file requests (GET, HEAD) worked on at once in this process; the others wait their turn in
 * the order they came (issue 13, decision 050). Node works on one at a time anyway, so more at once adds no throughput,
 * only memory: each holds its loaders' data and its render, and what twenty interleaved requests keep alive across
 * young-generation collections is promoted and grows the old generation. A request's turn ends when its headers go
 * out (its loaders and render are done; a slow reader of a file does not hold it), or when it ends or its client goes
 * away, whichever comes first; a request whose client went away while it waited is not worked on. The health checks
 * (`/healthz`, `/readyz`) never wait: a load balancer must not take a busy process for a dead one. Writes (POST and
 * the rest) are not held: a form post or an upload is never queued behind pages.
 */
export function admission(limit: number): express.RequestHandler {
  let working = 0;
  const waiting: (() => void)[] = [];
  const admitNext = () => {
    while (working < limit && waiting.length) waiting.shift()!();
  };
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path === "/healthz" || req.path === "/readyz") return next();
    let state: "waiting" | "working" | "done" = "waiting";
    const done = () => {
      if (state === "working") working--;
      state = "done";
      admitNext();
    };
    const gone = () => res.writableEnded || res.destroyed || !req.socket?.writable;
    res.once("finish", done);
    res.once("close", done);
    // Headers going out, implicitly (the first write) or not, pass through writeHead.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      done();
      return writeHead.apply(this, args);
    } as typeof writeHead;
    waiting.push(() => {
      if (state !== "waiting") return;
      if (gone()) return done();
      state = "working";
      working++;
      next();
    });
    admitNext();
  };
}

/** Page and file requests worked on at once in one server process (`MAX_ACTIVE_REQUESTS`, default 4). */
function activeRequestLimit(): number {
  const n = Number(process.env.MAX_ACTIVE_REQUESTS);
  return Number.isInteger(n) && n > 0 ? n : 4;
}

export async function startHttpServer(options: { port: number; dev: boolean; host?: string }): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(requestLogger());
  app.use(queryCounter());
  app.use(drainingHeader());
  app.use(bodyLimit());
  app.use(compression());
  app.use((req, res, next) => {
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "strict-origin-when-cross-origin");
    res.set("X-Frame-Options", "DENY");
    // Served over https (directly, or behind a proxy on this machine that says so): browsers keep to https.
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (options.dev) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ root: ROOT, server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = async () => guardFormBodies((await viteServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
  } else {
    app.use("/assets", express.static(join(ROOT, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(join(ROOT, "build/client"), { maxAge: "1h" }));
    // tsx (which runs this script) turns source maps on and gives the bundle it loads an inline map; Node then keeps
    // every module's map decoded in memory (about 45 MB for the 2 MB server bundle, issue 13). A production stack
    // trace names the bundle's lines instead, as it would under plain `node`.
    process.setSourceMapsEnabled(false);
    build = guardFormBodies((await import(pathToFileURL(join(ROOT, "build/server/index.js")).href)) as ServerBuild);
  }

  // A signed-in user's pages and data are never stored by a browser or a proxy (a route may say otherwise).
  app.use((req, res, next) => {
    if (/(?:^|;\s*)tsunagu_session=/.test(req.get("cookie") ?? "")) res.set("Cache-Control", "private, no-store");
    next();
  });
  app.use(originCheck(process.env.APP_ORIGIN));
  app.use(admission(activeRequestLimit()));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: options.dev ? "development" : "production",
      getLoadContext: (req) => ({ clientIp: req.ip ?? "", cspNonce: randomBytes(16).toString("base64") }),
    }),
  );

  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
    server.once("error", reject); // EADDRINUSE, EACCES: the caller says so in one line
  });
}
