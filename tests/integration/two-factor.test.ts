import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { mustUseTwoFactor, TWO_FACTOR_REQUIRED_ROLES } from "~/auth/capabilities";
import { createSession, SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { twoFactorSetupRedirect } from "~/auth/sign-in.server";
import { LIMITS } from "~/auth/throttle.server";
import { CHALLENGE_COOKIE, confirmTotpSetup, disableTotp, loadSecurityPage, startTotpSetup } from "~/auth/two-factor.server";
import { prisma } from "~/db.server";
import { PRIVACY_NOTICE_VERSION } from "~/privacy/notice";
import { action as loginAction } from "~/routes/login";
import { action as verifyAction } from "~/routes/login_.two-factor";
import { callRoute } from "./call-route";
import { createUser, formRequestInit } from "./factories";

const step = () => Math.floor(Date.now() / 1000 / 30);
const code = (secret: Uint8Array, offset = 0) => generateHOTP(secret, BigInt(step() + offset), 6);

async function me(userId: number) {
  const { token } = await createSession(userId);
  return (await validateSessionToken(token))!.user;
}

/** A user (privacy notice already acknowledged) with a confirmed authenticator app. */
async function userWithTotp(email: string, password: string, roles: ("TRAINEE" | "ADMINISTRATOR")[] = ["TRAINEE"]) {
  const user = await createUser({ email, password, roles });
  await prisma.privacyAcknowledgement.create({ data: { userId: user.id, version: PRIVACY_NOTICE_VERSION } });
  const session = await me(user.id);
  await startTotpSetup(session);
  const page = await loadSecurityPage(session);
  const secret = decodeBase32IgnorePadding(page.pendingSetup!.secret);
  const recovery = await confirmTotpSetup(session, code(secret));
  return { user, session, secret, recovery: recovery! };
}

function cookieValue(response: { headers?: Headers } | undefined, name: string): string | null {
  const all = response?.headers?.getSetCookie() ?? [];
  const hit = all.find((c) => c.startsWith(`${name}=`));
  return hit ? hit.split(";")[0].slice(name.length + 1) : null;
}

async function passwordStep(email: string, password: string, ip = "203.0.113.70") {
  const r = await callRoute(
    loginAction({
      request: new Request("http://localhost/login", formRequestInit({ email, password, redirectTo: "/notifications" })),
      params: {},
      context: { clientIp: ip },
    }),
  );
  return r.response ?? (r.value as Response);
}

async function codeStep(challenge: string, fields: Record<string, string>, ip = "203.0.113.70") {
  const outcome = await callRoute(
    verifyAction({
      request: new Request("http://localhost/login/two-factor", {
        ...formRequestInit(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${CHALLENGE_COOKIE}=${challenge}` },
      }),
      params: {},
      context: { clientIp: ip },
    }),
  );
  // The Response the action returned (a thrown one is not a step's answer).
  return { ...outcome, response: outcome.thrown ? undefined : outcome.response };
}

describe("who must use two-factor sign-in", () => {
  it("is one list: the subcommittee, the secretariat and system administrators, not office staff or trainees", () => {
    expect([...TWO_FACTOR_REQUIRED_ROLES].sort()).toEqual(["ADMINISTRATOR", "EVALUATION_SUBCOMMITTEE", "SYSTEM_ADMIN"]);
    expect(mustUseTwoFactor(["EVALUATION_SUBCOMMITTEE"])).toBe(true);
    expect(mustUseTwoFactor(["SYSTEM_ADMIN"])).toBe(true);
    expect(mustUseTwoFactor({ roles: ["TRAINEE", "OFFICE_MANAGER"] })).toBe(false);
  });
});

describe("setting up an authenticator app", () => {
  it("keeps the secret encrypted, needs a right first code, makes ten hashed recovery codes, and is audited", async () => {
    const user = await createUser();
    const session = await me(user.id);
    expect(await startTotpSetup(session)).toBe("ok");
    const page = await loadSecurityPage(session);
    const secretText = page.pendingSetup!.secret;
    expect(page.pendingSetup!.uri).toContain("otpauth://totp/");
    expect(page.pendingSetup!.qrSvg).toContain("<svg");
    const row = await prisma.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEncrypted).not.toContain(secretText);
    expect(row.secretEncrypted).toMatch(/^v1\./);
    const secret = decodeBase32IgnorePadding(secretText);
    expect(Buffer.from(row.secretEncrypted).includes(Buffer.from(secret))).toBe(false);

    expect(await confirmTotpSetup(session, "000000" === code(secret) ? "111111" : "000000")).toBeNull();
    expect((await loadSecurityPage(session)).totpEnabled).toBe(false);
    const recovery = await confirmTotpSetup(session, code(secret));
    expect(recovery).toHaveLength(10);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const c of recovery!) expect(stored.map((s) => s.codeHash)).not.toContain(c);
    expect((await loadSecurityPage(session)).totpEnabled).toBe(true);
    expect(await startTotpSetup(session)).toBe("already");
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "twoFactor.totp.enable" } })).toBe(1);
  });

  it("cannot be turned off by a role that must use it", async () => {
    const { session } = await userWithTotp("admin-2fa@example.jp", "admin-password-1", ["ADMINISTRATOR"]);
    expect(await disableTotp(session, "123456")).toBe("required");
  });
});

describe("signing in with a second factor", () => {
  it("gives no session for the password alone; a right code does, once", async () => {
    const { secret } = await userWithTotp("two@example.jp", "two-password-1");
    const first = await passwordStep("two@example.jp", "two-password-1");
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/login/two-factor");
    expect(cookieValue(first, SESSION_COOKIE)).toBeNull();
    const challenge = cookieValue(first, CHALLENGE_COOKIE)!;
    expect(challenge).toBeTruthy();

    const wrong = await codeStep(challenge, { kind: "totp", code: code(secret, 5) });
    expect(wrong.status).toBe(401);
    const right = code(secret, 1);
    const ok = await codeStep(challenge, { kind: "totp", code: right });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/notifications");
    expect(cookieValue(ok.response, SESSION_COOKIE)).toBeTruthy();

    // The same code is never accepted twice, and a used challenge is gone.
    const again = await passwordStep("two@example.jp", "two-password-1");
    const replay = await codeStep(cookieValue(again, CHALLENGE_COOKIE)!, { kind: "totp", code: right });
    expect(replay.status).toBe(401);
    const spent = await codeStep(challenge, { kind: "totp", code: code(secret, 1) });
    expect(spent.location).toBe("/login?expired=1");
  });

  it("accepts each recovery code once", async () => {
    const { recovery } = await userWithTotp("rec@example.jp", "rec-password-1");
    const a = await passwordStep("rec@example.jp", "rec-password-1");
    const ok = await codeStep(cookieValue(a, CHALLENGE_COOKIE)!, { kind: "recovery", code: recovery[0].toUpperCase() });
    expect(ok.status).toBe(302);
    const b = await passwordStep("rec@example.jp", "rec-password-1");
    const reused = await codeStep(cookieValue(b, CHALLENGE_COOKIE)!, { kind: "recovery", code: recovery[0] });
    expect(reused.status).toBe(401);
    expect(await prisma.auditLog.count({ where: { action: "twoFactor.recoveryCode.use" } })).toBeGreaterThanOrEqual(1);
  });

  it("throttles wrong codes like wrong passwords, and a right password does not reset the count", async () => {
    const { secret } = await userWithTotp("guess@example.jp", "guess-password-1");
    const ip = "198.51.100.80";
    let last = 0;
    for (let i = 0; i < LIMITS.pair; i++) {
      const start = await passwordStep("guess@example.jp", "guess-password-1", ip);
      const challenge = cookieValue(start, CHALLENGE_COOKIE);
      if (!challenge) {
        last = start instanceof Response ? start.status : 0;
        break;
      }
      last = (await codeStep(challenge, { kind: "totp", code: code(secret, 7) }, ip)).status;
    }
    expect(last).toBe(429);
    // Now even the right password and code are held back from that address.
    const held = await passwordStep("guess@example.jp", "guess-password-1", ip);
    expect(cookieValue(held, CHALLENGE_COOKIE)).toBeNull();
  });
});

describe("a role that must use two-factor sign-in, without a factor", () => {
  it("is sent to set one up after password sign-in and from every other page", async () => {
    const user = await createUser({ email: "sub-nofactor@example.jp", password: "sub-password-1", roles: ["EVALUATION_SUBCOMMITTEE"] });
    await prisma.privacyAcknowledgement.create({ data: { userId: user.id, version: PRIVACY_NOTICE_VERSION } });
    const r = await passwordStep("sub-nofactor@example.jp", "sub-password-1");
    expect(r.headers.get("Location")).toBe("/account/security?required=1");
    expect(cookieValue(r, SESSION_COOKIE)).toBeTruthy();
    expect(await twoFactorSetupRedirect(user, "/subcommittee")).toBe("/account/security?required=1");
    expect(await twoFactorSetupRedirect(user, "/subcommittee.data")).toBe("/account/security?required=1");
    expect(await twoFactorSetupRedirect(user, "/account/security")).toBeNull();
    // A demo-seeded exemption lets the account through (demo data only).
    await prisma.twoFactorDemoExemption.create({ data: { userId: user.id, reason: "test" } });
    expect(await twoFactorSetupRedirect(user, "/subcommittee")).toBeNull();
    // Other roles are never sent there.
    const trainee = await createUser();
    expect(await twoFactorSetupRedirect(trainee, "/")).toBeNull();
  });
});
