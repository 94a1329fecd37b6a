import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/env.server";
import { countStatement } from "~/lib/query-count.server";

// One client per process; kept on globalThis so the dev server's module reloads reuse it.
const g = globalThis as unknown as { __tsunaguPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  // A burst (50 enrolments at once) queues for the 10 connections; waiting up to 15 s for one keeps a slow
  // moment from turning into errors, while a database that is really gone still fails within the request.
  g.__tsunaguPrisma ??= new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: getEnv().DATABASE_URL, max: 10, connectionTimeoutMillis: 15_000 },
      {
        // Called once for every SQL statement the adapter sends: counts it for the request (issue 13). No name:
        // the statement stays unnamed (unprepared), as before.
        statementNameGenerator: (query) => {
          countStatement(query.sql, query.args);
          return undefined as unknown as string; // typed as string; pg reads undefined as "unnamed"
        },
      },
    ),
  });
  return g.__tsunaguPrisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { PrismaClient };
