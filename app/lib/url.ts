// Every URL a user gives (a meeting's online link, a session's online link…) is http(s) only, checked when
// it is saved and again when it is drawn as a link, so a `javascript:` or `data:` URL stored before this
// check cannot run in anyone's browser.
import { z } from "zod";

/** True when `value` parses as an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The URL when it is http(s), otherwise undefined: use for every `href` built from stored user input. */
export function safeHref(value: string | null | undefined): string | undefined {
  return value && isHttpUrl(value) ? value.trim() : undefined;
}

/** An optional http(s) URL form field ("" when left empty). */
export const optionalHttpUrl = z.union([z.literal(""), z.string().trim().max(500).refine(isHttpUrl, "hardening.urlHttpOnly")]);
