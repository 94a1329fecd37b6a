// Structured logs (issue 15): one JSON line per event on stdout, with a request id per request (pino-http in
// server.ts). In development (or LOG_FORMAT=pretty) lines are made readable by pino-pretty. LOG_LEVEL sets the
// level (default info). Cookies, passwords and bodies are never logged: the request serializer keeps only the
// method, the path and the client address.
import { createRequire } from "node:module";
import pino from "pino";

function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

const format = process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "development" ? "pretty" : "json");

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  ...(format === "pretty" && prettyAvailable()
    ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } }
    : {}),
});
