// The HTTP server for both `npm start` (production build) and `npm run dev` (Vite middleware).
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "../..");

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

export async function startHttpServer(options: { port: number; dev: boolean; host?: string }): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(compression());
  app.use((_req, res, next) => {
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "strict-origin-when-cross-origin");
    res.set("X-Frame-Options", "DENY");
    next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (options.dev) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ root: ROOT, server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    app.use("/assets", express.static(join(ROOT, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(join(ROOT, "build/client"), { maxAge: "1h" }));
    build = (await import(pathToFileURL(join(ROOT, "build/server/index.js")).href)) as ServerBuild;
  }

  app.use(originCheck(process.env.APP_ORIGIN));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: options.dev ? "development" : "production",
      getLoadContext: (req) => ({ clientIp: req.ip ?? "" }),
    }),
  );

  return new Promise((resolve) => {
    const server = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
  });
}
