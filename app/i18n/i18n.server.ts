import { prisma } from "~/db.server";
import { audit } from "~/audit/audit.server";
import { readCookie } from "~/auth/session.server";
import { isLocale, translator, type Locale } from "./index";

export const LANG_COOKIE = "tsunagu_lang";

/** The user's language: their saved choice, else this browser's choice, else Japanese. */
export function resolveLocale(request: Request, user?: { locale: string } | null): Locale {
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = readCookie(request, LANG_COOKIE);
  return isLocale(cookie) ? cookie : "ja";
}

export function serverT(request: Request, user?: { locale: string } | null) {
  return translator(resolveLocale(request, user));
}

export function langCookie(locale: Locale): string {
  return `${LANG_COOKIE}=${locale}; Path=/; SameSite=Lax; Max-Age=${60 * 60 * 24 * 365}`;
}

/** Keeps the chosen language on the signed-in user's account. */
export async function saveUserLocale(userId: number, locale: Locale): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { locale: true } });
    if (!before || before.locale === locale) return;
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await audit(
      { actorId: userId, action: "user.locale", entityType: "User", entityId: userId, summary: `${before.locale} → ${locale}` },
      tx,
    );
  });
}
