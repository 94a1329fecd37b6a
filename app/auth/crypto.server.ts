import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** A random string from the CSPRNG: 24 base32 characters (120 bits). */
export function generateSecureRandomString(bytes = 15): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

export function sha256Bytes(value: string): Uint8Array {
  return sha256(new TextEncoder().encode(value));
}

export function sha256Hex(value: string): string {
  return encodeHexLowerCase(sha256Bytes(value));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && constantTimeEqual(a, b);
}
