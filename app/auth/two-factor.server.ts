// Two-factor sign-in (issue 19): an authenticator app (TOTP, RFC 6238 via @oslojs/otp) with one-time
// recovery codes. Who must use it is one list in ./capabilities.ts (TWO_FACTOR_REQUIRED_ROLES).
// After a right password, a user with a second factor gets a short-lived challenge (a cookie naming a
// TwoFactorChallenge row) instead of a session; a code or a recovery code turns it into a session.
// Wrong codes count in the same sign-in throttle as wrong passwords (decision 034).
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { cookieSecure } from "~/env.server";
import { mustUseTwoFactor } from "./capabilities";
import { generateSecureRandomString, sha256Hex } from "./crypto.server";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { verifyPasskeySignIn } from "./passkeys.server";
import { open, seal } from "./secret-box.server";
import type { SessionUser } from "./session.server";
import { clearFailures, lockedUntil, recordFailure } from "./throttle.server";

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_COOKIE = "tsunagu_2fa";
const CHALLENGE_MS = 10 * 60 * 1000;
const ISSUER = "Tsunagu";

// ── Status ────────────────────────────────────────────────────────────────────────────────────

/** Whether the user has a confirmed second factor. */
export async function hasSecondFactor(userId: number): Promise<boolean> {
  const [totp, passkeys] = await Promise.all([
    prisma.totpCredential.count({ where: { userId, confirmedAt: { not: null } } }),
    prisma.passkey.count({ where: { userId } }),
  ]);
  return totp + passkeys > 0;
}

/** Which second factors a user has (for the sign-in step's choices). */
export async function secondFactorsOf(userId: number): Promise<{ totp: boolean; passkey: boolean }> {
  const [totp, passkeys] = await Promise.all([
    prisma.totpCredential.count({ where: { userId, confirmedAt: { not: null } } }),
    prisma.passkey.count({ where: { userId } }),
  ]);
  return { totp: totp > 0, passkey: passkeys > 0 };
}

/** Whether a seeded demo account is exempt (demo data only; see decision 046). */
export async function demoExemption(userId: number): Promise<string | null> {
  return (await prisma.twoFactorDemoExemption.findUnique({ where: { userId } }))?.reason ?? null;
}

/** Whether the user must set up a second factor before going on (a required role, none yet, not exempt). */
export async function needsTwoFactorSetup(user: { id: number; roles: readonly string[] }): Promise<boolean> {
  if (!mustUseTwoFactor(user)) return false;
  if (await hasSecondFactor(user.id)) return false;
  return !(await demoExemption(user.id));
}

// ── TOTP codes ────────────────────────────────────────────────────────────────────────────────

function step(at = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_PERIOD);
}

/** The time step a code matches, within one step either side (clock drift), or null. */
function matchingStep(secret: Uint8Array, code: string, after: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = step();
  for (const s of [current, current - 1, current + 1]) {
    if (s <= after) continue;
    if (generateHOTP(secret, BigInt(s), TOTP_DIGITS) === code) return s;
  }
  return null;
}

/** Checks a code against the user's confirmed TOTP and uses it up (a code is never accepted twice). */
async function spendTotpCode(userId: number, code: string): Promise<boolean> {
  const credential = await prisma.totpCredential.findUnique({ where: { userId } });
  if (!credential?.confirmedAt) return false;
  const s = matchingStep(open(credential.secretEncrypted), code, credential.lastUsedStep);
  if (s === null) return false;
  const claimed = await prisma.totpCredential.updateMany({
    where: { id: credential.id, lastUsedStep: { lt: s } },
    data: { lastUsedStep: s },
  });
  return claimed.count === 1;
}

