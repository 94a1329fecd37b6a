// The signed-in person's own account page (/account): their sessions, a password change (throttled like sign-in),
// the language, and ending their other sessions. Every function acts on the given user only.
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n";
import { describeUserAgent } from "~/lib/user-agent";
import { hashPassword, verifyPassword } from "./password.server";
import { invalidateUserSessions, sessionsLiveSince, type SessionUser } from "./session.server";
import { throttledPasswordCheck } from "./throttle.server";

/** The signed-in devices listed on the account page: the most recently used, the current one always among them. */
export const SESSIONS_LISTED = 20;

/** The account page: the person's facts and their signed-in browsers, the current one marked. */
export async function accountPage(user: SessionUser, sessionId: string) {
  // Only live sessions (a lapsed one can no longer be used, so it is not "signed in"), newest first and at most
  // SESSIONS_LISTED of them: someone who signs in from many browsers does not get a page of hundreds of rows.
  const live = { userId: user.id, lastVerifiedAt: { gte: sessionsLiveSince() } };
  const [listed, total] = await Promise.all([
    prisma.session.findMany({ where: live, orderBy: [{ lastVerifiedAt: "desc" }, { id: "asc" }], take: SESSIONS_LISTED }),
    prisma.session.count({ where: live }),
  ]);
  const current = listed.some((s) => s.id === sessionId)
    ? []
    : await prisma.session.findMany({ where: { id: sessionId, userId: user.id } });
  const sessions = [...current, ...listed.slice(0, SESSIONS_LISTED - current.length)];
  return {
    /** Live sessions not listed (the button that signs out every other device ends them too). */
    moreSessions: Math.max(0, total - sessions.length),
    user: {
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      roles: user.roles,
      officeName: user.office?.name ?? null,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === sessionId,
      userAgent: describeUserAgent(s.userAgent),
      ipAddress: s.ipAddress,
      createdAt: s.createdAt.toISOString(),
      lastVerifiedAt: s.lastVerifiedAt.toISOString(),
    })),
  };
}

export type PasswordChange = { ok: true } | { ok: false; wrong: true } | { ok: false; lockedUntil: Date };

/**
 * Changes the person's password after checking the current one; guesses of it are throttled like sign-in. A change
 * ends every other session (in case the old password leaked) and is audited.
 */
export async function changeOwnPassword(
  user: SessionUser,
  sessionId: string,
  input: { currentPassword: string; password: string },
  clientIp: string,
): Promise<PasswordChange> {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  const check = await throttledPasswordCheck(row.email, clientIp, async () =>
    row.passwordHash ? verifyPassword(row.passwordHash, input.currentPassword) : false,
  );
  if (!check.ok && check.lockedUntil) return { ok: false, lockedUntil: check.lockedUntil };
  if (!check.ok) return { ok: false, wrong: true };
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  await invalidateUserSessions(user.id, sessionId);
  await audit({ actorId: user.id, action: "user.changePassword", entityType: "User", entityId: user.id });
  return { ok: true };
}

/** The person's language for pages and mail. */
export async function setOwnLocale(user: SessionUser, locale: Locale) {
  await prisma.user.update({ where: { id: user.id }, data: { locale } });
}

/** Ends one of the person's other sessions (never another person's, never the current one). */
export async function endOwnSession(user: SessionUser, currentSessionId: string, id: string) {
  await prisma.session.deleteMany({ where: { id, userId: user.id, NOT: { id: currentSessionId } } });
}
