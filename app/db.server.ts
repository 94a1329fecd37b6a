import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/env.server";
import { countStatement } from "~/lib/query-count.server";

// One client per process; kept on globalThis so the dev server's module reloads reuse it.
const g = globalThis as unknown as { __tsunaguPrisma?: PrismaClient; __tsunaguStatementNames?: Map<string, string> };

export function getPrisma(): PrismaClient {
  // A burst (50 enrolments at once) queues for the 10 connections; waiting up to 15 s for one keeps a slow
  // moment from turning into errors, while a database that is really gone still fails within the request.
  g.__tsunaguPrisma ??= new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: getEnv().DATABASE_URL, max: 10, connectionTimeoutMillis: 15_000 },
      {
        // Called once for every SQL statement the adapter sends: counts it for the request (issue 13), and names
        // it, so each connection parses and plans a statement once and then only binds and executes it.
        statementNameGenerator: (query) => {
          countStatement(query.sql, query.args);
          return statementName(query.sql) as string; // typed as string; pg reads undefined as "unnamed"
        },
      },
    ),
  });
  return g.__tsunaguPrisma;
}

// One name per distinct SQL text, for the life of the client (kept beside it on globalThis: a name must never stand
// for two texts on one connection). PostgreSQL keeps a prepared statement per connection and name, so the names are
// capped: texts past the cap (lists of ids of many lengths, say) go unnamed, as before (decision 068).
const MAX_NAMED_STATEMENTS = 2000;

function statementName(sql: string): string | undefined {
  const statementNames = (g.__tsunaguStatementNames ??= new Map());
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `s${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { PrismaClient };
