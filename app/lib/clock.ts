// The one clock of the application. Code that asks "what time is it" (today's fiscal year, whether a
// session's day has come, due dates, retention) calls `now()`, so tests can move time: `setClock()` in a
// test process, or `TSUNAGU_NOW` (an ISO instant; time then runs on from it) for a server under test.

let offsetMs = 0;

/** The current instant, as the application sees it. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Moves the application's clock so that `now()` answers `at` at this moment (null: the real time). */
export function setClock(at: Date | string | null | undefined): void {
  if (at === null || at === undefined || at === "") {
    offsetMs = 0;
    return;
  }
  const t = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) throw new Error(`Not a date for the clock: ${String(at)}`);
  offsetMs = t - Date.now();
}
