// Encryption at rest for secrets the server must read back (TOTP shared secrets): AES-256-GCM with a key
// from TSUNAGU_SECRET_KEY (32 bytes, base64), or, when that is not set, a key made once and kept in
// .data/secret.key (mode 0600) beside the embedded database — so a copy of the database alone does not
// reveal the secrets. Format: "v1.<iv>.<tag>.<ciphertext>", each base64url.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { getEnv } from "~/env.server";

let cachedKey: Buffer | undefined;

function key(): Buffer {
  if (cachedKey) return cachedKey;
  const configured = getEnv().TSUNAGU_SECRET_KEY;
  if (configured) {
    const bytes = Buffer.from(configured, "base64");
    if (bytes.length !== 32) throw new Error("TSUNAGU_SECRET_KEY must be 32 bytes, base64-encoded");
    cachedKey = bytes;
    return bytes;
  }
  const file = resolve(".data/secret.key");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  cachedKey = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  return cachedKey;
}

export function seal(plain: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(sealed: string): Uint8Array {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]));
}
