// A sharing-meeting registration must add up: the head count is the names listed, or more with the
// difference explained ("ほか2名は当日決定"). Fewer people than names is never right. Pure: the server
// refuses by this rule and the page shows the same count as the names are typed.

/** The names in an attendee list: separated by 、 , ， ・ / ／ or new lines. */
export function attendeeNames(text: string): string[] {
  return text
    .split(/[、,，・/／\n\r]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

export type HeadCountCheck = { ok: true } | { ok: false; reason: "fewerThanNames" | "unexplained"; names: number };

export function checkHeadCount(names: string, count: number, note: string): HeadCountCheck {
  const n = attendeeNames(names).length;
  if (count < n) return { ok: false, reason: "fewerThanNames", names: n };
  if (count > n && !note.trim()) return { ok: false, reason: "unexplained", names: n };
  return { ok: true };
}
