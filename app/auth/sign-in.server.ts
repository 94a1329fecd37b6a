// Where a user goes once signed in (by password, or password and second factor): a role that must use
// two-factor sign-in and has no factor yet sets one up first; a new privacy notice is shown once.
import { privacyNoticePending } from "~/privacy/privacy.server";
import { mustUseTwoFactor } from "./capabilities";
import { needsTwoFactorSetup } from "./two-factor.server";

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
