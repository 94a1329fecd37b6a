// Where a user goes once signed in (by password, or password and second factor): a role that must use
// two-factor sign-in and has no factor yet sets one up first; a new privacy notice is shown once.
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { isLocale, type Locale } from "~/i18n";
import { privacyNoticePending } from "~/privacy/privacy.server";
import { mustUseTwoFactor } from "./capabilities";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { createSession } from "./session.server";
import { clearFailures, lockedUntil, recordFailure } from "./throttle.server";
import { beginSecondFactor, challengeCookie, hasSecondFactor, needsTwoFactorSetup } from "./two-factor.server";

export const TWO_FACTOR_SETUP_PATH = "/account/security";

export async function afterSignIn(user: { id: number; roles: readonly string[] }, destination: string): Promise<string> {
  const next = (await needsTwoFactorSetup(user)) ? `${TWO_FACTOR_SETUP_PATH}?required=1` : destination;
  return (await privacyNoticePending(user.id)) ? `/privacy?next=${encodeURIComponent(next)}` : next;
}

/** Pages a user who must still set up a second factor may open meanwhile. */
const OPEN_DURING_SETUP = ["/account/security", "/privacy", "/accessibility", "/logout", "/lang", "/login"];

/** For the root loader: the set-up page, when this signed-in user must go there before anything else. */
export async function twoFactorSetupRedirect(user: { id: number; roles: readonly string[] }, pathname: string): Promise<string | null> {
  if (openDuringSetup(pathname)) return null;
  return (await needsTwoFactorSetup(user)) ? `${TWO_FACTOR_SETUP_PATH}?required=1` : null;
}

/**
 * The same, from what the session lookup already read (issue 13: no statement of its own): `secondFactorOrExempt`
 * is the session's status (a confirmed second factor, or a demo exemption).
 */
export function twoFactorSetupRedirectFor(
  user: { roles: readonly string[] },
  secondFactorOrExempt: boolean,
  pathname: string,
): string | null {
  if (openDuringSetup(pathname) || secondFactorOrExempt || !mustUseTwoFactor(user)) return null;
  return `${TWO_FACTOR_SETUP_PATH}?required=1`;
}

function openDuringSetup(pathname: string): boolean {
  const path = pathname.replace(/\.data$/, "").replace(/\/_root$/, "") || "/";
  return OPEN_DURING_SETUP.some((p) => path === p || path.startsWith(`${p}/`));
}

export type PasswordSignIn =
  | { kind: "throttled"; until: Date }
  | { kind: "invalid" }
  /** The password was right and the account has a second factor: the code comes next (the challenge's cookie). */
  | { kind: "second-factor"; challengeCookie: string; locale: Locale }
  | { kind: "signed-in"; sessionToken: string; locale: Locale; destination: string };

/**
 * Sign-in with an e-mail address and a password (the sign-in page). Throttled per account and address; success,
 * failure, lockout and a held attempt are audited (who, or which address was tried, and from where). A language
 * chosen in this browser just before signing in is the user's latest choice and is kept on the account.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  /** The language cookie of this browser, if any. */
  browserLocale: string | null | undefined;
  /** Where to go after signing in (already made safe). */
  destination: string;
}): Promise<PasswordSignIn> {
  const { email, password, ip } = input;
  const record = (action: string, actorId: number | null, summary = "") =>
    audit({ actorId, action, entityType: "User", entityId: actorId ?? email.slice(0, 254), summary: `${ip}${summary}`.slice(0, 500) });
  const locked = await lockedUntil(email, ip);
  if (locked) {
    await record("auth.signIn.held", null, ` until ${locked.toISOString()}`);
    return { kind: "throttled", until: locked };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const valid = user?.passwordHash && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    const lock = await recordFailure(email, ip);
    await record(lock ? "auth.signIn.lockout" : "auth.signIn.failure", null, lock ? ` until ${lock.toISOString()}` : "");
    return lock ? { kind: "throttled", until: lock } : { kind: "invalid" };
  }
  const locale: Locale = isLocale(input.browserLocale) ? input.browserLocale : isLocale(user.locale) ? user.locale : "ja";
  if (locale !== user.locale) await prisma.user.update({ where: { id: user.id }, data: { locale } });
  // With a second factor, the password alone signs nobody in: the code comes next, and only a right code
  // ends the throttle's count (so a known password cannot reset the count of wrong codes).
  if (await hasSecondFactor(user.id)) {
    return { kind: "second-factor", challengeCookie: challengeCookie(await beginSecondFactor(user.id, input.destination)), locale };
  }
  await clearFailures(email, ip);
  const session = await createSession(user.id, { userAgent: input.userAgent, ipAddress: ip });
  await record("auth.signIn", user.id, locale !== user.locale ? `; language ${user.locale} → ${locale}` : "");
  return { kind: "signed-in", sessionToken: session.token, locale, destination: await afterSignIn(user, input.destination) };
}
