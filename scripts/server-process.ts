// One server process of the production cluster (scripts/start.ts forks it; the primary has migrated, seeded and
// built, and set DATABASE_URL). `npm run build` bundles this file with the HTTP server into build/server-process.mjs,
// which runs under plain `node`: no TypeScript loader in a process that only serves (issue 13's memory target:
// tsx's loader thread and its compiler cost a server process about 45 MB).
import cluster from "node:cluster";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { stopJobWorkers } from "./lib/job-workers.ts";
import { closeGracefully, startHttpServer } from "./lib/server.ts";

const port = Number(process.env.PORT ?? 3000);

// If the primary is gone (stopped while this process was still starting), the channel to it breaks: leave quietly.
cluster.worker?.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE" && error.code !== "ERR_IPC_CHANNEL_CLOSED") console.error("[cluster]", error);
  process.exit(1);
});
const server = await startHttpServer({ port, dev: false }).catch(async (error: NodeJS.ErrnoException & { port?: number }) => {
  // The primary says what went wrong in one line (a port in use, …) and stops.
  const startError = { code: error.code, port: error.port, message: error.message };
  await new Promise((resolve) => process.send?.({ startError }, undefined, {}, resolve) ?? resolve(null));
  process.exit(1);
});
// Loading the server bundle leaves well over 100 MB of garbage that V8, with no pressure, would keep until the first
// busy minute: one full collection now, so that an idle server process holds only what it uses.
setFlagsFromString("--expose-gc");
(runInNewContext("gc") as () => void)();
process.on("SIGTERM", () => {
  void (async () => {
    await closeGracefully(server);
    await stopJobWorkers();
    process.exit(0);
  })();
});
process.on("SIGINT", () => {}); // the primary decides when to stop
