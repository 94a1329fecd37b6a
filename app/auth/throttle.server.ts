// Throttles failed password checks (sign-in, and the current password on /account) without making
// lockout a weapon (OWASP Authentication Cheat Sheet): failures are counted per account *and address*,
// per address, and per account, each with delays that grow with every further failure. The per-account
// count (a guess spread over many addresses) never slows an address from which the owner has signed in
// before, so nobody can lock the owner out of their own account. Kept in the database so it holds across
// restarts and processes.
import { prisma } from "~/db.server";

const WINDOW_MS = 15 * 60 * 1000;
/** Free failures before delays begin, per key kind. */
export const LIMITS = { pair: 5, ip: 20, email: 50 } as const;
/** The first delay (30 s); each further failure doubles it, up to MAX_DELAY_MS (15 min). */
const BASE_DELAY_MS = 30 * 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;

type Kind = keyof typeof LIMITS;
const norm = (email: string) => email.trim().toLowerCase();
const pairKey = (email: string, ip: string) => `pair:${norm(email)}|${ip}`;
const knownKey = (email: string, ip: string) => `known:${norm(email)}|${ip}`;

function keys(email: string, ip: string): { key: string; kind: Kind }[] {
  return [
    { key: pairKey(email, ip), kind: "pair" },
    { key: `email:${norm(email)}`, kind: "email" },
    ...(ip ? [{ key: `ip:${ip}`, kind: "ip" as const }] : []),
  ];
}

/** Whether the account has signed in successfully from this address before. */
async function knownAddress(email: string, ip: string): Promise<boolean> {
  return !!ip && !!(await prisma.signInThrottle.findUnique({ where: { key: knownKey(email, ip) } }));
}

/** When password checks for this account from this address are held back, the time they resume; otherwise null. */
export async function lockedUntil(email: string, ip: string): Promise<Date | null> {
  const wanted = keys(email, ip);
  const skipAccount = await knownAddress(email, ip);
  const rows = await prisma.signInThrottle.findMany({
    where: { key: { in: wanted.filter((k) => !(skipAccount && k.kind === "email")).map((k) => k.key) } },
  });
  const now = Date.now();
  const until = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => !!d && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until ?? null;
}

/** Counts a failed check (atomically, so parallel guesses all count); returns the time checks resume when held back. */
export async function recordFailure(email: string, ip: string): Promise<Date | null> {
  for (const { key, kind } of keys(email, ip)) {
    const limit = LIMITS[kind];
    await prisma.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, now(), NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000})
                          THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000})
                          THEN now() ELSE "SignInThrottle"."windowStart" END`;
    // A growing delay from the limit on: 30 s, 1 min, 2 min … up to 15 minutes.
    await prisma.$executeRaw`
      UPDATE "SignInThrottle"
      SET "lockedUntil" = now() + make_interval(secs => LEAST(${MAX_DELAY_MS / 1000}::float8,
                                 ${BASE_DELAY_MS / 1000}::float8 * power(2, "failures" - ${limit})))
      WHERE "key" = ${key} AND "failures" >= ${limit}`;
  }
  return lockedUntil(email, ip);
}

/** After a right password: this address's count for the account ends, and the address is known to the account. */
export async function clearFailures(email: string, ip = "") {
  await prisma.signInThrottle.deleteMany({ where: { key: pairKey(email, ip) } });
  if (ip)
    await prisma.signInThrottle.upsert({
      where: { key: knownKey(email, ip) },
      create: { key: knownKey(email, ip), failures: 0 },
      update: { windowStart: new Date() },
    });
}

/**
 * A password check under the throttle: refused while held back (`locked`), counted when wrong. For
 * sign-in and for any other place that asks for the current password.
 */
export async function throttledPasswordCheck(
  email: string,
  ip: string,
  verify: () => Promise<boolean>,
): Promise<{ ok: true } | { ok: false; lockedUntil: Date | null }> {
  const locked = await lockedUntil(email, ip);
  if (locked) return { ok: false, lockedUntil: locked };
  if (await verify()) {
    await clearFailures(email, ip);
    return { ok: true };
  }
  return { ok: false, lockedUntil: await recordFailure(email, ip) };
}
