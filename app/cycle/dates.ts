/** Today's date in JST as YYYY-MM-DD (the default of date fields). */
export function todayJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