/** Checks a recovery code and uses it up. */
async function spendRecoveryCode(userId: number, code: string): Promise<boolean> {
  const normalised = code.trim().toLowerCase().replace(/[\s-]/g, "");
  if (!/^[a-z2-7]{10}$/.test(normalised)) return false;
  const used = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: sha256Hex(normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

// ── Setting up ────────────────────────────────────────────────────────────────────────────────

export interface SecurityPage {
  required: boolean;
  exemption: string | null;
  totpEnabled: boolean;
  totpSince: string | null;
  recoveryRemaining: number;
  /** A secret being set up (not yet confirmed): shown as a QR code and as text. */
  pendingSetup: { secret: string; uri: string; qrSvg: string } | null;
}

export async function loadSecurityPage(user: SessionUser): Promise<SecurityPage> {
  const [credential, recoveryRemaining, exemption] = await Promise.all([
    prisma.totpCredential.findUnique({ where: { userId: user.id } }),
    prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
    demoExemption(user.id),
  ]);
  let pendingSetup: SecurityPage["pendingSetup"] = null;
  if (credential && !credential.confirmedAt) {
    const secret = open(credential.secretEncrypted);
    const uri = createTOTPKeyURI(ISSUER, user.email, secret, TOTP_PERIOD, TOTP_DIGITS);
    const { default: QRCode } = await import("qrcode"); // heavy: loaded on first use
    const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    pendingSetup = { secret: encodeBase32UpperCaseNoPadding(secret), uri, qrSvg };
  }
  return {
    required: mustUseTwoFactor(user),
    exemption,
    totpEnabled: !!credential?.confirmedAt,
    totpSince: credential?.confirmedAt?.toISOString() ?? null,
    recoveryRemaining,
    pendingSetup,
  };
}

/** Starts setting up an authenticator app: a new secret, not yet in force. Refused when one is already on. */
export async function startTotpSetup(user: SessionUser): Promise<"ok" | "already"> {
  const existing = await prisma.totpCredential.findUnique({ where: { userId: user.id } });
  if (existing?.confirmedAt) return "already";
  const secret = new Uint8Array(20);
  crypto.getRandomValues(secret);
  await prisma.$transaction(async (tx) => {
    await tx.totpCredential.upsert({
      where: { userId: user.id },
      create: { userId: user.id, secretEncrypted: seal(secret) },
      update: { secretEncrypted: seal(secret), lastUsedStep: 0 },
    });
    await audit({ actorId: user.id, action: "twoFactor.totp.start", entityType: "User", entityId: user.id }, tx);
  });
  return "ok";
}

async function makeRecoveryCodes(userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => generateSecureRandomString(10).slice(0, 10));
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: sha256Hex(c) })) }),
  ]);
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

/** Confirms the app with its first code; returns the recovery codes (shown once), or null for a wrong code. */
export async function confirmTotpSetup(user: SessionUser, code: string): Promise<string[] | null> {
  const credential = await prisma.totpCredential.findUnique({ where: { userId: user.id } });
  if (!credential || credential.confirmedAt) return null;
  const s = matchingStep(open(credential.secretEncrypted), code.trim(), 0);
  if (s === null) return null;
  const confirmed = await prisma.totpCredential.updateMany({
    where: { id: credential.id, confirmedAt: null },
    data: { confirmedAt: new Date(), lastUsedStep: s },
  });
  if (confirmed.count !== 1) return null;
  const codes = await makeRecoveryCodes(user.id);
  await audit({ actorId: user.id, action: "twoFactor.totp.enable", entityType: "User", entityId: user.id });
  return codes;
}

/** New recovery codes (the old ones stop working). Only with a second factor on. */
export async function regenerateRecoveryCodes(user: SessionUser): Promise<string[] | null> {
  if (!(await hasSecondFactor(user.id))) return null;
  const codes = await makeRecoveryCodes(user.id);
  await audit({ actorId: user.id, action: "twoFactor.recoveryCodes.regenerate", entityType: "User", entityId: user.id });
  return codes;
}

