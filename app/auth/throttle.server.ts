// Throttles failed sign-ins per account and per address, kept in the database so that it holds
// across restarts and processes.
import { prisma } from "~/db.server";

const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { email: 5, ip: 20 } as const;
const LOCK_MS = 15 * 60 * 1000;

function keys(email: string, ip: string) {
  return [{ key: `email:${email.toLowerCase()}`, limit: LIMITS.email }, ...(ip ? [{ key: `ip:${ip}`, limit: LIMITS.ip }] : [])];
}

/** When sign-in is locked for this account or address, the time it unlocks; otherwise null. */
export async function lockedUntil(email: string, ip: string): Promise<Date | null> {
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: keys(email, ip).map((k) => k.key) } } });
  const now = Date.now();
  const until = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => !!d && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until ?? null;
}

/** Counts a failed sign-in (atomically, so parallel guesses all count); returns the lock time if one began. */
export async function recordFailure(email: string, ip: string): Promise<Date | null> {
  let lock: Date | null = null;
  for (const { key, limit } of keys(email, ip)) {
    await prisma.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, now(), NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000})
                          THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000})
                          THEN now() ELSE "SignInThrottle"."windowStart" END`;
    await prisma.$executeRaw`
      UPDATE "SignInThrottle" SET "lockedUntil" = now() + make_interval(secs => ${LOCK_MS / 1000})
      WHERE "key" = ${key} AND "failures" >= ${limit} AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
    const row = await prisma.signInThrottle.findUnique({ where: { key } });
    if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now() && (!lock || row.lockedUntil > lock)) lock = row.lockedUntil;
  }
  return lock;
}

export async function clearFailures(email: string) {
  await prisma.signInThrottle.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
}
