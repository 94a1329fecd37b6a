// Response hardening shared by app/entry.server.tsx and scripts/lib/server.ts: the Content-Security-Policy
// (inline scripts only with this response's nonce) and the stream fix for React 18's stray NUL bytes.
import { Transform, type TransformCallback } from "node:stream";

/** The policy of an HTML page: scripts only from this site or carrying the nonce; no plugins, no framing. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval': mdx-bundler's getMDXComponent evaluates a module's compiled code with `new Function` in the
    // browser (training modules hydrate through it). Injected inline scripts still need the nonce. To go: ship the
    // compiled modules as real ES modules instead of code strings.
    `script-src 'self' 'nonce-${nonce}' 'unsafe-eval'`,
    // React and Recharts write style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    // hls.js demuxes in a worker it makes from a blob: URL (it falls back to the main thread without one).
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** React 18's size of the buffer it fills and flushes (ReactServerStreamConfigNode's VIEW_SIZE). */
export const REACT_VIEW_SIZE = 2048;

/**
 * Passes on only the bytes React wrote. React 18's Node renderer (react#31134) encodes text into a
 * 2,048-byte buffer with `encodeInto`; when the next character is multi-byte and does not fit, it flushes
 * the *whole* buffer, so the 1–3 bytes it never wrote go out as NUL bytes just before that character.
 * A flush of exactly 2,048 bytes that ends in 1–3 NULs is that case (React writes no NUL of its own: the
 * text it renders has NUL stripped when stored), so those trailing NULs are dropped.
 */
export function reactStreamFix(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (chunk.length === REACT_VIEW_SIZE && chunk[chunk.length - 1] === 0) {
        let end = chunk.length;
        while (end > chunk.length - 3 && chunk[end - 1] === 0) end--;
        callback(null, chunk.subarray(0, end));
        return;
      }
      callback(null, chunk);
    },
  });
}