/** Turns the authenticator app off, with a current code; refused for a role that must use two factors. */
export async function disableTotp(user: SessionUser, code: string): Promise<"ok" | "required" | "wrong"> {
  const passkeys = await prisma.passkey.count({ where: { userId: user.id } });
  if (mustUseTwoFactor(user) && passkeys === 0 && !(await demoExemption(user.id))) return "required";
  if (!(await spendTotpCode(user.id, code.trim()))) return "wrong";
  await prisma.totpCredential.deleteMany({ where: { userId: user.id } });
  // Recovery codes stay while a passkey remains.
  if (passkeys === 0) await prisma.recoveryCode.deleteMany({ where: { userId: user.id } });
  await audit({ actorId: user.id, action: "twoFactor.totp.disable", entityType: "User", entityId: user.id });
  return "ok";
}

// ── Signing in ────────────────────────────────────────────────────────────────────────────────

/** After a right password: a challenge for the second factor. Returns the cookie's token. */
export async function beginSecondFactor(userId: number, redirectTo: string): Promise<string> {
  const token = generateSecureRandomString(24);
  await prisma.twoFactorChallenge.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lt: new Date() } }] } });
  await prisma.twoFactorChallenge.create({
    data: { id: sha256Hex(token), userId, redirectTo, expiresAt: new Date(Date.now() + CHALLENGE_MS) },
  });
  return token;
}

/** The pending challenge a cookie token names, with its user, if still valid. */
export async function findChallenge(token: string | null) {
  if (!token || !/^[a-z2-7]{20,80}$/.test(token)) return null;
  const challenge = await prisma.twoFactorChallenge.findUnique({ where: { id: sha256Hex(token) } });
  if (!challenge || challenge.expiresAt.getTime() <= Date.now()) return null;
  const user = await prisma.user.findUnique({ where: { id: challenge.userId } });
  if (!user?.active) return null;
  return { challenge, user };
}

export type SecondFactorResult =
  | { ok: true; userId: number; roles: string[]; redirectTo: string }
  | { ok: false; reason: "expired" | "invalid" }
  | { ok: false; reason: "throttled"; until: Date };

/** Checks a TOTP or recovery code for a challenge, under the sign-in throttle (per account and address). */
export async function completeSecondFactor(
  token: string | null,
  input: { code: string; kind: "totp" | "recovery" } | { kind: "passkey"; response: AuthenticationResponseJSON; request: Request },
  ip: string,
): Promise<SecondFactorResult> {
  const found = await findChallenge(token);
  if (!found) return { ok: false, reason: "expired" };
  const { challenge, user } = found;
  const locked = await lockedUntil(user.email, ip);
  if (locked) return { ok: false, reason: "throttled", until: locked };
  let valid: boolean;
  if (input.kind === "passkey") valid = await verifyPasskeySignIn(challenge, user.id, input.request, input.response);
  else if (input.kind === "totp") valid = await spendTotpCode(user.id, input.code.trim());
  else valid = await spendRecoveryCode(user.id, input.code);
  if (!valid) {
    const lock = await recordFailure(user.email, ip);
    if (lock) return { ok: false, reason: "throttled", until: lock };
    return { ok: false, reason: "invalid" };
  }
  const claimed = await prisma.twoFactorChallenge.deleteMany({ where: { id: challenge.id } });
  if (claimed.count !== 1) return { ok: false, reason: "expired" };
  await clearFailures(user.email, ip);
  if (input.kind === "recovery") {
    await audit({ actorId: user.id, action: "twoFactor.recoveryCode.use", entityType: "User", entityId: user.id });
  }
  return { ok: true, userId: user.id, roles: user.roles, redirectTo: challenge.redirectTo };
}

export function challengeCookie(token: string): string {
  return [
    `${CHALLENGE_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${CHALLENGE_MS / 1000}`,
    ...(cookieSecure() ? ["Secure"] : []),
  ].join("; ");
}

export function clearChallengeCookie(): string {
  return [`${CHALLENGE_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0", ...(cookieSecure() ? ["Secure"] : [])].join("; ");
}
