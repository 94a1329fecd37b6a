// One-time, expiring links to set a password. Only a SHA-256 hash of the token is stored.
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { queueMail } from "~/mail/outbox.server";
import { translator, isLocale } from "~/i18n";
import { generateSecureRandomString, sha256Hex } from "./crypto.server";
import { hashPassword } from "./password.server";
import { now } from "~/lib/clock";
import { invalidateUserSessions } from "./session.server";

export const INVITATION_DAYS = 7;

export function publicOrigin(request: Request): string {
  return getEnv().APP_ORIGIN ?? new URL(request.url).origin;
}

/** Creates an invitation, ending earlier unused ones, and mails the link. Returns the link. */
export async function inviteUser(userId: number, createdById: number | null, origin: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const token = generateSecureRandomString(32);
  const expiresAt = new Date(now().getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await prisma.$transaction([
    prisma.invitation.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: now() } }),
    prisma.invitation.create({ data: { tokenHash: sha256Hex(token), userId, createdById, expiresAt } }),
  ]);
  const link = `${origin}/invite/${token}`;
  const t = translator(isLocale(user.locale) ? user.locale : "ja");
  await queueMail({
    to: user.email,
    subject: t("mail.invite.subject"),
    body: t("mail.invite.body", { name: user.displayName, link, days: INVITATION_DAYS }),
  });
  return link;
}

/** The invitation a token names, if it can still be used. */
export async function findUsableInvitation(token: string) {
  if (!/^[a-z2-7]{20,80}$/.test(token)) return null;
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= now().getTime() || !invitation.user.active) return null;
  return invitation;
}

/** Sets the password and uses up the invitation; false when it was used or expired meanwhile. */
export async function acceptInvitation(token: string, password: string): Promise<{ userId: number } | null> {
  const invitation = await findUsableInvitation(token);
  if (!invitation) return null;
  const passwordHash = await hashPassword(password);
  const claimed = await prisma.invitation.updateMany({
    where: { id: invitation.id, usedAt: null },
    data: { usedAt: now() },
  });
  if (claimed.count !== 1) return null;
  await prisma.user.update({ where: { id: invitation.userId }, data: { passwordHash } });
  // An invitation used as a password reset ends every session of the old password, as a change does.
  await invalidateUserSessions(invitation.userId);
  return { userId: invitation.userId };
}
