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
}

export async function callRoute<T>(call: Promise<T> | (() => Promise<T>)): Promise<RouteOutcome<T>> {
  try {
    const value = await (typeof call === "function" ? call() : call);
    if (value instanceof Response) return { status: value.status, thrown: false, location: value.headers.get("Location") };
    const init = (value as { init?: { status?: number } | null } | null)?.init;
    return { status: init?.status ?? 200, thrown: false, value, location: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, thrown: true, location: e.headers.get("Location") };
    throw e;
  }
}

/** Just the status of a route call. */
export async function routeStatus(call: Promise<unknown> | (() => Promise<unknown>)): Promise<number> {
  return (await callRoute(call)).status;
}
