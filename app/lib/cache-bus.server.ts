// Caches that several server processes must agree on (issue 15): a process that changes what a cache holds
// announces it with PostgreSQL's NOTIFY on one channel, and every server process LISTENs and drops its copy.
// Caches validated by a stamp read from the database (the score aggregates) need none of this; this is for
// caches that are otherwise kept for the process's lifetime (published checklist templates, whose training
// pillar may still be set). If the listening connection drops, every cache registered here is cleared and
// listening resumes, so a missed notice can never leave a stale copy behind.
import pg from "pg";
import { prisma } from "~/db.server";
import { envVar, getEnv } from "~/env.server";

const CHANNEL = "tsunagu_cache";
type Handler = (key: string | null) => void;

interface Bus {
  handlers: Map<string, Handler>;
  client?: pg.Client;
  started: boolean;
}
const KEY = Symbol.for("tsunagu.cacheBus");
function bus(): Bus {
  const g = globalThis as unknown as Record<symbol, Bus>;
  g[KEY] ??= { handlers: new Map(), started: false };
  return g[KEY];
}

/** Registers what to drop when `kind` changes (key null: everything of that kind). */
export function onCacheChange(kind: string, handler: Handler) {
  bus().handlers.set(kind, handler);
}

/** Tells every server process (this one included) that `kind`/`key` changed. */
export async function announceCacheChange(kind: string, key: string | number) {
  bus().handlers.get(kind)?.(String(key));
  await prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${`${kind}:${key}`})`;
}

function clearAll() {
  for (const h of bus().handlers.values()) h(null);
}

/** Starts listening (once per process; server processes only). */
export function startCacheBus() {
  const b = bus();
  if (b.started || envVar("NODE_ENV") === "test") return;
  b.started = true;
  const connect = async () => {
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL, application_name: "tsunagu-cache-bus" });
    const retry = () => {
      if (b.client !== client) return;
      b.client = undefined;
      clearAll();
      setTimeout(() => void connect(), 2000).unref();
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const i = n.payload.indexOf(":");
      b.handlers.get(n.payload.slice(0, i))?.(n.payload.slice(i + 1));
    });
    try {
      b.client = client;
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Anything changed while not listening is unknown: start clean.
      clearAll();
    } catch (e) {
      console.error("[cache bus]", e);
      retry();
    }
  };
  void connect();
}
