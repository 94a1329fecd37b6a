// Passkeys (WebAuthn) as a second factor (issue 19), with @simplewebauthn/server: registration on
// /account/security, and the passkey step of /login/two-factor. The relying party is this site's host
// (APP_ORIGIN when set, else the request's origin).
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { publicOrigin } from "./invitations.server";
import type { SessionUser } from "./session.server";

const REGISTRATION_MS = 5 * 60 * 1000;
const RP_NAME = "Tsunagu";

export function relyingParty(request: Request) {
  const origin = publicOrigin(request);
  return { origin, rpID: new URL(origin).hostname };
}

export async function listPasskeys(userId: number) {
  const rows = await prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    createdAt: p.createdAt.toISOString(),
    lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Options for the browser to create a passkey; the challenge is kept for 5 minutes. */
export async function passkeyRegistrationOptions(user: SessionUser, request: Request) {
  const { rpID } = relyingParty(request);
  const existing = await prisma.passkey.findMany({ where: { userId: user.id } });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(`tsunagu-user-${user.id}`),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  const expiresAt = new Date(Date.now() + REGISTRATION_MS);
  await prisma.$transaction(async (tx) => {
    await tx.passkeyRegistration.upsert({
      where: { userId: user.id },
      create: { userId: user.id, challenge: options.challenge, expiresAt },
      update: { challenge: options.challenge, expiresAt },
    });
    await audit({ actorId: user.id, action: "twoFactor.passkey.begin", entityType: "User", entityId: user.id }, tx);
  });
  return options;
}

/** Verifies the browser's new passkey against the kept challenge and stores it. */
export async function registerPasskey(
  user: SessionUser,
  request: Request,
  response: RegistrationResponseJSON,
  name: string,
): Promise<"ok" | "invalid"> {
  const pending = await prisma.passkeyRegistration.findUnique({ where: { userId: user.id } });
  await prisma.passkeyRegistration.deleteMany({ where: { userId: user.id } });
  if (!pending || pending.expiresAt.getTime() <= Date.now()) return "invalid";
  const { origin, rpID } = relyingParty(request);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    return "invalid";
  }
  if (!verification.verified || !verification.registrationInfo) return "invalid";
  const { credential } = verification.registrationInfo;
  const created = await prisma.passkey.create({
    data: {
      userId: user.id,
      credentialId: credential.id,
      publicKey: new Uint8Array(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: name || RP_NAME,
    },
  });
  await audit({ actorId: user.id, action: "twoFactor.passkey.add", entityType: "Passkey", entityId: created.id, summary: created.name });
  return "ok";
}

/** Removes one of the user's passkeys (audited); refused when it is the last factor of a required role. */
export async function removePasskey(user: SessionUser, passkeyId: number, mayLeaveNone: boolean): Promise<"ok" | "required" | "missing"> {
  const passkey = await prisma.passkey.findFirst({ where: { id: passkeyId, userId: user.id } });
  if (!passkey) return "missing";
  if (!mayLeaveNone) {
    const others =
      (await prisma.passkey.count({ where: { userId: user.id, id: { not: passkeyId } } })) +
      (await prisma.totpCredential.count({ where: { userId: user.id, confirmedAt: { not: null } } }));
    if (others === 0) return "required";
  }
  await prisma.passkey.delete({ where: { id: passkey.id } });
  await audit({ actorId: user.id, action: "twoFactor.passkey.remove", entityType: "Passkey", entityId: passkey.id, summary: passkey.name });
  return "ok";
}

/** Options for the passkey step of a sign-in; the challenge is kept on the sign-in's TwoFactorChallenge row. */
export async function passkeySignInOptions(challengeId: string, userId: number, request: Request) {
  const { rpID } = relyingParty(request);
  const passkeys = await prisma.passkey.findMany({ where: { userId } });
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    userVerification: "preferred",
  });
  await prisma.twoFactorChallenge.update({ where: { id: challengeId }, data: { webauthnChallenge: options.challenge } });
  return options;
}

/** Checks a passkey's answer for a sign-in's challenge; true when it is the user's and signed the challenge. */
export async function verifyPasskeySignIn(
  challenge: { webauthnChallenge: string | null },
  userId: number,
  request: Request,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  if (!challenge.webauthnChallenge) return false;
  const passkey = await prisma.passkey.findFirst({ where: { userId, credentialId: response.id } });
  if (!passkey) return false;
  const { origin, rpID } = relyingParty(request);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.webauthnChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as AuthenticatorTransport[],
      },
    });
    if (!result.verified) return false;
    await prisma.passkey.update({
      where: { id: passkey.id },
      data: { counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() },
    });
    return true;
  } catch {
    return false;
  }
}
