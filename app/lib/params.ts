// The one parser for what a URL carries: fiscal years and ids, from route params and search params.
// A value that cannot be one answers 404 (a path segment: no such page) or 400 (a search parameter:
// a bad request), never a 500. Shared by server and browser (no server-only imports).
import { now as clockNow } from "./clock";
import { currentFiscalYear, fiscalYearOf } from "./fiscal-year";

/** The fiscal years any page may name. */
export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;
/** Ids are PostgreSQL `integer`s: 1 … 2^31 − 1. */
export const MAX_ID = 2 ** 31 - 1;

function problem(status: 400 | 404): Response {
  return new Response(JSON.stringify({ reason: status === 404 ? "not-found" : "bad-request" }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

/** "2025" → 2025; null for anything else (other text, other lengths, out of range). */
export function readFiscalYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR ? year : null;
}

/** "42" → 42; null for anything else (signs, zero, leading zeros, over 2^31 − 1). */
export function readId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

/** A fiscal year in the path (`/evaluation/2025`); otherwise 404. */
export function fiscalYearParam(value: string | undefined): number {
  const year = readFiscalYear(value);
  if (year === null) throw problem(404);
  return year;
}

/** An id in the path (`/admin/users/7`); otherwise 404. */
export function idParam(value: string | undefined): number {
  const id = readId(value);
  if (id === null) throw problem(404);
  return id;
}

function searchOf(from: Request | URL | URLSearchParams): URLSearchParams {
  if (from instanceof URLSearchParams) return from;
  return from instanceof URL ? from.searchParams : new URL(from.url).searchParams;
}

/** `?year=2025`; absent or empty → `fallback` (the current fiscal year unless given); malformed → 400. */
export function fiscalYearSearch(from: Request | URL | URLSearchParams, fallback: number = currentFiscalYear()): number {
  const raw = searchOf(from).get("year");
  if (raw === null || raw === "") return fallback;
  const year = readFiscalYear(raw);
  if (year === null) throw problem(400);
  return year;
}

/** The first fiscal year of the council's training: the committee's pages go no further back. */
export const FIRST_TRAINING_YEAR = 2019;

/**
 * `?year=` on the committee's training pages, which never refuse a year: from FIRST_TRAINING_YEAR to next year;
 * anything else (absent, malformed, out of range) → the current fiscal year.
 */
export function trainingYearSearch(from: Request | URL | URLSearchParams, now: Date = clockNow()): number {
  const current = fiscalYearOf(now);
  const year = readFiscalYear(searchOf(from).get("year"));
  return year !== null && year >= FIRST_TRAINING_YEAR && year <= current + 1 ? year : current;
}

/** An optional id in the query (`?ward=3`); absent or empty → null; malformed → 400. */
export function idSearch(from: Request | URL | URLSearchParams, name: string): number | null {
  const raw = searchOf(from).get(name);
  if (raw === null || raw === "") return null;
  const id = readId(raw);
  if (id === null) throw problem(400);
  return id;
}

/** `?page=3` for paginated lists: absent or malformed → 1 (a list is never an error page). */
export function pageSearch(from: Request | URL | URLSearchParams): number {
  return readId(searchOf(from).get("page")) ?? 1;
}
