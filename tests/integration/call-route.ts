// The one way integration tests call a route's loader or action: whatever it returns or throws
// (a Response, a redirect, `data(..., { status })` or a plain object) becomes a status and a value.
export interface RouteOutcome<T> {
  /** The HTTP status the route answers with. */
  status: number;
  /** True when the route threw (a 403/404 Response, a redirect to /login). */
  thrown: boolean;
  /** What the route returned (a plain object, or `data()`'s wrapper); absent for a Response. */
  value?: T;
  /** The Location header of a redirect. */
  location: string | null;
  /** The Response the route returned or threw (a file, a redirect, a 403/404), to read its headers or body. */
  response?: Response;
  /** What the route returned, with `data()`'s wrapper taken off; absent for a Response. */
  body?: unknown;
}

function unwrapData(value: unknown): unknown {
  const v = value as { type?: unknown; data?: unknown } | null;
  return v && typeof v === "object" && v.type === "DataWithResponseInit" ? v.data : value;
}

export async function callRoute<T>(call: Promise<T> | (() => Promise<T>)): Promise<RouteOutcome<T>> {
  try {
    const value = await (typeof call === "function" ? call() : call);
    if (value instanceof Response) return { status: value.status, thrown: false, location: value.headers.get("Location"), response: value };
    const init = (value as { init?: { status?: number } | null } | null)?.init;
    return { status: init?.status ?? 200, thrown: false, value, body: unwrapData(value), location: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, thrown: true, location: e.headers.get("Location"), response: e };
    throw e;
  }
}

/** Just the status of a route call. */
export async function routeStatus(call: Promise<unknown> | (() => Promise<unknown>)): Promise<number> {
  return (await callRoute(call)).status;
}
