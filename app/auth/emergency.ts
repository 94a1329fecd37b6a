// Emergency access ("break-glass", issue 19): the rules shared by server and browser (no server-only imports).
// The system administrator reads no personal content in normal operation. With a stated reason they may open an
// emergency access: for EMERGENCY_ACCESS_MINUTES their GET requests carry the roles below (read-only: a form they
// send is judged by their own roles), every request under it is audited, and the secretariat and the
// subcommittee are told. Decision 013.
import type { RoleName } from "./roles";

/** How long one emergency access lasts. */
export const EMERGENCY_ACCESS_MINUTES = 60;

/** The roles an open emergency access lends, for reading only. */
export const EMERGENCY_LENT_ROLES: readonly RoleName[] = ["ADMINISTRATOR"];

/** The length a reason must have: a sentence a reviewer can check later, not "test". */
export const EMERGENCY_REASON_MIN = 10;
export const EMERGENCY_REASON_MAX = 1000;

/** Requests that may use the lent roles: reads only. */
export function isReadMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}
