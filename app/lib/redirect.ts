// The one check for every redirect target taken from a request (`redirectTo` on /login and /lang).
// A target is kept only when it is a path on this site as a browser would read it: browsers drop tabs
// and newlines inside a URL, treat "\" as "/", and some servers and proxies decode "%2F" once more, so
// each of these is looked through before the target is trusted.
const BASE = "http://tsunagu.invalid";
const MAX_LENGTH = 2048;

/** A same-site path to go back to after signing in; anything else becomes the fallback ("/"). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  // Control characters, backslashes and any kind of space (full-width included) have no place in a path we made.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]|\s/u.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  // Look through percent-encoding (up to three layers): an encoded "/", "\" or control character that
  // would turn the path into another host when decoded downstream is refused.
  let probe = to;
  for (let i = 0; i < 3; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(probe);
    } catch {
      return fallback;
    }
    if (decoded === probe) break;
    probe = decoded;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u001f\u007f\\]/.test(probe) || probe.startsWith("//") || /^\/\s/u.test(probe)) return fallback;
  }
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Normalised, the path must still be a single-slash path (e.g. "/./evil" tricks).
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
