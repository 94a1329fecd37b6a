// SQL statements per request (issue 13). Every statement Prisma sends through the pg adapter is counted in the
// scope of the request that caused it (AsyncLocalStorage). The HTTP server (scripts/lib/server.ts) opens a scope
// per request, logs the count in development and, with TSUNAGU_QUERY_COUNT=1 (the bench sets it), answers it in
// the X-Query-Count header. The scope lives on globalThis so the server script and the app bundle share it.
import { AsyncLocalStorage } from "node:async_hooks";

export interface QueryScope {
  /** SQL statements sent so far in this scope (BEGIN and savepoints included). */
  count: number;
  /** When present, each statement's SQL is kept here too (tests: to show what a page sends). */
  statements?: string[];
  /** When present, each statement's SQL and its parameters (tests: to EXPLAIN what a page sends, decision 063). */
  queries?: { sql: string; args: unknown[] }[];
}

const KEY = Symbol.for("tsunagu.queryScope");

function storage(): AsyncLocalStorage<QueryScope> {
  const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<QueryScope> | undefined>;
  g[KEY] ??= new AsyncLocalStorage<QueryScope>();
  return g[KEY];
}

/** Called by the database adapter once per SQL statement. */
export function countStatement(sql: string, args: unknown[] = []): void {
  const scope = storage().getStore();
  if (!scope) return;
  scope.count++;
  scope.statements?.push(sql);
  scope.queries?.push({ sql, args });
}

/** Runs `fn` in a new counting scope (synchronously, as for an HTTP request's middleware chain). */
export function runCounted<T>(scope: QueryScope, fn: () => T): T {
  return storage().run(scope, fn);
}

/** Runs `fn` and keeps every statement it sent with its parameters (tests: EXPLAIN them). */
export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: { sql: string; args: unknown[] }[] }> {
  const scope: QueryScope = { count: 0, queries: [] };
  const result = await storage().run(scope, fn);
  return { result, queries: scope.queries ?? [] };
}

/** Runs `fn` and says how many SQL statements it sent (tests, scripts). */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const scope: QueryScope = { count: 0, statements: [] };
  const result = await storage().run(scope, fn);
  return { result, count: scope.count, statements: scope.statements ?? [] };
}
